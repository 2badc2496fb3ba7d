#include "core/auth/OutletCommands.h"

#include "core/auth/Authenticator.h"
#include "core/identity/Validators.h"
#include "core/store/DemoData.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>

using namespace Qt::StringLiterals;
using namespace shiming::store;

namespace shiming::auth {

namespace {

/// Parsed `--name value` options and `--flag`s.
struct Options {
    QHash<QString, QString> values;
    QStringList flags;
    QStringList positional;
    QString value(const QString& name, const QString& fallback = {}) const { return values.value(name, fallback); }
    bool flag(const QString& name) const { return flags.contains(name); }
};

std::optional<Options> parseOptions(const QStringList& args, const QStringList& valueNames,
                                    const QStringList& flagNames, const cli::Io& io)
{
    Options options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (flagNames.contains(arg)) {
            options.flags.append(arg);
        } else if (valueNames.contains(arg)) {
            if (i + 1 >= args.size()) {
                io.error(u"option %1 needs a value"_s.arg(arg));
                return std::nullopt;
            }
            options.values.insert(arg, args.at(++i));
        } else if (arg.startsWith(u"--"_s)) {
            io.error(u"unknown option %1"_s.arg(arg));
            return std::nullopt;
        } else {
            options.positional.append(arg);
        }
    }
    return options;
}

int failWith(const cli::Io& io, const Error& error)
{
    io.error(u"error: %1"_s.arg(error.detail));
    return cli::ExitFailure;
}

int usage(const cli::Io& io, const QString& text)
{
    io.error(u"usage: "_s + text);
    return cli::ExitUsage;
}

/// Logs in with --db/--user and a password from --password-file or stdin.
Result<std::unique_ptr<Session>> loginFromOptions(Authenticator& authenticator, const Options& options,
                                                  const cli::Io& io)
{
    QString message;
    QByteArray password = cli::readSecret(options.value(u"--password-file"_s), io, &message);
    if (password.isEmpty())
        return fail(Error::invalidInput(message));
    auto session = authenticator.login(options.value(u"--user"_s), password);
    wipe(password);
    return session;
}

QString csvField(QString value)
{
    // Spreadsheets execute cells starting with these; keep them text.
    if (!value.isEmpty() && QStringView(u"=+-@").contains(value.front()))
        value.prepend(u'\'');
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r'))
        return u'"' + value.replace(u"\""_s, u"\"\""_s) + u'"';
    return value;
}

const QStringList kLoginOptions{u"--db"_s, u"--user"_s, u"--password-file"_s};

int dbInit(const QStringList& args, const cli::Io& io, const Clock& clock)
{
    auto options =
        parseOptions(args, {u"--db"_s, u"--outlet"_s, u"--admin"_s, u"--password-file"_s, u"--recovery-public-key"_s},
                     {u"--weak-kdf-for-tests"_s}, io);
    const QString text = u"shimingctl db init --db PATH --outlet ID --admin NAME [--password-file FILE] "
                         u"[--recovery-public-key FILE]"_s;
    if (!options || options->value(u"--db"_s).isEmpty() || options->value(u"--outlet"_s).isEmpty() ||
        options->value(u"--admin"_s).isEmpty())
        return usage(io, text);
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
    auto options = parseOptions(args, kLoginOptions, {}, io);
    if (!options || options->value(u"--db"_s).isEmpty() || options->value(u"--user"_s).isEmpty())
        return usage(io, u"shimingctl db check --db PATH --user NAME [--password-file FILE]"_s);
    Authenticator authenticator(options->value(u"--db"_s), clock);
    auto session = loginFromOptions(authenticator, *options, io);
    if (!session)
        return failWith(io, session.error());
    auto report = (*session)->store().check();
    if (!report)
        return failWith(io, report.error());
    for (const StoreCheck::Item& item : std::as_const(report->items))
        io.print(u"%1 %2: %3"_s.arg(item.ok ? u"ok  "_s : u"FAIL"_s, item.name, item.detail));
    return report->ok() ? cli::ExitOk : cli::ExitFailure;
}

int dbRekey(const QStringList& args, const cli::Io& io, const Clock& clock)
{
    auto options = parseOptions(args, kLoginOptions, {}, io);
    if (!options || options->value(u"--db"_s).isEmpty() || options->value(u"--user"_s).isEmpty())
        return usage(io, u"shimingctl db rekey --db PATH --user ADMIN [--password-file FILE]"_s);
    Authenticator authenticator(options->value(u"--db"_s), clock);
    auto session = loginFromOptions(authenticator, *options, io);
    if (!session)
        return failWith(io, session.error());
    if ((*session)->account().role != Role::Admin)
        return failWith(io, Error::policyRefused(u"only an admin can rekey the database"_s));
    QElapsedTimer timer;
    timer.start();
    if (auto r = (*session)->store().rekey((*session)->account().name); !r)
        return failWith(io, r.error());
    io.print(u"database re-encrypted with a new data key and every slot rewrapped (%1 ms)"_s.arg(timer.elapsed()));
    return cli::ExitOk;
}

int dbExport(const QStringList& args, const cli::Io& io, const Clock& clock)
{
    auto options = parseOptions(args, kLoginOptions + QStringList{u"--date"_s, u"--format"_s, u"--output"_s},
                                {u"--unmasked"_s}, io);
    const QString text = u"shimingctl db export --db PATH --user NAME --date YYYY-MM-DD --format csv [--unmasked] "
                         u"[--output FILE] [--password-file FILE]"_s;
    if (!options || options->value(u"--db"_s).isEmpty() || options->value(u"--user"_s).isEmpty())
        return usage(io, text);
    const QDate day = QDate::fromString(options->value(u"--date"_s), Qt::ISODate);
    if (!day.isValid() || options->value(u"--format"_s, u"csv"_s) != u"csv"_s)
        return usage(io, text);
    Authenticator authenticator(options->value(u"--db"_s), clock);
    auto session = loginFromOptions(authenticator, *options, io);
    if (!session)
        return failWith(io, session.error());
    OutletStore& store = (*session)->store();
    const bool unmasked = options->flag(u"--unmasked"_s);
    const QString actor = (*session)->account().name;
    if (unmasked && (*session)->account().role == Role::Clerk)
        return failWith(io, Error::policyRefused(u"only a manager can export unmasked document numbers"_s));
    auto rows = store.registrations().dayList(day);
    if (!rows)
        return failWith(io, rows.error());
    QByteArray csv = "sequence,uuid,device_time,clerk,customer_name,document_type,document_number,package,number,"
                     "status,face_band,hq_reason\n";
    for (const DayListRow& row : std::as_const(*rows)) {
        const QStringList fields{QString::number(row.sequence),
                                 row.uuid,
                                 row.deviceTime.toLocalTime().toString(Qt::ISODate),
                                 row.clerk,
                                 row.customerName,
                                 registration::documentTypeStorageKey(row.documentType),
                                 unmasked ? row.documentNumber : maskDocumentNumber(row.documentNumber),
                                 row.packageId,
                                 row.number,
                                 registration::recordStatusKey(row.status),
                                 registration::faceBandKey(row.band),
                                 row.hqReason};
        QStringList escaped;
        for (const QString& field : fields)
            escaped.append(csvField(field));
        csv += escaped.join(u',').toUtf8() + '\n';
    }
    // Audit before the data leaves: an unmasked export names every record it disclosed.
    auto audited = store.inTransaction([&]() -> Result<void> {
        if (unmasked) {
            for (const DayListRow& row : std::as_const(*rows)) {
                if (auto r = store.audit().append(audit::RecordExported, actor, row.uuid, u"unmasked csv"_s); !r)
                    return fail(r.error());
            }
        }
        auto r = store.audit().append(audit::RecordExported, actor, {},
                                      u"day %1, %2 records, csv, %3"_s.arg(day.toString(Qt::ISODate))
                                          .arg(rows->size())
                                          .arg(unmasked ? u"UNMASKED"_s : u"masked"_s));
        if (!r)
            return fail(r.error());
        return {};
    });
    if (!audited)
        return failWith(io, audited.error());
    if (const QString output = options->value(u"--output"_s); !output.isEmpty()) {
        QFile file(output);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(csv) != csv.size())
            return failWith(io, Error::storageFailure(u"cannot write %1: %2"_s.arg(output, file.errorString())));
        io.print(u"%1 records written to %2"_s.arg(rows->size()).arg(output));
    } else {
        io.out(csv);
    }
    return cli::ExitOk;
}

