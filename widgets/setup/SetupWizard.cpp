#include "widgets/setup/SetupWizard.h"

#include "core/auth/Authenticator.h"
#include "core/common/Logging.h"
#include "core/common/Paths.h"
#include "core/face/Camera.h"
#include "core/face/ModelManifest.h"
#include "core/face/V4l2Camera.h"
#include "core/identity/Validators.h"
#include "core/outlet/ClerkText.h"
#include "core/reader/Ga467Reader.h"
#include "core/reader/IdCardReader.h"
#include "core/reader/LibraryWltDecoder.h"
#include "core/review/ReviewTypes.h"
#include "widgets/common/FileDialogs.h"
#include "widgets/registration/CameraFeed.h"

#include <QApplication>
#include <QButtonGroup>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSerialPortInfo>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizardPage>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(shiming::SetupWizard)
};

QLabel* errorLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(u"color: #b00020;"_s);
    label->hide();
    return label;
}

void showError(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

/// Each page starts with the keyboard on its first answer, as the counter's own screens do (Enter goes on).
void focusLater(QWidget* widget)
{
    QTimer::singleShot(0, widget, [widget] { widget->setFocus(Qt::OtherFocusReason); });
}

QLabel* noteLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

/// A line edit with a "Browse…" button beside it that fills it from a file dialog.
QWidget* withBrowse(QLineEdit* edit, const QString& buttonName, std::function<QString()> choose, QWidget* parent)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* button = new QPushButton(Text::tr("Browse…"), row);
    button->setObjectName(buttonName);
    layout->addWidget(button);
    QObject::connect(button, &QPushButton::clicked, edit, [edit, choose = std::move(choose)] {
        if (const QString path = choose(); !path.isEmpty()) {
            edit->setText(path);
            emit edit->editingFinished();
        }
    });
    return row;
}

// ---------------------------------------------------------------------------------------------------------------

class OutletPage final : public QWizardPage {
public:
    explicit OutletPage(const SetupWizardOptions& options)
        : m_options(options)
    {
        setTitle(Text::tr("Outlet"));
        setSubTitle(Text::tr("The outlet id as HQ issued it, the operator, where the encrypted database is kept "
                             "and the catalogue of packages and numbers."));
        idEdit->setObjectName(u"outletIdEdit"_s);
        idEdit->setPlaceholderText(u"GD-SZ-0042"_s);
        operatorCombo->setObjectName(u"operatorCombo"_s);
        operatorCombo->addItem(Text::tr("China Mobile"), int(catalog::SimOperator::ChinaMobile));
        operatorCombo->addItem(Text::tr("China Unicom"), int(catalog::SimOperator::ChinaUnicom));
        operatorCombo->addItem(Text::tr("China Telecom"), int(catalog::SimOperator::ChinaTelecom));
        databaseEdit->setObjectName(u"databaseEdit"_s);
        databaseEdit->setText(options.databasePath);
        catalogEdit->setObjectName(u"catalogEdit"_s);
        catalogEdit->setPlaceholderText(Text::tr("none: packages and numbers cannot be chosen"));

        auto* form = new QFormLayout(this);
        form->addRow(Text::tr("Outlet id:"), idEdit);
        form->addRow(Text::tr("Operator:"), operatorCombo);
        form->addRow(Text::tr("Database file:"), databaseEdit);
        form->addRow(Text::tr("Catalogue:"),
                     withBrowse(
                         catalogEdit, u"catalogBrowseButton"_s,
                         [this] { return openFileName(this, Text::tr("Catalogue"), Text::tr("Catalogues (*.json)")); },
                         this));
        form->addRow(error);
        for (QLineEdit* edit : {idEdit, databaseEdit, catalogEdit})
            connect(edit, &QLineEdit::textEdited, error, &QLabel::hide);
    }

    void initializePage() override { focusLater(idEdit); }

