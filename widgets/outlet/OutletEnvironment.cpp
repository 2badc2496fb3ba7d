#include "widgets/outlet/OutletEnvironment.h"

#include "core/face/Camera.h"
#include "core/outlet/AccountGate.h"
#include "core/outlet/OutletSync.h"
#include "core/store/OutletStore.h"
#include "widgets/common/FileDialogs.h"
#include "widgets/registration/CameraFeed.h"
#include "widgets/registration/FaceService.h"

#include <QApplication>
#include <QCoreApplication>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(shiming::OutletEnvironment)
};

} // namespace

// Destroyed in reverse: the screens' parts go before the outlet whose camera and engine they use.
struct OutletEnvironment::Parts {
    std::unique_ptr<outlet::Outlet> outlet;
    std::unique_ptr<CameraFeed> feed;
    std::unique_ptr<EngineFaceService> face;
    RegistrationContext context;
};

OutletEnvironment::OutletEnvironment()
    : m_parts(std::make_unique<Parts>())
{}

OutletEnvironment::~OutletEnvironment() = default;

Result<std::unique_ptr<OutletEnvironment>> OutletEnvironment::create(const OutletConfig& config, const Clock& clock,
                                                                     Devices devices)
{
    auto outlet = outlet::Outlet::create(config, clock, std::move(devices));
    if (!outlet)
        return fail(outlet.error());
    std::unique_ptr<OutletEnvironment> env(new OutletEnvironment);
    Parts& p = *env->m_parts;
    p.outlet = std::move(*outlet);
    p.feed = std::make_unique<CameraFeed>(p.outlet->camera());
    p.face = std::make_unique<EngineFaceService>(p.outlet->faceEngine());

    RegistrationContext& c = p.context;
    c.services = p.outlet->sessionServices();
    // The outlet learns the database's outlet id at sign-in (connected first, so it has run by now).
    AccountGate* gate = &p.outlet->gate();
    QObject::connect(gate, &AccountGate::loggedIn, gate, [context = &c, outlet = p.outlet.get()] {
        context->services.outletId = outlet->sessionServices().outletId;
    });
    c.reader = p.outlet->reader();
    c.camera = p.feed.get();
    c.face = p.face.get();
    c.approveAsManager = [gate](const QString& user, const QByteArray& password) {
        return gate->approveAsManager(user, password, u"face_review"_s);
    };
    // Over the clerk's window, titled, and No by default: Enter on a question never throws work away.
    c.confirm = [](const QString& question) {
        return QMessageBox::question(QApplication::activeWindow(), Text::tr("Please confirm"), question,
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    };
    c.chooseFile = [](const QString& title) {
        return openFileName(QApplication::activeWindow(), title, Text::tr("Scans (*.jpg *.jpeg *.png *.pdf)"));
    };
    return env;
}

Result<std::unique_ptr<OutletEnvironment>> OutletEnvironment::create(const OutletConfig& config, const Clock& clock)
{
    return create(config, clock, Devices{});
}

QString OutletEnvironment::noteText(const outlet::OutletNote& note)
{
    using Kind = outlet::OutletNote::Kind;
    switch (note.kind) {
    case Kind::NoCatalogue:
        return Text::tr("No catalogue configured: packages and numbers cannot be chosen.");
    case Kind::NoPhotoDecoder:
        return Text::tr("No chip photo decoder: the customer's document photo page is photographed instead.");
    case Kind::NoReader:
        return Text::tr("No card reader configured: documents are typed in.");
    case Kind::CameraNotConnected:
        return Text::tr("Camera %1 is not connected.").arg(note.device);
    case Kind::NoCamera:
        return Text::tr("No camera configured.");
    case Kind::FaceUnavailable:
        return Text::tr("Face comparison unavailable (models missing): faces go to a manager.");
    }
    return {};
}

outlet::Outlet& OutletEnvironment::outlet()
{
    return *m_parts->outlet;
}

const OutletConfig& OutletEnvironment::config() const
{
    return m_parts->outlet->config();
}

RegistrationContext& OutletEnvironment::context()
{
    return m_parts->context;
}

AccountGate& OutletEnvironment::gate()
{
    return m_parts->outlet->gate();
}

auth::Authenticator& OutletEnvironment::authenticator()
{
    return m_parts->outlet->authenticator();
}

OutletSync& OutletEnvironment::sync()
{
    return m_parts->outlet->sync();
}

QString OutletEnvironment::outletId() const
{
    return m_parts->outlet->outletId();
}

QString OutletEnvironment::databasePath() const
{
    return m_parts->outlet->databasePath();
}

QStringList OutletEnvironment::notes() const
{
    QStringList texts;
    for (const outlet::OutletNote& note : m_parts->outlet->notes())
        texts.append(noteText(note));
    return texts;
}

std::optional<face::FaceSettings> OutletEnvironment::faceSettings() const
{
    return m_parts->outlet->faceSettings();
}

} // namespace shiming
