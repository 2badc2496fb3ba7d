#include "widgets/registration/DocumentPage.h"

#include "core/identity/Validators.h"
#include "core/outlet/ClerkText.h"
#include "core/reader/IdCardReader.h"
#include "widgets/common/Tone.h"
#include "widgets/registration/CameraFeed.h"
#include "widgets/registration/SessionText.h"

#include <QBuffer>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming {

using namespace registration;

namespace {

QByteArray jpegOf(const QImage& image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return bytes;
}

// A field with its error label beside it (what is wrong, shown as the clerk types); sets `error`.
QHBoxLayout* withErrorLabel(QWidget* field, int fieldStretch, QLabel*& error, const QString& objectName)
{
    error = new QLabel(field->parentWidget());
    error->setObjectName(objectName);
    setTone(error, Tone::Error);
    auto* row = new QHBoxLayout;
    row->addWidget(field, fieldStretch);
    row->addWidget(error, 1);
    return row;
}

} // namespace

DocumentPage::DocumentPage(RegistrationContext& context, QWidget* parent)
    : WizardPage(parent)
    , m_context(context)
{
    setObjectName(u"documentPage"_s);
    auto* layout = new QVBoxLayout(this);
    m_instructionLabel = new QLabel(this);
    m_instructionLabel->setObjectName(u"documentInstructionLabel"_s);
    QFont big = m_instructionLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_instructionLabel->setFont(big);
    m_instructionLabel->setWordWrap(true);
    layout->addWidget(m_instructionLabel);
    m_readerMessageLabel = new QLabel(this);
    m_readerMessageLabel->setObjectName(u"readerMessageLabel"_s);
    m_readerMessageLabel->setWordWrap(true);
    setTone(m_readerMessageLabel, Tone::Error);
    layout->addWidget(m_readerMessageLabel);

    m_peopleBox = new QWidget(this);
    m_peopleLayout = new QVBoxLayout(m_peopleBox);
    m_peopleLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_peopleBox);

    m_organisationGroup = new QGroupBox(tr("Organisation"), this);
    m_organisationGroup->setObjectName(u"organisationGroupBox"_s);
    auto* orgForm = new QFormLayout(m_organisationGroup);
    m_usccEdit = new QLineEdit(m_organisationGroup);
    m_usccEdit->setObjectName(u"usccEdit"_s);
    m_usccEdit->setMaxLength(64);
    orgForm->addRow(tr("Unified social credit code"),
                    withErrorLabel(m_usccEdit, 1, m_usccErrorLabel, u"usccErrorLabel"_s));
    m_organisationNameEdit = new QLineEdit(m_organisationGroup);
    m_organisationNameEdit->setObjectName(u"organisationNameEdit"_s);
    orgForm->addRow(tr("Organisation name"), m_organisationNameEdit);
    connect(m_usccEdit, &QLineEdit::textChanged, this, &DocumentPage::updateOrganisation);
    connect(m_organisationNameEdit, &QLineEdit::textChanged, this, &DocumentPage::updateOrganisation);
    layout->addWidget(m_organisationGroup);

    m_manualGroup = new QGroupBox(tr("Document without chip (Ctrl+M)"), this);
    m_manualGroup->setObjectName(u"manualGroupBox"_s);
    auto* form = new QFormLayout(m_manualGroup);
    m_manualForm = form;
    m_roleCombo = new QComboBox(m_manualGroup);
    m_roleCombo->setObjectName(u"manualRoleComboBox"_s);
    form->addRow(tr("For"), m_roleCombo);
    m_typeCombo = new QComboBox(m_manualGroup);
    m_typeCombo->setObjectName(u"manualTypeComboBox"_s);
    m_typeCombo->addItem(tr("Choose the document type"), -1);
    for (DocumentType type : {DocumentType::HkMoPermit, DocumentType::TwPermit, DocumentType::Passport,
                              DocumentType::TemporaryResidentId, DocumentType::HouseholdRegister})
        m_typeCombo->addItem(documentTypeDisplayName(type), int(type));
    form->addRow(tr("Document type"), m_typeCombo);
    m_mrzEdit = new QPlainTextEdit(m_manualGroup);
    m_mrzEdit->setObjectName(u"mrzEdit"_s);
    m_mrzEdit->setPlaceholderText(tr("Type or paste the machine-readable zone (2 or 3 lines)"));
    m_mrzEdit->setTabChangesFocus(true);
    m_mrzEdit->setMaximumHeight(72);
    m_mrzEdit->setFont(QFont(u"monospace"_s));
    m_mrzRow = withErrorLabel(m_mrzEdit, 2, m_mrzErrorLabel, u"mrzErrorLabel"_s);
    form->addRow(tr("MRZ"), m_mrzRow);
    m_nameEdit = new QLineEdit(m_manualGroup);
    m_nameEdit->setObjectName(u"manualNameEdit"_s);
    form->addRow(tr("Name"), m_nameEdit);
    m_numberEdit = new QLineEdit(m_manualGroup);
    m_numberEdit->setObjectName(u"manualNumberEdit"_s);
    m_numberEdit->setMaxLength(64);
    form->addRow(tr("Document number"),
                 withErrorLabel(m_numberEdit, 1, m_numberErrorLabel, u"manualNumberErrorLabel"_s));
    m_sexCombo = new QComboBox(m_manualGroup);
    m_sexCombo->setObjectName(u"manualSexComboBox"_s);
    m_sexCombo->addItem(tr("Choose"), QString());
    m_sexCombo->addItem(sexDisplayName(u"1"), u"1"_s);
    m_sexCombo->addItem(sexDisplayName(u"2"), u"2"_s);
    form->addRow(tr("Sex"), m_sexCombo);
    m_birthEdit = new QDateEdit(m_manualGroup);
    m_birthEdit->setObjectName(u"manualBirthDateEdit"_s);
    m_birthEdit->setDisplayFormat(u"yyyy-MM-dd"_s);
    // Blank until typed (the minimum date shows as empty): a preset date would be recorded as the customer's.
    m_birthEdit->setMinimumDate(QDate(1900, 1, 1));
    m_birthEdit->setSpecialValueText(u" "_s);
    form->addRow(tr("Date of birth"), m_birthEdit);
    m_validToEdit = new QDateEdit(m_manualGroup);
    m_validToEdit->setObjectName(u"manualValidToEdit"_s);
    m_validToEdit->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_validToEdit->setMinimumDate(QDate(1900, 1, 1));
    m_validToEdit->setSpecialValueText(u" "_s);
    form->addRow(tr("Valid until"), m_validToEdit);
    auto* buttons = new QHBoxLayout;
    m_useManualButton = new QPushButton(tr("Use this document"), m_manualGroup);
    m_useManualButton->setObjectName(u"useManualDocumentButton"_s);
    m_photoPageButton = new QPushButton(tr("Photograph photo page (F7)"), m_manualGroup);
    m_photoPageButton->setObjectName(u"photoPageButton"_s);
    buttons->addWidget(m_useManualButton);
    buttons->addWidget(m_photoPageButton);
    buttons->addStretch();
    form->addRow(buttons);
    m_manualErrorLabel = new QLabel(m_manualGroup);
    m_manualErrorLabel->setObjectName(u"manualErrorLabel"_s);
    m_manualErrorLabel->setWordWrap(true);
    setTone(m_manualErrorLabel, Tone::Error);
    form->addRow(m_manualErrorLabel);
    layout->addWidget(m_manualGroup);
    layout->addStretch();

    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateManualVisibility();
        validateManualNumber();
    });
    connect(m_numberEdit, &QLineEdit::textChanged, this, &DocumentPage::validateManualNumber);
    connect(m_numberEdit, &QLineEdit::returnPressed, this, &DocumentPage::useManualDocument);
    connect(m_mrzEdit, &QPlainTextEdit::textChanged, this, &DocumentPage::applyMrz);
    connect(m_useManualButton, &QPushButton::clicked, this, &DocumentPage::useManualDocument);
    connect(m_photoPageButton, &QPushButton::clicked, this, &DocumentPage::photographPhotoPage);
    auto* manualShortcut = new QShortcut(QKeySequence(u"Ctrl+M"_s), this);
    manualShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(manualShortcut, &QShortcut::activated, this, [this] { m_typeCombo->setFocus(); });
    auto* photoShortcut = new QShortcut(QKeySequence(Qt::Key_F7), this);
    photoShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(photoShortcut, &QShortcut::activated, this, &DocumentPage::photographPhotoPage);
    resetManualForm();
}

