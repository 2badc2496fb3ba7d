#include "widgets/registration/RegistrationForm.h"

#include "core/identity/Validators.h"
#include "core/outlet/ClerkText.h"
#include "core/outlet/Exports.h"
#include "widgets/registration/SessionText.h"

#include <QBuffer>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace shiming {

using namespace registration;

RegistrationForm::RegistrationForm(Registration record, std::optional<catalog::Package> package, int numberFeeFen)
    : m_record(std::move(record))
    , m_package(std::move(package))
    , m_numberFeeFen(numberFeeFen)
{}

QString RegistrationForm::title(registration::Transaction transaction)
{
    switch (transaction) {
    case registration::Transaction::NewNumber:
        break;
    case registration::Transaction::Reverification:
        return tr("Real-name re-verification form");
    case registration::Transaction::SimReplacement:
        return tr("SIM card replacement form");
    case registration::Transaction::Transfer:
        return tr("Transfer of ownership form");
    case registration::Transaction::Cancellation:
        return tr("Number cancellation form");
    }
    return tr("Mobile number real-name registration form");
}

QString RegistrationForm::html() const
{
    auto row = [](const QString& label, const QString& value) {
        return u"<tr><td style='padding:2px 12px 2px 0; color:#555'>%1</td><td style='padding:2px'>%2</td></tr>"_s.arg(
            label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = u"<html><body style='font-size:11pt'>"_s;
    html += u"<h2 style='text-align:center'>%1</h2>"_s.arg(title(m_record.transaction));
    html += u"<table>"_s;
    if (!m_record.uuid.isEmpty())
        html += row(tr("Record"), m_record.uuid);
    html += row(tr("Transaction"), ClerkText::transaction(m_record.transaction));
    html += row(tr("Customer type"), SessionText::customerType(m_record.customerType));
    if (m_record.organisation) {
        html += row(tr("Organisation"), m_record.organisation->name);
        html += row(tr("Unified social credit code"), m_record.organisation->uscc);
    }
    for (const PartyDocument& party : m_record.documents) {
        const IdentityDocument& d = party.document;
        html += row(ClerkText::role(party.role),
                    d.name + u"  "_s + documentTypeDisplayName(d.type) + u"  "_s + maskDocumentNumber(d.number));
    }
    if (m_package) {
        html += row(tr("Package"), m_package->name);
        html += row(tr("Monthly fee"), SessionText::yuanPerMonth(m_package->monthlyFeeFen));
        html += row(tr("Included"),
                    SessionText::minutes(m_package->minutes) + u", "_s + SessionText::data(m_package->dataMb));
        html += row(tr("Contract term"), SessionText::contractTerm(m_package->contractMonths));
    } else if (!m_record.packageId.isEmpty()) {
        html += row(tr("Package"), m_record.packageId);
    }
    html += row(registration::takesNewNumber(m_record.transaction) ? tr("Mobile number") : tr("Number in service"),
                m_record.number);
    if (registration::takesNewNumber(m_record.transaction))
        html += row(tr("One-off number fee"), SessionText::numberFee(m_numberFeeFen));
    if (registration::takesNewSim(m_record.transaction))
        html += row(m_record.transaction == registration::Transaction::SimReplacement ? tr("New SIM card (ICCID)")
                                                                                      : tr("SIM card (ICCID)"),
                    m_record.iccid);
    QString face = SessionText::faceBand(m_record.face.band);
    if (!m_record.face.overrideBy.isEmpty())
        face += u" — "_s + tr("confirmed by %1").arg(m_record.face.overrideBy);
    else if (m_record.face.band == FaceBand::ManualReview || m_record.face.band == FaceBand::NotCompared)
        face += u" — "_s + tr("pending manager review");
    html += row(tr("Face check"), face);
    html += row(tr("Clerk"), m_record.clerk);
    html += row(tr("Outlet"), m_record.outletId);
    html += row(tr("Time"), m_record.deviceTime.toString(u"yyyy-MM-dd HH:mm:ss"_s));
    html += u"</table><p>"_s;
    int index = 0;
    for (const MediaItem& item : m_record.media) {
        if (item.kind == MediaItem::Kind::ChipPhoto || item.kind == MediaItem::Kind::LivePhoto ||
            item.kind == MediaItem::Kind::HandlerPhoto)
            html += u"<img src='media:%1' height='126'> &nbsp; "_s.arg(index);
        ++index;
    }
    html += u"</p>"_s;
    index = 0;
    for (const MediaItem& item : m_record.media) {
        if (item.kind == MediaItem::Kind::Signature)
            html += u"<p>%1<br><img src='media:%2' height='80'></p>"_s
                        .arg(tr("Signature of the %1").arg(ClerkText::role(signerFor(m_record.customerType))))
                        .arg(index);
        ++index;
    }
    html += u"<p style='font-size:9pt; color:#555'>%1</p>"_s.arg(
        tr("The customer has read the service agreement and the fraud-risk notice in full and signed them."));
    html += u"</body></html>"_s;
    return html;
}

QTextDocument* RegistrationForm::document() const
{
    auto* document = new QTextDocument;
    int index = 0;
    for (const MediaItem& item : m_record.media) {
        QImage image;
        if (image.loadFromData(item.bytes))
            document->addResource(QTextDocument::ImageResource, QUrl(u"media:%1"_s.arg(index)), image);
        ++index;
    }
    document->setHtml(html());
    return document;
}

void RegistrationForm::render(QPagedPaintDevice* device) const
{
    std::unique_ptr<QTextDocument> doc(document());
    QPainter painter(device);
    const int dpi = device->logicalDpiX();
    const QRectF page = device->pageLayout().paintRectPixels(dpi);
    // Lay the document out at 96 dpi and scale it to the device, so fonts and images keep their proportions.
    const qreal scale = dpi / 96.0;
    doc->setPageSize(QSizeF(page.width() / scale, page.height() / scale));
    painter.scale(scale, scale);
    doc->drawContents(&painter);
}

Result<void> RegistrationForm::savePdf(const QString& path) const
{
    // Drawn in memory and written as an export: the form holds the customer's name and photos, so the file is
    // the owner's alone (0600) from its first byte, and whole or not there.
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        if (!buffer.open(QIODevice::WriteOnly))
            return fail(Error::storageFailure(u"cannot start the PDF"_s));
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(300);
        writer.setTitle(title(m_record.transaction));
        render(&writer);
    }
    if (bytes.isEmpty())
        return fail(Error::storageFailure(u"PDF could not be drawn"_s));
    return outlet::writeExportFile(path, bytes);
}

} // namespace shiming
