#pragma once

#include "cli/CommandLine.h"
#include "core/common/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <pqxx/connection>
#include <pqxx/transaction_base>

namespace shiming::hq::hall {

/// Masks of HQ's hall reads: a mobile number keeps its first 3 and last 4 digits (`138****5678`; shorter: all
/// stars), a document number its last 4 characters; a name is masked as at the outlet (shiming::maskName).
QString maskMsisdn(QStringView number);
QString maskDocument(QStringView number);

/// What HQ keeps of a looked-up mobile number in its audit: HMAC-SHA256 under the identity key, lowercase hex
/// (a number's space is small enough to be brute-forced from a plain hash).
QString numberHash(const QByteArray& identityKey, const QString& msisdn);

/// One row of `hq_audit` (empty texts and a null uuid are stored as NULL).
struct AuditEntry {
    QString actor;
    QString actorKind; ///< hall_manager, hq_operator
    QString hall;
    QString outlet;
    QString action; ///< hall_day, hall_record, hall_record_revealed, hall_report, lookup, lookup_unmasked, refused
    QUuid record;
    QString reason;
    QString query;
};
void writeAudit(pqxx::transaction_base& tx, const AuditEntry& entry);

/// The hall reads a hall's manager makes through one of its counters (docs/hq.md "Hall reads (API)").
enum class Read { Day, Record, Report };

/// Who asks: the counter's certificate (hall, outlet id, counter) and the manager named in the signed target.
struct Reader {
    QString hall;
    QString outletId;
    int counter = 1;
    QString manager;
};

struct Request {
    Read kind = Read::Day;
    Reader reader;
    QString date;   ///< YYYY-MM-DD (day, report)
    QString tz;     ///< IANA zone, empty: Asia/Shanghai (day, report)
    QString record; ///< uuid text (record)
    bool reveal = false;
    QString target; ///< the signed request target, kept in the audit row
};

/// 200 with a JSON body, or a refusal status with its code (the body is then the code alone).
struct Answer {
    int status = 200;
    const char* code = "";
    QByteArray body;
    QString action; ///< what the audit row says
};

/// Authorises the manager (an account HQ published on the `accounts` feed, for every outlet or for an outlet of
/// this hall, latest item not removed, role manager or admin), reads and writes the audit row in one
/// transaction; a refusal writes its audit row too. Fails only when the database does. `readOnly`: a connection
/// to a standby (`serve --pg-read`) the rows are read from; the check and the audit stay on `connection`.
Result<Answer> serve(pqxx::connection& connection, const Request& request, pqxx::connection* readOnly = nullptr);

/// `shiming-hq stats`' byHall: {HALL: {counters, records, accepted, rejections, perCounter: {OUTLET: {counter,
/// records, accepted, rejections}}}}.
QJsonObject figuresByHall(pqxx::transaction_base& tx);

/// `shiming-hq lookup`: every record of a mobile number or of a document (by its identity HMAC), newest first,
/// every status; masked unless --unmasked (with --reason); each look-up writes an hq_audit row.
int lookupCommand(const QStringList& args, const cli::Io& io);
/// `shiming-hq audit --pg URL [--since DATE] [--json]`: the hq_audit rows.
int auditCommand(const QStringList& args, const cli::Io& io);

} // namespace shiming::hq::hall