    bool validatePage() override
    {
        const QString id = outletId();
        if (!protocol::isValidOutletId(id)) {
            showError(error, Text::tr("The outlet id is 1 to 64 letters, digits, '.', '_' or '-', exactly as HQ "
                                      "issued it (for example GD-SZ-0042)."));
            idEdit->setFocus();
            return false;
        }
        const QString database = databasePath();
        if (database.isEmpty() || !QFileInfo(database).isAbsolute() || QFileInfo(database).isDir()) {
            showError(error, Text::tr("The database file needs a full path, such as /var/lib/shiming/outlet.db."));
            databaseEdit->setFocus();
            return false;
        }
        if (QFileInfo::exists(database) || QFileInfo::exists(store::KeySlotFile::pathFor(database))) {
            showError(error, Text::tr("There is an outlet database at %1 already. The setup never overwrites one: "
                                      "choose another file, or start the counter with its configuration.")
                                 .arg(database));
            databaseEdit->setFocus();
            return false;
        }
        if (const QString catalogue = catalogPath(); !catalogue.isEmpty()) {
            if (auto checked = outlet::checkCatalogueFile(catalogue); !checked) {
                qCWarning(lcUi) << "setup: catalogue refused:" << checked.error().detail;
                showError(
                    error,
                    Text::tr("The catalogue %1 cannot be used: %2").arg(catalogue, ClerkText::of(checked.error())));
                catalogEdit->setFocus();
                return false;
            }
        }
        showError(error, {});
        return true;
    }

    QString outletId() const { return idEdit->text().trimmed(); }
    catalog::SimOperator simOperator() const { return catalog::SimOperator(operatorCombo->currentData().toInt()); }
    QString databasePath() const { return QDir::cleanPath(databaseEdit->text().trimmed()); }
    QString catalogPath() const
    {
        const QString path = catalogEdit->text().trimmed();
        return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
    }

    QLineEdit* idEdit = new QLineEdit(this);
    QComboBox* operatorCombo = new QComboBox(this);
    QLineEdit* databaseEdit = new QLineEdit(this);
    QLineEdit* catalogEdit = new QLineEdit(this);
    QLabel* error = errorLabel(u"outletErrorLabel"_s, this);

private:
    const SetupWizardOptions& m_options;
};

// ---------------------------------------------------------------------------------------------------------------

class AdminPage final : public QWizardPage {
public:
    AdminPage()
    {
        setTitle(Text::tr("Administrator"));
        setSubTitle(Text::tr("The administrator adds the managers and clerks. Choose a password of at least %1 "
                             "characters that mixes letters with digits or signs, and keep it safe: it unlocks the "
                             "outlet database.")
                        .arg(auth::kMinimumPasswordLength));
        nameEdit->setObjectName(u"adminNameEdit"_s);
        nameEdit->setText(u"admin"_s);
        passwordEdit->setObjectName(u"adminPasswordEdit"_s);
        repeatEdit->setObjectName(u"adminRepeatEdit"_s);
        for (QLineEdit* edit : {passwordEdit, repeatEdit}) {
            edit->setEchoMode(QLineEdit::Password);
            edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
        }
        strength->setObjectName(u"adminStrengthLabel"_s);
        strength->setWordWrap(true);

        auto* form = new QFormLayout(this);
        form->addRow(Text::tr("Account name:"), nameEdit);
        form->addRow(Text::tr("Password:"), passwordEdit);
        form->addRow(Text::tr("Password again:"), repeatEdit);
        form->addRow(strength);
        form->addRow(error);
        for (QLineEdit* edit : {nameEdit, passwordEdit, repeatEdit}) {
            connect(edit, &QLineEdit::textEdited, this, &AdminPage::updateStrength);
            connect(edit, &QLineEdit::textEdited, error, &QLabel::hide);
        }
        updateStrength();
    }

    void initializePage() override { focusLater(adminName().isEmpty() ? nameEdit : passwordEdit); }

    bool validatePage() override
    {
        const QString name = adminName();
        if (name.isEmpty() || name.contains(u'/')) {
            showError(error, ClerkText::of(Cause{Reason::AccountNameInvalid}));
            nameEdit->setFocus();
            return false;
        }
        if (auto checked = auth::checkAdminPassword(password(), name); !checked) {
            showError(error, ClerkText::of(checked.error()));
            passwordEdit->setFocus();
            return false;
        }
        if (passwordEdit->text() != repeatEdit->text()) {
            showError(error, ClerkText::of(Cause{Reason::PasswordMismatch}));
            repeatEdit->clear();
            repeatEdit->setFocus();
            return false;
        }
        showError(error, {});
        return true;
    }

    QString adminName() const { return nameEdit->text().trimmed(); }
    QByteArray password() const { return passwordEdit->text().toUtf8(); }
    void wipe()
    {
        passwordEdit->clear();
        repeatEdit->clear();
    }

