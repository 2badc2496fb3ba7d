#pragma once

#include "core/common/Clock.h"
#include "core/outlet/Setup.h"

#include <QList>
#include <QStringList>
#include <QWizard>

#include <functional>
#include <memory>

namespace shiming::face {
class Camera;
}

namespace shiming {

/// A camera the setup can offer: its device node and what the driver calls it.
struct VideoDevice {
    QString path; ///< "/dev/video0"
    QString name; ///< "USB 2.0 Camera"; may be empty
};

/// What the first-run setup runs on. Defaults: the account's own configuration and data folders, the
/// production key derivation, the machine's serial ports (QSerialPortInfo) and V4L2 capture devices, the
/// model search path. Tests put a temporary folder, a pty and the fake camera in.
struct SetupWizardOptions {
    const Clock* clock = nullptr; ///< required
    QString configPath;           ///< where outlet.ini goes; empty: outlet::defaultConfigPath()
    QString databasePath;         ///< proposed; empty: outlet::defaultDatabasePath()
    store::KdfParams kdf = store::KdfParams::production();
    std::function<QStringList()> serialPorts;
    std::function<QList<VideoDevice>()> cameras;
    std::function<std::unique_ptr<face::Camera>(const QString& device)> openCamera;
    QStringList modelDirs; ///< empty: paths::modelSearchDirs()
    /// Asked before Cancel throws the answers away; default: a question box.
    std::function<bool()> confirmCancel;
    /// How long the card reader test waits for a reader to answer and a card to be placed (ms).
    int readerTestTimeoutMs = 60000;
};

/// The machine's V4L2 capture nodes (/dev/videoN whose sysfs index is 0: a UVC camera's metadata node is left out).
QList<VideoDevice> findVideoDevices();
/// The machine's serial ports, USB-serial adapters first.
QStringList findSerialPorts();

/// The counter's first-run setup, shown when no configuration exists: the outlet id, operator, database file and
/// catalogue; the administrator (password twice, checked by auth::checkAdminPassword); HQ's credential bundle or
/// "offline outlet, enrol later"; the card reader (found ports, a typed path or none, with a test read); the
/// camera (found devices or none, with a live preview); the face models found or missing; a summary. Every page
/// says in the clerk's language what is wrong before it lets the setup go on. Finish runs outlet::setUpOutlet
/// (the same core as `shimingctl db init` + `sync setup`): nothing is written before it, and a failure undoes what
/// it made. Accepted: the configuration is at configPath() and the counter goes on to its login screen.
class SetupWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId { OutletPageId, AdminPageId, HqPageId, ReaderPageId, CameraPageId, FacePageId, SummaryPageId };

    explicit SetupWizard(SetupWizardOptions options, QWidget* parent = nullptr);
    ~SetupWizard() override;

    QString configPath() const { return m_options.configPath; }
    /// What the pages hold now, as the setup would carry it out.
    outlet::SetupPlan plan() const;

    void reject() override;

private:
    SetupWizardOptions m_options;
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace shiming
