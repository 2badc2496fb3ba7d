#include "support/CatchQt.h"

#include "support/CapturedIo.h"

#include "cli/Options.h"

using namespace shiming;
using namespace Qt::StringLiterals;

namespace {

using testing::CapturedIo;

const cli::OptionSpec kSpec{u"shimingctl thing --db PATH [--json] [FILE]"_s,
                            {u"--db"_s, u"--user"_s, u"--server-name"_s},
                            {u"--json"_s},
                            {},
                            1};

QString errorOf(const QStringList& args, const cli::OptionSpec& spec = kSpec)
{
    const auto options = cli::Options::parse(args, spec);
    REQUIRE_FALSE(options.has_value());
    CHECK(options.error().code == Error::Code::InvalidInput);
    return options.error().detail;
}

} // namespace

TEST_CASE("Options reads values, --name=value, flags, positional arguments and --", "[cli]")
{
    const auto options = cli::Options::parse({u"--db"_s, u"a.db"_s, u"--json"_s, u"--user=li"_s, u"file.txt"_s}, kSpec);
    REQUIRE(options.has_value());
    CHECK(options->value(u"--db"_s) == u"a.db"_s);
    CHECK(options->value(u"--user"_s) == u"li"_s);
    CHECK(options->flag(u"--json"_s));
    CHECK(options->has(u"--db"_s));
    CHECK_FALSE(options->has(u"--server-name"_s));
    CHECK(options->value(u"--server-name"_s, u"fallback"_s) == u"fallback"_s);
    CHECK(options->positional() == QStringList{u"file.txt"_s});
    CHECK_FALSE(options->helpRequested());

    const auto repeated = cli::Options::parse(
        {u"--server-name"_s, u"a"_s, u"--server-name"_s, u"b"_s, u"--"_s, u"--not-an-option"_s}, kSpec);
    REQUIRE(repeated.has_value());
    CHECK(repeated->values(u"--server-name"_s) == QStringList{u"a"_s, u"b"_s});
    CHECK(repeated->value(u"--server-name"_s) == u"b"_s);
    CHECK(repeated->positional() == QStringList{u"--not-an-option"_s});

    const auto dash = cli::Options::parse({u"-"_s}, kSpec);
    REQUIRE(dash.has_value());
    CHECK(dash->positional() == QStringList{u"-"_s});
}

TEST_CASE("Options fails with a clear message", "[cli]")
{
    CHECK(errorOf({u"--x"_s}) == u"unknown option --x"_s);
    CHECK(errorOf({u"-x"_s}) == u"unknown option -x"_s);
    CHECK(errorOf({u"--db"_s}) == u"option --db needs a value"_s);
    CHECK(errorOf({u"--json=yes"_s}) == u"option --json takes no value"_s);
    CHECK(errorOf({u"a"_s, u"b"_s}) == u"unexpected argument b"_s);
    cli::OptionSpec required = kSpec;
    required.required = {u"--db"_s};
    CHECK(errorOf({u"--user"_s, u"li"_s}, required) == u"missing --db"_s);
    CHECK(errorOf({u"--db="_s}, required) == u"missing --db"_s);
    cli::OptionSpec any = kSpec;
    any.maxPositional = cli::OptionSpec::AnyNumber;
    CHECK(cli::Options::parse({u"a"_s, u"b"_s, u"c"_s}, any)->positional().size() == 3);
}

TEST_CASE("parseCommand prints the error and the usage, or the help, and gives the exit status", "[cli]")
{
    CapturedIo bad;
    const auto unknown = cli::parseCommand({u"--frobnicate"_s}, kSpec, bad.io());
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error() == cli::ExitUsage);
    CHECK(bad.err == "unknown option --frobnicate\nusage: shimingctl thing --db PATH [--json] [FILE]\n");
    CHECK(bad.out.isEmpty());

    // --help answers even when a required option is missing.
    cli::OptionSpec required = kSpec;
    required.required = {u"--db"_s};
    CapturedIo help;
    const auto helped = cli::parseCommand({u"--help"_s}, required, help.io());
    REQUIRE_FALSE(helped.has_value());
    CHECK(helped.error() == cli::ExitOk);
    CHECK(help.out == "usage: shimingctl thing --db PATH [--json] [FILE]\n");
    CHECK(help.err.isEmpty());

    CapturedIo later;
    const auto options = cli::parseCommand({u"--db"_s, u"x"_s}, kSpec, later.io());
    REQUIRE(options.has_value());
    CHECK(options->usageError(later.io(), u"--db must end in .db"_s) == cli::ExitUsage);
    CHECK(later.err == "--db must end in .db\nusage: shimingctl thing --db PATH [--json] [FILE]\n");
}
