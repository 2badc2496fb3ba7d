#include "core/review/DailyReport.h"

#include "core/identity/Validators.h"
#include "core/review/ReviewRepository.h"
#include "core/review/SpotCheck.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace shiming::registration;

namespace shiming::review {

QString csvCell(QString value)
{
    if (!value.isEmpty() && QStringView(u"=+-@").contains(value.front()))
        value.prepend(u'\'');
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r'))
        return u'"' + value.replace(u"\""_s, u"\"\""_s) + u'"';
    return value;
}

Result<DailyReport> DailyReport::build(store::OutletStore& store, QDate date)
{
    if (!date.isValid())
        return fail(Error::invalidInput(u"invalid report date"_s));
    DailyReport report;
    report.outletId = store.outletId();
    report.date = date;
    report.generatedAt = store.clock().now();
    auto stmt = store.database().prepare(uR"sql(
SELECT r.clerk, r.device_time, r.customer_type, r.package_id, r.face_band, r.status, r.override_by, o.state,
       r.transaction_type
FROM registrations r LEFT JOIN outbox o ON o.registration_id = r.id
WHERE r.device_date = ? ORDER BY r.device_date, r.sequence
)sql"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, date.toString(Qt::ISODate));
    report::DayTally tally;
    while (true) {
        auto more = stmt->step();
        if (!more)
            return fail(more.error());
        if (!*more)
            break;
        const QDateTime at = stmt->dateTime(1);
        const QString status = stmt->text(5);
        report::DayEntry entry;
        entry.clerk = stmt->text(0);
        entry.customerType = stmt->text(2);
        entry.package = stmt->isNull(3) ? u"-"_s : stmt->text(3);
        entry.band = stmt->text(4);
        entry.transaction = stmt->text(8);
        entry.voided = status == u"voided"_s;
        entry.hq = status == u"accepted"_s   ? report::HqAnswer::Accepted
                   : status == u"rejected"_s ? report::HqAnswer::Rejected
                                             : report::HqAnswer::None;
        entry.pendingReview = entry.band == u"manual_review"_s && stmt->text(6).isEmpty() && status != u"rejected"_s;
        entry.unsynced = stmt->text(7) != u"done"_s;
        entry.registeredAtMs = at.toMSecsSinceEpoch();
        const QDateTime local = at.toLocalTime();
        entry.hour = local.isValid() ? local.time().hour() : -1;
        tally.add(entry);
    }
    static_cast<report::DayFigures&>(report) = tally.figures();
    auto spot = SpotCheckRepository(store).load(date);
    if (!spot)
        return fail(spot.error());
    if (*spot) {
        report.spotCheckDrawn = true;
        report.spotSampled = (*spot)->items.size();
        report.spotChecked = (*spot)->checked();
        report.spotProblems = (*spot)->problems();
    }
    return report;
}

QByteArray DailyReport::toJson() const
{
    QJsonObject object = report::figuresJson(*this);
    object.insert(u"outlet"_s, outletId);
    object.insert(u"date"_s, date.toString(Qt::ISODate));
    object.insert(u"generated_at"_s, generatedAt.toUTC().toString(Qt::ISODateWithMs));
    object.insert(u"scope"_s, hall ? u"hall"_s : u"counter"_s);
    object.insert(u"spot_check"_s, QJsonObject{{u"drawn"_s, spotCheckDrawn},
                                               {u"sampled"_s, spotSampled},
                                               {u"checked"_s, spotChecked},
                                               {u"problems"_s, spotProblems}});
    if (hall)
        object.insert(u"per_counter"_s, report::linesJson(perCounter, false));
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

Result<DailyReport> DailyReport::fromJson(const QJsonObject& o)
{
    DailyReport report;
    report.hall = true;
    bool ok = true;
    const auto integer = [&](QLatin1StringView key) {
        const QJsonValue v = o.value(key);
        ok = ok && v.isDouble();
        return v.toInteger();
    };
    const auto lines = [&](QLatin1StringView key) {
        QList<ReportLine> out;
        const QJsonValue v = o.value(key);
        ok = ok && v.isArray();
        for (const QJsonValue& entry : v.toArray()) {
            const QJsonObject line = entry.toObject();
            ok = ok && line.value("key"_L1).isString() && line.value("registrations"_L1).isDouble();
            ReportLine l;
            l.key = line.value("key"_L1).toString();
            l.registrations = line.value("registrations"_L1).toInteger();
            l.voided = line.value("voided"_L1).toInteger();
            l.passed = line.value("face_passed"_L1).toInteger();
            l.compared = line.value("face_compared"_L1).toInteger();
            l.averageSeconds = line.value("average_seconds"_L1).toDouble();
            out.append(l);
        }
        return out;
    };
    report.outletId = o.value("hall"_L1).toString(o.value("outlet"_L1).toString());
    report.date = QDate::fromString(o.value("date"_L1).toString(), Qt::ISODate);
    report.generatedAt = QDateTime::fromString(o.value("generated_at"_L1).toString(), Qt::ISODateWithMs);
    report.registrations = integer("registrations"_L1);
    report.voided = integer("voided"_L1);
    report.unsynced = o.value("unsynced"_L1).toInteger();
    report.hqAccepted = integer("hq_accepted"_L1);
    report.hqRejected = integer("hq_rejected"_L1);
    report.pendingReview = o.value("pending_review"_L1).toInteger();
    report.passed = integer("face_passed"_L1);
    report.compared = integer("face_compared"_L1);
    report.averageSeconds = o.value("average_seconds_per_registration"_L1).toDouble();
    report.perClerk = lines("per_clerk"_L1);
    report.perPackage = o.contains("per_package"_L1) ? lines("per_package"_L1) : QList<ReportLine>();
    report.perCustomerType = o.contains("per_customer_type"_L1) ? lines("per_customer_type"_L1) : QList<ReportLine>();
    report.perTransaction = lines("per_transaction"_L1);
    report.perBand = lines("per_band"_L1);
    report.perCounter = lines("per_counter"_L1);
    const QJsonArray hours = o.value("per_hour"_L1).toArray();
    ok = ok && hours.size() == 24 && report.date.isValid();
    report.perHour.clear();
    for (const QJsonValue& hour : hours)
        report.perHour.append(hour.toInt());
    if (!ok)
        return fail(Error::invalidInput(u"the hall's report from HQ is incomplete"_s));
    return report;
}

namespace {

constexpr const char* kCsvContext = "shiming::review::DailyReport";

// The record columns of the CSV, in order (translated at run time).
constexpr const char* kRecordColumns[] = {
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "sequence"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "time"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "clerk"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "customer"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "document"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "customer_type"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "transaction"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "package"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "number"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "face_band"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "score"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "status"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "sync"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "hq_reason"),
};

// The stored keys the CSV shows as values (customer types, face bands, record and sync states, HQ's reason
// codes), listed so that lupdate offers them; a key without a translation is shown as it is.
[[maybe_unused]] constexpr const char* kValueKeys[] = {
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "individual"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "minor"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "agent"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "organisation"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "new"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "reverify"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "sim_replace"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "transfer"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "cancel"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "NOT_HOLDER"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "NUMBER_NOT_IN_SERVICE"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "not_compared"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "pass"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "manual_review"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "fail"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "committed"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "sent"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "accepted"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "rejected"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "voided"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "not_queued"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "waiting"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "sending"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "answered"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "identity_limit"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "risk_list"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "document_invalid"),
    QT_TRANSLATE_NOOP("shiming::review::DailyReport", "duplicate_number"),
};

QString valueLabel(const QString& key)
{
    return key.isEmpty() ? key : QCoreApplication::translate(kCsvContext, key.toUtf8().constData());
}

} // namespace

