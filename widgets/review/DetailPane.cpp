#include "widgets/review/DetailPane.h"

#include "core/identity/DocumentType.h"
#include "core/identity/Validators.h"
#include "widgets/review/ReviewText.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace shiming::registration;

namespace shiming::review {

namespace {

constexpr int kPhotoHeight = 220;

QPixmap scaledPhoto(const QByteArray& bytes, int height)
{
    QImage image = QImage::fromData(bytes);
    if (image.isNull())
        return {};
    return QPixmap::fromImage(image.scaledToHeight(height, Qt::SmoothTransformation));
}

QString roleText(DocumentRole role)
{
    switch (role) {
    case DocumentRole::Customer:
        return DetailPane::tr("Customer");
    case DocumentRole::Guardian:
        return DetailPane::tr("Guardian");
    case DocumentRole::Agent:
        return DetailPane::tr("Agent");
    case DocumentRole::Handler:
        return DetailPane::tr("Handler");
    case DocumentRole::CurrentHolder:
        return DetailPane::tr("Current holder");
    }
    return {};
}

QString livenessText(LivenessResult result)
{
    switch (result) {
    case LivenessResult::NotChecked:
        return DetailPane::tr("not checked");
    case LivenessResult::Live:
        return DetailPane::tr("live");
    case LivenessResult::Spoof:
        return DetailPane::tr("spoof");
    case LivenessResult::Inconclusive:
        return DetailPane::tr("inconclusive");
    }
    return {};
}

} // namespace

DetailPane::DetailPane(QWidget* parent)
    : QWidget(parent)
{
    auto* outer = new QVBoxLayout(this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(content);

    auto* photos = new QHBoxLayout;
    m_chipPhoto = new QLabel(content);
    m_chipPhoto->setObjectName(u"chipPhotoLabel"_s);
    m_livePhoto = new QLabel(content);
    m_livePhoto->setObjectName(u"livePhotoLabel"_s);
    for (QLabel* label : {m_chipPhoto, m_livePhoto}) {
        label->setMinimumHeight(kPhotoHeight);
        label->setAlignment(Qt::AlignCenter);
        label->setFrameShape(QFrame::StyledPanel);
        photos->addWidget(label);
    }
    // Room for the whole photos (chip 102x126, live 4:3) at their shown height: never cut while approving.
    m_chipPhoto->setMinimumWidth(kPhotoHeight * 102 / 126 + 8);
    m_livePhoto->setMinimumWidth(kPhotoHeight * 4 / 3 + 8);
    setMinimumWidth(m_chipPhoto->minimumWidth() + m_livePhoto->minimumWidth() + 48);
    layout->addLayout(photos);
    m_face = new QLabel(content);
    m_face->setObjectName(u"faceLabel"_s);
    m_face->setWordWrap(true);
    layout->addWidget(m_face);

    m_documents = new QTextBrowser(content);
    m_documents->setObjectName(u"documentsBrowser"_s);
    m_documents->setMinimumHeight(180);
    layout->addWidget(m_documents);
    m_showDocument = new QPushButton(tr("Show full document number"), content);
    m_showDocument->setObjectName(u"showDocumentButton"_s);
    m_showDocument->setToolTip(
        tr("The full number is shown only on request; the request is recorded in the audit log."));
    layout->addWidget(m_showDocument, 0, Qt::AlignLeft);
    connect(m_showDocument, &QPushButton::clicked, this, [this] {
        if (!m_record.uuid.isEmpty())
            emit showDocumentRequested(m_record.uuid);
    });

    auto* signatureBox = new QGroupBox(tr("Signature"), content);
    auto* signatureLayout = new QVBoxLayout(signatureBox);
    m_signature = new QLabel(signatureBox);
    m_signature->setObjectName(u"signatureLabel"_s);
    signatureLayout->addWidget(m_signature);
    layout->addWidget(signatureBox);

    auto* attachmentsBox = new QGroupBox(tr("Attachments"), content);
    auto* attachmentsLayout = new QVBoxLayout(attachmentsBox);
    m_attachments = new QListWidget(attachmentsBox);
    m_attachments->setObjectName(u"attachmentsList"_s);
    m_attachments->setMaximumHeight(90);
    attachmentsLayout->addWidget(m_attachments);
    layout->addWidget(attachmentsBox);

    auto* historyBox = new QGroupBox(tr("Audit history of this record"), content);
    auto* historyLayout = new QVBoxLayout(historyBox);
    m_history = new QListWidget(historyBox);
    m_history->setObjectName(u"historyList"_s);
    historyLayout->addWidget(m_history);
    layout->addWidget(historyBox);
    clear();
}

void DetailPane::clear()
{
    m_record = {};
    m_revealed = false;
    m_chipPhoto->setText(tr("Chip photo"));
    m_livePhoto->setText(tr("Live photo"));
    m_face->clear();
    m_documents->setPlainText(tr("Select a registration to see it."));
    m_showDocument->setEnabled(false);
    m_signature->clear();
    m_attachments->clear();
    m_history->clear();
}

void DetailPane::showRecord(const Registration& record, const QList<store::AuditEntry>& history)
{
    clear();
    m_record = record;
    const auto chip = record.mediaOfKind(MediaItem::Kind::ChipPhoto);
    const auto live = record.mediaOfKind(MediaItem::Kind::LivePhoto);
    // Same height for both, so the manager compares faces at one scale.
    const QPixmap chipPixmap = chip.isEmpty() ? QPixmap() : scaledPhoto(chip.first()->bytes, kPhotoHeight);
    const QPixmap livePixmap = live.isEmpty() ? QPixmap() : scaledPhoto(live.last()->bytes, kPhotoHeight);
    if (!chipPixmap.isNull())
        m_chipPhoto->setPixmap(chipPixmap);
    else
        m_chipPhoto->setText(record.purgedAt.isValid() ? tr("Photo removed (retention)") : tr("No chip photo"));
    if (!livePixmap.isNull())
        m_livePhoto->setPixmap(livePixmap);
    else
        m_livePhoto->setText(record.purgedAt.isValid() ? tr("Photo removed (retention)") : tr("No live photo"));

    const FaceEvidence& face = record.face;
    // The score on the counter's 0-100 scale first; the cosine behind it for the record.
    QString faceText = tr("Face: %1, score %2 of 100 (cosine %3, pass from %4), quality %5, liveness %6 (%7)")
                           .arg(ReviewText::band(face.band))
                           .arg(face.points >= 0 ? QString::number(face.points) : tr("not recorded"))
                           .arg(face.score, 0, 'f', 3)
                           .arg(face.threshold, 0, 'f', 3)
                           .arg(face.quality, 0, 'f', 2)
                           .arg(livenessText(face.liveness))
                           .arg(face.livenessScore, 0, 'f', 2);
    if (!face.overrideBy.isEmpty())
        faceText += u"\n"_s + tr("Confirmed by manager %1").arg(face.overrideBy);
    faceText += u"\n"_s + tr("Status: %1").arg(ReviewText::status(record.status));
    if (!record.hq.reasonCode.isEmpty())
        faceText +=
            u"\n"_s + tr("HQ: %1. Next step: %2")
                          .arg(ReviewText::hqReason(record.hq.reasonCode), ReviewText::nextStep(record.hq.reasonCode));
    if (record.status == RecordStatus::Voided)
        faceText += u"\n"_s + tr("Voided: %1").arg(ReviewText::voidReason(record.voidReason));
    m_face->setText(faceText);

    const auto signatures = record.mediaOfKind(MediaItem::Kind::Signature);
    if (!signatures.isEmpty())
        m_signature->setPixmap(scaledPhoto(signatures.first()->bytes, 80));
    for (const MediaItem* item : record.mediaOfKind(MediaItem::Kind::Attachment))
        m_attachments->addItem(tr("%1 (%2, %3 KB)").arg(item->label, item->mimeType).arg(item->bytes.size() / 1024));
    for (const MediaItem* item : record.mediaOfKind(MediaItem::Kind::HandlerPhoto))
        m_attachments->addItem(tr("Handler photo (%1 KB)").arg(item->bytes.size() / 1024));
    for (const store::AuditEntry& entry : history)
        m_history->addItem(u"%1  %2  %3  %4"_s.arg(entry.at.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s),
                                                   entry.actor, entry.action, entry.detail));
    m_showDocument->setEnabled(true);
    renderDocuments();
}

void DetailPane::revealDocuments()
{
    m_revealed = true;
    m_showDocument->setEnabled(false);
    renderDocuments();
}

QString DetailPane::documentText() const
{
    return m_documents->toPlainText();
}

void DetailPane::renderDocuments()
{
    QString html;
    auto row = [&html](const QString& label, const QString& value) {
        if (!value.isEmpty())
            html += u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    html += u"<h3>%1</h3>"_s.arg(ReviewText::transaction(m_record.transaction).toHtmlEscaped());
    html +=
        u"<p>%1 · %2 · %3 · %4</p>"_s.arg(ReviewText::customerType(m_record.customerType).toHtmlEscaped(),
                                          m_packageNames.value(m_record.packageId, m_record.packageId).toHtmlEscaped(),
                                          m_record.number.toHtmlEscaped(), m_record.iccid.toHtmlEscaped());
    if (m_record.organisation)
        html += u"<p>%1 %2</p>"_s.arg(m_record.organisation->name.toHtmlEscaped(),
                                      m_record.organisation->uscc.toHtmlEscaped());
    for (const PartyDocument& party : std::as_const(m_record.documents)) {
        const IdentityDocument& d = party.document;
        html += u"<h4>%1: %2</h4><table>"_s.arg(roleText(party.role).toHtmlEscaped(),
                                                documentTypeDisplayName(d.type).toHtmlEscaped());
        row(tr("Name"), d.name);
        row(tr("English name"), d.englishName);
        row(tr("Sex"), sexDisplayName(d.sexCode));
        row(tr("Ethnicity"), ethnicityName(d.nationCode));
        row(tr("Birth date"), d.birthDate.toString(Qt::ISODate));
        row(tr("Address"), d.address);
        row(tr("Appended address"), d.appendedAddress);
        row(tr("Number"), m_revealed ? d.number : maskDocumentNumber(d.number));
        row(tr("Authority"), d.authority);
        row(tr("Valid"), u"%1 – %2"_s.arg(d.validFrom.toString(Qt::ISODate),
                                          d.validToLongTerm ? tr("long term") : d.validTo.toString(Qt::ISODate)));
        row(tr("Nationality"), d.nationality);
        html += u"</table>"_s;
    }
    m_documents->setHtml(html);
}

} // namespace shiming::review
