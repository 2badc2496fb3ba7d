// The daily report's exports: the view's CSV (masked) and PDF, and `shimingctl report daily` (JSON, CSV, PDF,
// role refusal, usage).
#include "ReviewTestSupport.h"
#include "support/CapturedIo.h"
#include "support/FileMode.h"

#include "cli/ReportCommands.h"
#include "core/identity/Validators.h"
#include "core/review/ReviewTypes.h"
#include "widgets/report/DailyReportChart.h"
#include "widgets/report/DailyReportDocument.h"
#include "widgets/report/DailyReportView.h"

#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPainter>
#include <QTranslator>

#include <sys/stat.h>

using namespace shiming;
using namespace shiming::review;
using namespace shiming::review::test;
using shiming::testing::modeOf;
using shiming::testing::UsualUmask;

namespace {

using Captured = testing::CapturedIo;

int runReport(const QStringList& args, Captured& captured)
{
    return cli::runCommandLine(cli::reportCommands(), args, captured.io());
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// Marks every text asked of it under the daily report's context: shows what the CSV puts through translation.
class MarkingTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char* = nullptr, int = -1) const override
    {
        if (qstrcmp(context, "shiming::review::DailyReport") != 0)
            return {};
        return u"«"_s + QString::fromUtf8(source) + u"»"_s;
    }
    bool isEmpty() const override { return false; }
};

} // namespace

TEST_CASE("report CSV: every label and every stored key is shown in the manager's language", "[review]")
{
    Outlet outlet;
    auto report = DailyReport::build(outlet.store(), outlet.today);
    REQUIRE(report);
    MarkingTranslator translator;
    REQUIRE(QCoreApplication::installTranslator(&translator));
    const QString csv = QString::fromUtf8(report->toCsv(&outlet.store()));
    QCoreApplication::removeTranslator(&translator);
    const QStringList lines = csv.split(u'\n');
    const qsizetype header =
        lines.indexOf(u"«sequence»,«time»,«clerk»,«customer»,«document»,«customer_type»,«transaction»,«package»,"
                      u"«number»,«face_band»,«score»,«status»,«sync»,«hq_reason»"_s);
    REQUIRE(header > 0);
    bool typed = false;
    bool transaction = false;
    for (const QString& line : lines.mid(0, header)) {
        typed = typed || line.startsWith(u"«individual»,"_s);
        transaction = transaction || line.startsWith(u"«new»,"_s);
    }
    CHECK(typed);
    CHECK(transaction);
    int records = 0;
    for (const QString& line : lines.mid(header + 1)) {
        if (line.isEmpty())
            continue;
        ++records;
        const QStringList cells = line.split(u',');
        REQUIRE(cells.size() == 14);
        CHECK(cells.at(5).startsWith(u'«'));  // customer type
        CHECK(cells.at(6).startsWith(u'«'));  // transaction
        CHECK(cells.at(9).startsWith(u'«'));  // face band
        CHECK(cells.at(11).startsWith(u'«')); // status
        CHECK(cells.at(12).startsWith(u'«')); // sync state
        // The score on the 0-100 scale the counter and the manager's list show, never a cosine.
        if (!cells.at(10).isEmpty()) {
            bool ok = false;
            CHECK(cells.at(10).toInt(&ok) >= 0);
            CHECK(ok);
        }
    }
    CHECK(records == report->registrations + report->voided); // every record of the day, voided ones too
}

TEST_CASE("report view shows the figures and writes an audited masked CSV and PDF", "[review]")
{
    Outlet outlet;
    report::DailyReportView view(outlet.store(), auth::Account{u"boss"_s, u"Boss"_s, auth::Role::Manager});
    REQUIRE(view.showDate(outlet.today));
    auto* summary = view.findChild<QLabel*>(u"reportSummaryLabel"_s);
    REQUIRE(summary);
    CHECK(summary->text().startsWith(u"29 "_s));
    const QString csvPath = outlet.dir.filePath(u"report.csv"_s);
    REQUIRE(view.exportCsv(csvPath));
    const QByteArray csvBytes = readAll(csvPath);
    // A UTF-8 byte order mark first, so that a spreadsheet on Chinese Windows reads the names right.
    CHECK(csvBytes.startsWith("\xEF\xBB\xBF"));
    const QString csv = QString::fromUtf8(csvBytes);
    CHECK(csv.contains(u"registrations,29"_s));
    CHECK(!csv.contains(outlet.rareNameNumber));
    CHECK(csv.contains(maskDocumentNumber(outlet.rareNameNumber)));
    const QString pdfPath = outlet.dir.filePath(u"report.pdf"_s);
    REQUIRE(view.exportPdf(pdfPath));
    const QByteArray pdf = readAll(pdfPath);
    CHECK(pdf.startsWith("%PDF-"));
    CHECK(pdf.size() > 2000);
    CHECK(outlet.auditCount(audit::ReportExported.toString()) == 2);
}

