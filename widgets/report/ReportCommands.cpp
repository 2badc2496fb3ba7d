#include "widgets/report/ReportCommands.h"

#include "core/auth/Authenticator.h"
#include "core/review/DailyReport.h"
#include "core/review/ReviewTypes.h"
#include "widgets/report/DailyReportDocument.h"

#include <QDate>
#include <QFile>
#include <QHash>

using namespace Qt::StringLiterals;

namespace shiming::report {

namespace {

int usage(const cli::Io& io)
{
    io.error(u"usage: shimingctl report daily --db PATH --user NAME --date YYYY-MM-DD --format csv|pdf|json "
             u"--out FILE [--password-file FILE]\n"
             u"  the database opens only with an account: --user names a manager or admin whose password is read "
             u"from the first line of stdin or --password-file"_s);
    return cli::ExitUsage;
}

int failWith(const cli::Io& io, const Error& error)
{
    io.error(u"error: %1"_s.arg(error.detail));
    return cli::ExitFailure;
}

int reportDaily(const QStringList& args, const cli::Io& io)
{
    static const QStringList names{u"--db"_s,   u"--user"_s,   u"--password-file"_s,
                                   u"--date"_s, u"--format"_s, u"--out"_s};
    QHash<QString, QString> values;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (!names.contains(args.at(i)) || i + 1 >= args.size())
            return usage(io);
        values.insert(args.at(i), args.at(i + 1));
        ++i;
    }
    const QDate date = QDate::fromString(values.value(u"--date"_s), Qt::ISODate);
    const QString format = values.value(u"--format"_s);
    const QString out = values.value(u"--out"_s);
    if (values.value(u"--db"_s).isEmpty() || values.value(u"--user"_s).isEmpty() || !date.isValid() ||
        !QStringList{u"csv"_s, u"pdf"_s, u"json"_s}.contains(format) || out.isEmpty())
        return usage(io);
    SystemClock clock;
    auth::Authenticator authenticator(values.value(u"--db"_s), clock);
    QString message;
    QByteArray password = cli::readSecret(values.value(u"--password-file"_s), io, &message);
    if (password.isEmpty())
        return failWith(io, Error::invalidInput(message));
    auto session = authenticator.login(values.value(u"--user"_s), password);
    store::wipe(password);
    if (!session)
        return failWith(io, session.error());
    if (!auth::roleAtLeast((*session)->account().role, auth::Role::Manager))
        return failWith(io, Error::policyRefused(u"only a manager or an admin produces the daily report"_s));
    store::OutletStore& store = (*session)->store();
    auto report = review::DailyReport::build(store, date);
    if (!report)
        return failWith(io, report.error());
    if (auto r =
            store.audit().append(review::audit::ReportExported, (*session)->account().name, {},
                                 u"daily report %1 as %2 (command line)"_s.arg(date.toString(Qt::ISODate), format));
        !r)
        return failWith(io, r.error());
    QByteArray bytes;
    if (format == u"json"_s) {
        bytes = report->toJson();
    } else if (format == u"csv"_s) {
        bytes = report->toCsv(&store);
    } else {
        auto pdf = DailyReportDocument::pdfBytes(*report);
        if (!pdf)
            return failWith(io, pdf.error());
        bytes = *pdf;
    }
    QFile file(out);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size() || !file.flush())
        return failWith(io, Error::storageFailure(u"cannot write %1: %2"_s.arg(out, file.errorString())));
    io.print(u"daily report %1: %2 registrations, written to %3"_s.arg(date.toString(Qt::ISODate))
                 .arg(report->registrations)
                 .arg(out));
    return cli::ExitOk;
}

} // namespace

QList<cli::Command> widgetCommands()
{
    return {{u"report"_s, u"daily report of the outlet as CSV (masked), PDF or JSON"_s,
             [](const QStringList& args, const cli::Io& io) {
                 if (args.isEmpty() || args.first() != u"daily"_s)
                     return usage(io);
                 return reportDaily(args.mid(1), io);
             }}};
}

} // namespace shiming::report