int dbAddUser(const QStringList& args, const cli::Io& io, const Clock& clock)
{
    auto options = parseOptions(
        args, kLoginOptions + QStringList{u"--name"_s, u"--role"_s, u"--display-name"_s, u"--new-password-file"_s},
        {u"--weak-kdf-for-tests"_s}, io);
    const auto role = options ? parseRole(options->value(u"--role"_s)) : std::nullopt;
    if (!options || options->value(u"--db"_s).isEmpty() || options->value(u"--user"_s).isEmpty() ||
        options->value(u"--name"_s).isEmpty() || !role)
        return usage(io, u"shimingctl db add-user --db PATH --user MANAGER --name NEW --role clerk|manager|admin "
                         u"[--display-name TEXT] [--password-file FILE] [--new-password-file FILE]\n"
                         u"  (without files: line 1 of stdin is MANAGER's password, line 2 the new one)"_s);
    Authenticator authenticator(options->value(u"--db"_s), clock);
    auto session = loginFromOptions(authenticator, *options, io);
    if (!session)
        return failWith(io, session.error());
    QString message;
    QByteArray password = cli::readSecret(options->value(u"--new-password-file"_s), io, &message);
    if (password.isEmpty())
        return failWith(io, Error::invalidInput(message));
    const KdfParams kdf =
        options->flag(u"--weak-kdf-for-tests"_s) ? KdfParams::weakForTests() : KdfParams::production();
    auto result = authenticator.addAccount(**session, options->value(u"--name"_s),
                                           options->value(u"--display-name"_s, options->value(u"--name"_s)), *role,
                                           password, kdf);
    wipe(password);
    if (!result)
        return failWith(io, result.error());
    io.print(u"account %1 added as %2"_s.arg(options->value(u"--name"_s), roleKey(*role)));
    return cli::ExitOk;
}