TEST_CASE("report PDF has no personal data and survives an empty day", "[review]")
{
    Outlet outlet;
    auto day = DailyReport::build(outlet.store(), outlet.today);
    REQUIRE(day);
    auto pdf = report::DailyReportDocument::pdfBytes(*day);
    REQUIRE(pdf);
    CHECK(!pdf->contains(outlet.rareNameNumber.toLatin1()));
    auto empty = DailyReport::build(outlet.store(), QDate(2020, 2, 2));
    REQUIRE(empty);
    auto emptyPdf = report::DailyReportDocument::pdfBytes(*empty);
    REQUIRE(emptyPdf);
    CHECK(emptyPdf->startsWith("%PDF-"));
}

TEST_CASE("shimingctl report daily writes json csv and pdf for a manager and refuses a clerk", "[review]")
{
    Outlet outlet;
    const QString out = outlet.dir.filePath(u"daily.json"_s);
    Captured json;
    json.in = kPassword + '\n';
    REQUIRE(runReport({u"report"_s, u"daily"_s, u"--db"_s, outlet.path, u"--user"_s, u"boss"_s, u"--date"_s,
                       u"2026-11-28"_s, u"--format"_s, u"json"_s, u"--out"_s, out},
                      json) == cli::ExitOk);
    const QJsonObject object = QJsonDocument::fromJson(readAll(out)).object();
    // The command line uses the wall clock, the fixture a fixed one: the figures come from the file alone.
    CHECK(object.value(u"registrations"_s).toInteger() == 29);
    CHECK(object.value(u"voided"_s).toInteger() == 1);

    Captured csv;
    csv.in = kPassword + '\n';
    const QString csvOut = outlet.dir.filePath(u"daily.csv"_s);
    REQUIRE(runReport({u"report"_s, u"daily"_s, u"--db"_s, outlet.path, u"--user"_s, u"boss"_s, u"--date"_s,
                       u"2026-11-28"_s, u"--format"_s, u"csv"_s, u"--out"_s, csvOut},
                      csv) == cli::ExitOk);
    const QByteArray csvBytes = readAll(csvOut);
    CHECK(!csvBytes.contains(outlet.rareNameNumber.toUtf8()));
    CHECK(csvBytes.contains(maskDocumentNumber(outlet.rareNameNumber).toUtf8()));

    Captured pdf;
    pdf.in = kPassword + '\n';
    const QString pdfOut = outlet.dir.filePath(u"daily.pdf"_s);
    REQUIRE(runReport({u"report"_s, u"daily"_s, u"--db"_s, outlet.path, u"--user"_s, u"boss"_s, u"--date"_s,
                       u"2026-11-28"_s, u"--format"_s, u"pdf"_s, u"--out"_s, pdfOut},
                      pdf) == cli::ExitOk);
    CHECK(readAll(pdfOut).startsWith("%PDF-"));

    Captured clerk;
    clerk.in = kPassword + '\n';
    const QString refused = outlet.dir.filePath(u"refused.json"_s);
    CHECK(runReport({u"report"_s, u"daily"_s, u"--db"_s, outlet.path, u"--user"_s, u"clerk1"_s, u"--date"_s,
                     u"2026-11-28"_s, u"--format"_s, u"json"_s, u"--out"_s, refused},
                    clerk) == cli::ExitFailure);
    CHECK(!QFile::exists(refused));
    CHECK(clerk.err.contains("manager"));

    Captured usage;
    CHECK(runReport({u"report"_s, u"daily"_s, u"--db"_s, outlet.path, u"--date"_s, u"yesterday"_s}, usage) ==
          cli::ExitUsage);
    CHECK(runReport({u"report"_s, u"weekly"_s}, usage) == cli::ExitUsage);
    CHECK(runReport({u"report"_s, u"daily"_s, u"--db"_s, outlet.path, u"--user"_s, u"boss"_s, u"--date"_s,
                     u"2026-11-28"_s, u"--format"_s, u"xls"_s, u"--out"_s, out},
                    usage) == cli::ExitUsage);
    Captured wrong;
    wrong.in = "wrong password\n";
    CHECK(runReport({u"report"_s, u"daily"_s, u"--db"_s, outlet.path, u"--user"_s, u"boss"_s, u"--date"_s,
                     u"2026-11-28"_s, u"--format"_s, u"json"_s, u"--out"_s, out},
                    wrong) == cli::ExitFailure);
}

