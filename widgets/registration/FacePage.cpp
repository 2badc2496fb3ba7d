#include "widgets/registration/FacePage.h"

#include "core/outlet/ClerkText.h"
#include "widgets/common/Tone.h"
#include "widgets/registration/CameraFeed.h"
#include "widgets/registration/FaceService.h"
#include "widgets/registration/SessionText.h"

#include <QBuffer>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming {

using namespace registration;

FacePage::FacePage(RegistrationContext& context, QWidget* parent)
    : WizardPage(parent)
    , m_context(context)
{
    setObjectName(u"facePage"_s);
    auto* layout = new QVBoxLayout(this);
    m_subjectLabel = new QLabel(this);
    m_subjectLabel->setObjectName(u"faceSubjectLabel"_s);
    QFont big = m_subjectLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_subjectLabel->setFont(big);
    layout->addWidget(m_subjectLabel);

    auto* images = new QHBoxLayout;
    m_previewLabel = new QLabel(this);
    m_previewLabel->setObjectName(u"cameraPreviewLabel"_s);
    m_previewLabel->setMinimumSize(480, 360);
    m_previewLabel->setAlignment(Qt::AlignCenter);
    m_previewLabel->setStyleSheet(u"background: #202020; color: white;"_s);
    m_documentPhotoLabel = new QLabel(this);
    m_documentPhotoLabel->setObjectName(u"documentPhotoLabel"_s);
    m_documentPhotoLabel->setFixedSize(204, 252);
    m_documentPhotoLabel->setAlignment(Qt::AlignCenter);
    m_documentPhotoLabel->setFrameShape(QFrame::Box);
    images->addWidget(m_previewLabel, 1);
    images->addWidget(m_documentPhotoLabel, 0, Qt::AlignTop);
    layout->addLayout(images, 1);

    m_hintLabel = new QLabel(this);
    m_hintLabel->setObjectName(u"faceHintLabel"_s);
    m_hintLabel->setFont(big);
    setTone(m_hintLabel, Tone::Warning);
    layout->addWidget(m_hintLabel);

    auto* row = new QHBoxLayout;
    m_captureButton = new QPushButton(tr("Capture (F5 / Space)"), this);
    m_captureButton->setObjectName(u"captureButton"_s);
    row->addWidget(m_captureButton);
    m_resultLabel = new QLabel(this);
    m_resultLabel->setObjectName(u"faceResultLabel"_s);
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextFormat(Qt::RichText);
    row->addWidget(m_resultLabel, 1);
    layout->addLayout(row);

    m_reviewBox = new QWidget(this);
    m_reviewBox->setObjectName(u"faceReviewWidget"_s);
    auto* review = new QFormLayout(m_reviewBox);
    m_managerEdit = new QLineEdit(m_reviewBox);
    m_managerEdit->setObjectName(u"managerAccountEdit"_s);
    m_managerPasswordEdit = new QLineEdit(m_reviewBox);
    m_managerPasswordEdit->setObjectName(u"managerPasswordEdit"_s);
    m_managerPasswordEdit->setEchoMode(QLineEdit::Password);
    review->addRow(tr("Manager account"), m_managerEdit);
    review->addRow(tr("Manager password"), m_managerPasswordEdit);
    m_reviewErrorLabel = new QLabel(m_reviewBox);
    m_reviewErrorLabel->setObjectName(u"managerErrorLabel"_s);
    setTone(m_reviewErrorLabel, Tone::Error);
    review->addRow(m_reviewErrorLabel);
    auto* reviewButtons = new QHBoxLayout;
    m_approveButton = new QPushButton(tr("Manager confirms"), m_reviewBox);
    m_approveButton->setObjectName(u"approveButton"_s);
    m_parkButton = new QPushButton(tr("Park for manager review (F8)"), m_reviewBox);
    m_parkButton->setObjectName(u"parkButton"_s);
    reviewButtons->addWidget(m_approveButton);
    reviewButtons->addWidget(m_parkButton);
    reviewButtons->addStretch();
    review->addRow(reviewButtons);
    layout->addWidget(m_reviewBox);
    m_reviewBox->hide();

    connect(m_captureButton, &QPushButton::clicked, this, &FacePage::capture);
    connect(m_approveButton, &QPushButton::clicked, this, &FacePage::approve);
    connect(m_managerPasswordEdit, &QLineEdit::returnPressed, this, &FacePage::approve);
    connect(m_managerEdit, &QLineEdit::returnPressed, m_managerPasswordEdit, qOverload<>(&QWidget::setFocus));
    connect(m_parkButton, &QPushButton::clicked, this, &FacePage::park);
    for (const QKeySequence& key : {QKeySequence(Qt::Key_F5), QKeySequence(Qt::Key_Space)}) {
        auto* shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this] {
            if (!m_reviewBox->isVisible())
                capture();
        });
    }
    auto* parkShortcut = new QShortcut(QKeySequence(Qt::Key_F8), this);
    parkShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(parkShortcut, &QShortcut::activated, this, &FacePage::park);
    if (m_context.camera)
        connect(m_context.camera, &CameraFeed::frameReady, this, &FacePage::onFrame);
}