    QLineEdit* nameEdit = new QLineEdit(this);
    QLineEdit* passwordEdit = new QLineEdit(this);
    QLineEdit* repeatEdit = new QLineEdit(this);
    QLabel* strength = new QLabel(this);
    QLabel* error = errorLabel(u"adminErrorLabel"_s, this);

private:
    void updateStrength()
    {
        if (passwordEdit->text().isEmpty()) {
            strength->clear();
            return;
        }
        if (auto checked = auth::checkAdminPassword(password(), adminName()); !checked)
            strength->setText(ClerkText::of(checked.error()));
        else if (!repeatEdit->text().isEmpty() && repeatEdit->text() != passwordEdit->text())
            strength->setText(ClerkText::of(Cause{Reason::PasswordMismatch}));
        else
            strength->setText(Text::tr("The password is strong enough."));
    }
};

// ---------------------------------------------------------------------------------------------------------------

class HqPage final : public QWizardPage {
public:
    explicit HqPage(const OutletPage& outlet)
        : m_outlet(outlet)
    {
        setTitle(Text::tr("Headquarters"));
        setSubTitle(Text::tr("HQ's credential bundle lets this outlet send its registrations to headquarters. "
                             "An outlet without one works offline and is enrolled later with "
                             "shimingctl sync setup."));
        bundleRadio->setObjectName(u"bundleRadio"_s);
        offlineRadio->setObjectName(u"offlineRadio"_s);
        bundleRadio->setChecked(true);
        auto* group = new QButtonGroup(this);
        group->addButton(bundleRadio);
        group->addButton(offlineRadio);
        bundleEdit->setObjectName(u"bundleEdit"_s);
        hqUrlEdit->setObjectName(u"hqUrlEdit"_s);
        hqUrlEdit->setPlaceholderText(u"https://hq.example:8443"_s);

        auto* layout = new QVBoxLayout(this);
        layout->addWidget(bundleRadio);
        auto* form = new QFormLayout;
        form->addRow(Text::tr("Bundle file:"), withBrowse(
                                                   bundleEdit, u"bundleBrowseButton"_s,
                                                   [this] {
                                                       return openFileName(this, Text::tr("HQ credential bundle"),
                                                                           Text::tr("Bundles (*.bundle *.json)"));
                                                   },
                                                   this));
        form->addRow(Text::tr("HQ address:"), hqUrlEdit);
        layout->addLayout(form);
        layout->addWidget(noteLabel(Text::tr("The bundle holds this outlet's private key: delete the file (and "
                                             "the USB copy) once the setup is finished. The database keeps it "
                                             "encrypted."),
                                    this));
        layout->addWidget(offlineRadio);
        layout->addWidget(error);
        layout->addStretch();
        connect(bundleRadio, &QRadioButton::toggled, this, &HqPage::updateEnabled);
        connect(bundleEdit, &QLineEdit::editingFinished, this, [this] { readBundle(false); });
        connect(bundleEdit, &QLineEdit::textEdited, error, &QLabel::hide);
        connect(hqUrlEdit, &QLineEdit::textEdited, error, &QLabel::hide);
        updateEnabled();
    }

    void initializePage() override { focusLater(offlineRadio->isChecked() ? offlineRadio : bundleRadio); }

    bool validatePage() override
    {
        if (offlineRadio->isChecked()) {
            bundle.reset();
            showError(error, {});
            return true;
        }
        if (!readBundle(true))
            return false;
        if (bundle->outletId != m_outlet.outletId()) {
            showError(error, Text::tr("This bundle is for outlet %1, not %2: ask HQ for this outlet's bundle, or go "
                                      "back and correct the outlet id.")
                                 .arg(bundle->outletId, m_outlet.outletId()));
            return false;
        }
        const QUrl url = hqUrl();
        if (!url.isValid() || url.scheme() != "https"_L1 || url.host().isEmpty()) {
            showError(error, Text::tr("HQ's address must be https://HOST:PORT, as HQ gave it."));
            hqUrlEdit->setFocus();
            return false;
        }
        showError(error, {});
        return true;
    }

    QUrl hqUrl() const { return QUrl(hqUrlEdit->text().trimmed()); }

    QRadioButton* bundleRadio = new QRadioButton(Text::tr("Import HQ's credential bundle"), this);
    QRadioButton* offlineRadio = new QRadioButton(Text::tr("Offline outlet: enrol later"), this);
    QLineEdit* bundleEdit = new QLineEdit(this);
    QLineEdit* hqUrlEdit = new QLineEdit(this);
    QLabel* error = errorLabel(u"hqErrorLabel"_s, this);
    std::optional<protocol::CredentialBundle> bundle;

private:
    void updateEnabled()
    {
        bundleEdit->setEnabled(bundleRadio->isChecked());
        hqUrlEdit->setEnabled(bundleRadio->isChecked());
        error->hide();
    }

