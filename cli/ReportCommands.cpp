#include "cli/ReportCommands.h"

#include "cli/SignedIn.h"
#include "core/auth/Session.h"
#include "core/common/Clock.h"
#include "core/outlet/Exports.h"
#include "core/outlet/HallView.h"
#include "core/outlet/ManagerAccess.h"
#include "core/review/DailyReport.h"
#include "core/review/ReviewTypes.h"
#include "widgets/report/DailyReportDocument.h"

#include <QDate>

using namespace Qt::StringLiterals;

namespace shiming::cli {

namespace {

const QString kUsage =
    u"shimingctl report daily --db PATH --user NAME --date YYYY-MM-DD --format csv|pdf|json --out FILE "
    u"[--scope counter|hall] [--password-file FILE]\n"
    u"  --scope hall: the whole hall's report from HQ (JSON, with a per-counter breakdown); needs HQ online\n"
    u"  the database opens only with an account: --user names a manager or admin whose password is read "
    u"from the first line of stdin or --password-file"_s;

int reportDaily(const QStringList& args, const Io& io)
{
    const auto options = parseCommand(
        args, {kUsage, signInOptions() + QStringList{u"--date"_s, u"--format"_s, u"--out"_s, u"--scope"_s}, {}}, io);
    if (!options)
        return options.error();
    const QDate date = QDate::fromString(options->value(u"--date"_s), Qt::ISODate);
    const QString format = options->value(u"--format"_s);
    const QString out = options->value(u"--out"_s);
    if (!date.isValid() || !QStringList{u"csv"_s, u"pdf"_s, u"json"_s}.contains(format) || out.isEmpty())
        return options->usageError(io);
    const QString scope = options->value(u"--scope"_s, u"counter"_s);
    if (scope != u"counter"_s && scope != u"hall"_s)
        return options->usageError(io, u"--scope takes counter or hall"_s);
    if (scope == u"hall"_s && format != u"json"_s)
        return options->usageError(io, u"the hall's report comes from HQ as JSON (--format json)"_s);
    SystemClock clock;
    if (scope == u"hall"_s) {
        return withSignedIn(*options, io, clock, [&](auth::Session& session) {
            auto bytes = outlet::hallDailyReportJson(session.store(), session.account(), date);
            if (!bytes)
                return failWith(io, bytes.error());
            if (auto written = outlet::writeExportFile(out, *bytes); !written)
                return failWith(io, written.error());
            io.print(u"hall daily report %1 written to %2"_s.arg(date.toString(Qt::ISODate), out));
            return int(ExitOk);
        });
    }
    return withSignedIn(*options, io, clock, [&](auth::Session& session) {
        // The role check comes first (outlet::exportDailyReport repeats it): a clerk learns nothing of the day.
        if (auto allowed = outlet::requireManager(session.account(), u"produces the daily report"); !allowed)
            return failWith(io, allowed.error());
        auto report = review::DailyReport::build(session.store(), date);
        if (!report)
            return failWith(io, report.error());
        const outlet::ReportFormat kind = format == u"json"_s  ? outlet::ReportFormat::Json
                                          : format == u"csv"_s ? outlet::ReportFormat::Csv
                                                               : outlet::ReportFormat::Pdf;
        auto bytes = outlet::exportDailyReport(session.store(), session.account(), *report, kind,
                                               &report::DailyReportDocument::pdfBytes, u"command line"_s);
        if (!bytes)
            return failWith(io, bytes.error());
        if (auto written = outlet::writeExportFile(out, *bytes); !written)
            return failWith(io, written.error());
        io.print(u"daily report %1: %2 registrations, written to %3"_s.arg(date.toString(Qt::ISODate))
                     .arg(report->registrations)
                     .arg(out));
        return int(ExitOk);
    });
}

} // namespace

QList<Command> reportCommands()
{
    return {{u"report"_s, u"daily report of the outlet as CSV (masked), PDF or JSON"_s,
             [](const QStringList& args, const Io& io) {
                 if (args.isEmpty() || args.first() != u"daily"_s)
                     return usageError(io, kUsage);
                 return reportDaily(args.mid(1), io);
             }}};
}

} // namespace shiming::cli
