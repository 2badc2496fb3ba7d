#include "hq/Maintenance.h"

#include "cli/Options.h"
#include "core/common/Json.h"
#include "core/common/Logging.h"
#include "hq/PgUtil.h"

#include <pqxx/pqxx>

#include <QDate>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace shiming::hq::maintenance {

namespace {

/// The month a partition of ours holds, from its name (`records_y2026m12` → 2026-12); empty for another table.
QString monthOf(const QString& name)
{
    static const QRegularExpression pattern(u"_y(\\d{4})m(\\d{2})$"_s);
    const auto match = pattern.match(name);
    return match.hasMatch() ? match.captured(1) + u'-' + match.captured(2) : QString();
}

QString firstOfMonth(const QString& month)
{
    return month + u"-01 00:00:00+00"_s;
}

QString nextMonth(const QString& month)
{
    return QDate::fromString(month + u"-01"_s, Qt::ISODate).addMonths(1).toString(u"yyyy-MM"_s);
}

/// Record `r` (an alias) is past retention: its service ended before the cut ($1) and nobody holds its number
/// now. Never an accepted one.
std::string expired(const std::string& r)
{
    return "(" + r + ".status <> 'accepted' AND coalesce(" + r + ".released_at, " + r + ".hq_time) < $1::timestamptz " +
           "AND NOT EXISTS (SELECT 1 FROM active_numbers a WHERE a.msisdn = " + r + ".msisdn))";
}

std::string quoted(pqxx::transaction_base& tx, const QString& name)
{
    return tx.quote_name(pg::str(name));
}

void setLockTimeout(pqxx::transaction_base& tx, int lockTimeoutMs)
{
    tx.exec("SET LOCAL lock_timeout = " + std::to_string(std::max(1, lockTimeoutMs)));
    // The retention counts look expensive to the planner on months it has no statistics of (all of them, for
    // partitions nobody ANALYZEd yet): JIT compiling each one cost ~0.8 s for nothing.
    tx.exec("SET LOCAL jit = off");
}

void logStep(pqxx::transaction_base& tx, int retainMonths, const RetentionStep& step)
{
    tx.exec_params("INSERT INTO retention_log (retain_months, object, action, rows) VALUES ($1, $2, $3, $4)",
                   retainMonths, pg::str(step.object), pg::str(step.action), step.rows);
}

/// Detaches a partition and drops it (the caller holds a transaction; the parent's lock is taken here). A drop
/// fires no trigger: the ids of a month of records leave `record_ids` first.
void dropPartition(pqxx::transaction_base& tx, const Partition& partition)
{
    if (partition.parent == u"records"_s)
        tx.exec("DELETE FROM record_ids i USING " + quoted(tx, partition.name) +
                " r WHERE i.record_uuid = r.record_uuid");
    tx.exec("ALTER TABLE " + quoted(tx, partition.parent) + " DETACH PARTITION " + quoted(tx, partition.name));
    tx.exec("DROP TABLE " + quoted(tx, partition.name));
}

} // namespace

Result<QStringList> ensurePartitions(pqxx::connection& connection, int monthsAhead, int lockTimeoutMs)
{
    try {
        pqxx::work tx(connection);
        setLockTimeout(tx, lockTimeoutMs);
        QStringList created;
        for (const auto& row : tx.exec_params("SELECT shiming_month_partitions((now() AT TIME ZONE 'UTC')::date, "
                                              "((now() AT TIME ZONE 'UTC') + make_interval(months => $1))::date)",
                                              std::max(0, monthsAhead)))
            created << pg::qstr(row[0].as<std::string>());
        tx.commit();
        if (!created.isEmpty())
            qCInfo(lcSync) << "created partitions" << created.join(u", "_s);
        return created;
    } catch (const std::exception& e) {
        return fail(Error::storageFailure(u"creating partitions failed: %1"_s.arg(pg::describe(e))));
    }
}

QList<Partition> partitions(pqxx::transaction_base& tx)
{
    QList<Partition> list;
    for (const auto& row :
         tx.exec("SELECT c.relname, p.relname, c.reltuples::bigint FROM pg_inherits i JOIN pg_class c ON c.oid = "
                 "i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname IN ('records', 'batches') AND "
                 "p.relnamespace = current_schema()::regnamespace ORDER BY 2 DESC, 1")) {
        Partition partition;
        partition.name = pg::qstr(row[0].as<std::string>());
        partition.parent = pg::qstr(row[1].as<std::string>());
        partition.month = monthOf(partition.name);
        partition.rows = row[2].as<qint64>();
        list << partition;
    }
    return list;
}