    /// Reads the bundle named in the edit; fills in HQ's address from it when none is typed.
    bool readBundle(bool required)
    {
        bundle.reset();
        const QString path = bundleEdit->text().trimmed();
        if (path.isEmpty()) {
            if (required) {
                showError(error, Text::tr("Choose the bundle file HQ sent for this outlet, or choose \"Offline "
                                          "outlet\"."));
                bundleEdit->setFocus();
            }
            return false;
        }
        auto read = protocol::CredentialBundle::readFile(path);
        if (!read) {
            qCWarning(lcUi) << "setup: bundle refused:" << read.error().detail;
            showError(error, read.error().code == Error::Code::NotFound
                                 ? Text::tr("The file %1 cannot be read.").arg(path)
                                 : Text::tr("The file %1 is not an HQ credential bundle.").arg(path));
            return false;
        }
        bundle = std::move(*read);
        if (hqUrlEdit->text().trimmed().isEmpty())
            hqUrlEdit->setText(bundle->hqUrl);
        showError(error, {});
        return true;
    }

    const OutletPage& m_outlet;
};

// ---------------------------------------------------------------------------------------------------------------

class ReaderPage final : public QWizardPage {
public:
    explicit ReaderPage(const SetupWizardOptions& options)
        : m_options(options)
    {
        setTitle(Text::tr("Card reader"));
        setSubTitle(Text::tr("The serial port of the second-generation ID card reader. Place a card and test it "
                             "before going on."));
        portCombo->setObjectName(u"portCombo"_s);
        portEdit->setObjectName(u"portEdit"_s);
        portEdit->setPlaceholderText(u"/dev/ttyUSB0"_s);
        wltEdit->setObjectName(u"wltEdit"_s);
        wltEdit->setPlaceholderText(Text::tr("none: the photo page is photographed instead"));
        testButton->setObjectName(u"readerTestButton"_s);
        status->setObjectName(u"readerStatusLabel"_s);
        status->setWordWrap(true);

        auto* form = new QFormLayout(this);
        form->addRow(Text::tr("Port:"), portCombo);
        form->addRow(Text::tr("Other port:"), portEdit);
        form->addRow(Text::tr("Photo decoder library:"),
                     withBrowse(
                         wltEdit, u"wltBrowseButton"_s,
                         [this] {
                             return openFileName(this, Text::tr("Photo decoder library"),
                                                 Text::tr("Libraries (*.so *.so.*)"));
                         },
                         this));
        form->addRow(testButton);
        form->addRow(status);
        form->addRow(error);
        connect(portCombo, &QComboBox::currentIndexChanged, this, [this] {
            stopTest();
            portEdit->setEnabled(portCombo->currentData().toString() == kOther);
            testButton->setEnabled(!port().isEmpty() || portCombo->currentData().toString() == kOther);
            error->hide();
        });
        connect(testButton, &QPushButton::clicked, this, &ReaderPage::startTest);
        connect(&m_timeout, &QTimer::timeout, this, [this] {
            stopTest();
            status->setText(Text::tr("No card was read within %1 seconds. Check the cable and the port, then test "
                                     "again.")
                                .arg(m_options.readerTestTimeoutMs / 1000));
        });
        m_timeout.setSingleShot(true);
    }

    void initializePage() override
    {
        const QString chosen = port();
        portCombo->blockSignals(true);
        portCombo->clear();
        const QStringList ports = m_options.serialPorts ? m_options.serialPorts() : QStringList{};
        for (const QString& found : ports)
            portCombo->addItem(found, found);
        portCombo->addItem(Text::tr("Other port…"), kOther);
        portCombo->addItem(Text::tr("No card reader (documents are typed in)"), QString());
        portCombo->blockSignals(false);
        // The first time the first port found; back on the page, what was chosen before.
        const int index = m_shown ? portCombo->findData(chosen) : -1;
        m_shown = true;
        portCombo->setCurrentIndex(index >= 0 ? index : 0);
        emit portCombo->currentIndexChanged(portCombo->currentIndex());
        focusLater(portCombo);
    }

    void cleanupPage() override { stopTest(); }

