#include "widgets/registration/PackagePage.h"

#include "core/outlet/ClerkText.h"
#include "widgets/common/Tone.h"
#include "widgets/registration/CameraFeed.h"
#include "widgets/registration/SessionText.h"

#include <QBuffer>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeDatabase>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming {

using namespace registration;

namespace {
constexpr qint64 kMaxAttachmentBytes = 20 * 1024 * 1024;
}

PackagePage::PackagePage(RegistrationContext& context, QWidget* parent)
    : WizardPage(parent)
    , m_context(context)
{
    setObjectName(u"packagePage"_s);
    auto* layout = new QVBoxLayout(this);
    auto* serviceGroup = new QGroupBox(tr("Number in service (Alt+N)"), this);
    m_serviceGroup = serviceGroup;
    auto* serviceLayout = new QVBoxLayout(serviceGroup);
    m_serviceNumberEdit = new QLineEdit(serviceGroup);
    m_serviceNumberEdit->setObjectName(u"serviceNumberEdit"_s);
    m_serviceNumberEdit->setPlaceholderText(tr("The customer's mobile number, 11 digits"));
    m_serviceNumberEdit->setMaxLength(20);
    serviceLayout->addWidget(m_serviceNumberEdit);
    m_serviceStatusLabel = new QLabel(serviceGroup);
    m_serviceStatusLabel->setObjectName(u"serviceNumberStatusLabel"_s);
    m_serviceStatusLabel->setWordWrap(true);
    serviceLayout->addWidget(m_serviceStatusLabel);
    layout->addWidget(serviceGroup);

    auto* packageGroup = new QGroupBox(tr("Package (Alt+P)"), this);
    m_packageGroup = packageGroup;
    auto* packageLayout = new QVBoxLayout(packageGroup);
    m_packageTable = new QTableWidget(0, 5, packageGroup);
    m_packageTable->setObjectName(u"packageTableWidget"_s);
    m_packageTable->setHorizontalHeaderLabels(
        {tr("Package"), tr("Monthly fee"), tr("Minutes"), tr("Data"), tr("Contract")});
    m_packageTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_packageTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_packageTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_packageTable->verticalHeader()->hide();
    m_packageTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_packageTable->setTabKeyNavigation(false);
    packageLayout->addWidget(m_packageTable);
    layout->addWidget(packageGroup, 2);

    auto* lower = new QHBoxLayout;
    auto* numberGroup = new QGroupBox(tr("Number (Alt+N)"), this);
    m_numberGroup = numberGroup;
    auto* numberLayout = new QVBoxLayout(numberGroup);
    m_numberSearchEdit = new QLineEdit(numberGroup);
    m_numberSearchEdit->setObjectName(u"numberSearchEdit"_s);
    m_numberSearchEdit->setPlaceholderText(tr("Digits the customer wants, e.g. 8888"));
    m_numberSearchEdit->setMaxLength(11);
    numberLayout->addWidget(m_numberSearchEdit);
    m_numberList = new QListWidget(numberGroup);
    m_numberList->setObjectName(u"numberListWidget"_s);
    numberLayout->addWidget(m_numberList);
    m_numberLabel = new QLabel(numberGroup);
    m_numberLabel->setObjectName(u"reservedNumberLabel"_s);
    numberLayout->addWidget(m_numberLabel);
    lower->addWidget(numberGroup, 1);

    auto* right = new QVBoxLayout;
    auto* simGroup = new QGroupBox(tr("SIM card (Alt+S)"), this);
    m_simGroup = simGroup;
    auto* simLayout = new QVBoxLayout(simGroup);
    m_iccidEdit = new QLineEdit(simGroup);
    m_iccidEdit->setObjectName(u"iccidEdit"_s);
    m_iccidEdit->setPlaceholderText(tr("Scan the ICCID barcode"));
    m_iccidEdit->setMaxLength(64);
    simLayout->addWidget(m_iccidEdit);
    m_iccidStatusLabel = new QLabel(simGroup);
    m_iccidStatusLabel->setObjectName(u"iccidStatusLabel"_s);
    m_iccidStatusLabel->setWordWrap(true);
    simLayout->addWidget(m_iccidStatusLabel);
    right->addWidget(simGroup);
    m_attachmentsBox = new QGroupBox(tr("Attachments"), this);
    m_attachmentsBox->setObjectName(u"attachmentsGroupBox"_s);
    m_attachmentsLayout = new QVBoxLayout(m_attachmentsBox);
    right->addWidget(m_attachmentsBox);
    right->addStretch();
    lower->addLayout(right, 1);
    layout->addLayout(lower, 2);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"packageStatusLabel"_s);
    m_statusLabel->setWordWrap(true);
    layout->addWidget(m_statusLabel);

    connect(m_packageTable, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (!session() || row < 0)
            return;
        const QString id = m_packageTable->item(row, 0)->data(Qt::UserRole).toString();
        if (auto chosen = session()->choosePackage(id); !chosen)
            m_statusLabel->setText(ClerkText::of(chosen.error()));
    });
    connect(m_numberSearchEdit, &QLineEdit::textChanged, this, &PackagePage::searchNumbers);
    connect(m_numberSearchEdit, &QLineEdit::returnPressed, this, &PackagePage::reserveTyped);
    // A number is reserved when the clerk picks it (Enter or a click), never because the list got the focus or
    // the arrow keys passed over it.
    connect(m_numberList, &QListWidget::itemActivated, this, &PackagePage::reserveSelected);
    connect(m_numberList, &QListWidget::itemClicked, this, &PackagePage::reserveSelected);
    connect(m_iccidEdit, &QLineEdit::returnPressed, this, &PackagePage::scanIccid);
    connect(m_serviceNumberEdit, &QLineEdit::returnPressed, this, &PackagePage::takeServiceNumber);

    auto shortcut = [this](const QString& keys, QWidget* target) {
        auto* s = new QShortcut(QKeySequence(keys), this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, target, qOverload<>(&QWidget::setFocus));
    };
    shortcut(u"Alt+P"_s, m_packageTable);
    shortcut(u"Alt+S"_s, m_iccidEdit);
    // Alt+N: the pool's search for a new number, the number in service otherwise.
    auto* numberKey = new QShortcut(QKeySequence(u"Alt+N"_s), this);
    numberKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(numberKey, &QShortcut::activated, this,
            [this] { (m_serviceGroup->isVisible() ? m_serviceNumberEdit : m_numberSearchEdit)->setFocus(); });
}