Result<QList<RetentionStep>> applyRetention(pqxx::connection& connection, int retainMonths, bool dryRun,
                                            int lockTimeoutMs)
{
    if (retainMonths < kMinimumRetainMonths)
        return fail(Error::invalidInput(
            u"--retain-months is at least %1 (the service period plus two years)"_s.arg(kMinimumRetainMonths)));
    QList<Partition> all;
    QString cutMonth;
    try {
        pqxx::read_transaction tx(connection);
        all = partitions(tx);
        cutMonth = pg::qstr(tx.exec_params1("SELECT to_char(date_trunc('month', now() AT TIME ZONE 'UTC') - "
                                            "make_interval(months => $1), 'YYYY-MM')",
                                            retainMonths)[0]
                                .as<std::string>());
    } catch (const std::exception& e) {
        return fail(Error::storageFailure(u"retention failed: %1"_s.arg(pg::describe(e))));
    }
    const std::string cut = pg::str(firstOfMonth(cutMonth));
    // What survives this run: in a dry run the rows that would be kept, otherwise the rows still there.
    const auto survives = [dryRun](const std::string& r) {
        return dryRun ? "NOT " + expired(r) : std::string("true");
    };
    // Void `v` goes when its registration does (its hq_time is at least that registration's).
    const auto voidGoes = [&](const std::string& v) {
        return "(" + v +
               ".hq_time < $1::timestamptz AND NOT EXISTS (SELECT 1 FROM records rv WHERE rv.record_uuid = " + v +
               ".original_uuid AND " + survives("rv") + "))";
    };
    const std::string voidSurvives = dryRun ? "NOT " + voidGoes("v") : std::string("true");

    QList<RetentionStep> steps;
    const auto step = [&](const QString& object, const std::function<RetentionStep(pqxx::work&)>& run) -> bool {
        try {
            pqxx::work tx(connection);
            setLockTimeout(tx, lockTimeoutMs);
            RetentionStep done = run(tx);
            done.object = object;
            if (done.action == u"kept"_s && done.kept == 0)
                return true; // nothing in it either way: not worth a line
            if (!dryRun && done.action != u"kept"_s)
                logStep(tx, retainMonths, done);
            if (dryRun)
                tx.abort();
            else
                tx.commit();
            steps << done;
            return true;
        } catch (const std::exception& e) {
            qCWarning(lcSync) << "retention step failed on" << object << pg::describe(e);
            return false;
        }
    };
    bool ok = true;
    // Records first (their batches and voids go only when nothing of theirs is left), oldest month first.
    for (const QString& parent : {u"records"_s, u"batches"_s}) {
        for (const Partition& partition : std::as_const(all)) { // oldest month first
            if (partition.parent != parent || partition.month.isEmpty() || partition.month >= cutMonth)
                continue;
            ok &= step(partition.name, [&](pqxx::work& tx) {
                const std::string table = quoted(tx, partition.name);
                if (!dryRun) // no release or restore of its rows while it is decided
                    tx.exec("LOCK TABLE " + table + " IN SHARE ROW EXCLUSIVE MODE");
                // Both tables read the cut ($1) and the month's bounds ($2, $3).
                const std::string from = pg::str(firstOfMonth(partition.month));
                const std::string to = pg::str(firstOfMonth(nextMonth(partition.month)));
                const std::string alias = parent == u"records"_s ? "r" : "b";
                const std::string gone =
                    parent == u"records"_s
                        ? "(r.hq_time >= $2::timestamptz AND r.hq_time < $3::timestamptz AND " + expired("r") + ")"
                        // A batch goes when no record of it survives (records of a batch are in its month; a day
                        // either side covers rows migrated from before batches were written at the records' time).
                        : "($1::timestamptz IS NOT NULL AND NOT EXISTS (SELECT 1 FROM records r WHERE r.batch_uuid = "
                          "b.batch_uuid AND r.hq_time >= $2::timestamptz - interval '1 day' AND r.hq_time < "
                          "$3::timestamptz + interval '1 day' AND " +
                              survives("r") +
                              ") AND NOT EXISTS (SELECT 1 FROM record_voids v WHERE v.batch_uuid = b.batch_uuid AND " +
                              voidSurvives +
                              ") AND NOT EXISTS (SELECT 1 FROM compliance_findings f WHERE f.batch_uuid = "
                              "b.batch_uuid))";
                const pqxx::row counts = tx.exec_params1(
                    "SELECT count(*), count(*) FILTER (WHERE " + gone + ") FROM " + table + " " + alias, cut, from, to);
                RetentionStep s;
                s.rows = counts[1].as<qint64>();
                s.kept = counts[0].as<qint64>() - s.rows;
                if (s.kept == 0) {
                    s.action = u"dropped"_s;
                    if (!dryRun)
                        dropPartition(tx, partition);
                } else {
                    s.action = s.rows > 0 ? u"deleted"_s : u"kept"_s;
                    if (!dryRun && s.rows > 0)
                        // Through the parent (the month pruned by `gone`), so that its statement trigger
                        // takes the ids out of `record_ids`.
                        tx.exec_params("DELETE FROM " + (parent == u"records"_s ? std::string("records") : table) +
                                           " " + alias + " WHERE " + gone,
                                       cut, from, to);
                }
                return s;
            });
        }
        if (parent == u"records"_s) {
            // The voids of registrations no longer held (their own service record went with them).
            ok &= step(u"record_voids"_s, [&](pqxx::work& tx) {
                const std::string gone = voidGoes("v");
                RetentionStep s;
                s.rows = tx.exec_params1("SELECT count(*) FROM record_voids v WHERE " + gone, cut)[0].as<qint64>();
                s.action = s.rows > 0 ? u"deleted"_s : u"kept"_s;
                if (!dryRun && s.rows > 0)
                    tx.exec_params("DELETE FROM record_voids v WHERE " + gone, cut);
                return s;
            });
        }
    }
    if (!ok)
        return fail(Error::storageFailure(
            u"retention stopped short: a partition was busy or failed (see the log); run it again"_s));
    for (const RetentionStep& s : std::as_const(steps)) {
        if (!dryRun)
            qCInfo(lcSync) << "retention" << retainMonths << "months:" << s.action << s.object << s.rows << "rows, kept"
                           << s.kept;
    }
    return steps;
}