    bool validatePage() override
    {
        stopTest();
        const QString chosen = port();
        if (portCombo->currentData().toString() == kOther && chosen.isEmpty()) {
            showError(error, Text::tr("Type the reader's port, or choose \"No card reader\"."));
            portEdit->setFocus();
            return false;
        }
        if (!chosen.isEmpty() && !QFileInfo::exists(chosen)) {
            showError(error, Text::tr("There is no serial port %1 on this computer.").arg(chosen));
            return false;
        }
        if (const QString library = wltLibrary(); !library.isEmpty()) {
            reader::LibraryWltDecoder decoder({library});
            if (auto available = decoder.availability(); !available) {
                qCWarning(lcUi) << "setup: photo decoder refused:" << available.error().detail;
                showError(error, Text::tr("The photo decoder library %1 cannot be loaded.").arg(library));
                wltEdit->setFocus();
                return false;
            }
        }
        showError(error, {});
        return true;
    }

    QString port() const
    {
        const QString data = portCombo->currentData().toString();
        return data == kOther ? portEdit->text().trimmed() : data;
    }
    QString wltLibrary() const
    {
        const QString path = wltEdit->text().trimmed();
        return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
    }
    void stopTest()
    {
        m_timeout.stop();
        m_reader.reset();
        m_decoder.reset();
        testButton->setEnabled(true);
    }

    QComboBox* portCombo = new QComboBox(this);
    QLineEdit* portEdit = new QLineEdit(this);
    QLineEdit* wltEdit = new QLineEdit(this);
    QPushButton* testButton = new QPushButton(Text::tr("Read a card now"), this);
    QLabel* status = new QLabel(this);
    QLabel* error = errorLabel(u"readerErrorLabel"_s, this);

private:
    inline static const QString kOther = u"other"_s;

    void startTest()
    {
        stopTest();
        error->hide();
        const QString chosen = port();
        if (chosen.isEmpty()) {
            status->setText(Text::tr("Choose or type the reader's port first."));
            return;
        }
        if (!QFileInfo::exists(chosen)) {
            status->setText(Text::tr("There is no serial port %1 on this computer.").arg(chosen));
            return;
        }
        if (const QString library = wltLibrary(); !library.isEmpty()) {
            m_decoder = std::make_unique<reader::LibraryWltDecoder>(reader::LibraryWltDecoder::Config{library});
            if (!m_decoder->availability())
                m_decoder.reset();
        }
        reader::Ga467Reader::Options options;
        options.port = chosen;
        m_reader = std::make_unique<reader::Ga467Reader>(options, m_decoder.get(), *m_options.clock);
        connect(m_reader.get(), &reader::IdCardReader::statusChanged, status,
                [this](reader::ReaderStatus s) { status->setText(reader::readerStatusText(s)); });
        connect(m_reader.get(), &reader::IdCardReader::cardRead, this, [this](const reader::CardReadout& readout) {
            // Only what proves the read: the name and number masked, as on the manager's list.
            const QString photo = readout.photoStatus == reader::PhotoStatus::Decoded
                                      ? Text::tr("chip photo decoded")
                                      : Text::tr("chip photo not decoded");
            status->setText(
                Text::tr("The reader works: read %1, %2 (%3).")
                    .arg(review::maskName(readout.document.name), maskDocumentNumber(readout.document.number), photo));
            QTimer::singleShot(0, this, [this] { stopTest(); });
        });
        connect(m_reader.get(), &reader::IdCardReader::readFailed, this,
                [this](const reader::ReaderError& e) { status->setText(e.message()); });
        testButton->setEnabled(false);
        status->setText(Text::tr("Connecting to the reader on %1…").arg(chosen));
        m_timeout.start(m_options.readerTestTimeoutMs);
        m_reader->start();
    }

    const SetupWizardOptions& m_options;
    bool m_shown = false;
    std::unique_ptr<reader::LibraryWltDecoder> m_decoder;
    std::unique_ptr<reader::Ga467Reader> m_reader;
    QTimer m_timeout;
};

// ---------------------------------------------------------------------------------------------------------------

class CameraPage final : public QWizardPage {
public:
    explicit CameraPage(const SetupWizardOptions& options)
        : m_options(options)
    {
        setTitle(Text::tr("Camera"));
        setSubTitle(Text::tr("The camera that photographs the customer. The picture below is live: check that a "
                             "face at the counter is sharp and well lit."));
        cameraCombo->setObjectName(u"cameraCombo"_s);
        preview->setObjectName(u"cameraPreviewLabel"_s);
        preview->setMinimumSize(320, 240);
        preview->setAlignment(Qt::AlignCenter);
        preview->setStyleSheet(u"background: #202020; color: #e0e0e0;"_s);
        auto* form = new QFormLayout(this);
        form->addRow(Text::tr("Camera:"), cameraCombo);
        form->addRow(preview);
        form->addRow(error);
        connect(cameraCombo, &QComboBox::currentIndexChanged, this, [this] { startPreview(); });
    }