void PackagePage::attach(RegistrationSession* s)
{
    WizardPage::attach(s);
    connect(s, &RegistrationSession::changed, this, [this] {
        refreshAttachments();
        refreshStatus();
    });
    m_numberSearchEdit->clear();
    m_serviceNumberEdit->clear();
    m_serviceStatusLabel->clear();
    m_iccidEdit->clear();
    m_iccidStatusLabel->clear();
    m_packageTable->setRowCount(0);
    m_numberList->clear();
}

void PackagePage::showTransaction()
{
    const registration::Transaction t = session()->transaction();
    const bool newNumber = registration::takesNewNumber(t);
    m_serviceGroup->setVisible(!newNumber);
    m_packageGroup->setVisible(newNumber);
    m_numberGroup->setVisible(newNumber);
    m_simGroup->setVisible(registration::takesNewSim(t));
    if (!newNumber && m_serviceNumberEdit->text().isEmpty())
        m_serviceNumberEdit->setText(session()->number());
}

void PackagePage::takeServiceNumber()
{
    if (auto taken = session()->setServiceNumber(m_serviceNumberEdit->text()); !taken) {
        m_serviceStatusLabel->setText(ClerkText::of(taken.error()));
        setTone(m_serviceStatusLabel, Tone::Error);
        m_serviceNumberEdit->selectAll();
        return;
    }
    m_serviceNumberEdit->setText(session()->number());
    m_serviceStatusLabel->setText(tr("Number %1.").arg(session()->number()));
    setTone(m_serviceStatusLabel, Tone::Ok);
    if (session()->isStepComplete())
        emit advanceRequested();
    else if (m_simGroup->isVisible())
        m_iccidEdit->setFocus();
}

