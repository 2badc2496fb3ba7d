#include "hq/HallReads.h"

#include "cli/Options.h"
#include "core/common/Json.h"
#include "core/identity/Validators.h"
#include "core/protocol/IdentityHash.h"
#include "core/report/DayFigures.h"
#include "hq/HqState.h"
#include "hq/PgUtil.h"

#include <pqxx/pqxx>

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QTimeZone>

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace shiming::hq::hall {

QString maskMsisdn(QStringView number)
{
    if (number.size() < 8)
        return QString(number.size(), u'*');
    return number.left(3).toString() + u"****"_s + number.right(4).toString();
}

QString maskDocument(QStringView number)
{
    const qsizetype keep = number.size() > 4 ? 4 : 0;
    return QString(number.size() - keep, u'*') + number.right(keep).toString();
}

QString numberHash(const QByteArray& identityKey, const QString& msisdn)
{
    // Domain-separated from the identity HMACs (document type + '\n' + number), which use the same key.
    const QByteArray message = "msisdn\n" + msisdn.trimmed().toUtf8();
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(message, identityKey, QCryptographicHash::Sha256).toHex());
}

void writeAudit(pqxx::transaction_base& tx, const AuditEntry& e)
{
    tx.exec_params("INSERT INTO hq_audit (actor, actor_kind, hall_id, outlet_id, action, record_uuid, reason, query) "
                   "VALUES ($1, $2, NULLIF($3, ''), NULLIF($4, ''), $5, NULLIF($6, '')::uuid, NULLIF($7, ''), "
                   "NULLIF($8, ''))",
                   pg::str(e.actor), pg::str(e.actorKind), pg::str(e.hall), pg::str(e.outlet), pg::str(e.action),
                   e.record.isNull() ? std::string() : pg::str(e.record.toString(QUuid::WithoutBraces)),
                   pg::str(e.reason), pg::str(e.query));
}

namespace {

constexpr auto kDefaultZone = "Asia/Shanghai";

// The counters of the hall: every outlet HQ has seen with this hall in its certificate, and the asking counter
// itself (which may not have uploaded yet). $1 hall, $2 outlet id, $3 counter.
constexpr auto kHallCte = "hall_outlets AS (SELECT outlet_id, coalesce(counter_no, 1) AS counter_no FROM outlets "
                          "WHERE coalesce(hall_id, outlet_id) = $1 AND outlet_id <> $2 "
                          "UNION ALL SELECT $2, $3::integer)";

// One ledger row of a hall, with its content as sent (CBOR, photos included).
constexpr auto kRowColumns =
    "r.record_uuid::text, r.outlet_id, coalesce(h.counter_no, 1), r.status, r.reason, r.hq_ref, "
    "(extract(epoch FROM r.hq_time) * 1000)::bigint, (extract(epoch FROM coalesce(r.registered_at, r.hq_time)) * "
    "1000)::bigint, r.transaction, EXISTS (SELECT 1 FROM record_voids v WHERE v.original_uuid = r.record_uuid AND "
    "v.status = 'accepted'), coalesce(r.released_by::text, ''), coalesce(r.replaces::text, ''), ";
// The last column: the content without photos (records from before migration 8: the content itself), or all
// of it for the one record whose photos are sent.
constexpr auto kSummary = "coalesce(r.summary, r.content)";
constexpr auto kContent = "r.content";

struct Row {
    QString uuid, outlet, status, reason, hqReference, transaction, releasedBy, replaces;
    int counter = 1;
    qint64 hqTimeMs = 0, registeredAtMs = 0;
    bool voided = false;
    QCborMap content; ///< empty for an invalid record HQ could not decode
};

Row rowOf(const pqxx::row& row)
{
    Row r;
    r.uuid = pg::qstr(row[0].as<std::string>());
    r.outlet = pg::qstr(row[1].as<std::string>());
    r.counter = row[2].as<int>();
    r.status = pg::qstr(row[3].as<std::string>());
    r.reason = pg::qstr(row[4].as<std::string>());
    r.hqReference = pg::qstr(row[5].as<std::string>());
    r.hqTimeMs = row[6].as<qint64>();
    r.registeredAtMs = row[7].as<qint64>();
    r.transaction = pg::qstr(row[8].as<std::string>());
    r.voided = row[9].as<bool>();
    r.releasedBy = pg::qstr(row[10].as<std::string>());
    r.replaces = pg::qstr(row[11].as<std::string>());
    if (!row[12].is_null()) {
        const pqxx::binarystring bytes(row[12]);
        r.content = QCborValue::fromCbor(QByteArray::fromRawData(bytes.get(), qsizetype(bytes.size()))).toMap();
    }
    return r;
}

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(Qt::ISODateWithMs); // ...Z, as stats prints
}