void FacePage::attach(RegistrationSession* s)
{
    WizardPage::attach(s);
    connect(s, &RegistrationSession::changed, this, &FacePage::refresh);
    m_resultLabel->clear();
    m_reviewBox->hide();
}

void FacePage::enter()
{
    m_active = true;
    chooseSubject();
    if (m_context.camera)
        m_context.camera->start();
    else
        m_previewLabel->setText(tr("No camera: comparison goes to a manager."));
    if (m_context.face && !m_context.face->available())
        m_hintLabel->setText(tr("Face comparison is unavailable (models not installed): a manager confirms."));
    setFocus();
}

void FacePage::leave()
{
    m_active = false;
    if (m_context.camera)
        m_context.camera->stop();
}

void FacePage::chooseSubject()
{
    const QList<DocumentRole> subjects = session()->faceSubjects();
    m_subject = subjects.first();
    for (DocumentRole role : subjects) {
        const SessionFace* f = session()->face(role);
        if (!f || f->state == FaceState::Pending || f->state == FaceState::Failed ||
            f->state == FaceState::AwaitingReview || f->state == FaceState::Stopped) {
            m_subject = role;
            break;
        }
    }
    // Analyse the document photo while the customer gets ready, not when the clerk captures.
    if (const SessionPerson* person = session()->person(m_subject);
        person && !person->photo.isEmpty() && m_context.face && m_context.face->available())
        m_context.face->prepare(person->photo);
    refresh();
}