int dbPurge(const QStringList& args, const cli::Io& io, const Clock& clock)
{
    auto options = parseOptions(args, kLoginOptions + QStringList{u"--days"_s}, {}, io);
    if (!options || options->value(u"--db"_s).isEmpty() || options->value(u"--user"_s).isEmpty())
        return usage(io, u"shimingctl db purge --db PATH --user NAME [--days N (default 7)] [--password-file FILE]"_s);
    bool ok = true;
    const int days = options->values.contains(u"--days"_s) ? options->value(u"--days"_s).toInt(&ok) : 7;
    if (!ok || days < 0)
        return usage(io, u"--days takes a number >= 0"_s);
    Authenticator authenticator(options->value(u"--db"_s), clock);
    auto session = loginFromOptions(authenticator, *options, io);
    if (!session)
        return failWith(io, session.error());
    auto purged = (*session)->store().registrations().purgeAccepted(days, (*session)->account().name);
    if (!purged)
        return failWith(io, purged.error());
    io.print(u"photos and signatures of %1 accepted records dropped"_s.arg(*purged));
    return cli::ExitOk;
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
    return usage(io, u"shimingctl db init|check|rekey|export|add-user|purge ... (--help on each)"_s);
}

int demo(const QStringList& args, const cli::Io& io)
{
    SystemClock clock;
    auto options =
        parseOptions(args.mid(1), kLoginOptions + QStringList{u"--count"_s, u"--days"_s, u"--pool"_s}, {}, io);
    bool countOk = false;
    bool daysOk = true;
    const qint64 count = options ? options->value(u"--count"_s).toLongLong(&countOk) : 0;
    const int days = options && options->values.contains(u"--days"_s) ? options->value(u"--days"_s).toInt(&daysOk) : 1;
    if (args.value(0) != u"seed"_s || !options || options->value(u"--db"_s).isEmpty() ||
        options->value(u"--user"_s).isEmpty() || !countOk || count < 0 || !daysOk || days < 1)
        return usage(io, u"shimingctl demo seed --db PATH --user NAME --count N [--days D (default 1)] "
                         u"[--pool PHOTOS (default 64)] [--password-file FILE]"_s);
    Authenticator authenticator(options->value(u"--db"_s), clock);
    auto session = loginFromOptions(authenticator, *options, io);
    if (!session)
        return failWith(io, session.error());
    DemoDataGenerator generator(quint32(QDateTime::currentMSecsSinceEpoch()),
                                options->values.contains(u"--pool"_s) ? options->value(u"--pool"_s).toInt() : 64);
    QElapsedTimer timer;
    timer.start();
    qint64 lastReport = 0;
    auto seeded = seedDemoRegistrations((*session)->store(), (*session)->account().name, count, days, clock, generator,
                                        2000, [&](qint64 written) {
                                            if (written - lastReport >= 100000) {
                                                lastReport = written;
                                                io.error(u"  %1 / %2"_s.arg(written).arg(count));
                                            }
                                        });
    if (!seeded)
        return failWith(io, seeded.error());
    io.print(u"seeded %1 registrations over %2 day(s) in %3 s (photos shared from a pool)"_s.arg(*seeded).arg(days).arg(
        double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    return cli::ExitOk;
}

int auditCommand(const QStringList& args, const cli::Io& io)
{
    SystemClock clock;
    auto options = parseOptions(args.mid(1), kLoginOptions, {}, io);
    if (args.value(0) != u"verify"_s || !options || options->value(u"--db"_s).isEmpty() ||
        options->value(u"--user"_s).isEmpty())
        return usage(io, u"shimingctl audit verify --db PATH --user NAME [--password-file FILE]"_s);
    Authenticator authenticator(options->value(u"--db"_s), clock);
    auto session = loginFromOptions(authenticator, *options, io);
    if (!session)
        return failWith(io, session.error());
    auto report = (*session)->store().audit().verify();
    if (!report)
        return failWith(io, report.error());
    if (!report->intact) {
        io.print(u"audit chain BROKEN at entry %1: %2"_s.arg(report->firstBadId).arg(report->problem));
        return cli::ExitFailure;
    }
    io.print(u"audit chain intact: %1 entries"_s.arg(report->entries));
    return cli::ExitOk;
}

} // namespace

QList<cli::Command> outletCommands()
{
    return {
        {u"db"_s, u"outlet database: init, check, rekey, export, add-user, purge"_s, &db},
        {u"demo"_s, u"demo seed: fake registrations with photos for demos and benchmarks"_s, &demo},
        {u"audit"_s, u"audit verify: check the audit log's hash chain"_s, &auditCommand},
    };
}

} // namespace shiming::auth