QJsonObject partitionsJson(pqxx::transaction_base& tx)
{
    QJsonArray items;
    QString newest, oldest;
    for (const Partition& p : partitions(tx)) {
        items.append(QJsonObject{
            {u"name"_s, p.name}, {u"table"_s, p.parent}, {u"month"_s, p.month}, {u"rowsEstimate"_s, p.rows}});
        if (p.parent == u"records"_s && !p.month.isEmpty()) {
            if (newest.isEmpty() || p.month > newest)
                newest = p.month;
            if (oldest.isEmpty() || p.month < oldest)
                oldest = p.month;
        }
    }
    const int ahead = newest.isEmpty()
                          ? -1
                          : tx.exec_params1("SELECT ((extract(year FROM $1::date) - extract(year FROM "
                                            "now() AT TIME ZONE 'UTC')) * 12 + extract(month FROM "
                                            "$1::date) - extract(month FROM now() AT TIME ZONE 'UTC'))::int",
                                            pg::str(newest + u"-01"_s))[0]
                                .as<int>();
    return {{u"partitions"_s, items},
            {u"oldestMonth"_s, oldest},
            {u"newestMonth"_s, newest},
            {u"monthsAhead"_s, ahead},
            {u"activeNumbers"_s, tx.exec1("SELECT count(*) FROM active_numbers")[0].as<qint64>()}};
}

