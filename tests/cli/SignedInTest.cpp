#include "support/CatchQt.h"

#include "support/CapturedIo.h"

#include "cli/SignedIn.h"
#include "core/auth/Authenticator.h"
#include "core/auth/Session.h"
#include "core/common/Clock.h"
#include "core/store/KeySlots.h"

#include <QTemporaryDir>

using namespace shiming;
using namespace Qt::StringLiterals;

namespace {

using testing::CapturedIo;

const cli::OptionSpec kSpec{
    u"shimingctl thing --db PATH --user NAME [--password-file FILE]"_s, cli::signInOptions(), {}};

} // namespace

TEST_CASE("withSignedIn signs in and runs the work, or says why not with the right exit status", "[cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"outlet.db"_s);
    SystemClock clock;
    REQUIRE(auth::Authenticator::initialize(db, u"O-1"_s, u"boss"_s, "boss-password", store::KdfParams::weakForTests(),
                                            clock)
                .has_value());
    const auto options = [](const QStringList& args) {
        auto parsed = cli::Options::parse(args, kSpec);
        REQUIRE(parsed.has_value());
        return *parsed;
    };
    int runs = 0;
    const auto work = [&](auth::Session& session) {
        ++runs;
        CHECK(session.account().name == u"boss"_s);
        return 7;
    };

    CapturedIo right;
    right.in = "boss-password";
    CHECK(cli::withSignedIn(options({u"--db"_s, db, u"--user"_s, u"boss"_s}), right.io(), clock, work) == 7);
    CHECK(runs == 1);
    CHECK(right.err.isEmpty());

    CapturedIo wrong;
    wrong.in = "not-the-password";
    CHECK(cli::withSignedIn(options({u"--db"_s, db, u"--user"_s, u"boss"_s}), wrong.io(), clock, work) ==
          cli::ExitFailure);
    CHECK(wrong.err == "error: wrong user name or password\n");

    CapturedIo none;
    CHECK(cli::withSignedIn(options({u"--db"_s, db, u"--user"_s, u"boss"_s}), none.io(), clock, work) ==
          cli::ExitFailure);
    CHECK(none.err.startsWith("error: no password given"));

    CapturedIo missing;
    missing.in = "boss-password";
    CHECK(cli::withSignedIn(options({u"--db"_s, db}), missing.io(), clock, work) == cli::ExitUsage);
    CHECK(missing.err.startsWith("usage: shimingctl thing"));
    CHECK(runs == 1);
}
