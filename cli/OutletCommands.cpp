#include "cli/OutletCommands.h"

#include "cli/SignedIn.h"
#include "core/auth/Authenticator.h"
#include "core/demo/DemoData.h"
#include "core/identity/Validators.h"
#include "core/outlet/Exports.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>

using namespace Qt::StringLiterals;
using namespace shiming::auth;
using namespace shiming::store;

namespace shiming::cli {

namespace {

int dbInit(const QStringList& args, const cli::Io& io, const Clock& clock)
{
    const auto options = parseCommand(
        args,
        {u"shimingctl db init --db PATH --outlet ID --admin NAME [--password-file FILE] [--recovery-public-key FILE]"_s,
         {u"--db"_s, u"--outlet"_s, u"--admin"_s, u"--password-file"_s, u"--recovery-public-key"_s},
         {u"--weak-kdf-for-tests"_s},
         {u"--db"_s, u"--outlet"_s, u"--admin"_s}},
        io);
    if (!options)
        return options.error();
    QByteArray recoveryKey;
    if (const QString file = options->value(u"--recovery-public-key"_s); !file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return failWith(io, Error::invalidInput(u"cannot read the recovery public key: %1"_s.arg(f.errorString())));
        const QByteArray content = f.readAll().trimmed();
        recoveryKey = content.size() == 32 ? content : QByteArray::fromBase64(content);
    }
    QString message;
    QByteArray password = cli::readSecret(options->value(u"--password-file"_s), io, &message);
    if (password.isEmpty())
        return failWith(io, Error::invalidInput(message));
    const KdfParams kdf =
        options->flag(u"--weak-kdf-for-tests"_s) ? KdfParams::weakForTests() : KdfParams::production();
    auto result = Authenticator::initialize(options->value(u"--db"_s), options->value(u"--outlet"_s),
                                            options->value(u"--admin"_s), password, kdf, clock, recoveryKey);
    wipe(password);
    if (!result)
        return failWith(io, result.error());
    io.print(u"created %1 and %2"_s.arg(options->value(u"--db"_s), KeySlotFile::pathFor(options->value(u"--db"_s))));
    return cli::ExitOk;
}

int dbCheck(const QStringList& args, const cli::Io& io, const Clock& clock)
{
    const auto options = parseCommand(
        args, {u"shimingctl db check --db PATH --user NAME [--password-file FILE]"_s, signInOptions(), {}}, io);
    if (!options)
        return options.error();
    return withSignedIn(*options, io, clock, [&](Session& session) {
        auto report = session.store().check();
        if (!report)
            return failWith(io, report.error());
        for (const StoreCheck::Item& item : std::as_const(report->items))
            io.print(u"%1 %2: %3"_s.arg(item.ok ? u"ok  "_s : u"FAIL"_s, item.name, item.detail));
        return int(report->ok() ? cli::ExitOk : cli::ExitFailure);
    });
}

int dbRekey(const QStringList& args, const cli::Io& io, const Clock& clock)
{
    const auto options = parseCommand(
        args, {u"shimingctl db rekey --db PATH --user ADMIN [--password-file FILE]"_s, signInOptions(), {}}, io);
    if (!options)
        return options.error();
    return withSignedIn(*options, io, clock, [&](Session& session) {
        if (session.account().role != Role::Admin)
            return failWith(io, Error::policyRefused(u"only an admin can rekey the database"_s));
        QElapsedTimer timer;
        timer.start();
        if (auto r = session.store().rekey(session.account().name); !r)
            return failWith(io, r.error());
        io.print(u"database re-encrypted with a new data key and every slot rewrapped (%1 ms)"_s.arg(timer.elapsed()));
        return int(cli::ExitOk);
    });
}

int dbExport(const QStringList& args, const cli::Io& io, const Clock& clock)
{
    const auto options =
        parseCommand(args,
                     {u"shimingctl db export --db PATH --user NAME --date YYYY-MM-DD --format csv [--unmasked] "
                      u"[--output FILE] [--password-file FILE]"_s,
                      signInOptions() + QStringList{u"--date"_s, u"--format"_s, u"--output"_s},
                      {u"--unmasked"_s}},
                     io);
    if (!options)
        return options.error();
    const QDate day = QDate::fromString(options->value(u"--date"_s), Qt::ISODate);
    if (!day.isValid() || options->value(u"--format"_s, u"csv"_s) != u"csv"_s)
        return options->usageError(io);
    return withSignedIn(*options, io, clock, [&](Session& session) {
        auto exported =
            outlet::exportDayRecords(session.store(), session.account(), day, options->flag(u"--unmasked"_s));
        if (!exported)
            return failWith(io, exported.error());
        if (const QString output = options->value(u"--output"_s); !output.isEmpty()) {
            if (auto written = outlet::writeExportFile(output, exported->csv); !written)
                return failWith(io, written.error());
            io.print(u"%1 records written to %2"_s.arg(exported->records).arg(output));
        } else {
            io.out(exported->csv);
        }
        return int(cli::ExitOk);
    });
}

int dbAddUser(const QStringList& args, const cli::Io& io, const Clock& clock)
{
    const auto options = parseCommand(
        args,
        {u"shimingctl db add-user --db PATH --user MANAGER --name NEW --role clerk|manager|admin [--display-name TEXT] "
         u"[--password-file FILE] [--new-password-file FILE]\n"
         u"  (without files: line 1 of stdin is MANAGER's password, line 2 the new one)"_s,
         signInOptions() + QStringList{u"--name"_s, u"--role"_s, u"--display-name"_s, u"--new-password-file"_s},
         {u"--weak-kdf-for-tests"_s},
         {u"--name"_s}},
        io);
    if (!options)
        return options.error();
    const auto role = parseRole(options->value(u"--role"_s));
    if (!role)
        return options->usageError(io);
    return withSignedIn(*options, io, clock, [&](Authenticator& authenticator, Session& session) {
        QString message;
        QByteArray password = cli::readSecret(options->value(u"--new-password-file"_s), io, &message);
        if (password.isEmpty())
            return failWith(io, Error::invalidInput(message));
        const KdfParams kdf =
            options->flag(u"--weak-kdf-for-tests"_s) ? KdfParams::weakForTests() : KdfParams::production();
        auto result = authenticator.addAccount(session, options->value(u"--name"_s),
                                               options->value(u"--display-name"_s, options->value(u"--name"_s)), *role,
                                               password, kdf);
        wipe(password);
        if (!result)
            return failWith(io, result.error());
        io.print(u"account %1 added as %2"_s.arg(options->value(u"--name"_s), roleKey(*role)));
        return int(cli::ExitOk);
    });
}

int dbPurge(const QStringList& args, const cli::Io& io, const Clock& clock)
{
    const auto options =
        parseCommand(args,
                     {u"shimingctl db purge --db PATH --user NAME [--days N (default 7)] [--password-file FILE]"_s,
                      signInOptions() + QStringList{u"--days"_s},
                      {}},
                     io);
    if (!options)
        return options.error();
    bool ok = true;
    const int days = options->has(u"--days"_s) ? options->value(u"--days"_s).toInt(&ok) : 7;
    if (!ok || days < 0)
        return options->usageError(io, u"--days takes a number >= 0"_s);
    return withSignedIn(*options, io, clock, [&](Session& session) {
        auto purged = session.store().registrations().purgeAccepted(days, session.account().name);
        if (!purged)
            return failWith(io, purged.error());
        io.print(u"photos and signatures of %1 accepted records dropped"_s.arg(*purged));
        return int(cli::ExitOk);
    });
}

int db(const QStringList& args, const cli::Io& io)
{
    SystemClock clock;
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == u"init"_s)
        return dbInit(rest, io, clock);
    if (sub == u"check"_s)
        return dbCheck(rest, io, clock);
    if (sub == u"rekey"_s)
        return dbRekey(rest, io, clock);
    if (sub == u"export"_s)
        return dbExport(rest, io, clock);
    if (sub == u"add-user"_s)
        return dbAddUser(rest, io, clock);
    if (sub == u"purge"_s)
        return dbPurge(rest, io, clock);
    return usageError(io, u"shimingctl db init|check|rekey|export|add-user|purge ... (--help on each)"_s);
}

int demo(const QStringList& args, const cli::Io& io)
{
    SystemClock clock;
    const QString text =
        u"shimingctl demo seed --db PATH --user NAME --count N [--days D (default 1)] "
        u"[--pool PHOTOS (default 64)] [--transactions new|all (default new)] [--password-file FILE]"_s;
    if (args.value(0) != u"seed"_s)
        return usageError(io, text);
    const auto options =
        parseCommand(args.mid(1),
                     {text,
                      signInOptions() + QStringList{u"--count"_s, u"--days"_s, u"--pool"_s, u"--transactions"_s},
                      {},
                      {u"--count"_s}},
                     io);
    if (!options)
        return options.error();
    bool countOk = false;
    bool daysOk = true;
    const qint64 count = options->value(u"--count"_s).toLongLong(&countOk);
    const int days = options->has(u"--days"_s) ? options->value(u"--days"_s).toInt(&daysOk) : 1;
    if (!countOk || count < 0 || !daysOk || days < 1)
        return options->usageError(io);
    const QString transactions = options->value(u"--transactions"_s, u"new"_s);
    if (transactions != u"new"_s && transactions != u"all"_s)
        return options->usageError(io, u"--transactions takes new or all"_s);
    return withSignedIn(*options, io, clock, [&](Session& session) {
        DemoDataGenerator generator(quint32(QDateTime::currentMSecsSinceEpoch()),
                                    options->has(u"--pool"_s) ? options->value(u"--pool"_s).toInt() : 64);
        QElapsedTimer timer;
        timer.start();
        qint64 lastReport = 0;
        auto seeded = seedDemoRegistrations(
            session.store(), session.account().name, count, days, clock, generator, 2000,
            [&](qint64 written) {
                if (written - lastReport >= 100000) {
                    lastReport = written;
                    io.error(u"  %1 / %2"_s.arg(written).arg(count));
                }
            },
            transactions == u"all"_s);
        if (!seeded)
            return failWith(io, seeded.error());
        io.print(
            u"seeded %1 registrations over %2 day(s) in %3 s (photos shared from a pool)"_s.arg(*seeded).arg(days).arg(
                double(timer.elapsed()) / 1000.0, 0, 'f', 1));
        return int(cli::ExitOk);
    });
}

int auditCommand(const QStringList& args, const cli::Io& io)
{
    SystemClock clock;
    const QString text = u"shimingctl audit verify --db PATH --user NAME [--password-file FILE]"_s;
    if (args.value(0) != u"verify"_s)
        return usageError(io, text);
    const auto options = parseCommand(args.mid(1), {text, signInOptions(), {}}, io);
    if (!options)
        return options.error();
    return withSignedIn(*options, io, clock, [&](Session& session) {
        auto report = session.store().audit().verify();
        if (!report)
            return failWith(io, report.error());
        if (!report->intact) {
            io.print(u"audit chain BROKEN at entry %1: %2"_s.arg(report->firstBadId).arg(report->problem));
            return int(cli::ExitFailure);
        }
        io.print(u"audit chain intact: %1 entries"_s.arg(report->entries));
        return int(cli::ExitOk);
    });
}

} // namespace

QList<Command> outletCommands()
{
    return {
        {u"db"_s, u"outlet database: init, check, rekey, export, add-user, purge"_s, &db},
        {u"demo"_s, u"demo seed: fake registrations with photos for demos and benchmarks"_s, &demo},
        {u"audit"_s, u"audit verify: check the audit log's hash chain"_s, &auditCommand},
    };
}

} // namespace shiming::cli