void PackagePage::enter()
{
    showTransaction();
    refreshAttachments();
    refreshStatus();
    if (!registration::takesNewNumber(session()->transaction())) {
        if (session()->number().isEmpty())
            m_serviceNumberEdit->setFocus();
        else
            m_iccidEdit->setFocus();
        return;
    }
    fillPackages();
    searchNumbers();
    if (!session()->package())
        m_packageTable->setFocus();
    else if (session()->number().isEmpty())
        m_numberSearchEdit->setFocus();
    else
        m_iccidEdit->setFocus();
}

void PackagePage::changeEvent(QEvent* event)
{
    WizardPage::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        m_packageTable->resizeColumnsToContents();
        m_packageTable->resizeRowsToContents();
        m_packageTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    }
}

void PackagePage::focusOn(const Cause& cause)
{
    switch (cause.reason) {
    case Reason::PackageMissing:
    case Reason::PackageIneligible:
        m_packageTable->setFocus();
        break;
    case Reason::NumberMissing:
    case Reason::NumberInvalid:
        if (m_serviceGroup->isVisible()) {
            m_serviceNumberEdit->setFocus();
            break;
        }
        // The list with its first number highlighted: Enter takes it, the arrows choose another.
        if (!m_numberList->currentItem() && m_numberList->count() > 0)
            m_numberList->setCurrentRow(0);
        m_numberList->setFocus();
        break;
    case Reason::IccidMissing:
    case Reason::IccidCheckDigit:
        m_iccidEdit->setFocus();
        break;
    default:
        break;
    }
}

void PackagePage::fillPackages()
{
    const QSignalBlocker blocker(m_packageTable);
    const QList<catalog::Package> packages = session()->eligiblePackages();
    m_packageTable->setRowCount(int(packages.size()));
    int selectedRow = -1;
    for (int row = 0; row < packages.size(); ++row) {
        const catalog::Package& p = packages[row];
        auto* name = new QTableWidgetItem(p.name);
        name->setData(Qt::UserRole, p.id);
        name->setToolTip(p.description);
        m_packageTable->setItem(row, 0, name);
        m_packageTable->setItem(row, 1, new QTableWidgetItem(SessionText::yuanPerMonth(p.monthlyFeeFen)));
        m_packageTable->setItem(row, 2, new QTableWidgetItem(SessionText::minutes(p.minutes)));
        m_packageTable->setItem(row, 3, new QTableWidgetItem(SessionText::data(p.dataMb)));
        m_packageTable->setItem(row, 4, new QTableWidgetItem(SessionText::contractTerm(p.contractMonths)));
        if (session()->package() && session()->package()->id == p.id)
            selectedRow = row;
    }
    m_packageTable->resizeColumnsToContents();
    m_packageTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    if (selectedRow >= 0)
        m_packageTable->setCurrentCell(selectedRow, 0);
}

void PackagePage::searchNumbers()
{
    if (!session())
        return;
    const QSignalBlocker blocker(m_numberList);
    m_numberList->clear();
    if (!session()->number().isEmpty()) {
        auto* held = new QListWidgetItem(session()->number(), m_numberList);
        held->setData(Qt::UserRole, session()->number());
        m_numberList->setCurrentItem(held);
    }
    for (const catalog::PoolNumber& number : session()->searchNumbers(m_numberSearchEdit->text(), 40)) {
        QString text = number.number;
        if (number.premiumFen > 0)
            text += u"   "_s + tr("(number selection fee, one-off ¥%1)").arg(catalog::formatYuan(number.premiumFen));
        auto* item = new QListWidgetItem(text, m_numberList);
        item->setData(Qt::UserRole, number.number);
    }
    if (m_numberList->count() == 0)
        new QListWidgetItem(tr("No free number contains these digits."), m_numberList);
}

void PackagePage::reserveSelected()
{
    QListWidgetItem* item = m_numberList->currentItem();
    if (!session() || !item || item->data(Qt::UserRole).toString().isEmpty())
        return;
    if (reserve(item->data(Qt::UserRole).toString()))
        m_iccidEdit->setFocus();
}