QString text(const QCborMap& map, const char* key)
{
    return map.value(QLatin1StringView(key)).toString();
}

QCborMap face(const Row& r)
{
    return r.content.value("extra"_L1).toMap().value("face"_L1).toMap();
}

QString bandOf(const Row& r)
{
    const QString band = text(face(r), "band");
    return band.isEmpty() ? u"not_compared"_s : band;
}

/// A record as the hall's manager sees it: masked unless `reveal`.
QJsonObject rowJson(const Row& r, bool reveal)
{
    const QCborMap& c = r.content;
    const QString msisdn = text(c, "msisdn");
    const QString name = text(c, "name");
    const QString document = text(c, "docNumber");
    return QJsonObject{{u"uuid"_s, r.uuid},
                       {u"outlet"_s, r.outlet},
                       {u"counter"_s, r.counter},
                       {u"clerk"_s, text(c, "clerk")},
                       {u"transaction"_s, r.transaction},
                       {u"status"_s, r.status},
                       {u"voided"_s, r.voided},
                       {u"reason"_s, r.reason},
                       {u"hqReference"_s, r.hqReference},
                       {u"hqTime"_s, isoUtc(r.hqTimeMs)},
                       {u"registeredAt"_s, isoUtc(r.registeredAtMs)},
                       {u"operator"_s, text(c, "operator")},
                       {u"package"_s, text(c, "package")},
                       {u"customerType"_s, text(c.value("extra"_L1).toMap(), "customerType")},
                       {u"msisdn"_s, reveal ? msisdn : maskMsisdn(msisdn)},
                       {u"name"_s, reveal ? name : maskName(name)},
                       {u"documentType"_s, text(c, "docType")},
                       {u"documentNumber"_s, reveal ? document : maskDocument(document)},
                       {u"faceBand"_s, bandOf(r)},
                       {u"masked"_s, !reveal}};
}

/// The record endpoint's object: rowJson() and what only one record carries (SIM, lineage, face figures, the
/// transfer's present holder, the photos as base64).
QJsonObject recordJson(const Row& r, bool reveal)
{
    QJsonObject o = rowJson(r, reveal);
    const QCborMap& c = r.content;
    const QString iccid = text(c, "iccid");
    o.insert(u"iccid"_s, reveal ? iccid : maskDocument(iccid));
    o.insert(u"releasedBy"_s, r.releasedBy);
    o.insert(u"replaces"_s, r.replaces);
    const QCborMap f = face(r);
    o.insert(u"face"_s, QJsonObject{{u"band"_s, bandOf(r)},
                                    {u"score"_s, f.value("score"_L1).toDouble()},
                                    {u"liveness"_s, text(f, "liveness")},
                                    {u"overrideBy"_s, text(f, "overrideBy")}});
    if (c.contains("holderDocNumber"_L1)) {
        const QString holder = text(c, "holderDocNumber");
        o.insert(u"holderDocumentType"_s, text(c, "holderDocType"));
        o.insert(u"holderDocumentNumber"_s, reveal ? holder : maskDocument(holder));
    }
    QJsonArray photos;
    for (const QCborValue& photo : c.value("photos"_L1).toArray()) {
        const QCborMap p = photo.toMap();
        photos.append(QJsonObject{{u"kind"_s, text(p, "kind")},
                                  {u"jpeg"_s, QString::fromLatin1(p.value("jpeg"_L1).toByteArray().toBase64())}});
    }
    o.insert(u"photos"_s, photos);
    return o;
}

