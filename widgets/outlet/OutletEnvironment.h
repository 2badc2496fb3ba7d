#pragma once

#include "core/common/Clock.h"
#include "core/common/Error.h"
#include "core/face/FaceSettings.h"
#include "widgets/outlet/OutletConfig.h"
#include "widgets/registration/RegistrationContext.h"

#include <QStringList>

#include <memory>
#include <optional>

namespace shiming {

class AccountGate;
class OutletSync;
namespace auth {
class Authenticator;
}
namespace face {
class Camera;
}
namespace reader {
class WltDecoder;
}

/// The composition of a counter from its configuration: the outlet database (opened by signing in: the clerk's
/// password unwraps the data key through the key slots, as shimingctl does), the GA 467 reader on the configured
/// port with the vendor's photo decoder, the V4L2 camera, the face engine from the model folders, the catalogue
/// and number pool (reservations a crash left are released on start), the policy with this outlet's holdings
/// and HQ's risk list, and the sync to HQ once the outlet is enrolled. What is missing (no reader, no camera,
/// no models, not enrolled) does not stop the counter: it is listed in notes() for the status bar, and the
/// registration falls back (manual entry, scans from files, faces to a manager).
///
/// DemoEnvironment builds on this with the reader simulator, a demo decoder and the demo camera.
class OutletEnvironment {
public:
    /// What the demo and tests put in place of hardware. Null / empty: what the configuration says.
    struct Devices {
        reader::WltDecoder* decoder = nullptr; ///< instead of the vendor library (not owned; must outlive)
        std::unique_ptr<face::Camera> camera;  ///< instead of the V4L2 camera
        bool loadFaceModels = true;
        int readerPollIntervalMs = 300;
    };

    static Result<std::unique_ptr<OutletEnvironment>> create(const OutletConfig& config, const Clock& clock,
                                                             Devices devices);
    /// With the devices the configuration names.
    static Result<std::unique_ptr<OutletEnvironment>> create(const OutletConfig& config, const Clock& clock);
    ~OutletEnvironment();

    const OutletConfig& config() const;
    RegistrationContext& context();
    AccountGate& gate();
    auth::Authenticator& authenticator();
    OutletSync& sync();
    QString outletId() const;
    QString databasePath() const;
    /// Translated sentences for the clerk about what is missing or degraded ("Face comparison unavailable...").
    QStringList notes() const;
    /// The face thresholds and quality limits in force (the calibrated defaults, or what HQ's settings feed
    /// sent as its "face" item, read at sign-in and after each sync pass). Empty: face comparison unavailable.
    std::optional<face::FaceSettings> faceSettings() const;

private:
    OutletEnvironment();
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace shiming
