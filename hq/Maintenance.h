#pragma once

#include "cli/CommandLine.h"
#include "core/common/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <pqxx/connection>
#include <pqxx/transaction_base>

namespace shiming::hq::maintenance {

/// Months of partitions kept ahead of HQ's current month (UTC): the ingest never creates one.
constexpr int kDefaultMonthsAhead = 3;

/// The retention floor: a record is kept for its service period plus two years.
constexpr int kMinimumRetainMonths = 24;

/// Creates the monthly partitions of `records` and `batches` from the current month to `monthsAhead` months
/// ahead that do not exist yet (and none of the past). Waits at most `lockTimeoutMs` for the parents' lock (a
/// partition's creation takes it briefly). Returns the names created.
Result<QStringList> ensurePartitions(pqxx::connection& connection, int monthsAhead, int lockTimeoutMs = 10000);

/// One partition as `stats` and `maintain` show it.
struct Partition {
    QString name;
    QString parent;  ///< records | batches
    QString month;   ///< YYYY-MM
    qint64 rows = 0; ///< the planner's estimate (reltuples), -1 before the first ANALYZE
};
/// Throws on a database error, as the transaction's other statements do.
QList<Partition> partitions(pqxx::transaction_base& tx);

/// What one retention step did (or would do, dry run) to one partition or table.
struct RetentionStep {
    QString object; ///< a partition, or record_voids
    QString action; ///< dropped | deleted | kept
    qint64 rows = 0;
    qint64 kept = 0; ///< rows left because their number is in service or their service ended too recently
};

/// Retention at HQ: in every month before the last `retainMonths` (UTC), the records whose service ended before
/// that cut (released by a void or a later transaction, ended by a cancellation, or rejected) and whose number
/// nobody holds now are deleted; a month with nothing else left is detached and dropped whole. Never a record
/// in service (`accepted`), never one of a number in service. Then the batches no record of theirs refers to
/// any more, month by month in the same way, and the voids whose registration is gone. One transaction per
/// partition; each step is written to `retention_log`. `dryRun`: counts only, no lock beyond a reader's.
Result<QList<RetentionStep>> applyRetention(pqxx::connection& connection, int retainMonths, bool dryRun,
                                            int lockTimeoutMs = 10000);

/// `shiming-hq maintain --pg URL [--months-ahead N] [--retain-months N [--dry-run]] [--json]`
int command(const QStringList& args, const cli::Io& io);

/// The partitions, how far ahead they go and the numbers in service, for `stats`. Throws on a database error.
QJsonObject partitionsJson(pqxx::transaction_base& tx);

} // namespace shiming::hq::maintenance
