#include "cli/ReviewCommands.h"

#include "cli/SignedIn.h"
#include "core/auth/Session.h"
#include "core/common/Clock.h"
#include "core/common/Json.h"
#include "core/outlet/ComplianceAlerts.h"
#include "core/outlet/SpotChecks.h"
#include "core/store/OutletStore.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace shiming::cli {

namespace {

const QString kUsage =
    u"shimingctl review spotcheck --db PATH --user NAME --date YYYY-MM-DD [--json] [--password-file FILE]\n"
    u"shimingctl review spotcheck --db PATH --user NAME --date YYYY-MM-DD --mark UUID --verdict ok|problem "
    u"[--note TEXT] [--password-file FILE]\n"
    u"  the day's sample (drawn on first use, once the hall has closed; never drawn again) and its marks; "
    u"--user names a manager or admin"_s;

const QString kAlertsUsage =
    u"shimingctl review alerts --db PATH --user NAME --date YYYY-MM-DD [--json] [--password-file FILE]\n"
    u"shimingctl review alerts --db PATH --user NAME --date YYYY-MM-DD --ack ID --note TEXT [--password-file FILE]\n"
    u"  the day's alerts, evaluated now on the outlet's records, and their acknowledgements; --user names a manager "
    u"or admin"_s;

QJsonObject alertJson(const review::Alert& alert)
{
    QJsonObject object{{u"id"_s, alert.id},
                       {u"kind"_s, review::alertKindName(alert.kind)},
                       {u"subject"_s, alert.subject},
                       {u"figure"_s, alert.figure},
                       {u"records"_s, QJsonArray::fromStringList(alert.records)},
                       {u"raised_at"_s, alert.raisedAt.toString(Qt::ISODateWithMs)},
                       {u"acknowledged"_s, alert.acknowledged()}};
    if (alert.kind == review::AlertKind::ClerkVolume)
        object.insert(u"median"_s, alert.reference);
    if (alert.acknowledged()) {
        object.insert(u"acknowledged_by"_s, alert.acknowledgedBy);
        object.insert(u"acknowledged_at"_s, alert.acknowledgedAt.toString(Qt::ISODateWithMs));
        object.insert(u"note"_s, alert.note);
    }
    return object;
}

int alerts(const QStringList& args, const Io& io)
{
    const auto options = parseCommand(
        args, {kAlertsUsage, signInOptions() + QStringList{u"--date"_s, u"--ack"_s, u"--note"_s}, {u"--json"_s}}, io);
    if (!options)
        return options.error();
    const QDate date = QDate::fromString(options->value(u"--date"_s), Qt::ISODate);
    bool idOk = true;
    const qint64 ack = options->value(u"--ack"_s).isEmpty() ? 0 : options->value(u"--ack"_s).toLongLong(&idOk);
    if (!date.isValid() || !idOk || ack < 0)
        return options->usageError(io);
    SystemClock clock;
    return withSignedIn(*options, io, clock, [&](auth::Session& session) {
        store::OutletStore& store = session.store();
        if (ack > 0) {
            if (auto done = outlet::acknowledgeAlert(store, session.account(), ack, options->value(u"--note"_s)); !done)
                return failWith(io, done.error());
        }
        auto list = outlet::dayAlerts(store, session.account(), date, outlet::hqComplianceSettings(store));
        if (!list)
            return failWith(io, list.error());
        if (options->flag(u"--json"_s)) {
            QJsonArray items;
            int open = 0;
            for (const review::Alert& alert : std::as_const(*list)) {
                items.append(alertJson(alert));
                open += alert.acknowledged() ? 0 : 1;
            }
            io.out(compactJson(QJsonObject{
                       {u"date"_s, date.toString(Qt::ISODate)}, {u"alerts"_s, items}, {u"unacknowledged"_s, open}}) +
                   '\n');
            return int(ExitOk);
        }
        io.print(u"alerts %1: %2"_s.arg(date.toString(Qt::ISODate)).arg(list->size()));
        for (const review::Alert& alert : std::as_const(*list))
            io.print(u"  %1 %2 %3 (%4, %5 records)%6"_s.arg(alert.id)
                         .arg(review::alertKindName(alert.kind), alert.subject)
                         .arg(alert.figure)
                         .arg(alert.records.size())
                         .arg(alert.acknowledged() ? u" acknowledged by "_s + alert.acknowledgedBy : QString()));
        return int(ExitOk);
    });
}

QJsonObject toJson(const review::SpotCheck& check)
{
    QJsonArray items;
    for (const review::SpotCheckItem& item : check.items) {
        QJsonObject row{{u"uuid"_s, item.uuid},
                        {u"clerk"_s, item.clerk},
                        {u"sequence"_s, item.sequence},
                        {u"verdict"_s, review::spotVerdictName(item.verdict)}};
        if (item.verdict != review::SpotVerdict::Unchecked) {
            row.insert(u"checked_by"_s, item.checkedBy);
            row.insert(u"checked_at"_s, item.checkedAt.toString(Qt::ISODateWithMs));
        }
        if (!item.note.isEmpty())
            row.insert(u"note"_s, item.note);
        items.append(row);
    }
    return {{u"date"_s, check.day.toString(Qt::ISODate)},
            {u"drawn_at"_s, check.drawnAt.toString(Qt::ISODateWithMs)},
            {u"drawn_by"_s, check.drawnBy},
            {u"share"_s, check.share},
            {u"seed"_s, QString::fromLatin1(check.seed.toHex())},
            {u"population"_s, check.population},
            {u"sampled"_s, int(check.items.size())},
            {u"checked"_s, check.checked()},
            {u"problems"_s, check.problems()},
            {u"items"_s, items}};
}

int spotCheck(const QStringList& args, const Io& io)
{
    const auto options = parseCommand(
        args,
        {kUsage, signInOptions() + QStringList{u"--date"_s, u"--mark"_s, u"--verdict"_s, u"--note"_s}, {u"--json"_s}},
        io);
    if (!options)
        return options.error();
    const QDate date = QDate::fromString(options->value(u"--date"_s), Qt::ISODate);
    const QString mark = options->value(u"--mark"_s);
    const QString verdictName = options->value(u"--verdict"_s);
    if (!date.isValid() || mark.isEmpty() != verdictName.isEmpty() ||
        (!verdictName.isEmpty() && verdictName != u"ok"_s && verdictName != u"problem"_s))
        return options->usageError(io);
    SystemClock clock;
    return withSignedIn(*options, io, clock, [&](auth::Session& session) {
        store::OutletStore& store = session.store();
        auto check = outlet::openSpotCheck(store, session.account(), date, outlet::hqComplianceSettings(store));
        if (!check)
            return failWith(io, check.error());
        if (!mark.isEmpty()) {
            const auto verdict = verdictName == u"ok"_s ? review::SpotVerdict::Ok : review::SpotVerdict::Problem;
            if (auto marked =
                    outlet::markSpotCheck(store, session.account(), date, mark, verdict, options->value(u"--note"_s));
                !marked)
                return failWith(io, marked.error());
            check = outlet::openSpotCheck(store, session.account(), date, outlet::hqComplianceSettings(store));
            if (!check)
                return failWith(io, check.error());
        }
        if (options->flag(u"--json"_s)) {
            io.out(compactJson(toJson(*check)) + '\n');
            return int(ExitOk);
        }
        io.print(u"spot check %1: %2 of %3 records sampled (share %4), drawn by %5 at %6; %7 checked, %8 problems"_s
                     .arg(date.toString(Qt::ISODate))
                     .arg(check->items.size())
                     .arg(check->population)
                     .arg(check->share)
                     .arg(check->drawnBy, check->drawnAt.toString(Qt::ISODate))
                     .arg(check->checked())
                     .arg(check->problems()));
        for (const review::SpotCheckItem& item : std::as_const(check->items))
            io.print(u"  #%1 %2 %3 %4"_s.arg(item.sequence)
                         .arg(item.uuid, item.clerk, review::spotVerdictName(item.verdict)));
        return int(ExitOk);
    });
}

} // namespace

QList<Command> reviewCommands()
{
    return {{u"review"_s, u"review spotcheck | alerts: the duty manager's daily sample and the day's alerts"_s,
             [](const QStringList& args, const Io& io) {
                 if (args.value(0) == u"spotcheck"_s)
                     return spotCheck(args.mid(1), io);
                 if (args.value(0) == u"alerts"_s)
                     return alerts(args.mid(1), io);
                 return usageError(io, kUsage + u"\n"_s + kAlertsUsage);
             }}};
}

} // namespace shiming::cli
