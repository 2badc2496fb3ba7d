#include "cli/SyncCommands.h"

#include "cli/SignedIn.h"
#include "core/auth/Session.h"
#include "core/common/Clock.h"
#include "core/common/Json.h"
#include "core/sync/HqClient.h"
#include "core/sync/SyncCredentials.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncStatus.h"

using namespace Qt::StringLiterals;
using namespace shiming::sync;

namespace shiming::cli {

namespace {

const QString kUsage = u"shimingctl sync setup --db PATH --user NAME --password-file F --hq https://HOST:PORT "
                       "--bundle FILE [--operator CODE]\n"
                       "       shimingctl sync --db PATH --user NAME [--password-file F] (--once | --status) [--json] "
                       "[--timeout-ms N]"_s;

int setup(const QStringList& args, const cli::Io& io, const Clock& clock)
{
    const auto parsed = parseCommand(args,
                                     {kUsage,
                                      signInOptions() + QStringList{u"--hq"_s, u"--bundle"_s, u"--operator"_s},
                                      {},
                                      {u"--hq"_s, u"--bundle"_s}},
                                     io);
    if (!parsed)
        return parsed.error();
    const auto bundle = protocol::CredentialBundle::readFile(parsed->value(u"--bundle"_s));
    if (!bundle) {
        io.error(bundle.error().detail);
        return ExitFailure;
    }
    return withSignedIn(*parsed, io, clock, [&](auth::Session& session) {
        const QString operatorCode = parsed->value(u"--operator"_s, u"CMCC"_s);
        if (auto r = storeCredentials(session.store(), *bundle, QUrl(parsed->value(u"--hq"_s)), operatorCode); !r) {
            io.error(r.error().detail);
            return int(ExitFailure);
        }
        io.print(u"sync set up for outlet %1; the bundle file can now be destroyed"_s.arg(bundle->outletId));
        return int(ExitOk);
    });
}

int run(const QStringList& args, const cli::Io& io)
{
    SystemClock clock;
    if (!args.isEmpty() && args.first() == "setup"_L1)
        return setup(args.mid(1), io, clock);
    const auto parsed = parseCommand(
        args, {kUsage, signInOptions() + QStringList{u"--timeout-ms"_s}, {u"--once"_s, u"--status"_s, u"--json"_s}},
        io);
    if (!parsed)
        return parsed.error();
    if (parsed->flag(u"--once"_s) == parsed->flag(u"--status"_s))
        return parsed->usageError(io, u"give one of --once and --status"_s);
    const bool json = parsed->flag(u"--json"_s);
    return withSignedIn(*parsed, io, clock, [&](auth::Session& session) {
        store::OutletStore& store = session.store();
        if (parsed->flag(u"--status"_s)) {
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
                if (status->storageDamaged) {
                    io.print(u"database damaged: %1; %2 records unreadable, %3 of them reported to HQ (recovery: "
                             u"docs/store.md \"Damaged pages\")"_s.arg(status->storageProblem)
                                 .arg(status->unreadable)
                                 .arg(status->unreadableReported));
                }
            }
            return int(ExitOk);
        }
        const auto credentials = loadCredentials(store);
        if (!credentials) {
            io.error(credentials.error().detail);
            return int(ExitFailure);
        }
        HqClient client(credentials->bundle, credentials->hqUrl);
        if (const int timeout = parsed->value(u"--timeout-ms"_s).toInt(); timeout > 0)
            client.setTimeoutMs(timeout);
        SyncEngine engine(store, client, credentials->operatorCode);
        const SyncReport report = engine.runBlocking();
        if (json) {
            QJsonObject out{{u"sent"_s, report.sent},
                            {u"accepted"_s, report.accepted},
                            {u"rejected"_s, report.rejected},
                            {u"pending"_s, report.pending},
                            {u"voids"_s, report.voids},
                            {u"findings"_s, report.findings},
                            {u"ok"_s, report.ok},
                            {u"unreadable"_s, report.unreadable},
                            {u"unreadableReported"_s, report.unreadableReported},
                            {u"storageDamaged"_s, report.storageDamaged}};
            if (!report.ok)
                out.insert(u"error"_s, report.error);
            io.out(compactJson(out) + '\n');
        } else {
            io.print(
                u"sent %1, accepted %2, rejected %3, pending %4, voids %5, compliance findings %6"_s.arg(report.sent)
                    .arg(report.accepted)
                    .arg(report.rejected)
                    .arg(report.pending)
                    .arg(report.voids)
                    .arg(report.findings));
            if (report.storageDamaged) {
                io.print(u"database damaged: %1 records set aside as unreadable in this pass, %2 reported to HQ"_s
                             .arg(report.unreadable)
                             .arg(report.unreadableReported));
            }
            if (!report.ok)
                io.error(report.error);
        }
        return int(report.ok ? ExitOk : ExitFailure);
    });
}

} // namespace

QList<Command> syncCommands()
{
    return {{u"sync"_s, u"set up the HQ link, sync once, or show the sync status"_s, run}};
}

} // namespace shiming::cli
