#pragma once

#include "core/common/Clock.h"
#include "core/common/Error.h"
#include "widgets/registration/RegistrationContext.h"

#include <memory>

namespace shiming {

class AccountGate;
class OutletEnvironment;
class OutletSync;
namespace auth {
class Authenticator;
}

/// Everything `shiming --demo` runs on, built in one place so that the application and the full-flow test
/// use the same configuration: a demo outlet database in `dataDir` (created once, reused after) with a demo
/// clerk and manager, the reader simulator on a pseudo-terminal with the demo cards read through the real
/// GA 467 reader, a fake camera playing the demo images, the face pipeline when its models are installed,
/// the demo catalogue and number pool (reservations left by a crash are released on start). The counter itself
/// is the one a deployed outlet runs (OutletEnvironment); the demo only supplies the database, the simulator,
/// its photo decoder (colour chip photos, DemoPhotoCodec) and the camera.
class DemoEnvironment {
public:
    struct Options {
        QString dataDir; ///< where the demo database, slot file and pool state live
        QString demoDir; ///< resources/demo (catalog.json, cards/, faces/)
        bool loadFaceModels = true;
        int cardPresentMs = 4000;      ///< the simulator cycles the demo cards: on the reader this long...
        int cardLiftMs = 2500;         ///< ...then lifted this long
        bool startWithoutCard = false; ///< tests place cards themselves (placeCard())
    };

    static Result<std::unique_ptr<DemoEnvironment>> create(const Options& options, const Clock& clock);
    ~DemoEnvironment();

    RegistrationContext& context();
    AccountGate& gate();
    OutletEnvironment& outlet();
    OutletSync& sync();
    /// The outlet's accounts; the manager window logs its manager in here with a session of its own.
    auth::Authenticator& authenticator();
    QString outletId() const;
    QString databasePath() const;
    /// The text the login screen shows: demo accounts and passwords.
    QString accountsText() const;
    /// Puts the next demo card on the simulated reader (or lifts the current one).
    void placeCard();
    /// The next demo customer places theirs (in file-name order).
    void placeNextCard();
    void liftCard();

    /// resources/demo: $SHIMING_DEMO_DIR, <exe>/../share/shiming/demo, or the source tree's.
    static QString defaultDemoDir();

    static QString demoClerk() { return QStringLiteral("demo-clerk"); }
    static QString demoManager() { return QStringLiteral("demo-manager"); }
    static QByteArray demoClerkPassword() { return QByteArrayLiteral("clerk-1234"); }
    static QByteArray demoManagerPassword() { return QByteArrayLiteral("manager-1234"); }

private:
    DemoEnvironment();
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace shiming
