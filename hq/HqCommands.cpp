#include "hq/HqCommands.h"

#include "cli/Options.h"
#include "core/common/Json.h"
#include "core/common/Logging.h"
#include "core/protocol/CredentialBundle.h"
#include "core/protocol/IdentityHash.h"
#include "hq/Feeds.h"
#include "hq/Findings.h"
#include "hq/HallReads.h"
#include "hq/HqServer.h"
#include "hq/HqState.h"
#include "hq/Maintenance.h"
#include "hq/PgUtil.h"
#include "hq/Pki.h"
#include "hq/Schema.h"

#include <pqxx/pqxx>

#include <QCborMap>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSysInfo>

#include <malloc.h>
#include <sys/resource.h>

#include <chrono>
#include <csignal>
#include <pthread.h>
#include <thread>

using namespace Qt::StringLiterals;

namespace shiming::hq {

namespace {

using cli::ExitFailure;
using cli::ExitOk;
using cli::ExitUsage;

int init(const QStringList& args, const cli::Io& io)
{
    const auto options = cli::parseCommand(args,
                                           {u"shiming-hq init --pg URL --state DIR [--server-name NAME ...]"_s,
                                            {u"--pg"_s, u"--state"_s, u"--server-name"_s},
                                            {},
                                            {u"--pg"_s, u"--state"_s}},
                                           io);
    if (!options)
        return options.error();
    QStringList names = options->values(u"--server-name"_s);
    if (names.isEmpty())
        names = {u"localhost"_s, u"127.0.0.1"_s, QSysInfo::machineHostName()};
    const auto state = HqState::initialise(options->value(u"--state"_s), names);
    if (!state) {
        io.error(state.error().detail);
        return ExitFailure;
    }
    const auto version = migrateSchema(pg::str(options->value(u"--pg"_s)));
    if (!version) {
        io.error(version.error().detail);
        return ExitFailure;
    }
    io.print(u"schema version %1; state in %2"_s.arg(*version).arg(state->directory()));
    return ExitOk;
}

std::atomic<HqServer*> g_server{nullptr};

int serve(const QStringList& args, const cli::Io& io)
{
    const auto options = cli::parseCommand(args,
                                           {u"shiming-hq serve --pg URL --state DIR --listen HOST:PORT [--pg-read URL] "
                                            "[--threads N] [--db-connections N] [--connections-per-address N] "
                                            "[--timings]"_s,
                                            {u"--pg"_s, u"--state"_s, u"--listen"_s, u"--fault-plan"_s, u"--threads"_s,
                                             u"--connections-per-address"_s, u"--db-connections"_s, u"--pg-read"_s},
                                            {u"--timings"_s},
                                            {u"--pg"_s, u"--state"_s, u"--listen"_s}},
                                           io);
    if (!options)
        return options.error();
    const QString listen = options->value(u"--listen"_s);
    const QString host = listen.section(u':', 0, -2);
    bool portOk = false;
    const int port = listen.section(u':', -1).toInt(&portOk);
    if (host.isEmpty() || !portOk || port < 0 || port > 65535) {
        io.error(u"--listen wants HOST:PORT"_s);
        return ExitUsage;
    }
    auto state = HqState::load(options->value(u"--state"_s));
    if (!state) {
        io.error(state.error().detail);
        return ExitFailure;
    }
    auto faults = FaultPlan::parse(options->value(u"--fault-plan"_s));
    if (!faults) {
        io.error(faults.error().detail);
        return ExitUsage;
    }
    const std::string url = pg::str(options->value(u"--pg"_s));
    try {
        pqxx::connection probe(url);
        const int version =
            pqxx::read_transaction(probe).exec1("SELECT coalesce(max(version), 0) FROM schema_migrations")[0].as<int>();
        if (version != latestSchemaVersion()) {
            io.error(u"schema version %1, expected %2: run shiming-hq init"_s.arg(version).arg(latestSchemaVersion()));
            return ExitFailure;
        }
        // The months ahead, before the first batch (the ingest never creates a partition); then hourly, below.
        if (const auto created = maintenance::ensurePartitions(probe, maintenance::kDefaultMonthsAhead); !created) {
            io.error(created.error().detail);
            return ExitFailure;
        }
    } catch (const std::exception& e) {
        io.error(u"cannot use the database: %1"_s.arg(pg::describe(e)));
        return ExitFailure;
    }

    // Bodies and photos are large, short-lived buffers made by many threads: allocated outside the heap (and
    // given back to the system when freed) rather than left in per-thread arenas, and few arenas. Without this
    // a burst of refused 4 MiB uploads leaves ~200 MB resident that is never used again.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_ARENA_MAX, 4);
    // A client that hangs up mid-answer must not kill the server.
    std::signal(SIGPIPE, SIG_IGN);
    // SIGINT/SIGTERM are taken by one thread that stops the server; every other thread blocks them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    HqServer server(url, std::move(*state), std::move(*faults));
    // A count option: absent keeps the default; out of range is a usage error.
    const auto count = [&](const QString& name, int max, const auto& apply) {
        const QString text = options->value(name);
        if (text.isEmpty())
            return true;
        bool ok = false;
        const int n = text.toInt(&ok);
        if (!ok || n < 1 || n > max) {
            io.error(u"%1 wants 1-%2"_s.arg(name).arg(max));
            return false;
        }
        apply(n);
        return true;
    };
    if (!count(u"--threads"_s, 1024, [&](int n) { server.setThreads(n); }) ||
        !count(u"--db-connections"_s, 1024, [&](int n) { server.setDatabaseConnections(n); }) ||
        !count(u"--connections-per-address"_s, 65536, [&](int n) {
            GateLimits limits;
            limits.perAddress = n;
            server.setGateLimits(limits);
        }))
        return ExitUsage;
    // Every open connection is a descriptor (two while relayed): as many as the system lets this process have.
    if (rlimit files{}; ::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }
    // Feed pages and hall reads from a standby; never a write (docs/hq.md "Reads from the standby").
    if (options->has(u"--pg-read"_s)) {
        const std::string readUrl = pg::str(options->value(u"--pg-read"_s));
        try {
            pqxx::connection probe(readUrl);
            const bool standby = pqxx::read_transaction(probe).exec1("SELECT pg_is_in_recovery()")[0].as<bool>();
            qCInfo(lcSync) << (standby ? "reads from a standby" : "reads from a primary (no standby reached)");
        } catch (const std::exception& e) {
            qCWarning(lcSync) << "the read-only database cannot be reached, reading on the primary until it can:"
                              << pg::describe(e);
        }
        server.setReadDatabase(readUrl);
    }
    const bool timings = options->flag(u"--timings"_s);
    server.setTimingsEnabled(timings);
    const auto bound = server.bind(host, port);
    if (!bound) {
        io.error(bound.error().detail);
        return ExitFailure;
    }
    g_server = &server;
    std::thread waiter([stopSignals] {
        int received = 0;
        sigwait(&stopSignals, &received);
        if (HqServer* s = g_server.load())
            s->stop();
    });
    waiter.detach();
    // The partitions stay ahead of the calendar while HQ runs for months: checked hourly on a connection of its
    // own (to whichever node is primary now), never by a request.
    std::thread partitions([url] {
        for (;;) {
            std::this_thread::sleep_for(std::chrono::hours(1));
            try {
                pqxx::connection connection(url);
                if (const auto created = maintenance::ensurePartitions(connection, maintenance::kDefaultMonthsAhead);
                    !created)
                    qCWarning(lcSync) << created.error().detail;
            } catch (const std::exception& e) {
                qCWarning(lcSync) << "cannot check the partitions:" << pg::describe(e);
            }
        }
    });
    partitions.detach();
    io.print(u"shiming-hq listening on %1:%2"_s.arg(host).arg(*bound));
    const bool ok = server.run();
    g_server = nullptr;
    if (timings)
        io.print(server.timingsSummary());
    return ok ? ExitOk : ExitFailure;
}

int enroll(const QStringList& args, const cli::Io& io)
{
    const auto options = cli::parseCommand(
        args,
        {u"shiming-hq enroll --state DIR --outlet HALL --out FILE [--counter N] [--hq URL] [--days N]"_s,
         {u"--state"_s, u"--outlet"_s, u"--out"_s, u"--hq"_s, u"--days"_s, u"--counter"_s},
         {},
         {u"--state"_s, u"--outlet"_s, u"--out"_s}},
        io);
    if (!options)
        return options.error();
    // Counter 1 of a hall is the hall's id itself, so every enrolment from before halls is counter 1 of its own
    // hall and keeps its outlet id; counter N > 1 is HALL-N.
    const QString hall = options->value(u"--outlet"_s);
    bool counterOk = true;
    const int counter = options->has(u"--counter"_s) ? options->value(u"--counter"_s).toInt(&counterOk) : 1;
    if (!counterOk || counter < 1 || counter > 99) {
        io.error(u"--counter wants 1-99"_s);
        return ExitUsage;
    }
    const QString outlet = counter == 1 ? hall : u"%1-%2"_s.arg(hall).arg(counter);
    if (!protocol::isValidOutletId(hall) || !protocol::isValidOutletId(outlet)) {
        io.error(u"outlet id: 1-64 of A-Z a-z 0-9 . _ - (with the counter's -N)"_s);
        return ExitUsage;
    }
    const auto state = HqState::load(options->value(u"--state"_s));
    if (!state) {
        io.error(state.error().detail);
        return ExitFailure;
    }
    const int days = options->value(u"--days"_s).isEmpty() ? 730 : options->value(u"--days"_s).toInt();
    const auto issued = pki::issueOutlet(state->ca(), outlet, days > 0 ? days : 730, hall, counter);
    if (!issued) {
        io.error(issued.error().detail);
        return ExitFailure;
    }
    protocol::CredentialBundle bundle;
    bundle.outletId = outlet;
    bundle.certificatePem = issued->certificatePem;
    bundle.privateKeyPem = issued->keyPem;
    bundle.caCertificatePem = state->ca().certificatePem;
    bundle.serial = issued->serialHex;
    bundle.requestKey = state->requestKey(outlet, issued->serialHex);
    bundle.identityKey = state->identityKey();
    bundle.hqUrl = options->value(u"--hq"_s);
    bundle.hall = hall;
    bundle.counter = counter;
    QSaveFile file(options->value(u"--out"_s));
    if (!file.open(QIODevice::WriteOnly)) {
        io.error(u"cannot write the bundle"_s);
        return ExitFailure;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(bundle.toJson());
    if (!file.commit()) {
        io.error(u"cannot write the bundle"_s);
        return ExitFailure;
    }
    io.print(u"enrolled outlet %1 (hall %2, counter %3), certificate serial %4"_s.arg(outlet, hall)
                 .arg(counter)
                 .arg(issued->serialHex));
    return ExitOk;
}

/// Where `shiming-hq stats` is connected in PostgreSQL's own replication: the node's role, the synchronous
/// settings in force and, on a primary, each standby with its state and how far its replay is behind.
QJsonObject replicationState(pqxx::transaction_base& tx)
{
    const pqxx::row node = tx.exec1("SELECT pg_is_in_recovery(), current_setting('synchronous_standby_names'), "
                                    "current_setting('synchronous_commit')");
    const bool standby = node[0].as<bool>();
    QJsonArray standbys;
    if (!standby) {
        for (const auto& row :
             tx.exec("SELECT application_name, coalesce(state, ''), coalesce(sync_state, ''), "
                     "coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0)::bigint FROM pg_stat_replication "
                     "ORDER BY application_name")) {
            standbys.append(QJsonObject{{u"name"_s, pg::qstr(row[0].as<std::string>())},
                                        {u"state"_s, pg::qstr(row[1].as<std::string>())},
                                        {u"syncState"_s, pg::qstr(row[2].as<std::string>())},
                                        {u"replayLagBytes"_s, row[3].as<qint64>()}});
        }
    }
    return QJsonObject{{u"role"_s, standby ? u"standby"_s : u"primary"_s},
                       {u"synchronousStandbyNames"_s, pg::qstr(node[1].as<std::string>())},
                       {u"synchronousCommit"_s, pg::qstr(node[2].as<std::string>())},
                       {u"standbys"_s, standbys}};
}

int stats(const QStringList& args, const cli::Io& io)
{
    const auto options =
        cli::parseCommand(args, {u"shiming-hq stats --pg URL [--json]"_s, {u"--pg"_s}, {u"--json"_s}, {u"--pg"_s}}, io);
    if (!options)
        return options.error();
    try {
        pqxx::connection connection(pg::str(options->value(u"--pg"_s)));
        pqxx::read_transaction tx(connection);
        QJsonObject out;
        const pqxx::row totals =
            tx.exec1("SELECT count(*), count(*) FILTER (WHERE status = 'accepted'), count(*) FILTER (WHERE status = "
                     "'rejected'), "
                     "(SELECT count(*) FROM batches), (SELECT count(*) FROM outlets), "
                     "count(*) FILTER (WHERE status = 'released'), (SELECT count(*) FROM record_voids) FROM records");
        out.insert(u"records"_s, totals[0].as<qint64>());
        out.insert(u"accepted"_s, totals[1].as<qint64>());
        out.insert(u"rejections"_s, totals[2].as<qint64>());
        out.insert(u"batches"_s, totals[3].as<qint64>());
        out.insert(u"outlets"_s, totals[4].as<qint64>());
        out.insert(u"released"_s, totals[5].as<qint64>()); // accepted, then voided or superseded
        out.insert(u"voids"_s, totals[6].as<qint64>());
        QJsonObject reasons;
        for (const auto& row : tx.exec("SELECT reason, count(*) FROM records WHERE status = 'rejected' GROUP BY 1"))
            reasons.insert(pg::qstr(row[0].as<std::string>()), row[1].as<qint64>());
        out.insert(u"rejectionsByReason"_s, reasons);
        // Every transaction is listed (0 when none): a dashboard need not know which ones an HQ has seen yet.
        QJsonObject byTransaction{
            {u"new"_s, 0}, {u"reverify"_s, 0}, {u"sim_replace"_s, 0}, {u"transfer"_s, 0}, {u"cancel"_s, 0}};
        for (const auto& row : tx.exec("SELECT transaction, count(*) FROM records GROUP BY 1"))
            byTransaction.insert(pg::qstr(row[0].as<std::string>()), row[1].as<qint64>());
        out.insert(u"recordsByTransaction"_s, byTransaction);
        const pqxx::result last = tx.exec(
            "SELECT batch_uuid::text, outlet_id, to_char(received_at AT TIME ZONE 'UTC', "
            "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), record_count FROM batches ORDER BY received_at DESC LIMIT 1");
        if (last.empty()) {
            out.insert(u"lastBatch"_s, QJsonValue());
        } else {
            out.insert(u"lastBatch"_s, QJsonObject{{u"id"_s, pg::qstr(last[0][0].as<std::string>())},
                                                   {u"outlet"_s, pg::qstr(last[0][1].as<std::string>())},
                                                   {u"receivedAt"_s, pg::qstr(last[0][2].as<std::string>())},
                                                   {u"records"_s, last[0][3].as<qint64>()}});
        }
        QJsonObject perOutlet;
        for (const auto& row : tx.exec("SELECT outlet_id, count(*) FROM records GROUP BY 1 ORDER BY 1"))
            perOutlet.insert(pg::qstr(row[0].as<std::string>()), row[1].as<qint64>());
        out.insert(u"recordsByOutlet"_s, perOutlet);
        // The audit head each outlet last reported; rewinds: how often it went backwards (database rewound).
        QJsonObject audit;
        for (const auto& row : tx.exec("SELECT outlet_id, audit_seq, encode(audit_head, 'hex'), to_char(audit_at AT "
                                       "TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), audit_rewinds, "
                                       "to_char(audit_rewound_at AT TIME ZONE 'UTC', "
                                       "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM outlets ORDER BY 1")) {
            audit.insert(pg::qstr(row[0].as<std::string>()),
                         QJsonObject{{u"seq"_s, row[1].is_null() ? QJsonValue() : QJsonValue(row[1].as<qint64>())},
                                     {u"head"_s, pg::jsonText(row[2])},
                                     {u"reportedAt"_s, pg::jsonText(row[3])},
                                     {u"rewinds"_s, row[4].as<int>()},
                                     {u"rewoundAt"_s, pg::jsonText(row[5])}});
        }
        out.insert(u"auditByOutlet"_s, audit);
        // Records outlets reported unreadable (a damaged page), and how many of them HQ holds all the same.
        QJsonObject unreadable;
        for (const auto& row : tx.exec("SELECT u.outlet_id, count(*), count(r.record_uuid) FROM unreadable_records u "
                                       "LEFT JOIN records r ON r.record_uuid = u.record_uuid GROUP BY 1 ORDER BY 1")) {
            unreadable.insert(pg::qstr(row[0].as<std::string>()),
                              QJsonObject{{u"reported"_s, row[1].as<qint64>()}, {u"heldAtHq"_s, row[2].as<qint64>()}});
        }
        out.insert(u"unreadableByOutlet"_s, unreadable);
        const QJsonObject findingFigures = findings::figuresByOutlet(tx);
        out.insert(u"findingsByOutlet"_s, findingFigures);
        const QJsonObject halls = hall::figuresByHall(tx);
        out.insert(u"byHall"_s, halls);
        const QJsonObject replication = replicationState(tx);
        out.insert(u"replication"_s, replication);
        const QJsonObject layout = maintenance::partitionsJson(tx);
        out.insert(u"partitioning"_s, layout);
        if (options->flag(u"--json"_s)) {
            io.out(compactJson(out) + '\n');
        } else {
            io.print(
                u"records %1 (accepted %2, rejected %3), batches %4, outlets %5"_s.arg(out[u"records"_s].toInteger())
                    .arg(out[u"accepted"_s].toInteger())
                    .arg(out[u"rejections"_s].toInteger())
                    .arg(out[u"batches"_s].toInteger())
                    .arg(out[u"outlets"_s].toInteger()));
            io.print(u"released %1 (voids %2)"_s.arg(out[u"released"_s].toInteger()).arg(out[u"voids"_s].toInteger()));
            QStringList standbys;
            for (const QJsonValue& value : replication[u"standbys"_s].toArray()) {
                const QJsonObject o = value.toObject();
                standbys << u"%1 (%2, %3, %4 bytes behind)"_s
                                .arg(o[u"name"_s].toString(), o[u"state"_s].toString(), o[u"syncState"_s].toString())
                                .arg(o[u"replayLagBytes"_s].toInteger());
            }
            io.print(u"database: %1, synchronous_commit %2, synchronous_standby_names '%3', standbys: %4"_s.arg(
                replication[u"role"_s].toString(), replication[u"synchronousCommit"_s].toString(),
                replication[u"synchronousStandbyNames"_s].toString(),
                standbys.isEmpty() ? u"none"_s : standbys.join(u", "_s)));
            // Without next month's partition the ingest fails at the turn of the month: say what to do.
            const int ahead = layout[u"monthsAhead"_s].toInt();
            io.print(u"partitions: %1 to %2 (%3 months ahead%4), numbers in service %5"_s
                         .arg(layout[u"oldestMonth"_s].toString(u"-"_s), layout[u"newestMonth"_s].toString(u"-"_s))
                         .arg(ahead)
                         .arg(ahead < 1 ? u": run shiming-hq maintain now"_s : QString())
                         .arg(layout[u"activeNumbers"_s].toInteger()));
            io.print(u"by transaction: new %1, reverify %2, sim_replace %3, transfer %4, cancel %5"_s
                         .arg(byTransaction[u"new"_s].toInteger())
                         .arg(byTransaction[u"reverify"_s].toInteger())
                         .arg(byTransaction[u"sim_replace"_s].toInteger())
                         .arg(byTransaction[u"transfer"_s].toInteger())
                         .arg(byTransaction[u"cancel"_s].toInteger()));
            for (auto it = audit.constBegin(); it != audit.constEnd(); ++it) {
                const QJsonObject o = it.value().toObject();
                io.print(u"outlet %1: audit head %2 at %3, rewinds %4%5"_s.arg(it.key())
                             .arg(o[u"seq"_s].isNull() ? u"-"_s : QString::number(o[u"seq"_s].toInteger()))
                             .arg(o[u"reportedAt"_s].toString(u"-"_s))
                             .arg(o[u"rewinds"_s].toInt())
                             .arg(o[u"rewoundAt"_s].isNull() ? QString()
                                                             : u" (last "_s + o[u"rewoundAt"_s].toString() + u')'));
            }
            for (auto it = unreadable.constBegin(); it != unreadable.constEnd(); ++it) {
                const QJsonObject o = it.value().toObject();
                io.print(u"outlet %1: %2 records reported unreadable, %3 of them held at HQ"_s.arg(it.key())
                             .arg(o[u"reported"_s].toInteger())
                             .arg(o[u"heldAtHq"_s].toInteger()));
            }
            for (auto it = halls.constBegin(); it != halls.constEnd(); ++it) {
                const QJsonObject o = it.value().toObject();
                io.print(u"hall %1: %2 counters, records %3 (accepted %4, rejected %5)"_s.arg(it.key())
                             .arg(o[u"counters"_s].toInteger())
                             .arg(o[u"records"_s].toInteger())
                             .arg(o[u"accepted"_s].toInteger())
                             .arg(o[u"rejections"_s].toInteger()));
            }
            for (auto it = findingFigures.constBegin(); it != findingFigures.constEnd(); ++it) {
                const QJsonObject o = it.value().toObject();
                io.print(u"outlet %1: spot-checked %2 (problems %3), alerts open %4, acknowledged %5"_s.arg(it.key())
                             .arg(o[u"spotChecked"_s].toInteger())
                             .arg(o[u"spotProblems"_s].toInteger())
                             .arg(o[u"alertsOpen"_s].toInteger())
                             .arg(o[u"alertsAcknowledged"_s].toInteger()));
            }
        }
        return ExitOk;
    } catch (const std::exception& e) {
        io.error(u"stats failed: %1"_s.arg(pg::describe(e)));
        return ExitFailure;
    }
}

int unreadable(const QStringList& args, const cli::Io& io)
{
    const auto options = cli::parseCommand(args,
                                           {u"shiming-hq unreadable --pg URL [--outlet ID] [--json]"_s,
                                            {u"--pg"_s, u"--outlet"_s},
                                            {u"--json"_s},
                                            {u"--pg"_s}},
                                           io);
    if (!options)
        return options.error();
    try {
        pqxx::connection connection(pg::str(options->value(u"--pg"_s)));
        pqxx::read_transaction tx(connection);
        const QString outlet = options->value(u"--outlet"_s);
        QJsonArray list;
        for (const auto& row : tx.exec_params(
                 "SELECT u.outlet_id, u.record_uuid::text, u.outlet_seq, to_char(u.first_reported AT TIME ZONE 'UTC', "
                 "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), to_char(u.last_reported AT TIME ZONE 'UTC', "
                 "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), u.reports, r.status, r.hq_ref FROM unreadable_records u "
                 "LEFT JOIN records r ON r.record_uuid = u.record_uuid WHERE $1 = '' OR u.outlet_id = $1 "
                 "ORDER BY u.outlet_id, u.outlet_seq",
                 pg::str(outlet))) {
            list.append(QJsonObject{{u"outlet"_s, pg::jsonText(row[0])},
                                    {u"record"_s, pg::jsonText(row[1])},
                                    {u"seq"_s, row[2].as<qint64>()},
                                    {u"firstReported"_s, pg::jsonText(row[3])},
                                    {u"lastReported"_s, pg::jsonText(row[4])},
                                    {u"reports"_s, row[5].as<int>()},
                                    {u"heldAtHq"_s, !row[6].is_null()},
                                    {u"status"_s, pg::jsonText(row[6])},
                                    {u"hqReference"_s, pg::jsonText(row[7])}});
        }
        if (options->flag(u"--json"_s)) {
            io.out(compactJson(QJsonObject{{u"unreadable"_s, list}}) + '\n');
            return ExitOk;
        }
        if (list.isEmpty())
            io.print(u"no record reported unreadable"_s);
        for (const QJsonValue& value : std::as_const(list)) {
            const QJsonObject o = value.toObject();
            io.print(u"outlet %1 seq %2 record %3: reported %4 (%5 times), %6"_s.arg(o[u"outlet"_s].toString())
                         .arg(o[u"seq"_s].toInteger())
                         .arg(o[u"record"_s].toString(), o[u"firstReported"_s].toString())
                         .arg(o[u"reports"_s].toInt())
                         .arg(o[u"heldAtHq"_s].toBool() ? u"held at HQ ("_s + o[u"status"_s].toString() + u')'
                                                        : u"not at HQ"_s));
        }
        return ExitOk;
    } catch (const std::exception& e) {
        io.error(u"unreadable failed: %1"_s.arg(pg::describe(e)));
        return ExitFailure;
    }
}

int revoke(const QStringList& args, const cli::Io& io)
{
    const auto options = cli::parseCommand(args,
                                           {u"shiming-hq revoke --pg URL (--serial HEX | --outlet ID)"_s,
                                            {u"--pg"_s, u"--serial"_s, u"--outlet"_s},
                                            {},
                                            {u"--pg"_s}},
                                           io);
    if (!options)
        return options.error();
    if (options->value(u"--serial"_s).isEmpty() == options->value(u"--outlet"_s).isEmpty())
        return options->usageError(io);
    try {
        pqxx::connection connection(pg::str(options->value(u"--pg"_s)));
        pqxx::work tx(connection);
        if (!options->value(u"--serial"_s).isEmpty()) {
            tx.exec_params("INSERT INTO revoked_certificates (serial) VALUES ($1) ON CONFLICT DO NOTHING",
                           pg::str(options->value(u"--serial"_s).toLower()));
            tx.commit();
        } else {
            // Revoking an outlet revokes every certificate issued up to now; certificates carry their issue time
            // to the second (notBefore), so one enrolled later in the same second would count as revoked too.
            // The moment is this command's clock (enrol runs on the HQ host too), and the command returns only
            // once that clock has passed into the next second: whatever is enrolled after it is valid.
            const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
            tx.exec_params("INSERT INTO revoked_outlets (outlet_id, revoked_at) VALUES ($1, to_timestamp($2 / 1000.0)) "
                           "ON CONFLICT (outlet_id) DO UPDATE SET revoked_at = excluded.revoked_at",
                           pg::str(options->value(u"--outlet"_s)), nowMs);
            tx.commit();
            std::this_thread::sleep_for(std::chrono::milliseconds(1000 - nowMs % 1000 + 1));
        }
        io.print(u"revoked"_s);
        return ExitOk;
    } catch (const std::exception& e) {
        io.error(u"revoke failed: %1"_s.arg(pg::describe(e)));
        return ExitFailure;
    }
}

int publish(const QStringList& args, const cli::Io& io)
{
    const auto options = cli::parseCommand(
        args,
        {u"shiming-hq publish --pg URL --feed NAME --key KEY [--outlet ID] (--json FILE | --remove)"_s,
         {u"--pg"_s, u"--feed"_s, u"--key"_s, u"--outlet"_s, u"--json"_s},
         {u"--remove"_s},
         {u"--pg"_s, u"--feed"_s, u"--key"_s}},
        io);
    if (!options)
        return options.error();
    const bool remove = options->flag(u"--remove"_s);
    if (remove == !options->value(u"--json"_s).isEmpty())
        return options->usageError(io);
    QCborMap body;
    if (!remove) {
        QFile file(options->value(u"--json"_s));
        if (!file.open(QIODevice::ReadOnly)) {
            io.error(u"cannot read the JSON file"_s);
            return ExitFailure;
        }
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
        if (!document.isObject()) {
            io.error(u"the JSON file must hold an object"_s);
            return ExitFailure;
        }
        body = QCborMap::fromJsonObject(document.object());
    }
    try {
        pqxx::connection connection(pg::str(options->value(u"--pg"_s)));
        const auto seq = feeds::publish(connection, options->value(u"--feed"_s), options->value(u"--outlet"_s),
                                        options->value(u"--key"_s), body, remove);
        if (!seq) {
            io.error(seq.error().detail);
            return ExitFailure;
        }
        io.print(u"published as %1"_s.arg(*seq));
        return ExitOk;
    } catch (const std::exception& e) {
        io.error(u"publish failed: %1"_s.arg(pg::describe(e)));
        return ExitFailure;
    }
}

int riskAdd(const QStringList& args, const cli::Io& io)
{
    const auto options =
        cli::parseCommand(args,
                          {u"shiming-hq risk-add --pg URL --state DIR --doc-type TYPE < numbers (one per line)"_s,
                           {u"--pg"_s, u"--state"_s, u"--doc-type"_s},
                           {},
                           {u"--pg"_s, u"--state"_s, u"--doc-type"_s}},
                          io);
    if (!options)
        return options.error();
    const auto state = HqState::load(options->value(u"--state"_s));
    if (!state) {
        io.error(state.error().detail);
        return ExitFailure;
    }
    int added = 0;
    try {
        pqxx::connection connection(pg::str(options->value(u"--pg"_s)));
        const QList<QByteArray> lines = io.readStdin().split('\n');
        for (const QByteArray& line : lines) {
            const QString number = QString::fromUtf8(line).trimmed();
            if (number.isEmpty())
                continue;
            const QString hash = QString::fromLatin1(
                protocol::identityHash(state->identityKey(), options->value(u"--doc-type"_s), number));
            {
                pqxx::work tx(connection);
                tx.exec_params("INSERT INTO risk_list (identity_hmac) VALUES ($1) ON CONFLICT DO NOTHING",
                               pg::str(hash));
                tx.commit();
            }
            QCborMap body;
            body.insert(u"listed"_s, true);
            if (auto r = feeds::publish(connection, u"risk_list"_s, QString(), hash, body, false); !r) {
                io.error(r.error().detail);
                return ExitFailure;
            }
            ++added;
        }
    } catch (const std::exception& e) {
        io.error(u"risk-add failed: %1"_s.arg(pg::describe(e)));
        return ExitFailure;
    }
    io.print(u"added %1 identities to the risk list"_s.arg(added));
    return ExitOk;
}

} // namespace

QList<cli::Command> hqCommands()
{
    return {
        {u"init"_s, u"create or migrate the schema and HQ's CA and server certificate"_s, init},
        {u"serve"_s, u"serve outlets over HTTPS with mutual TLS"_s, serve},
        {u"enroll"_s, u"issue an outlet's credential bundle"_s, enroll},
        {u"stats"_s, u"print ledger totals"_s, stats},
        {u"unreadable"_s, u"list records outlets reported unreadable (damaged database) and whether HQ holds them"_s,
         unreadable},
        {u"findings"_s, u"list the halls' compliance findings (spot-check verdicts, alerts) in their latest state"_s,
         findings::command},
        {u"revoke"_s, u"revoke a certificate (--serial) or every certificate of an outlet so far (--outlet)"_s, revoke},
        {u"publish"_s, u"publish a downlink feed item"_s, publish},
        {u"risk-add"_s, u"put identities (numbers on stdin) on the risk list"_s, riskAdd},
        {u"lookup"_s, u"look a mobile number or a document up in the ledger (audited; masked unless --unmasked)"_s,
         hall::lookupCommand},
        {u"audit"_s, u"list HQ's audit of hall reads and look-ups"_s, hall::auditCommand},
        {u"maintain"_s,
         u"create the ledger's monthly partitions ahead; with --retain-months, drop what is past retention"_s,
         maintenance::command},
    };
}

} // namespace shiming::hq
