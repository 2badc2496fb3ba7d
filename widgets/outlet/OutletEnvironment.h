#pragma once

#include "core/common/Clock.h"
#include "core/common/Error.h"
#include "core/face/FaceSettings.h"
#include "core/outlet/Outlet.h"
#include "core/outlet/OutletConfig.h"
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

/// The counter's screens over a composed outlet (core/outlet/Outlet: database, reader, camera, face engine,
/// catalogue, policy, HQ's feeds, sync): the camera feed and the face step's service, the registration context
/// the wizard runs on (with the dialogs it asks through), and the clerk's words for what is missing.
///
/// DemoEnvironment builds on this with the reader simulator, a demo decoder and the demo camera.
class OutletEnvironment {
public:
    using Devices = outlet::Outlet::Devices;

    static Result<std::unique_ptr<OutletEnvironment>> create(const OutletConfig& config, const Clock& clock,
                                                             Devices devices);
    /// With the devices the configuration names.
    static Result<std::unique_ptr<OutletEnvironment>> create(const OutletConfig& config, const Clock& clock);
    ~OutletEnvironment();

    outlet::Outlet& outlet();
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

    /// The clerk's words for one note.
    static QString noteText(const outlet::OutletNote& note);

private:
    OutletEnvironment();
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace shiming
