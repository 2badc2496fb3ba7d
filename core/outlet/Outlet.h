#pragma once

#include "core/common/Clock.h"
#include "core/common/Error.h"
#include "core/face/FaceSettings.h"
#include "core/outlet/OutletConfig.h"
#include "core/registration/RegistrationSession.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace shiming {
class AccountGate;
class AuthAccountGate;
class OutletSync;
namespace auth {
class Authenticator;
}
namespace catalog {
class Catalog;
class NumberPool;
} // namespace catalog
namespace face {
class Camera;
class FaceEngine;
} // namespace face
namespace reader {
class IdCardReader;
class WltDecoder;
} // namespace reader
} // namespace shiming

namespace shiming::outlet {

/// Something missing or degraded at this counter. The screens say it in the clerk's words (widgets/outlet).
struct OutletNote {
    enum class Kind {
        NoCatalogue,        ///< packages and numbers cannot be chosen
        NoPhotoDecoder,     ///< a reader without the vendor's chip photo decoder: the photo page is photographed
        NoReader,           ///< documents are typed in
        CameraNotConnected, ///< `device` names the configured camera
        NoCamera,           ///< none configured
        FaceUnavailable,    ///< models missing: faces go to a manager
    };
    Kind kind;
    QString device;

    friend bool operator==(const OutletNote&, const OutletNote&) = default;
};

/// A counter composed from its configuration, without any screen: the outlet database (opened by signing in:
/// the clerk's password unwraps the data key through the key slots, as shimingctl does), the GA 467 reader on
/// the configured port with the vendor's photo decoder, the camera, the face engine from the model folders, the
/// catalogue and number pool (reservations a crash left are released on start), the policy over this outlet's
/// holdings and HQ's risk list (failing closed when the store cannot be read), HQ's feeds applied at sign-in
/// and after each sync pass, and the sync to HQ once the outlet is enrolled. What is missing does not stop the
/// counter: it is listed in notes(), and the registration falls back (manual entry, scans, faces to a manager).
///
/// widgets/outlet/OutletEnvironment adds the screens' parts (camera feed, face step service, dialogs) on top.
class Outlet {
public:
    /// What the demo and tests put in place of hardware. Null / empty: what the configuration says.
    struct Devices {
        reader::WltDecoder* decoder = nullptr; ///< instead of the vendor library (not owned; must outlive)
        std::unique_ptr<face::Camera> camera;  ///< instead of the configured camera device
        bool loadFaceModels = true;
        int readerPollIntervalMs = 300;
    };

    /// Fails on what an installer must fix: no database file, an unreadable or malformed catalogue.
    static Result<std::unique_ptr<Outlet>> create(const OutletConfig& config, const Clock& clock, Devices devices);
    ~Outlet();

    const OutletConfig& config() const;
    const Clock& clock() const;
    /// Signing in and out, the idle lock and the manager's approval on the spot.
    AccountGate& gate();
    auth::Authenticator& authenticator();
    OutletSync& sync();
    /// Per-session services for RegistrationSession (policy, catalogue, pool, the store as sink); the clerk and
    /// the outlet id are filled in at sign-in.
    registration::SessionServices& sessionServices();
    reader::IdCardReader* reader() const; ///< null: no reader configured
    face::Camera* camera() const;         ///< null: no camera
    face::FaceEngine* faceEngine() const; ///< null: face comparison unavailable
    /// The configured id, or the database file's name when the configuration names none.
    QString outletId() const;
    QString databasePath() const;
    QList<OutletNote> notes() const;
    /// The face thresholds and quality limits in force (the calibrated defaults, or HQ's "face" settings item).
    /// Empty: face comparison unavailable.
    std::optional<face::FaceSettings> faceSettings() const;

private:
    Outlet();
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace shiming::outlet