int command(const QStringList& args, const cli::Io& io)
{
    const auto options = cli::parseCommand(
        args,
        {u"shiming-hq maintain --pg URL [--months-ahead N] [--retain-months N [--dry-run]] [--json]"_s,
         {u"--pg"_s, u"--months-ahead"_s, u"--retain-months"_s},
         {u"--dry-run"_s, u"--json"_s},
         {u"--pg"_s}},
        io);
    if (!options)
        return options.error();
    bool ok = true;
    const int ahead =
        options->has(u"--months-ahead"_s) ? options->value(u"--months-ahead"_s).toInt(&ok) : kDefaultMonthsAhead;
    if (!ok || ahead < 1 || ahead > 24)
        return options->usageError(io, u"--months-ahead wants 1-24"_s);
    int retain = 0;
    if (options->has(u"--retain-months"_s)) {
        retain = options->value(u"--retain-months"_s).toInt(&ok);
        if (!ok || retain < kMinimumRetainMonths || retain > 1200)
            return options->usageError(
                io, u"--retain-months wants %1-1200 (the service period plus two years)"_s.arg(kMinimumRetainMonths));
    } else if (options->flag(u"--dry-run"_s)) {
        return options->usageError(io, u"--dry-run goes with --retain-months"_s);
    }
    const bool dryRun = options->flag(u"--dry-run"_s);
    try {
        pqxx::connection connection(pg::str(options->value(u"--pg"_s)));
        const auto created = ensurePartitions(connection, ahead);
        if (!created)
            return cli::failWith(io, created.error());
        QJsonObject out{{u"created"_s, QJsonArray::fromStringList(*created)}};
        QList<RetentionStep> steps;
        if (retain > 0) {
            const auto applied = applyRetention(connection, retain, dryRun);
            if (!applied)
                return cli::failWith(io, applied.error());
            steps = *applied;
            QJsonArray list;
            for (const RetentionStep& s : std::as_const(steps))
                list.append(QJsonObject{
                    {u"object"_s, s.object}, {u"action"_s, s.action}, {u"rows"_s, s.rows}, {u"kept"_s, s.kept}});
            out.insert(u"retention"_s,
                       QJsonObject{{u"retainMonths"_s, retain}, {u"dryRun"_s, dryRun}, {u"steps"_s, list}});
        }
        QJsonObject layout;
        {
            pqxx::read_transaction tx(connection);
            layout = partitionsJson(tx);
        }
        out.insert(u"newestMonth"_s, layout[u"newestMonth"_s]);
        out.insert(u"oldestMonth"_s, layout[u"oldestMonth"_s]);
        if (options->flag(u"--json"_s)) {
            io.out(compactJson(out) + '\n');
            return cli::ExitOk;
        }
        io.print(created->isEmpty() ? u"partitions: up to date, %1 to %2"_s.arg(layout[u"oldestMonth"_s].toString(),
                                                                                layout[u"newestMonth"_s].toString())
                                    : u"partitions: created %1 (now %2 to %3)"_s.arg(
                                          created->join(u", "_s), layout[u"oldestMonth"_s].toString(),
                                          layout[u"newestMonth"_s].toString()));
        if (retain > 0) {
            const QString would = dryRun ? u"would be "_s : QString();
            if (steps.isEmpty())
                io.print(u"retention %1 months: nothing past it %2dropped"_s.arg(retain).arg(would));
            for (const RetentionStep& s : std::as_const(steps)) {
                const QString unit = s.object.startsWith(u"batches"_s) ? u"batches"_s
                                     : s.object == u"record_voids"_s   ? u"voids"_s
                                                                       : u"records"_s;
                const QString why = unit == u"records"_s ? u"whose service ended"_s : u"of records no longer kept"_s;
                if (s.action == u"dropped"_s)
                    io.print(u"retention %1 months: %2 %3dropped (%4)"_s.arg(retain).arg(
                        s.object, would, s.rows == 0 ? u"empty"_s : u"%1 %2 %3"_s.arg(s.rows).arg(unit, why)));
                else if (s.action == u"deleted"_s)
                    io.print(u"retention %1 months: %2: %3 %4 %5deleted, %6 kept (in service, of a number in service, "
                             "or ended too recently)"_s.arg(retain)
                                 .arg(s.object)
                                 .arg(s.rows)
                                 .arg(unit, would)
                                 .arg(s.kept));
                else
                    io.print(u"retention %1 months: %2: all %3 %4 kept (in service, of a number in service, or ended "
                             "too recently)"_s.arg(retain)
                                 .arg(s.object)
                                 .arg(s.kept)
                                 .arg(unit));
            }
        }
        return cli::ExitOk;
    } catch (const std::exception& e) {
        io.error(u"maintain failed: %1"_s.arg(pg::describe(e)));
        return cli::ExitFailure;
    }
}

} // namespace shiming::hq::maintenance
