#include "core/sync/SyncCommands.h"

#include "core/auth/Authenticator.h"
#include "core/common/Clock.h"
#include "core/common/Json.h"
#include "core/store/KeySlots.h"
#include "core/sync/HqClient.h"
#include "core/sync/SyncCredentials.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncStatus.h"

#include <QFile>
#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace shiming::sync {

namespace {

using cli::ExitFailure;
using cli::ExitOk;
using cli::ExitUsage;

const QString kUsage = u"usage: shimingctl sync setup --db PATH --user NAME --password-file F --hq https://HOST:PORT "
                       "--bundle FILE [--operator CODE]\n"
                       "       shimingctl sync --db PATH --user NAME [--password-file F] (--once | --status) [--json] "
                       "[--timeout-ms N]"_s;

struct Parsed {
    QHash<QString, QString> values;
    QSet<QString> flags;
};

std::optional<Parsed> parse(const QStringList& args, const QStringList& withValue, const QStringList& flags)
{
    Parsed parsed;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (withValue.contains(args[i]) && i + 1 < args.size())
            parsed.values.insert(args[i], args[i + 1]), ++i;
        else if (flags.contains(args[i]))
            parsed.flags.insert(args[i]);
        else
            return std::nullopt;
    }
    return parsed;
}

/// Logs in and runs `work` with the open store.
int withStore(const Parsed& parsed, const cli::Io& io, const std::function<int(store::OutletStore&)>& work)
{
    const QString db = parsed.values.value(u"--db"_s);
    const QString user = parsed.values.value(u"--user"_s);
    if (db.isEmpty() || user.isEmpty()) {
        io.error(kUsage);
        return ExitUsage;
    }
    QString secretError;
    QByteArray password = cli::readSecret(parsed.values.value(u"--password-file"_s), io, &secretError);
    if (!secretError.isEmpty()) {
        io.error(secretError);
        return ExitUsage;
    }
    static SystemClock clock;
    auth::Authenticator authenticator(db, clock);
    auto session = authenticator.login(user, password);
    store::wipe(password);
    if (!session) {
        io.error(u"cannot open the database: %1"_s.arg(session.error().detail));
        return ExitFailure;
    }
    return work((*session)->store());
}

int setup(const QStringList& args, const cli::Io& io)
{
    const auto parsed =
        parse(args, {u"--db"_s, u"--user"_s, u"--password-file"_s, u"--hq"_s, u"--bundle"_s, u"--operator"_s}, {});
    if (!parsed || parsed->values.value(u"--hq"_s).isEmpty() || parsed->values.value(u"--bundle"_s).isEmpty()) {
        io.error(kUsage);
        return ExitUsage;
    }
    QFile file(parsed->values.value(u"--bundle"_s));
    if (!file.open(QIODevice::ReadOnly)) {
        io.error(u"cannot read the bundle"_s);
        return ExitFailure;
    }
    const auto bundle = protocol::CredentialBundle::fromJson(file.read(1 << 20));
    if (!bundle) {
        io.error(bundle.error().detail);
        return ExitFailure;
    }
    return withStore(*parsed, io, [&](store::OutletStore& store) {
        const QString operatorCode = parsed->values.value(u"--operator"_s, u"CMCC"_s);
        if (auto r = storeCredentials(store, *bundle, QUrl(parsed->values.value(u"--hq"_s)), operatorCode); !r) {
            io.error(r.error().detail);
            return int(ExitFailure);
        }
        io.print(u"sync set up for outlet %1; the bundle file can now be destroyed"_s.arg(bundle->outletId));
        return int(ExitOk);
    });
}

int run(const QStringList& args, const cli::Io& io)
{
    if (!args.isEmpty() && args.first() == "setup"_L1)
        return setup(args.mid(1), io);
    const auto parsed = parse(args, {u"--db"_s, u"--user"_s, u"--password-file"_s, u"--timeout-ms"_s},
                              {u"--once"_s, u"--status"_s, u"--json"_s});
    if (!parsed || parsed->flags.contains(u"--once"_s) == parsed->flags.contains(u"--status"_s)) {
        io.error(kUsage);
        return ExitUsage;
    }
    const bool json = parsed->flags.contains(u"--json"_s);
    return withStore(*parsed, io, [&](store::OutletStore& store) {
        if (parsed->flags.contains(u"--status"_s)) {
            const auto status = readSyncStatus(store);
            if (!status) {
                io.error(status.error().detail);
                return int(ExitFailure);
            }
            if (json) {
                io.out(compactJson(status->toJson()) + '\n');
            } else {
                io.print(
                    u"pending %1, last success %2, last error %3"_s.arg(status->queueLength)
                        .arg(status->lastSuccess.isValid() ? status->lastSuccess.toString(Qt::ISODate) : u"never"_s,
                             status->lastError.isEmpty() ? u"none"_s : status->lastError));
            }
            return int(ExitOk);
        }
        const auto credentials = loadCredentials(store);
        if (!credentials) {
            io.error(credentials.error().detail);
            return int(ExitFailure);
        }
        HqClient client(credentials->bundle, credentials->hqUrl);
        if (const int timeout = parsed->values.value(u"--timeout-ms"_s).toInt(); timeout > 0)
            client.setTimeoutMs(timeout);
        SyncEngine engine(store, client, credentials->operatorCode);
        const SyncReport report = engine.runBlocking();
        if (json) {
            QJsonObject out{{u"sent"_s, report.sent},         {u"accepted"_s, report.accepted},
                            {u"rejected"_s, report.rejected}, {u"pending"_s, report.pending},
                            {u"voids"_s, report.voids},       {u"ok"_s, report.ok}};
            if (!report.ok)
                out.insert(u"error"_s, report.error);
            io.out(compactJson(out) + '\n');
        } else {
            io.print(u"sent %1, accepted %2, rejected %3, pending %4, voids %5"_s.arg(report.sent)
                         .arg(report.accepted)
                         .arg(report.rejected)
                         .arg(report.pending)
                         .arg(report.voids));
            if (!report.ok)
                io.error(report.error);
        }
        return int(report.ok ? ExitOk : ExitFailure);
    });
}

} // namespace

QList<cli::Command> syncCommands()
{
    return {{u"sync"_s, u"set up the HQ link, sync once, or show the sync status"_s, run}};
}

} // namespace shiming::sync
