#include "hq/Findings.h"

#include "cli/Options.h"
#include "core/common/Json.h"
#include "core/protocol/SyncRecord.h"
#include "hq/PgUtil.h"

#include <pqxx/pqxx>

#include <QCborValue>
#include <QDate>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace shiming::hq::findings {

namespace {

// Each finding (outlet, type, day, key) in its latest state, with how many states HQ holds of it. Only what HQ
// accepted: a refused finding record is the outlet's to send again. An acknowledged alert stays acknowledged
// (the outlet cannot take it back); states at the same millisecond go by the order HQ took them in.
const char* const kLatestSql = R"SQL(
SELECT outlet_id, finding_type, to_char(day, 'YYYY-MM-DD'), finding_key, state,
    to_char(state_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), hq_ref,
    to_char(hq_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), content, states
FROM (SELECT f.*, count(*) OVER w AS states, row_number() OVER (w ORDER BY state = 'acknowledged' DESC, state_at DESC, hq_ref DESC) AS latest
      FROM compliance_findings f
      WHERE status = 'accepted' AND ($1 = '' OR outlet_id = $1) AND day BETWEEN $2::date AND $3::date
      WINDOW w AS (PARTITION BY outlet_id, finding_type, day, finding_key)) x
WHERE latest = 1 AND (NOT $4 OR state IN ('problem', 'raised'))
ORDER BY outlet_id, day, finding_type DESC, state_at
)SQL";

} // namespace

QJsonObject figuresByOutlet(pqxx::transaction_base& tx)
{
    QJsonObject out;
    for (const auto& row : tx.exec(R"SQL(
SELECT outlet_id,
    count(*) FILTER (WHERE finding_type = 'spot_check'),
    count(*) FILTER (WHERE finding_type = 'spot_check' AND state = 'problem'),
    count(*) FILTER (WHERE finding_type = 'alert' AND state = 'raised'),
    count(*) FILTER (WHERE finding_type = 'alert' AND state = 'acknowledged')
FROM (SELECT DISTINCT ON (outlet_id, finding_type, day, finding_key) outlet_id, finding_type, state
      FROM compliance_findings WHERE status = 'accepted'
      ORDER BY outlet_id, finding_type, day, finding_key, state = 'acknowledged' DESC, state_at DESC,
          hq_ref DESC) latest
GROUP BY 1 ORDER BY 1)SQL")) {
        out.insert(pg::qstr(row[0].as<std::string>()), QJsonObject{{u"spotChecked"_s, row[1].as<qint64>()},
                                                                   {u"spotProblems"_s, row[2].as<qint64>()},
                                                                   {u"alertsOpen"_s, row[3].as<qint64>()},
                                                                   {u"alertsAcknowledged"_s, row[4].as<qint64>()}});
    }
    return out;
}

int command(const QStringList& args, const cli::Io& io)
{
    const auto options = cli::parseCommand(
        args,
        {u"shiming-hq findings --pg URL [--outlet ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--open] [--json]"_s,
         {u"--pg"_s, u"--outlet"_s, u"--from"_s, u"--to"_s},
         {u"--open"_s, u"--json"_s},
         {u"--pg"_s}},
        io);
    if (!options)
        return options.error();
    const QDate from =
        options->has(u"--from"_s) ? QDate::fromString(options->value(u"--from"_s), Qt::ISODate) : QDate(2000, 1, 1);
    const QDate to =
        options->has(u"--to"_s) ? QDate::fromString(options->value(u"--to"_s), Qt::ISODate) : QDate(9999, 12, 31);
    if (!from.isValid() || !to.isValid())
        return options->usageError(io, u"--from and --to take a date, YYYY-MM-DD"_s);
    try {
        pqxx::connection connection(pg::str(options->value(u"--pg"_s)));
        pqxx::read_transaction tx(connection);
        QJsonArray list;
        for (const auto& row :
             tx.exec_params(kLatestSql, pg::str(options->value(u"--outlet"_s)), pg::str(from.toString(Qt::ISODate)),
                            pg::str(to.toString(Qt::ISODate)), options->flag(u"--open"_s))) {
            QJsonObject o{{u"outlet"_s, pg::jsonText(row[0])},      {u"type"_s, pg::jsonText(row[1])},
                          {u"day"_s, pg::jsonText(row[2])},         {u"key"_s, pg::jsonText(row[3])},
                          {u"state"_s, pg::jsonText(row[4])},       {u"stateAt"_s, pg::jsonText(row[5])},
                          {u"hqReference"_s, pg::jsonText(row[6])}, {u"receivedAt"_s, pg::jsonText(row[7])},
                          {u"states"_s, row[9].as<qint64>()}};
            const pqxx::binarystring bytes(row[8]);
            const auto content =
                protocol::decodeFinding(QCborValue::fromCbor(QByteArray(bytes.get(), qsizetype(bytes.size()))).toMap());
            if (content) {
                o.insert(u"subject"_s, content->subject);
                o.insert(u"figure"_s, content->figure);
                o.insert(u"records"_s, QJsonArray::fromStringList(content->records));
                o.insert(u"actor"_s, content->actor);
                o.insert(u"note"_s, content->note);
            }
            list.append(o);
        }
        if (options->flag(u"--json"_s)) {
            io.out(compactJson(QJsonObject{{u"findings"_s, list}}) + '\n');
            return cli::ExitOk;
        }
        if (list.isEmpty())
            io.print(options->flag(u"--open"_s) ? u"no open finding"_s : u"no finding"_s);
        for (const QJsonValue& value : std::as_const(list)) {
            const QJsonObject o = value.toObject();
            const bool spot = o[u"type"_s].toString() == u"spot_check"_s;
            io.print(u"outlet %1 %2 %3 %4: %5%6 (%7 records)%8"_s
                         .arg(o[u"outlet"_s].toString(), o[u"day"_s].toString(), spot ? u"spot check"_s : u"alert"_s,
                              o[u"key"_s].toString(), o[u"state"_s].toString(),
                              o[u"actor"_s].toString().isEmpty() ? QString() : u" by "_s + o[u"actor"_s].toString())
                         .arg(o[u"records"_s].toArray().size())
                         .arg(o[u"note"_s].toString().isEmpty() ? QString() : u": "_s + o[u"note"_s].toString()));
        }
        return cli::ExitOk;
    } catch (const std::exception& e) {
        io.error(u"findings failed: %1"_s.arg(pg::describe(e)));
        return cli::ExitFailure;
    }
}

} // namespace shiming::hq::findings
