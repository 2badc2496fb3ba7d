#include "cli/ReportCommands.h"

#include "cli/SignedIn.h"
#include "core/auth/Session.h"
#include "core/common/Clock.h"
#include "core/outlet/Exports.h"
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
    u"[--password-file FILE]\n"
    u"  the database opens only with an account: --user names a manager or admin whose password is read "
    u"from the first line of stdin or --password-file"_s;

int reportDaily(const QStringList& args, const Io& io)
{
    const auto options =
        parseCommand(args, {kUsage, signInOptions() + QStringList{u"--date"_s, u"--format"_s, u"--out"_s}, {}}, io);
    if (!options)
        return options.error();
    const QDate date = QDate::fromString(options->value(u"--date"_s), Qt::ISODate);
    const QString format = options->value(u"--format"_s);
    const QString out = options->value(u"--out"_s);
    if (!date.isValid() || !QStringList{u"csv"_s, u"pdf"_s, u"json"_s}.contains(format) || out.isEmpty())
        return options->usageError(io);
    SystemClock clock;
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
