#include "core/catalog/Iccid.h"
#include "core/identity/CheckDigits.h"

#include "support/CatchQt.h"

using namespace Qt::StringLiterals;
using namespace shiming::catalog;

TEST_CASE("ICCID scans are checked for length, prefix, operator and Luhn", "[catalog]")
{
    // 8986 00 ... with a Luhn digit appended.
    const QString body = u"898600123456789012"_s; // 18 digits
    QString withCheck;
    for (int d = 0; d <= 9; ++d) {
        if (shiming::identity::luhnValid(QString(body + QString::number(d))))
            withCheck = body + QString::number(d);
    }
    REQUIRE(withCheck.size() == 19);

    IccidCheck ok = checkIccid(withCheck);
    CHECK(ok.valid());
    CHECK(ok.luhnOk);
    CHECK(ok.simOperator == SimOperator::ChinaMobile);

    // A scanner may add spaces; full-width digits come from input methods; 'F' filler at the end.
    CHECK(checkIccid(QString(u" 8986 0012 3456 7890 12"_s + withCheck.right(1))).iccid == withCheck);
    CHECK(checkIccid(QString(withCheck + u"F"_s)).iccid == withCheck);
    CHECK(checkIccid(QString(u"８９８６００１２３４５６７８９０１２"_s + withCheck.right(1))).valid());

    IccidCheck badLuhn = checkIccid(QString(body + QString::number((withCheck.back().unicode() - u'0' + 1) % 10)));
    CHECK(badLuhn.valid()); // warning only
    CHECK_FALSE(badLuhn.luhnOk);

    CHECK(checkIccid(u""_s).error == u"empty"_s);
    CHECK(checkIccid(u"89860012345678901x"_s).error == u"invalid_character"_s);
    CHECK(checkIccid(u"8986001234"_s).error == u"invalid_length"_s);
    CHECK(checkIccid(u"1234567890123456789"_s).error == u"not_iccid"_s);
    CHECK(checkIccid(QString(1000, u'8')).error == u"invalid_length"_s);
    CHECK(checkIccid(u"𠮷𠮷𠮷"_s).error == u"invalid_character"_s);

    CHECK(checkIccid(u"8986031234567890123"_s).simOperator == SimOperator::ChinaTelecom);
    CHECK(checkIccid(u"8986011234567890123"_s).simOperator == SimOperator::ChinaUnicom);
    CHECK(checkIccid(u"8986011234567890123"_s, SimOperator::ChinaMobile).error == u"wrong_operator"_s);
    CHECK(checkIccid(withCheck, SimOperator::ChinaMobile).valid());
    CHECK(simOperatorKey(SimOperator::ChinaUnicom) == u"china_unicom"_s);
}

TEST_CASE("Luhn rejects empty and non-digit input", "[catalog]")
{
    CHECK(shiming::identity::luhnValid(u"79927398713"));
    CHECK_FALSE(shiming::identity::luhnValid(u"79927398710"));
    CHECK_FALSE(shiming::identity::luhnValid(u""));
    CHECK_FALSE(shiming::identity::luhnValid(u"12a4"));
}
