#include "support/CatchQt.h"

#include "cli/IdentityCommands.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace shiming;

namespace {

struct Run {
    int status = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run run(const QStringList& args, const QByteArray& stdinText = {})
{
    Run r;
    cli::Io io;
    io.out = [&](const QByteArray& b) {
        r.out += b;
    };
    io.err = [&](const QByteArray& b) {
        r.err += b;
    };
    io.readStdin = [=]() {
        return stdinText;
    };
    r.status = cli::runValidateCommand(args, io);
    return r;
}

} // namespace

TEST_CASE("shimingctl validate prints JSON and exits 0 for a valid number", "[identity]")
{
    const Run r =
        run({u"--type"_s, u"resident-id"_s, u"11010519491231002x"_s, u"--json"_s, u"--today"_s, u"2026-06-15"_s});
    CHECK(r.status == 0);
    CHECK(r.out.count('\n') == 1);
    const QJsonObject o = r.json();
    CHECK(o.value(u"type"_s).toString() == u"resident-id"_s);
    CHECK(o.value(u"valid"_s).toBool());
    CHECK(o.value(u"normalized"_s).toString() == u"11010519491231002X"_s);
    const QJsonObject fields = o.value(u"fields"_s).toObject();
    CHECK(fields.value(u"birth_date"_s).toString() == u"1949-12-31"_s);
    CHECK(fields.value(u"sex"_s).toString() == u"F"_s);
    CHECK(fields.value(u"region_code"_s).toString() == u"110105"_s);
    CHECK(fields.value(u"province"_s).toString() == u"北京市"_s);
    CHECK(fields.value(u"age"_s).toInt() == 76);
    CHECK(o.value(u"errors"_s).toArray().isEmpty());
    CHECK(o.value(u"warnings"_s).isArray());
}

TEST_CASE("shimingctl validate exits 1 with error codes for an invalid number", "[identity]")
{
    const Run r = run({u"--type=resident-id"_s, u"--json"_s, u"110105194912310021"_s});
    CHECK(r.status == 1);
    const QJsonObject o = r.json();
    CHECK_FALSE(o.value(u"valid"_s).toBool());
    const QJsonArray errors = o.value(u"errors"_s).toArray();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].toObject().value(u"code"_s).toString() == u"check_character"_s);
    CHECK_FALSE(errors[0].toObject().value(u"message"_s).toString().isEmpty());

    const Run text = run({u"--type"_s, u"resident-id"_s, u"110105194912310021"_s});
    CHECK(text.status == 1);
    CHECK(text.out.contains("resident-id: invalid"));
    CHECK(text.out.contains("error check_character"));
}

TEST_CASE("shimingctl validate reads MRZ lines separated by '|' and values from stdin", "[identity]")
{
    const QString mrz = u"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<|L898902C36UTO7408122F1204159ZE184226B<<<<<10"_s;
    Run r = run({u"--type"_s, u"mrz"_s, mrz, u"--json"_s, u"--today"_s, u"2011-01-01"_s});
    CHECK(r.status == 0);
    QJsonObject fields = r.json().value(u"fields"_s).toObject();
    CHECK(fields.value(u"document_number"_s).toString() == u"L898902C3"_s);
    CHECK(fields.value(u"expiry_date"_s).toString() == u"2012-04-15"_s);
    CHECK(fields.value(u"nationality"_s).toString() == u"UTO"_s);

    r = run({u"--type"_s, u"mrz"_s, mrz, u"--json"_s, u"--today"_s, u"2026-01-01"_s});
    CHECK(r.status == 1);
    CHECK(r.json().value(u"errors"_s).toArray().first().toObject().value(u"code"_s).toString() ==
          u"document_expired"_s);

    r = run({u"--json"_s, u"-"_s}, QByteArray("13800138000\n"));
    CHECK(r.status == 0);
    CHECK(r.json().value(u"type"_s).toString() == u"mobile"_s);
    CHECK(r.json().value(u"fields"_s).toObject().value(u"operator_code"_s).toString() == u"cmcc"_s);
}

TEST_CASE("shimingctl validate auto-detects and reports unknown shapes", "[identity]")
{
    Run r = run({u"--type"_s, u"auto"_s, u"91350100M000100Y43"_s, u"--json"_s});
    CHECK(r.status == 0);
    CHECK(r.json().value(u"type"_s).toString() == u"uscc"_s);
    r = run({u"not a number"_s, u"--json"_s});
    CHECK(r.status == 1);
    CHECK(r.json().value(u"type"_s).toString() == u"unknown"_s);
    r = run({u""_s, u"--json"_s});
    CHECK(r.status == 1);
    CHECK(r.json().value(u"type"_s).toString() == u"unknown"_s);
    CHECK(r.json().value(u"errors"_s).toArray().first().toObject().value(u"code"_s).toString() == u"empty"_s);
}

TEST_CASE("shimingctl validate usage errors exit 2", "[identity]")
{
    for (const QStringList& args : {QStringList{}, QStringList{u"--type"_s, u"resident-id"_s},
                                    QStringList{u"--type"_s, u"driving-licence"_s, u"123"_s}, QStringList{u"--type"_s},
                                    QStringList{u"--frobnicate"_s, u"123"_s}, QStringList{u"123"_s, u"456"_s},
                                    QStringList{u"--today"_s, u"soon"_s, u"123"_s}}) {
        const Run r = run(args);
        INFO(args.join(u' ').toStdString());
        CHECK(r.status == 2);
        CHECK(r.err.contains("usage:"));
        CHECK(r.out.isEmpty());
    }
    const Run help = run({u"--help"_s});
    CHECK(help.status == 0);
    CHECK(help.out.contains("resident-id"));
    CHECK(cli::identityCommands().size() == 1);
    CHECK(cli::identityCommands().first().name == u"validate"_s);
}