TEST_CASE("report chart gives late and early registrations their own hour", "[review]")
{
    QList<int> perHour(24, 0);
    CHECK(report::DailyReportChart::hourRange(perHour) == std::pair{8, 21}); // the usual day
    perHour[23] = 2;
    perHour[0] = 1;
    perHour[10] = 5;
    const auto [first, last] = report::DailyReportChart::hourRange(perHour);
    CHECK(first == 0); // 00:xx is its own bar, not folded into 07:00
    CHECK(last == 23); // 23:xx too, not folded into 22:00
    // And it draws without a failure for any day, empty or full.
    QImage image(640, 260, QImage::Format_ARGB32);
    QPainter painter(&image);
    review::DailyReport day;
    day.perHour = perHour;
    report::DailyReportChart::paint(painter, QRectF(0, 0, 640, 260), day);
}

TEST_CASE("report exports are the owner's alone: CSV, PDF and JSON files are 0600, an older file is replaced",
          "[review]")
{
    UsualUmask umask022;
    Outlet outlet;
    report::DailyReportView view(outlet.store(), auth::Account{u"boss"_s, u"Boss"_s, auth::Role::Manager});
    REQUIRE(view.showDate(outlet.today));
    const QString csvPath = outlet.dir.filePath(u"view.csv"_s);
    REQUIRE(view.exportCsv(csvPath));
    CHECK(modeOf(csvPath) == 0600);
    const QString pdfPath = outlet.dir.filePath(u"view.pdf"_s);
    {
        QFile older(pdfPath); // a world-readable file from before is replaced whole
        REQUIRE(older.open(QIODevice::WriteOnly));
        older.write(QByteArray(500000, 'x'));
    }
    REQUIRE(modeOf(pdfPath) == 0644);
    REQUIRE(view.exportPdf(pdfPath));
    CHECK(modeOf(pdfPath) == 0600);
    const QByteArray pdf = readAll(pdfPath);
    CHECK(pdf.startsWith("%PDF-"));
    CHECK(!pdf.contains(QByteArray(64, 'x')));
    REQUIRE(report::DailyReportDocument::writePdf(*DailyReport::build(outlet.store(), outlet.today),
                                                  outlet.dir.filePath(u"direct.pdf"_s)));
    CHECK(modeOf(outlet.dir.filePath(u"direct.pdf"_s)) == 0600);

    for (const QString& format : {u"json"_s, u"csv"_s, u"pdf"_s}) {
        Captured captured;
        captured.in = kPassword + '\n';
        const QString out = outlet.dir.filePath(u"cli."_s + format);
        REQUIRE(runReport({u"report"_s, u"daily"_s, u"--db"_s, outlet.path, u"--user"_s, u"boss"_s, u"--date"_s,
                           u"2026-11-28"_s, u"--format"_s, format, u"--out"_s, out},
                          captured) == cli::ExitOk);
        INFO(format.toStdString());
        CHECK(modeOf(out) == 0600);
    }
    // The command line's CSV is the masked one: no full mobile number.
    const QByteArray cliCsv = readAll(outlet.dir.filePath(u"cli.csv"_s));
    CHECK(!cliCsv.contains(outlet.rareNamePhone.toUtf8()));
    CHECK(!cliCsv.contains(u"阿依古丽"_s.toUtf8()));
}
