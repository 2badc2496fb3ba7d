#include "core/outlet/Exports.h"

#include "core/common/PrivateFile.h"
#include "core/identity/Validators.h"
#include "core/outlet/ManagerAccess.h"
#include "core/registration/Registration.h"
#include "core/review/DailyReport.h"
#include "core/review/ReviewTypes.h"
#include "core/store/OutletStore.h"

using namespace Qt::StringLiterals;

namespace shiming::outlet {

Result<RecordsExport> exportDayRecords(store::OutletStore& store, const auth::Account& account, QDate day,
                                       bool unmasked)
{
    if (unmasked && account.role == auth::Role::Clerk)
        return fail(Error::because(Error::Code::PolicyRefused, Cause{Reason::ManagerRequired},
                                   u"only a manager can export unmasked names and numbers"_s));
    auto rows = store.registrations().dayList(day);
    if (!rows)
        return fail(rows.error());
    RecordsExport exported;
    exported.records = rows->size();
    exported.csv = "sequence,uuid,device_time,clerk,customer_name,document_type,document_number,package,number,"
                   "status,face_band,hq_reason\n";
    for (const store::DayListRow& row : std::as_const(*rows)) {
        const QStringList fields{QString::number(row.sequence),
                                 row.uuid,
                                 row.deviceTime.toLocalTime().toString(Qt::ISODate),
                                 row.clerk,
                                 unmasked ? row.customerName : review::maskName(row.customerName),
                                 documentTypeKey(row.documentType),
                                 unmasked ? row.documentNumber : maskDocumentNumber(row.documentNumber),
                                 row.packageId,
                                 unmasked ? row.number : review::maskPhoneNumber(row.number),
                                 registration::recordStatusKey(row.status),
                                 registration::faceBandKey(row.band),
                                 row.hqReason};
        QStringList escaped;
        for (const QString& field : fields)
            escaped.append(review::csvCell(field));
        exported.csv += escaped.join(u',').toUtf8() + '\n';
    }
    // Audit before the data leaves: an unmasked export names every record it disclosed.
    auto audited = store.inTransaction([&]() -> Result<void> {
        if (unmasked) {
            for (const store::DayListRow& row : std::as_const(*rows)) {
                if (auto r =
                        store.audit().append(store::audit::RecordExported, account.name, row.uuid, u"unmasked csv"_s);
                    !r)
                    return fail(r.error());
            }
        }
        auto r = store.audit().append(store::audit::RecordExported, account.name, {},
                                      u"day %1, %2 records, csv, %3"_s.arg(day.toString(Qt::ISODate))
                                          .arg(rows->size())
                                          .arg(unmasked ? u"UNMASKED"_s : u"masked"_s));
        if (!r)
            return fail(r.error());
        return {};
    });
    if (!audited)
        return fail(audited.error());
    return exported;
}

namespace {

QString formatKey(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Csv:
        return u"csv"_s;
    case ReportFormat::Json:
        return u"json"_s;
    case ReportFormat::Pdf:
        return u"pdf"_s;
    case ReportFormat::Print:
        return u"print"_s;
    }
    return {};
}

} // namespace

Result<QByteArray> exportDailyReport(store::OutletStore& store, const auth::Account& account,
                                     const review::DailyReport& report, ReportFormat format,
                                     const PdfRenderer& renderPdf, const QString& channel)
{
    if (auto allowed = requireManager(account, u"produces the daily report"); !allowed)
        return fail(allowed.error());
    if (format == ReportFormat::Pdf && !renderPdf)
        return fail(Error::invalidInput(u"no PDF renderer"_s));
    QString what = u"%1 %2 as %3"_s.arg(report.hall ? u"hall daily report"_s : u"daily report"_s,
                                        report.date.toString(Qt::ISODate), formatKey(format));
    if (!channel.isEmpty())
        what += u" (%1)"_s.arg(channel);
    if (auto r = store.audit().append(review::audit::ReportExported, account.name, {}, what); !r)
        return fail(r.error());
    switch (format) {
    case ReportFormat::Json:
        return report.toJson();
    case ReportFormat::Csv:
        return report.toCsv(report.hall ? nullptr : &store); // the hall's records are not in this database
    case ReportFormat::Pdf:
        return renderPdf(report);
    case ReportFormat::Print:
        return QByteArray();
    }
    return QByteArray();
}

Result<void> writeExportFile(const QString& path, const QByteArray& bytes)
{
    return writePrivateFile(path, bytes);
}

} // namespace shiming::outlet