void DocumentPage::resetManualForm()
{
    m_typeCombo->setCurrentIndex(0);
    m_sexCombo->setCurrentIndex(0);
    m_birthEdit->setDate(m_birthEdit->minimumDate());
    m_validToEdit->setDate(m_validToEdit->minimumDate());
    m_nameEdit->clear();
    m_numberEdit->clear();
    m_mrzEdit->clear();
    m_manualErrorLabel->clear();
    updateManualVisibility();
}

void DocumentPage::attach(RegistrationSession* s)
{
    WizardPage::attach(s);
    connect(s, &RegistrationSession::changed, this, &DocumentPage::refresh);
    resetManualForm();
    m_usccEdit->clear();
    m_organisationNameEdit->clear();
    m_readerMessageLabel->clear();
    refresh();
}

void DocumentPage::enter()
{
    m_active = true;
    m_roleCombo->clear();
    for (DocumentRole role : session()->requiredDocuments())
        m_roleCombo->addItem(ClerkText::role(role), int(role));
    const bool organisation = session()->customerType() == CustomerType::Organisation;
    m_organisationGroup->setVisible(organisation);
    refresh();
    // With a reader the clerk types nothing: the focus waits on the first field that needs typing.
    if (organisation && m_usccEdit->text().isEmpty())
        m_usccEdit->setFocus();
    else if (!m_context.reader)
        m_typeCombo->setFocus();
    else
        setFocus();
}