void PackagePage::reserveTyped()
{
    if (!session())
        return;
    const QString digits = m_numberSearchEdit->text().trimmed();
    if (digits.isEmpty()) {
        // Nothing typed: the clerk picks from the list; Enter alone never hands out the first (maybe premium) one.
        m_numberList->setFocus();
        m_statusLabel->setText(tr("Choose a number in the list (arrow keys, then Enter), or type the digits the "
                                  "customer wants."));
        return;
    }
    // The digits typed choose, as a customer asks for an ending: the first listed number that ends with them
    // (the one already held first), else the first that contains them.
    for (const bool ending : {true, false}) {
        for (int row = 0; row < m_numberList->count(); ++row) {
            const QString number = m_numberList->item(row)->data(Qt::UserRole).toString();
            if (number.isEmpty() || !(ending ? number.endsWith(digits) : number.contains(digits)))
                continue;
            m_numberList->setCurrentRow(row);
            if (reserve(number))
                m_iccidEdit->setFocus();
            return;
        }
    }
    m_statusLabel->setText(tr("No free number contains these digits."));
}

bool PackagePage::reserve(const QString& number)
{
    if (number == session()->number())
        return true;
    if (auto reserved = session()->reserveNumber(number); !reserved) {
        m_statusLabel->setText(ClerkText::of(reserved.error()));
        setTone(m_statusLabel, Tone::Error);
        searchNumbers();
        return false;
    }
    setTone(m_statusLabel, Tone::Normal);
    return true;
}

void PackagePage::scanIccid()
{
    // A card without a check digit is accepted by a second Enter on the same number: the clerk compared it with
    // the number printed on the card. A scan error (another number) asks again.
    const catalog::IccidCheck peek = catalog::checkIccid(m_iccidEdit->text());
    const bool confirming = !m_unconfirmedIccid.isEmpty() && peek.iccid == m_unconfirmedIccid;
    const catalog::IccidCheck check = session()->setIccid(m_iccidEdit->text(), confirming);
    m_unconfirmedIccid.clear();
    if (check.valid()) {
        m_iccidEdit->setText(check.iccid);
        if (!check.luhnOk && !confirming) {
            m_unconfirmedIccid = check.iccid;
            m_iccidStatusLabel->setText(ClerkText::of(Cause{Reason::IccidCheckDigit}));
            setTone(m_iccidStatusLabel, Tone::Warning);
            m_iccidEdit->selectAll();
            return;
        }
        m_iccidStatusLabel->setText(check.luhnOk ? tr("SIM card accepted.")
                                                 : tr("SIM card accepted without a check digit (compared with the "
                                                      "number printed on the card)."));
        setTone(m_iccidStatusLabel, Tone::Ok);
        if (session()->isStepComplete())
            emit advanceRequested();
    } else {
        m_iccidStatusLabel->setText(ClerkText::iccid(check.error));
        setTone(m_iccidStatusLabel, Tone::Error);
        m_iccidEdit->selectAll();
    }
}

void PackagePage::refreshAttachments()
{
    if (!session())
        return;
    const QStringList required = session()->requiredAttachments();
    QStringList state;
    for (const QString& key : required) {
        const MediaItem* given = session()->attachment(key);
        state.append(key + (given ? u"+"_s + QString::number(qHash(given->bytes)) : u"-"_s));
    }
    if (state == m_shownAttachments)
        return;
    m_shownAttachments = state;
    while (QLayoutItem* item = m_attachmentsLayout->takeAt(0)) {
        if (item->layout()) {
            while (QLayoutItem* inner = item->layout()->takeAt(0)) {
                // deleteLater: a button being deleted may be the one whose click got us here.
                if (inner->widget())
                    inner->widget()->deleteLater();
                delete inner;
            }
        }
        if (item->widget())
            item->widget()->deleteLater();
        delete item;
    }
    m_attachmentsBox->setVisible(!required.isEmpty());
    for (const QString& key : required) {
        auto* row = new QHBoxLayout;
        auto* label = new QLabel((session()->hasAttachment(key) ? u"✔ "_s : u"✖ "_s) + ClerkText::attachment(key),
                                 m_attachmentsBox);
        label->setObjectName(key + u"AttachmentLabel"_s);
        auto* scan = new QPushButton(tr("Scan"), m_attachmentsBox);
        scan->setObjectName(key + u"ScanButton"_s);
        scan->setEnabled(m_context.camera && m_context.camera->hasCamera());
        auto* file = new QPushButton(tr("From file…"), m_attachmentsBox);
        file->setObjectName(key + u"FileButton"_s);
        connect(scan, &QPushButton::clicked, this, [this, key] { attachFromCamera(key); });
        connect(file, &QPushButton::clicked, this, [this, key] { attachFromFile(key); });
        row->addWidget(label, 1);
        if (const MediaItem* given = session()->attachment(key))
            row->addWidget(attachmentPreview(key, *given));
        row->addWidget(scan);
        row->addWidget(file);
        m_attachmentsLayout->addLayout(row);
    }
}