    void initializePage() override
    {
        const QString chosen = device();
        cameraCombo->blockSignals(true);
        cameraCombo->clear();
        const QList<VideoDevice> found = m_options.cameras ? m_options.cameras() : QList<VideoDevice>{};
        for (const VideoDevice& camera : found)
            cameraCombo->addItem(camera.name.isEmpty() ? camera.path : u"%1 (%2)"_s.arg(camera.name, camera.path),
                                 camera.path);
        cameraCombo->addItem(Text::tr("No camera"), QString());
        cameraCombo->blockSignals(false);
        const int index = m_shown ? cameraCombo->findData(chosen) : -1;
        m_shown = true;
        cameraCombo->setCurrentIndex(index >= 0 ? index : 0);
        startPreview();
        focusLater(cameraCombo);
    }

    void cleanupPage() override { stopPreview(); }

    bool validatePage() override
    {
        const bool failed = m_feed && m_feed->state() == CameraFeed::State::Failed;
        if (failed) {
            showError(error,
                      Text::tr("The camera %1 gives no picture: choose another one, or \"No camera\".").arg(device()));
            return false;
        }
        stopPreview();
        showError(error, {});
        return true;
    }

    QString device() const { return cameraCombo->currentData().toString(); }
    void stopPreview()
    {
        if (m_feed)
            m_feed->stop();
        m_feed.reset();
        m_camera.reset();
    }

