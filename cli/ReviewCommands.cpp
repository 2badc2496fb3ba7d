#include "cli/ReviewCommands.h"

#include "cli/SignedIn.h"
#include "core/auth/Session.h"
#include "core/common/Clock.h"
#include "core/common/Json.h"
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
    return {{u"review"_s, u"review spotcheck: the duty manager's daily sample and its marks"_s,
             [](const QStringList& args, const Io& io) {
                 if (args.isEmpty() || args.first() != u"spotcheck"_s)
                     return usageError(io, kUsage);
                 return spotCheck(args.mid(1), io);
             }}};
}

} // namespace shiming::cli