void DocumentPage::leave()
{
    m_active = false;
}

std::optional<DocumentRole> DocumentPage::firstEmptyRole() const
{
    for (DocumentRole role : session()->requiredDocuments()) {
        if (!session()->person(role))
            return role;
    }
    return std::nullopt;
}

DocumentRole DocumentPage::roleToReplace() const
{
    for (DocumentRole role : session()->requiredDocuments()) {
        const SessionPerson* p = session()->person(role);
        if (p && !p->decision.allowed())
            return role;
    }
    return DocumentRole(m_roleCombo->currentData().toInt());
}

void DocumentPage::onCardRead(const reader::CardReadout& readout)
{
    if (!m_active || !session())
        return;
    m_readerMessageLabel->clear();
    // The same card again (left on the reader, placed twice): it is already there, nothing changes.
    for (DocumentRole role : session()->requiredDocuments()) {
        const SessionPerson* p = session()->person(role);
        if (p && p->document.type == readout.document.type && p->document.number == readout.document.number &&
            p->source == DocumentSource::Chip) {
            m_readerMessageLabel->setText(tr("This card is already read as the %1's.").arg(ClerkText::role(role)));
            return;
        }
    }
    // A card fills the first role still empty. Once every role is filled, it replaces one only when the clerk
    // says so: a card on the reader then is as often the next person's as a correction.
    const std::optional<DocumentRole> empty = firstEmptyRole();
    const DocumentRole role = empty ? *empty : roleToReplace();
    if (!empty) {
        const QString question = tr("Every document is filled in. Replace the %1's document with the card just "
                                    "read?")
                                     .arg(ClerkText::role(role));
        if (!m_context.confirm || !m_context.confirm(question)) {
            m_readerMessageLabel->setText(
                tr("Card ignored: the documents already filled in are kept. To replace one, choose it under "
                   "\"For\" and place the card again."));
            return;
        }
    }
    const PolicyDecision decision = session()->setDocument(role, readout.document, readout.photo, DocumentSource::Chip);
    // Only a card that completes the step moves on; a replacement stays for the clerk to look at.
    if (empty && decision.allowed() && session()->isStepComplete())
        emit advanceRequested();
}

void DocumentPage::onReadFailed(const reader::ReaderError& error)
{
    if (m_active)
        m_readerMessageLabel->setText(error.message());
}