    QComboBox* cameraCombo = new QComboBox(this);
    QLabel* preview = new QLabel(this);
    QLabel* error = errorLabel(u"cameraErrorLabel"_s, this);

private:
    void startPreview()
    {
        stopPreview();
        error->hide();
        preview->setPixmap({});
        const QString path = device();
        if (path.isEmpty()) {
            preview->setText(Text::tr("No camera: attachments are scanned from files."));
            return;
        }
        m_camera = m_options.openCamera ? m_options.openCamera(path) : std::make_unique<face::V4l2Camera>(path);
        m_feed = std::make_unique<CameraFeed>(m_camera.get());
        connect(m_feed.get(), &CameraFeed::frameReady, preview, [this](const QImage& image) {
            preview->setPixmap(
                QPixmap::fromImage(image).scaled(preview->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
        });
        connect(m_feed.get(), &CameraFeed::stateChanged, this, [this](CameraFeed::State state) {
            if (state == CameraFeed::State::Failed)
                showError(error, Text::tr("The camera %1 cannot be opened.").arg(device()));
        });
        preview->setText(Text::tr("Opening the camera…"));
        m_feed->start();
    }

    const SetupWizardOptions& m_options;
    bool m_shown = false;
    std::unique_ptr<face::Camera> m_camera;
    std::unique_ptr<CameraFeed> m_feed;
};

// ---------------------------------------------------------------------------------------------------------------

class FacePage final : public QWizardPage {
public:
    explicit FacePage(const SetupWizardOptions& options)
        : m_options(options)
    {
        setTitle(Text::tr("Face models"));
        setSubTitle(Text::tr("The models that compare the customer's face with the document photo. Without them "
                             "the counter still registers, and every face goes to a manager."));
        status->setObjectName(u"faceStatusLabel"_s);
        status->setWordWrap(true);
        folderEdit->setObjectName(u"modelFolderEdit"_s);
        folderEdit->setPlaceholderText(Text::tr("default: where the shiming-face-models package puts them"));
        auto* form = new QFormLayout(this);
        form->addRow(status);
        form->addRow(Text::tr("Model folder:"),
                     withBrowse(
                         folderEdit, u"modelFolderBrowseButton"_s,
                         [this] {
                             return QFileDialog::getExistingDirectory(this, Text::tr("Model folder"), {},
                                                                      QFileDialog::ShowDirsOnly |
                                                                          QFileDialog::DontUseNativeDialog);
                         },
                         this));
        form->addRow(error);
        connect(folderEdit, &QLineEdit::editingFinished, this, [this] { check(); });
    }

    void initializePage() override
    {
        check();
        focusLater(folderEdit);
    }

    bool validatePage() override
    {
        if (!folder().isEmpty() && !check()) {
            showError(error, Text::tr("The folder %1 does not hold the face models (or they are damaged): choose "
                                      "another folder, or leave it empty.")
                                 .arg(folder()));
            return false;
        }
        showError(error, {});
        return true;
    }

    QString folder() const
    {
        const QString path = folderEdit->text().trimmed();
        return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
    }
    /// The folders the counter will search: the chosen one, or the default search path.
    QStringList dirs() const
    {
        if (!folder().isEmpty())
            return {folder()};
        return m_options.modelDirs.isEmpty() ? paths::modelSearchDirs() : m_options.modelDirs;
    }
    bool found() const { return m_found; }

    QLabel* status = new QLabel(this);
    QLineEdit* folderEdit = new QLineEdit(this);
    QLabel* error = errorLabel(u"faceErrorLabel"_s, this);

private:
    bool check()
    {
        error->hide();
        auto located = face::locateModels(dirs(), face::ModelManifest::builtIn());
        m_found = located.has_value();
        if (m_found) {
            const QString where = QFileInfo(located->first().path).absolutePath();
            status->setText(
                Text::tr("Face models found and checked in %1: faces are compared at the counter.").arg(where));
        } else {
            qCInfo(lcUi) << "setup: face models not found:" << located.error().detail;
            status->setText(Text::tr("Face models missing: every face goes to a manager until they are installed "
                                     "(package shiming-face-models)."));
        }
        return m_found;
    }

    const SetupWizardOptions& m_options;
    bool m_found = false;
};

// ---------------------------------------------------------------------------------------------------------------

class SummaryPage final : public QWizardPage {
public:
    SummaryPage()
    {
        setTitle(Text::tr("Ready to set up"));
        setSubTitle(Text::tr("Nothing has been written yet. Finish creates the encrypted database, stores HQ's "
                             "credentials in it and writes the configuration."));
        summary->setObjectName(u"summaryLabel"_s);
        summary->setWordWrap(true);
        summary->setTextFormat(Qt::RichText);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(summary);
        layout->addWidget(error);
        layout->addStretch();
    }

    std::function<bool()> finish;
    QLabel* summary = new QLabel(this);
    QLabel* error = errorLabel(u"finishErrorLabel"_s, this);

    bool validatePage() override { return finish && finish(); }
};

QString row(const QString& label, const QString& value)
{
    return u"<tr><td>%1</td><td><b>%2</b></td></tr>"_s.arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------

QList<VideoDevice> findVideoDevices()
{
    QList<VideoDevice> devices;
    const QDir sys(u"/sys/class/video4linux"_s);
    const QStringList nodes = sys.entryList({u"video*"_s}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& node : nodes) {
        QFile index(sys.filePath(node + u"/index"_s));
        if (index.open(QIODevice::ReadOnly) && index.readAll().trimmed() != "0")
            continue; // a second node of one camera (UVC metadata), not a picture
        QFile name(sys.filePath(node + u"/name"_s));
        VideoDevice device;
        device.path = u"/dev/"_s + node;
        if (name.open(QIODevice::ReadOnly))
            device.name = QString::fromUtf8(name.readAll().trimmed());
        if (QFileInfo::exists(device.path))
            devices.append(device);
    }
    return devices;
}

QStringList findSerialPorts()
{
    QList<QSerialPortInfo> ports = QSerialPortInfo::availablePorts();
    // USB adapters first: the readers at counters are USB-serial; the mainboard's ttyS* ports are rarely wired.
    std::stable_sort(ports.begin(), ports.end(), [](const QSerialPortInfo& a, const QSerialPortInfo& b) {
        return a.hasVendorIdentifier() > b.hasVendorIdentifier();
    });
    QStringList paths;
    for (const QSerialPortInfo& port : ports)
        paths.append(port.systemLocation());
    return paths;
}

struct SetupWizard::Parts {
    OutletPage* outlet = nullptr;
    AdminPage* admin = nullptr;
    HqPage* hq = nullptr;
    ReaderPage* reader = nullptr;
    CameraPage* camera = nullptr;
    FacePage* face = nullptr;
    SummaryPage* summary = nullptr;
};

SetupWizard::SetupWizard(SetupWizardOptions options, QWidget* parent)
    : QWizard(parent)
    , m_options(std::move(options))
    , m_parts(std::make_unique<Parts>())
{
    Q_ASSERT(m_options.clock);
    if (m_options.configPath.isEmpty())
        m_options.configPath = outlet::defaultConfigPath();
    if (m_options.databasePath.isEmpty())
        m_options.databasePath = outlet::defaultDatabasePath();
    if (!m_options.serialPorts)
        m_options.serialPorts = findSerialPorts;
    if (!m_options.cameras)
        m_options.cameras = findVideoDevices;
    if (!m_options.confirmCancel)
        m_options.confirmCancel = [this] {
            return QMessageBox::question(this, tr("Cancel the setup"),
                                         tr("Cancel the setup? Nothing has been written; the counter closes."),
                                         QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
        };

    setObjectName(u"setupWizard"_s);
    setWindowTitle(tr("Set up this counter"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setMinimumSize(720, 520);

    Parts& p = *m_parts;
    p.outlet = new OutletPage(m_options);
    p.admin = new AdminPage;
    p.hq = new HqPage(*p.outlet);
    p.reader = new ReaderPage(m_options);
    p.camera = new CameraPage(m_options);
    p.face = new FacePage(m_options);
    p.summary = new SummaryPage;
    setPage(OutletPageId, p.outlet);
    setPage(AdminPageId, p.admin);
    setPage(HqPageId, p.hq);
    setPage(ReaderPageId, p.reader);
    setPage(CameraPageId, p.camera);
    setPage(FacePageId, p.face);
    setPage(SummaryPageId, p.summary);

    p.summary->finish = [this] {
        Parts& parts = *m_parts;
        showError(parts.summary->error, {});
        QApplication::setOverrideCursor(Qt::WaitCursor);
        auto done = outlet::setUpOutlet(plan(), *m_options.clock);
        QApplication::restoreOverrideCursor();
        if (!done) {
            qCWarning(lcUi) << "setup failed:" << done.error().detail;
            showError(parts.summary->error, tr("The setup could not be finished, and nothing was kept: %1 (%2)")
                                                .arg(ClerkText::of(done.error()), done.error().detail));
            return false;
        }
        parts.admin->wipe();
        return true;
    };
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id != SummaryPageId)
            return;
        Parts& parts = *m_parts;
        const outlet::SetupPlan planned = plan();
        QString rows;
        rows += row(tr("Outlet id:"), planned.config.outletId);
        rows += row(tr("Operator:"), parts.outlet->operatorCombo->currentText());
        rows += row(tr("Database file:"), planned.config.databasePath);
        rows += row(tr("Catalogue:"), planned.config.catalogPath.isEmpty() ? tr("none") : planned.config.catalogPath);
        rows += row(tr("Administrator:"), planned.adminName);
        rows += row(tr("HQ:"), planned.bundle ? planned.hqUrl.toString() : tr("offline, enrolled later"));
        rows += row(tr("Card reader:"), planned.config.readerPort.isEmpty() ? tr("none (documents are typed in)")
                                                                            : planned.config.readerPort);
        rows += row(tr("Camera:"), planned.config.cameraDevice.isEmpty() ? tr("none") : planned.config.cameraDevice);
        rows += row(tr("Face models:"), parts.face->found() ? tr("found") : tr("missing (faces go to a manager)"));
        rows += row(tr("Configuration file:"), planned.configPath);
        parts.summary->summary->setText(u"<table cellspacing=\"4\">"_s + rows + u"</table>"_s);
    });
}

SetupWizard::~SetupWizard()
{
    if (m_parts->reader)
        m_parts->reader->stopTest();
    if (m_parts->camera)
        m_parts->camera->stopPreview();
}

outlet::SetupPlan SetupWizard::plan() const
{
    const Parts& p = *m_parts;
    outlet::SetupPlan plan;
    plan.configPath = QFileInfo(m_options.configPath).absoluteFilePath();
    plan.config.outletId = p.outlet->outletId();
    plan.config.simOperator = p.outlet->simOperator();
    plan.config.databasePath = p.outlet->databasePath();
    plan.config.catalogPath = p.outlet->catalogPath();
    plan.config.readerPort = p.reader->port();
    plan.config.wltLibrary = p.reader->wltLibrary();
    plan.config.cameraDevice = p.camera->device();
    if (!p.face->folder().isEmpty())
        plan.config.modelDirs = {p.face->folder()};
    plan.adminName = p.admin->adminName();
    plan.password = p.admin->password();
    if (p.hq->bundleRadio->isChecked() && p.hq->bundle) {
        plan.bundle = p.hq->bundle;
        plan.hqUrl = p.hq->hqUrl();
    }
    plan.kdf = m_options.kdf;
    return plan;
}

void SetupWizard::reject()
{
    if (!m_options.confirmCancel())
        return;
    m_parts->reader->stopTest();
    m_parts->camera->stopPreview();
    m_parts->admin->wipe();
    qCInfo(lcUi) << "setup cancelled; nothing written";
    QWizard::reject();
}

} // namespace shiming