QByteArray DailyReport::toCsv(store::OutletStore* records) const
{
    // Opened in a spreadsheet by the manager: a UTF-8 byte order mark so that Excel on a Chinese Windows reads
    // the names as UTF-8, and the labels in the manager's language (the English keys without a translator).
    const auto label = [](const char* text) {
        return QCoreApplication::translate(kCsvContext, text);
    };
    QString out;
    auto line = [&out](const QStringList& cells) {
        QStringList escaped;
        for (const QString& cell : cells)
            escaped.append(csvCell(cell));
        out += escaped.join(u',') + u"\n"_s;
    };
    line({label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "daily report")), outletId,
          date.toString(Qt::ISODate)});
    line({label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "figure")),
          label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "value"))});
    line({label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "registrations")), QString::number(registrations)});
    line({label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "voided")), QString::number(voided)});
    line({label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "unsynced")), QString::number(unsynced)});
    line({label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "hq_accepted")), QString::number(hqAccepted)});
    line({label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "hq_rejected")), QString::number(hqRejected)});
    line({label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "pending_review")), QString::number(pendingReview)});
    line({label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "face_pass_rate")),
          QString::number(passRate(), 'f', 4)});
    line({label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "average_seconds_per_registration")),
          QString::number(averageSeconds, 'f', 1)});
    line({label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "spot_check_sampled")),
          spotCheckDrawn ? QString::number(spotSampled) : QString()});
    line({label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "spot_check_checked")),
          spotCheckDrawn ? QString::number(spotChecked) : QString()});
    line({label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "spot_check_problems")),
          spotCheckDrawn ? QString::number(spotProblems) : QString()});
    auto section = [&](const QString& name, const QList<ReportLine>& lines) {
        out += u"\n"_s;
        line({name, label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "registrations")),
              label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "voided")),
              label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "face_passed")),
              label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "face_compared")),
              label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "pass_rate")),
              label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "average_seconds"))});
        for (const ReportLine& l : lines)
            line({valueLabel(l.key), QString::number(l.registrations), QString::number(l.voided),
                  QString::number(l.passed), QString::number(l.compared), QString::number(l.passRate(), 'f', 4),
                  QString::number(l.averageSeconds, 'f', 1)});
    };
    section(label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "clerk")), perClerk);
    section(label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "package")), perPackage);
    section(label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "customer_type")), perCustomerType);
    section(label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "transaction")), perTransaction);
    if (hall)
        section(label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "counter")), perCounter);
    section(label(QT_TRANSLATE_NOOP("shiming::review::DailyReport", "face_band")), perBand);
    QByteArray bytes = "\xEF\xBB\xBF" + out.toUtf8();
    if (!records)
        return bytes;
    // The day's records, masked (name except the surname, document and mobile numbers except their ends).
    QStringList header;
    for (const char* column : kRecordColumns)
        header.append(csvCell(label(column)));
    bytes += "\n" + header.join(u',').toUtf8() + "\n";
    ReviewRepository repository(*records);
    const ReviewFilter filter = ReviewFilter::day(date);
    constexpr int kPage = 2000;
    for (qint64 offset = 0;; offset += kPage) {
        auto rows = repository.page(filter, {}, offset, kPage);
        if (!rows || rows->isEmpty())
            break;
        QString chunk;
        for (const ReviewRow& row : std::as_const(*rows)) {
            QStringList cells{QString::number(row.sequence),
                              row.deviceTime.toLocalTime().toString(Qt::ISODate),
                              row.clerk,
                              maskName(row.customerName),
                              maskDocumentNumber(row.documentNumber),
                              valueLabel(customerTypeKey(row.customerType)),
                              valueLabel(transactionKey(row.transaction)),
                              row.packageId,
                              maskPhoneNumber(row.number),
                              valueLabel(faceBandKey(row.band)),
                              row.points >= 0 ? QString::number(row.points) : QString(),
                              valueLabel(recordStatusKey(row.status)),
                              valueLabel(syncStateKey(row.syncState)),
                              valueLabel(row.hqReason)};
            for (QString& cell : cells)
                cell = csvCell(cell);
            chunk += cells.join(u',') + u"\n"_s;
        }
        bytes += chunk.toUtf8();
        if (rows->size() < kPage)
            break;
    }
    return bytes;
}

} // namespace shiming::review