// The hall's daily report, counted as the outlet counts its own (core/report's DayTally).
QByteArray reportJson(const Reader& reader, QDate date, const QTimeZone& zone, const QList<Row>& rows,
                      const QList<std::pair<QString, int>>& counters, const std::array<qint64, 3>& spot)
{
    report::DayTally tally;
    QMap<QString, int> counterNumbers;
    for (const auto& [outlet, number] : counters) {
        tally.addCounter(outlet);
        counterNumbers.insert(outlet, number);
    }
    for (const Row& r : rows) {
        report::DayEntry entry;
        entry.clerk = text(r.content, "clerk");
        const QString package = text(r.content, "package");
        entry.package = package.isEmpty() ? u"-"_s : package;
        entry.customerType = text(r.content.value("extra"_L1).toMap(), "customerType");
        entry.transaction = r.transaction;
        entry.band = bandOf(r);
        entry.counter = r.outlet;
        entry.voided = r.voided;
        // HQ holds only what reached it: every record has its answer (released and ended ones were accepted).
        entry.hq = r.status == u"rejected"_s ? report::HqAnswer::Rejected : report::HqAnswer::Accepted;
        entry.pendingReview =
            entry.band == u"manual_review"_s && text(face(r), "overrideBy").isEmpty() && r.status != u"rejected"_s;
        entry.registeredAtMs = r.registeredAtMs;
        entry.hour = QDateTime::fromMSecsSinceEpoch(r.registeredAtMs, zone).time().hour();
        counterNumbers.insert(r.outlet, r.counter);
        tally.add(entry);
    }
    const report::DayFigures figures = tally.figures();
    // The counters' lines: the outlet's line, with the counter's number and HQ's answers.
    QJsonArray counterLines = report::linesJson(figures.perCounter, false);
    for (qsizetype i = 0; i < counterLines.size(); ++i) {
        const report::ReportLine& line = figures.perCounter.at(i);
        QJsonObject o = counterLines.at(i).toObject();
        o.insert(u"counter"_s, counterNumbers.value(line.key));
        o.insert(u"hq_accepted"_s, line.hqAccepted);
        o.insert(u"hq_rejected"_s, line.hqRejected);
        counterLines.replace(i, o);
    }
    QJsonObject object = report::figuresJson(figures);
    object.insert(u"hall"_s, reader.hall);
    object.insert(u"outlet"_s, reader.hall);
    object.insert(u"date"_s, date.toString(Qt::ISODate));
    object.insert(u"tz"_s, QString::fromLatin1(zone.id()));
    object.insert(u"generated_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    object.insert(u"per_counter"_s, counterLines);
    object.insert(u"spot_check"_s, QJsonObject{{u"drawn"_s, spot[0] > 0},
                                               {u"sampled"_s, QJsonValue()}, // the sample stays at the outlet
                                               {u"checked"_s, spot[0]},
                                               {u"problems"_s, spot[1]}});
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool isHallManager(pqxx::transaction_base& tx, const Reader& reader)
{
    if (reader.manager.isEmpty())
        return false;
    // At each counter of the hall the account in force is the latest item for its name among those for every
    // outlet and those for that counter (as the outlet applies the feed); the name may read the hall when that
    // item, at one of its counters, is a manager's or an administrator's.
    const pqxx::result rows = tx.exec_params(
        "WITH " + std::string(kHallCte) +
            " SELECT DISTINCT ON (h.outlet_id) f.removed, f.body FROM hall_outlets h JOIN feed_items f ON "
            "f.feed = 'accounts' AND f.item_key = $4 AND (f.outlet_id IS NULL OR f.outlet_id = h.outlet_id) "
            "ORDER BY h.outlet_id, f.seq DESC",
        pg::str(reader.hall), pg::str(reader.outletId), reader.counter, pg::str(reader.manager));
    for (const auto& row : rows) {
        if (row[0].as<bool>())
            continue;
        const pqxx::binarystring bytes(row[1]);
        const QString role = QCborValue::fromCbor(QByteArray::fromRawData(bytes.get(), qsizetype(bytes.size())))
                                 .toMap()
                                 .value("role"_L1)
                                 .toString();
        if (role == u"manager"_s || role == u"admin"_s)
            return true;
    }
    return false;
}

QList<std::pair<QString, int>> countersOf(pqxx::transaction_base& tx, const Reader& reader)
{
    QList<std::pair<QString, int>> out;
    for (const auto& row : tx.exec_params("WITH " + std::string(kHallCte) +
                                              " SELECT outlet_id, counter_no FROM hall_outlets ORDER BY 2, 1",
                                          pg::str(reader.hall), pg::str(reader.outletId), reader.counter))
        out.append({pg::qstr(row[0].as<std::string>()), row[1].as<int>()});
    return out;
}

QList<Row> dayRows(pqxx::transaction_base& tx, const Reader& reader, qint64 fromMs, qint64 toMs)
{
    QList<Row> rows;
    for (const auto& row :
         tx.exec_params("WITH " + std::string(kHallCte) + " SELECT " + kRowColumns + kSummary +
                            " FROM records r JOIN hall_outlets h ON h.outlet_id = r.outlet_id WHERE r.registered_at "
                            ">= to_timestamp($4 / 1000.0) AND r.registered_at < to_timestamp($5 / 1000.0) "
                            "ORDER BY r.registered_at, h.counter_no, r.outlet_seq",
                        pg::str(reader.hall), pg::str(reader.outletId), reader.counter, fromMs, toMs))
        rows.append(rowOf(row));
    return rows;
}

Answer refusal(pqxx::work& tx, const Request& request, int status, const char* code, const QUuid& record = {})
{
    writeAudit(tx, {request.reader.manager, u"hall_manager"_s, request.reader.hall, request.reader.outletId,
                    u"refused"_s, record, QString::fromLatin1(code), request.target});
    tx.commit();
    return Answer{status, code, {}, u"refused"_s};
}

} // namespace

Result<Answer> serve(pqxx::connection& connection, const Request& request, pqxx::connection* readOnly)
{
    const Reader& reader = request.reader;
    try {
        pqxx::work tx(connection);
        if (!isHallManager(tx, reader))
            return refusal(tx, request, 403, "NOT_A_HALL_MANAGER");
        // Who may read is decided on the primary, with the audit; what is read may come from a standby.
        std::optional<pqxx::read_transaction> standby;
        pqxx::transaction_base& read = readOnly ? static_cast<pqxx::transaction_base&>(standby.emplace(*readOnly)) : tx;
        if (request.kind == Read::Record) {
            const QUuid id = QUuid::fromString(request.record);
            if (id.isNull() || request.record.size() != 36)
                return refusal(tx, request, 404, "NO_SUCH_RECORD");
            const pqxx::result found =
                read.exec_params("WITH " + std::string(kHallCte) + " SELECT " + kRowColumns + kContent +
                                     " FROM records r JOIN hall_outlets h ON h.outlet_id = r.outlet_id WHERE "
                                     "r.record_uuid = $4::uuid",
                                 pg::str(reader.hall), pg::str(reader.outletId), reader.counter,
                                 pg::str(id.toString(QUuid::WithoutBraces)));
            // Another hall's record and no record at all look the same to the asker.
            if (found.empty())
                return refusal(tx, request, 404, "NO_SUCH_RECORD", id);
            const Row row = rowOf(found[0]);
            const QString action = request.reveal ? u"hall_record_revealed"_s : u"hall_record"_s;
            writeAudit(
                tx, {reader.manager, u"hall_manager"_s, reader.hall, reader.outletId, action, id, {}, request.target});
            QJsonObject body = recordJson(row, request.reveal);
            body.insert(u"hall"_s, reader.hall);
            tx.commit();
            return Answer{200, "", QJsonDocument(body).toJson(QJsonDocument::Compact), action};
        }
        const QDate date = QDate::fromString(request.date, Qt::ISODate);
        if (request.date.size() != 10 || !date.isValid())
            return refusal(tx, request, 400, "BAD_DATE");
        const QByteArray zoneId = request.tz.isEmpty() ? QByteArray(kDefaultZone) : request.tz.toUtf8();
        const QTimeZone zone(zoneId);
        if (zoneId.size() > 64 || !zone.isValid())
            return refusal(tx, request, 400, "BAD_TZ");
        const qint64 fromMs = QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch();
        const qint64 toMs = QDateTime(date.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch();
        const QList<Row> rows = dayRows(read, reader, fromMs, toMs);
        const auto counters = countersOf(read, reader);
        QByteArray body;
        QString action;
        if (request.kind == Read::Day) {
            action = u"hall_day"_s;
            QJsonArray list;
            for (const Row& row : rows)
                list.append(rowJson(row, false));
            QJsonArray counterList;
            for (const auto& [outlet, number] : counters)
                counterList.append(QJsonObject{{u"outlet"_s, outlet}, {u"counter"_s, number}});
            body = QJsonDocument(QJsonObject{{u"hall"_s, reader.hall},
                                             {u"date"_s, date.toString(Qt::ISODate)},
                                             {u"tz"_s, QString::fromLatin1(zoneId)},
                                             {u"counters"_s, counterList},
                                             {u"records"_s, list}})
                       .toJson(QJsonDocument::Compact);
        } else {
            action = u"hall_report"_s;
            // The hall's spot-check verdicts of the day (their latest state), from its compliance findings.
            const pqxx::row spot = read.exec_params1(
                "WITH " + std::string(kHallCte) +
                    " SELECT count(*), count(*) FILTER (WHERE state = 'problem') FROM (SELECT DISTINCT ON "
                    "(f.outlet_id, f.finding_key) f.state FROM compliance_findings f JOIN hall_outlets h ON "
                    "h.outlet_id = f.outlet_id WHERE f.status = 'accepted' AND f.finding_type = 'spot_check' AND "
                    "f.day = $4::date ORDER BY f.outlet_id, f.finding_key, f.state_at DESC, f.hq_ref DESC) latest",
                pg::str(reader.hall), pg::str(reader.outletId), reader.counter, pg::str(date.toString(Qt::ISODate)));
            body = reportJson(reader, date, zone, rows, counters, {spot[0].as<qint64>(), spot[1].as<qint64>(), 0});
        }
        writeAudit(tx,
                   {reader.manager, u"hall_manager"_s, reader.hall, reader.outletId, action, {}, {}, request.target});
        tx.commit();
        return Answer{200, "", body, action};
    } catch (const std::exception& e) {
        return fail(Error::storageFailure(u"hall read failed: %1"_s.arg(pg::describe(e))));
    }
}

QJsonObject figuresByHall(pqxx::transaction_base& tx)
{
    QJsonObject out;
    QMap<QString, QJsonObject> halls;
    for (const auto& row : tx.exec(R"SQL(
SELECT coalesce(o.hall_id, o.outlet_id), o.outlet_id, coalesce(o.counter_no, 1), count(r.record_uuid),
    count(*) FILTER (WHERE r.status = 'accepted'), count(*) FILTER (WHERE r.status = 'rejected')
FROM outlets o LEFT JOIN records r ON r.outlet_id = o.outlet_id
GROUP BY 1, 2, 3 ORDER BY 1, 3, 2)SQL")) {
        QJsonObject& hall = halls[pg::qstr(row[0].as<std::string>())];
        QJsonObject perCounter = hall.value(u"perCounter"_s).toObject();
        const qint64 records = row[3].as<qint64>(), accepted = row[4].as<qint64>(), rejected = row[5].as<qint64>();
        perCounter.insert(pg::qstr(row[1].as<std::string>()), QJsonObject{{u"counter"_s, row[2].as<int>()},
                                                                          {u"records"_s, records},
                                                                          {u"accepted"_s, accepted},
                                                                          {u"rejections"_s, rejected}});
        hall.insert(u"perCounter"_s, perCounter);
        hall.insert(u"counters"_s, perCounter.size());
        hall.insert(u"records"_s, hall.value(u"records"_s).toInteger() + records);
        hall.insert(u"accepted"_s, hall.value(u"accepted"_s).toInteger() + accepted);
        hall.insert(u"rejections"_s, hall.value(u"rejections"_s).toInteger() + rejected);
    }
    for (auto it = halls.cbegin(); it != halls.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

namespace {

QString osUser()
{
    if (const passwd* entry = ::getpwuid(::geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    return qEnvironmentVariable("USER", u"unknown"_s);
}

} // namespace

int lookupCommand(const QStringList& args, const cli::Io& io)
{
    const auto options = cli::parseCommand(
        args,
        {u"shiming-hq lookup --pg URL --state DIR (--msisdn N | --document TYPE:NUMBER) [--unmasked --reason TEXT] "
         "[--actor NAME] [--json]   (N or NUMBER '-': read it from stdin)"_s,
         {u"--pg"_s, u"--state"_s, u"--msisdn"_s, u"--document"_s, u"--reason"_s, u"--actor"_s},
         {u"--unmasked"_s, u"--json"_s},
         {u"--pg"_s, u"--state"_s}},
        io);
    if (!options)
        return options.error();
    const bool byNumber = options->has(u"--msisdn"_s);
    if (byNumber == options->has(u"--document"_s))
        return options->usageError(io, u"give one of --msisdn and --document"_s);
    const bool unmasked = options->flag(u"--unmasked"_s);
    const QString reason = options->value(u"--reason"_s).trimmed();
    if (unmasked && reason.isEmpty())
        return options->usageError(io, u"--unmasked needs --reason"_s);
    const auto state = HqState::load(options->value(u"--state"_s));
    if (!state) {
        io.error(state.error().detail);
        return cli::ExitFailure;
    }
    // '-' reads the number from stdin, so that it need not stand in the process list.
    const auto valueOrStdin = [&](const QString& value) {
        return value == u"-"_s ? QString::fromUtf8(io.readStdin()).trimmed() : value.trimmed();
    };
    QString where, key, query;
    if (byNumber) {
        key = valueOrStdin(options->value(u"--msisdn"_s));
        where = u"r.msisdn = $1"_s;
        query = u"msisdn:"_s + numberHash(state->identityKey(), key);
    } else {
        const QString document = options->value(u"--document"_s);
        const QString type = document.section(u':', 0, 0);
        const QString number = valueOrStdin(document.section(u':', 1));
        if (type.isEmpty() || number.isEmpty())
            return options->usageError(io, u"--document wants TYPE:NUMBER (e.g. resident_id:...)"_s);
        // Matched by the identity HMAC, as the ledger keeps it: HQ never stored the plain number.
        key = QString::fromLatin1(protocol::identityHash(state->identityKey(), type, number));
        where = u"r.identity_hmac = $1"_s;
        query = u"document:%1:%2"_s.arg(type, key);
    }
    if (key.isEmpty())
        return options->usageError(io, u"nothing to look up"_s);
    const QString actor = options->value(u"--actor"_s, osUser());
    try {
        pqxx::connection connection(pg::str(options->value(u"--pg"_s)));
        pqxx::work tx(connection);
        QJsonArray list;
        for (const auto& row : tx.exec_params(
                 "SELECT " + std::string(kRowColumns) + kSummary +
                     ", coalesce(h.hall_id, r.outlet_id) FROM records r LEFT JOIN outlets h ON h.outlet_id = "
                     "r.outlet_id WHERE " +
                     pg::str(where) + " ORDER BY r.hq_time DESC, r.hq_ref DESC",
                 pg::str(key))) {
            QJsonObject o = rowJson(rowOf(row), unmasked);
            o.insert(u"hall"_s, pg::qstr(row[13].as<std::string>()));
            list.append(o);
        }
        // Audited before anything is shown: a look-up that printed is a look-up on record.
        writeAudit(tx,
                   {actor, u"hq_operator"_s, {}, {}, unmasked ? u"lookup_unmasked"_s : u"lookup"_s, {}, reason, query});
        tx.commit();
        if (options->flag(u"--json"_s)) {
            io.out(compactJson(QJsonObject{{u"by"_s, byNumber ? u"msisdn"_s : u"document"_s},
                                           {u"masked"_s, !unmasked},
                                           {u"records"_s, list}}) +
                   '\n');
            return cli::ExitOk;
        }
        if (list.isEmpty())
            io.print(u"no record"_s);
        for (const QJsonValue& value : std::as_const(list)) {
            const QJsonObject o = value.toObject();
            io.print(u"%1 %2 %3 (hall %4, counter %5) %6 %7%8: %9 %10 %11 %12"_s
                         .arg(o[u"hqReference"_s].toString(), o[u"registeredAt"_s].toString(),
                              o[u"outlet"_s].toString(), o[u"hall"_s].toString())
                         .arg(o[u"counter"_s].toInt())
                         .arg(o[u"transaction"_s].toString(), o[u"status"_s].toString(),
                              o[u"reason"_s].toString().isEmpty() ? QString() : u" "_s + o[u"reason"_s].toString(),
                              o[u"msisdn"_s].toString(), o[u"name"_s].toString(),
                              o[u"documentType"_s].toString() + u':' + o[u"documentNumber"_s].toString(),
                              o[u"clerk"_s].toString()));
        }
        return cli::ExitOk;
    } catch (const std::exception& e) {
        io.error(u"lookup failed: %1"_s.arg(pg::describe(e)));
        return cli::ExitFailure;
    }
}

int auditCommand(const QStringList& args, const cli::Io& io)
{
    const auto options = cli::parseCommand(args,
                                           {u"shiming-hq audit --pg URL [--since YYYY-MM-DD] [--json]"_s,
                                            {u"--pg"_s, u"--since"_s},
                                            {u"--json"_s},
                                            {u"--pg"_s}},
                                           io);
    if (!options)
        return options.error();
    const QDate since =
        options->has(u"--since"_s) ? QDate::fromString(options->value(u"--since"_s), Qt::ISODate) : QDate(2000, 1, 1);
    if (!since.isValid())
        return options->usageError(io, u"--since takes a date, YYYY-MM-DD"_s);
    try {
        pqxx::connection connection(pg::str(options->value(u"--pg"_s)));
        pqxx::read_transaction tx(connection);
        QJsonArray list;
        for (const auto& row : tx.exec_params(
                 "SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), actor, actor_kind, "
                 "hall_id, outlet_id, action, record_uuid::text, reason, query FROM hq_audit "
                 "WHERE at >= $1::date ORDER BY id",
                 pg::str(since.toString(Qt::ISODate)))) {
            list.append(QJsonObject{{u"id"_s, row[0].as<qint64>()},
                                    {u"at"_s, pg::jsonText(row[1])},
                                    {u"actor"_s, pg::jsonText(row[2])},
                                    {u"actorKind"_s, pg::jsonText(row[3])},
                                    {u"hall"_s, pg::jsonText(row[4])},
                                    {u"outlet"_s, pg::jsonText(row[5])},
                                    {u"action"_s, pg::jsonText(row[6])},
                                    {u"record"_s, pg::jsonText(row[7])},
                                    {u"reason"_s, pg::jsonText(row[8])},
                                    {u"query"_s, pg::jsonText(row[9])}});
        }
        if (options->flag(u"--json"_s)) {
            io.out(compactJson(QJsonObject{{u"audit"_s, list}}) + '\n');
            return cli::ExitOk;
        }
        if (list.isEmpty())
            io.print(u"no audit entry"_s);
        for (const QJsonValue& value : std::as_const(list)) {
            const QJsonObject o = value.toObject();
            io.print(u"%1 %2 (%3) %4%5%6%7%8%9"_s
                         .arg(o[u"at"_s].toString(), o[u"actor"_s].toString(), o[u"actorKind"_s].toString(),
                              o[u"action"_s].toString())
                         .arg(o[u"hall"_s].isNull() ? QString() : u" hall "_s + o[u"hall"_s].toString(),
                              o[u"outlet"_s].isNull() ? QString() : u" via "_s + o[u"outlet"_s].toString(),
                              o[u"record"_s].isNull() ? QString() : u" record "_s + o[u"record"_s].toString(),
                              o[u"reason"_s].isNull() ? QString() : u" reason: "_s + o[u"reason"_s].toString(),
                              o[u"query"_s].isNull() ? QString() : u" query "_s + o[u"query"_s].toString()));
        }
        return cli::ExitOk;
    } catch (const std::exception& e) {
        io.error(u"audit failed: %1"_s.arg(pg::describe(e)));
        return cli::ExitFailure;
    }
}

} // namespace shiming::hq::hall