void FacePage::onFrame(const QImage& image)
{
    if (!m_active || image.isNull())
        return;
    // Detection costs a few milliseconds: every third frame is plenty for the box and the hint.
    if (m_context.face && m_context.face->available() && (m_frameCount++ % 3) == 0) {
        const FaceHint hint = m_context.face->hint(m_context.camera->lastFrame());
        m_boxes = hint.boxes;
        m_hintLabel->setText(captureHint(hint));
    }
    QImage shown = image.copy();
    QPainter painter(&shown);
    painter.setPen(QPen(m_boxes.size() == 1 ? QColor(0, 200, 0) : QColor(230, 120, 0), 3));
    for (const QRectF& box : std::as_const(m_boxes))
        painter.drawRect(box);
    painter.end();
    m_previewLabel->setPixmap(
        QPixmap::fromImage(shown).scaled(m_previewLabel->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

void FacePage::capture()
{
    if (!m_active || !session())
        return;
    const SessionPerson* person = session()->person(m_subject);
    if (!person || session()->isStopped())
        return;
    cv::Mat frame;
    if (m_context.camera) {
        frame = m_context.camera->lastFrame().clone();
        if (frame.empty())
            frame = m_context.camera->grabOnce();
    }
    QByteArray jpeg;
    if (!frame.empty()) {
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        CameraFeed::toImage(frame).save(&buffer, "JPEG", 90);
    }
    FaceEvidence evidence;
    QString extra;
    if (!m_context.face || !m_context.face->available() || frame.empty()) {
        evidence.band = FaceBand::NotCompared;
    } else {
        auto check = m_context.face->compare(frame, person->photo);
        if (!check) {
            // No face, several faces, unreadable photo: not an attempt, just try again.
            m_resultLabel->setText(
                u"<span style='color:#b00020'>%1</span>"_s.arg(ClerkText::of(check.error()).toHtmlEscaped()));
            m_hintLabel->setText(tr("Capture again: one face, looking at the camera."));
            return;
        }
        evidence = check->evidence;
        extra = check->reasons;
        m_resultLabel->setProperty("score", check->score);
    }
    const FaceState state = session()->recordFace(m_subject, evidence, jpeg);
    const int score = m_resultLabel->property("score").toInt();
    QString text = evidence.band == FaceBand::NotCompared
                       ? SessionText::faceBand(evidence.band)
                       : tr("Score %1 — %2").arg(score).arg(SessionText::faceBand(evidence.band));
    if (!extra.isEmpty())
        text += u" — "_s + extra;
    if (state == FaceState::Failed)
        text += u" — "_s + tr("%n attempt(s) left", nullptr, session()->faceAttemptsLeft(m_subject));
    if (state == FaceState::Stopped)
        text += u" — "_s + tr("Too many failures: cancel the registration (F12).");
    const QString colour = state == FaceState::Passed           ? u"#00802b"_s
                           : state == FaceState::AwaitingReview ? u"#a86400"_s
                                                                : u"#b00020"_s;
    m_resultLabel->setText(u"<span style='color:%1; font-weight:bold'>%2</span>"_s.arg(colour, text.toHtmlEscaped()));
    if (state != FaceState::Failed)
        m_hintLabel->clear(); // no "good: press F5" beside a result that needs something else
    if (state == FaceState::Passed) {
        chooseSubject();
        if (session()->isStepComplete())
            emit advanceRequested();
    }
}

QString FacePage::captureHint(const FaceHint& hint) const
{
    // The preview's advice must never contradict the result: once a capture is not what the step needs (stopped,
    // waiting for a manager), the hint says nothing; after a failure it asks for another capture.
    const SessionFace* f = session() ? session()->face(m_subject) : nullptr;
    const FaceState state = f ? f->state : FaceState::Pending;
    if (session() && session()->isStopped())
        return {};
    switch (state) {
    case FaceState::Stopped:
    case FaceState::AwaitingReview:
    case FaceState::Passed:
    case FaceState::Approved:
    case FaceState::Parked:
        return {};
    case FaceState::Failed:
        return hint.ok ? tr("Ready for another try: press F5") : hint.instruction;
    case FaceState::Pending:
        break;
    }
    return hint.ok ? tr("Good: press F5 to capture") : hint.instruction;
}

void FacePage::approve()
{
    const SessionFace* f = session() ? session()->face(m_subject) : nullptr;
    if (!f || f->state != FaceState::AwaitingReview || !m_context.approveAsManager)
        return;
    auto manager = m_context.approveAsManager(m_managerEdit->text().trimmed(), m_managerPasswordEdit->text().toUtf8());
    m_managerPasswordEdit->clear();
    if (!manager) {
        m_reviewErrorLabel->setText(ClerkText::of(manager.error()));
        m_managerPasswordEdit->setFocus();
        return;
    }
    m_reviewErrorLabel->clear();
    if (session()->approveFaceReview(m_subject, *manager)) {
        chooseSubject();
        if (session()->isStepComplete())
            emit advanceRequested();
    }
}

void FacePage::park()
{
    const SessionFace* f = session() ? session()->face(m_subject) : nullptr;
    if (!f || f->state != FaceState::AwaitingReview)
        return;
    if (session()->parkFaceReview(m_subject)) {
        chooseSubject();
        if (session()->isStepComplete())
            emit advanceRequested();
    }
}

void FacePage::refresh()
{
    if (!session())
        return;
    const SessionPerson* person = session()->person(m_subject);
    // Whose face: the role and the name on that person's document, so the clerk checks the right person.
    m_subjectLabel->setText(person ? tr("Face check: %1 %2").arg(ClerkText::role(m_subject), person->document.name)
                                   : tr("Face check: %1").arg(ClerkText::role(m_subject)));
    QPixmap photo;
    if (person && !person->photo.isEmpty() && photo.loadFromData(person->photo))
        m_documentPhotoLabel->setPixmap(
            photo.scaled(m_documentPhotoLabel->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
    else
        m_documentPhotoLabel->setText(tr("No document photo"));
    const SessionFace* f = session()->face(m_subject);
    const bool review = f && f->state == FaceState::AwaitingReview;
    const bool wasHidden = m_reviewBox->isHidden();
    m_reviewBox->setVisible(review);
    if (review && wasHidden && m_active)
        m_managerEdit->setFocus();
    m_captureButton->setEnabled(!(f && f->state == FaceState::Stopped));
}

} // namespace shiming
