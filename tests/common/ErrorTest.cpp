#include "support/CatchQt.h"

#include "core/common/Clock.h"
#include "core/common/Error.h"

using namespace shiming;
using namespace Qt::StringLiterals;

static Result<int> parsePositive(int value)
{
    if (value <= 0)
        return fail(Error::invalidInput(u"not positive"_s));
    return value;
}

TEST_CASE("Result carries either a value or an Error", "[common]")
{
    REQUIRE(parsePositive(3).value() == 3);
    const Result<int> bad = parsePositive(-1);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == Error::Code::InvalidInput);
    CHECK(bad.error().detail == u"not positive"_s);
    CHECK(errorCodeName(bad.error().code) == u"invalid_input"_s);
    CHECK(errorCodeName(Error::Code::WrongKey) == u"wrong_key"_s);
}

TEST_CASE("FixedClock stands still until moved", "[common]")
{
    FixedClock clock(QDateTime(QDate(2026, 11, 28), QTime(9, 30)));
    CHECK(clock.today() == QDate(2026, 11, 28));
    clock.advanceSeconds(15 * 3600);
    CHECK(clock.today() == QDate(2026, 11, 29));
}
