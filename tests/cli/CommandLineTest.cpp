#include "support/CatchQt.h"

#include "support/CapturedIo.h"

#include "cli/CommandLine.h"

#include <QTemporaryDir>

using namespace shiming;
using namespace Qt::StringLiterals;

namespace {

using testing::CapturedIo;
} // namespace

TEST_CASE("Command line dispatches by name and refuses unknown commands", "[cli]")
{
    CapturedIo captured;
    QStringList seen;
    const QList<cli::Command> commands{
        {u"echo"_s, u"prints its arguments"_s, [&](const QStringList& args, const cli::Io& io) {
             seen = args;
             io.print(args.join(u' '));
             return int(cli::ExitOk);
         }}};
    CHECK(cli::runCommandLine(commands, {u"echo"_s, u"a"_s, u"b"_s}, captured.io()) == cli::ExitOk);
    CHECK(seen == QStringList{u"a"_s, u"b"_s});
    CHECK(captured.out == "a b\n");

    CHECK(cli::runCommandLine(commands, {u"nope"_s}, captured.io()) == cli::ExitUsage);
    CHECK(captured.err.contains("unknown command 'nope'"));
    CHECK(cli::runCommandLine(commands, {}, captured.io()) == cli::ExitUsage);
}

TEST_CASE("Each program names itself in its usage, its errors and its version", "[cli]")
{
    const QList<cli::Command> commands{{u"serve"_s, u"serves"_s, [](const QStringList&, const cli::Io&) {
                                            return int(cli::ExitOk);
                                        }}};
    CapturedIo help;
    CHECK(cli::runCommandLine(commands, {u"--help"_s}, help.io(), u"shiming-hq"_s) == cli::ExitOk);
    CHECK(help.err.startsWith("usage: shiming-hq COMMAND"));
    CHECK_FALSE(help.err.contains("shimingctl"));
    CapturedIo unknown;
    CHECK(cli::runCommandLine(commands, {u"nope"_s}, unknown.io(), u"shiming-hq"_s) == cli::ExitUsage);
    CHECK(unknown.err.startsWith("shiming-hq: unknown command 'nope'"));
    CapturedIo version;
    CHECK(cli::runCommandLine(commands, {u"--version"_s}, version.io()) == cli::ExitOk);
    CHECK(version.out == QByteArray("shimingctl " SHIMING_VERSION "\n"));
}

TEST_CASE("Secrets come from a file or stdin, without the line end", "[cli]")
{
    CapturedIo captured;
    captured.in = "from stdin\r\n";
    QString error;
    CHECK(cli::readSecret({}, captured.io(), &error) == "from stdin");

    QTemporaryDir dir;
    const QString path = dir.filePath(u"pw"_s);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("s3cret 密码\n");
    file.close();
    CHECK(cli::readSecret(path, captured.io(), &error) == QByteArray("s3cret 密码"));

    CHECK(cli::readSecret(dir.filePath(u"missing"_s), captured.io(), &error).isEmpty());
    CHECK(error.contains(u"cannot read"_s));
}