void DocumentPage::refresh()
{
    if (!session())
        return;
    // Rebuild the per-person boxes: few widgets, rebuilt only when the session changed.
    while (QLayoutItem* item = m_peopleLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (DocumentRole role : session()->requiredDocuments()) {
        auto* box = new QGroupBox(ClerkText::role(role), m_peopleBox);
        box->setObjectName(documentRoleKey(role) + u"DocumentGroupBox"_s);
        auto* row = new QHBoxLayout(box);
        auto* photo = new QLabel(box);
        photo->setFixedSize(82, 101);
        photo->setObjectName(documentRoleKey(role) + u"PhotoLabel"_s);
        auto* text = new QLabel(box);
        text->setObjectName(documentRoleKey(role) + u"DocumentLabel"_s);
        text->setWordWrap(true);
        text->setTextFormat(Qt::RichText);
        row->addWidget(photo);
        row->addWidget(text, 1);
        const SessionPerson* p = session()->person(role);
        if (!p) {
            text->setText(tr("Waiting for the card…"));
        } else {
            QPixmap pixmap;
            if (!p->photo.isEmpty() && pixmap.loadFromData(p->photo))
                photo->setPixmap(pixmap.scaled(photo->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
            QString html = u"<b>%1</b> &nbsp; %2 &nbsp; %3<br>%4 &nbsp; %5"_s.arg(
                p->document.name.toHtmlEscaped(), sexDisplayName(p->document.sexCode),
                p->decision.age >= 0 ? tr("%n year(s)", nullptr, p->decision.age) : QString(),
                documentTypeDisplayName(p->document.type), maskDocumentNumber(p->document.number));
            html += u"<br>"_s + (p->document.validToLongTerm
                                     ? tr("Valid: long term")
                                     : tr("Valid until %1").arg(p->document.validTo.toString(Qt::ISODate)));
            for (const PolicyFinding& finding : p->decision.findings) {
                html += u"<br><span style='color:%1'>%2 %3</span>"_s.arg(finding.blocking ? u"#b00020"_s : u"#a86400"_s,
                                                                         finding.blocking ? u"✖"_s : u"⚠"_s,
                                                                         ClerkText::finding(finding).toHtmlEscaped());
            }
            if (p->decision.allowed() && p->decision.holdings.effective() > 0)
                html += u"<br>"_s + tr("Numbers held: %1 (limit %2)")
                                        .arg(p->decision.holdings.effective())
                                        .arg(m_context.services.policy->settings().perIdentityLimit);
            text->setText(html);
        }
        m_peopleLayout->addWidget(box);
    }
    const Cause reason = session()->blocker();
    m_instructionLabel->setText(reason.isSpecified() ? ClerkText::of(reason)
                                                     : tr("Documents complete. Press Enter to continue."));
}

void DocumentPage::updateManualVisibility()
{
    const int chosen = m_typeCombo->currentData().toInt();
    const bool passport = chosen == int(DocumentType::Passport);
    // The MRZ row (label and field) only for passports; a household register has no expiry to ask for.
    m_manualForm->setRowVisible(m_mrzRow, passport);
    m_manualForm->setRowVisible(m_validToEdit, chosen != int(DocumentType::HouseholdRegister));
}

void DocumentPage::validateManualNumber()
{
    const int chosen = m_typeCombo->currentData().toInt();
    const auto type = DocumentType(chosen);
    if (chosen < 0 || type == DocumentType::Passport || m_numberEdit->text().isEmpty()) {
        m_numberErrorLabel->clear();
        return;
    }
    const ValidationResult result = validate(type, m_numberEdit->text(), *m_context.services.clock);
    m_numberErrorLabel->setText(ClerkText::documentNumber(result));
    if (result.valid()) {
        const QDate birth = QDate::fromString(result.fields.value(u"birth_date"_s).toString(), Qt::ISODate);
        if (birth.isValid())
            m_birthEdit->setDate(birth);
        const QString sex = result.fields.value(u"sex"_s).toString();
        if (!sex.isEmpty())
            m_sexCombo->setCurrentIndex(qMax(0, m_sexCombo->findData(sex == u"F"   ? u"2"_s
                                                                     : sex == u"M" ? u"1"_s
                                                                                   : QString())));
    }
}

void DocumentPage::applyMrz()
{
    const QString text = m_mrzEdit->toPlainText();
    if (text.trimmed().isEmpty()) {
        m_mrzErrorLabel->clear();
        return;
    }
    const ValidationResult result = validate(DocumentType::Passport, text, *m_context.services.clock);
    m_mrzErrorLabel->setText(ClerkText::documentNumber(result));
    if (!result.valid())
        return;
    m_numberEdit->setText(result.fields.value(u"document_number"_s).toString());
    const QDate birth = QDate::fromString(result.fields.value(u"birth_date"_s).toString(), Qt::ISODate);
    if (birth.isValid())
        m_birthEdit->setDate(birth);
    const QDate expiry = QDate::fromString(result.fields.value(u"expiry_date"_s).toString(), Qt::ISODate);
    if (expiry.isValid())
        m_validToEdit->setDate(expiry);
    const QString sex = result.fields.value(u"sex"_s).toString();
    if (!sex.isEmpty())
        m_sexCombo->setCurrentIndex(qMax(0, m_sexCombo->findData(sex == u"F"   ? u"2"_s
                                                                 : sex == u"M" ? u"1"_s
                                                                               : QString())));
    const QString name = result.fields.value(u"name"_s).toString();
    if (m_nameEdit->text().isEmpty() && !name.isEmpty())
        m_nameEdit->setText(name);
}

void DocumentPage::useManualDocument()
{
    if (!session())
        return;
    const int chosen = m_typeCombo->currentData().toInt();
    if (chosen < 0) {
        m_manualErrorLabel->setText(tr("Choose the document type."));
        m_typeCombo->setFocus();
        return;
    }
    const auto type = DocumentType(chosen);
    const auto blank = [](const QDateEdit* edit) {
        return edit->date() == edit->minimumDate();
    };
    IdentityDocument document;
    document.type = type;
    document.name = m_nameEdit->text().trimmed();
    document.sexCode = m_sexCombo->currentData().toString();
    document.birthDate = blank(m_birthEdit) ? QDate() : m_birthEdit->date();
    // A household register (户口簿) has no expiry: none is invented.
    if (type == DocumentType::HouseholdRegister)
        document.validToLongTerm = true;
    else
        document.validTo = blank(m_validToEdit) ? QDate() : m_validToEdit->date();
    if (type != DocumentType::Passport) {
        QStringList missing;
        if (document.name.isEmpty())
            missing << tr("name");
        if (document.sexCode.isEmpty())
            missing << tr("sex");
        if (!document.birthDate.isValid())
            missing << tr("date of birth");
        if (type != DocumentType::HouseholdRegister && !document.validTo.isValid())
            missing << tr("valid until");
        if (!missing.isEmpty()) {
            m_manualErrorLabel->setText(tr("Fill in: %1.").arg(missing.join(tr(", "))));
            return;
        }
    }
    m_manualErrorLabel->clear();
    // The manual form asks for no issue date: validFrom stays unset rather than invented.
    if (type == DocumentType::Passport) {
        const ValidationResult mrz = validate(type, m_mrzEdit->toPlainText(), *m_context.services.clock);
        // The passport number, not the whole machine-readable zone.
        document.number = mrz.fields.value(u"document_number"_s).toString();
        document.nationality = mrz.fields.value(u"nationality"_s).toString();
        document.englishName = mrz.fields.value(u"name"_s).toString();
    } else {
        document.number = normalizeDocumentInput(type, m_numberEdit->text());
    }
    const DocumentRole role = DocumentRole(m_roleCombo->currentData().toInt());
    session()->setDocument(role, document, {}, DocumentSource::Manual);
    m_photoPageButton->setFocus();
}

void DocumentPage::photographPhotoPage()
{
    if (!session() || !m_context.camera)
        return;
    const DocumentRole role = DocumentRole(m_roleCombo->currentData().toInt());
    const cv::Mat frame = m_context.camera->grabOnce();
    if (frame.empty()) {
        m_readerMessageLabel->setText(tr("The camera gave no picture."));
        return;
    }
    session()->setDocumentPhoto(role, jpegOf(CameraFeed::toImage(frame)));
}

void DocumentPage::updateOrganisation()
{
    if (!session())
        return;
    const QString uscc = normalizeDocumentInput(DocumentType::Uscc, m_usccEdit->text());
    if (!uscc.isEmpty()) {
        const ValidationResult result = validate(DocumentType::Uscc, uscc, *m_context.services.clock);
        m_usccErrorLabel->setText(result.valid() ? QString() : tr("Not a valid unified social credit code."));
    } else {
        m_usccErrorLabel->clear();
    }
    session()->setOrganisation(Organisation{uscc, m_organisationNameEdit->text().trimmed()});
}

} // namespace shiming