QLabel* PackagePage::attachmentPreview(const QString& key, const registration::MediaItem& item)
{
    // What was attached, so that the clerk sees it is the right page before going on: a thumbnail of a scan
    // or a photo, the size of a PDF.
    auto* preview = new QLabel(m_attachmentsBox);
    preview->setObjectName(key + u"AttachmentPreview"_s);
    QImage image;
    if (item.mimeType != u"application/pdf" && image.loadFromData(item.bytes)) {
        const int height = fontMetrics().height() * 4;
        preview->setPixmap(
            QPixmap::fromImage(image.scaled(height * 3 / 2, height, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    } else {
        preview->setText(tr("PDF, %1 KB").arg(std::max<qsizetype>(1, item.bytes.size() / 1024)));
    }
    return preview;
}

void PackagePage::refreshStatus()
{
    if (!session())
        return;
    if (session()->number().isEmpty())
        m_numberLabel->setText(tr("No number reserved"));
    else if (const int fee = session()->numberFeeFen(); fee > 0)
        m_numberLabel->setText(
            tr("Reserved: %1 (one-off number fee ¥%2)").arg(session()->number(), catalog::formatYuan(fee)));
    else
        m_numberLabel->setText(tr("Reserved: %1").arg(session()->number()));
    const Cause reason = session()->blocker();
    m_statusLabel->setText(reason.isSpecified() ? ClerkText::of(reason) : tr("Complete. Press Enter to continue."));
}

void PackagePage::attachFromFile(const QString& key)
{
    if (!m_context.chooseFile)
        return;
    const QString path = m_context.chooseFile(ClerkText::attachment(key));
    if (path.isEmpty())
        return;
    QFile file(path);
    // A regular file only: a device or a pipe would be read without end (or block the counter).
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly) || file.size() > kMaxAttachmentBytes ||
        file.size() == 0) {
        m_statusLabel->setText(tr("The file cannot be attached (missing, empty or larger than 20 MB)."));
        return;
    }
    const QByteArray bytes = file.readAll();
    const QString mime = QMimeDatabase().mimeTypeForData(bytes).name();
    if (mime != u"image/jpeg" && mime != u"image/png" && mime != u"application/pdf") {
        m_statusLabel->setText(tr("Attach a JPEG, PNG or PDF file."));
        return;
    }
    if (mime != u"application/pdf" && QImage::fromData(bytes).isNull()) {
        m_statusLabel->setText(tr("The scan cannot be read (damaged file): scan the page again."));
        return;
    }
    session()->setAttachment(key, MediaItem{MediaItem::Kind::Attachment, key, mime, bytes});
}

void PackagePage::attachFromCamera(const QString& key)
{
    if (!m_context.camera)
        return;
    const cv::Mat frame = m_context.camera->grabOnce();
    if (frame.empty()) {
        m_statusLabel->setText(tr("The camera gave no picture."));
        return;
    }
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    CameraFeed::toImage(frame).save(&buffer, "JPEG", 90);
    session()->setAttachment(key, MediaItem{MediaItem::Kind::Attachment, key, u"image/jpeg"_s, jpeg});
}

} // namespace shiming
