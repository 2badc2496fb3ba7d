#include "support/CatchQt.h"

#include "support/CapturedIo.h"
#include "support/FileMode.h"

#include "cli/ReaderCommands.h"

#include "ReaderTestSupport.h"

#include <QFile>
#include <QImage>

#include <QJsonArray>
#include <sys/stat.h>

using namespace shiming;
using namespace Qt::StringLiterals;
using readertest::SimProcess;

namespace {

using Captured = testing::CapturedIo;

int run(Captured& captured, const QStringList& args)
{
    return cli::runCommandLine(cli::readerCommands(), QStringList{u"reader"_s} + args, captured.io());
}

} // namespace

TEST_CASE("shimingctl reader read --json prints the document and exits 0", "[reader][cli]")
{
    QTemporaryDir dir;
    SimProcess sim;
    REQUIRE(sim.start({readertest::fixtureWithPhoto(dir, u"middle-dot.json"_s)}));
    Captured c;
    const QString photo = dir.filePath(u"out.bmp"_s);
    REQUIRE(run(c, {u"read"_s, u"--port"_s, sim.link(), u"--decoder"_s, QStringLiteral(SHIMING_TEST_WLT_LIBRARY),
                    u"--decoder-symbol"_s, u"shiming_test_wlt_unpack"_s, u"--photo-out"_s, photo, u"--json"_s}) ==
            cli::ExitOk);
    const QJsonObject o = c.json();
    CHECK(o.value(u"ok"_s).toBool());
    CHECK(o.value(u"photo"_s).toBool());
    CHECK(o.value(u"sam_id"_s).toString() == u"05.01-20150414-0035371845-2315722648"_s);
    const QJsonObject d = o.value(u"document"_s).toObject();
    CHECK(d.value(u"type"_s).toString() == u"resident-id"_s);
    CHECK(d.value(u"name"_s).toString() == u"阿依古丽·买买提"_s);
    CHECK(d.value(u"sex"_s).toString() == u"2"_s);
    CHECK(d.value(u"nation_code"_s).toString() == u"05"_s);
    CHECK(d.value(u"nation"_s).toString() == u"维吾尔族"_s);
    CHECK(d.value(u"birth_date"_s).toString() == u"1990-03-15"_s);
    CHECK(d.value(u"id_number"_s).toString() == u"650102199003150048"_s);
    CHECK(d.value(u"valid_to"_s).toString() == u"2036-03-15"_s);
    CHECK(d.value(u"authority"_s).toString() == u"乌鲁木齐市公安局天山区分局"_s);
    CHECK(QImage(photo).size() == QSize(102, 126));
    // The holder's photo is personal data: readable by its owner only.
    CHECK(testing::modeOf(photo) == 0600);
    // The raw bytes are UTF-8 (not \u escapes lost on the way).
    CHECK(c.out.contains("阿依古丽·买买提"));
}

TEST_CASE("shimingctl reader read: reader error exits 1 with a typed error, usage errors exit 2", "[reader][cli]")
{
    SimProcess sim;
    REQUIRE(sim.start({u"--error"_s, u"read-failed"_s, readertest::fixturePath(u"rare-name.json"_s)}));
    Captured c;
    CHECK(run(c, {u"read"_s, u"--port"_s, sim.link(), u"--json"_s}) == cli::ExitFailure);
    const QJsonObject o = c.json();
    CHECK_FALSE(o.value(u"ok"_s).toBool());
    CHECK(o.value(u"error"_s).toObject().value(u"code"_s).toString() == u"status_41"_s);
    CHECK_FALSE(o.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());

    Captured missing;
    CHECK(run(missing, {u"read"_s, u"--port"_s, u"/nonexistent/tty"_s, u"--json"_s}) == cli::ExitFailure);
    CHECK(missing.json().value(u"error"_s).toObject().value(u"code"_s).toString() == u"link"_s);

    Captured usage;
    CHECK(run(usage, {u"read"_s, u"--json"_s}) == cli::ExitUsage);
    CHECK(run(usage, {u"read"_s, u"--port"_s, u"x"_s, u"--baud"_s, u"fast"_s}) == cli::ExitUsage);
    CHECK(run(usage, {u"read"_s, u"--bogus"_s}) == cli::ExitUsage);
    CHECK(run(usage, {u"frobnicate"_s}) == cli::ExitUsage);
    CHECK(run(usage, {}) == cli::ExitUsage);
}

TEST_CASE("shimingctl reader probe prints the SAM id and status", "[reader][cli]")
{
    SimProcess sim;
    REQUIRE(sim.start({readertest::fixturePath(u"resident.json"_s)}));
    Captured c;
    REQUIRE(run(c, {u"probe"_s, u"--port"_s, sim.link(), u"--json"_s}) == cli::ExitOk);
    CHECK(c.json().value(u"sam_id"_s).toString() == u"05.01-20150414-0035371845-2315722648"_s);
    CHECK(c.json().value(u"sam_status"_s).toString() == u"ok"_s);

    SimProcess refused;
    REQUIRE(refused.start({u"--error"_s, u"sam-not-authorised"_s, readertest::fixturePath(u"resident.json"_s)}));
    Captured r;
    CHECK(run(r, {u"probe"_s, u"--port"_s, refused.link(), u"--json"_s}) == cli::ExitFailure);
    CHECK(r.json().value(u"error"_s).toObject().value(u"code"_s).toString() == u"status_66"_s);
}
