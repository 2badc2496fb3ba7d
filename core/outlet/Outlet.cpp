#include "core/outlet/Outlet.h"

#include "core/auth/Authenticator.h"
#include "core/catalog/Catalog.h"
#include "core/catalog/NumberPool.h"
#include "core/common/Logging.h"
#include "core/common/Paths.h"
#include "core/face/Camera.h"
#include "core/face/FaceEngine.h"
#include "core/face/V4l2Camera.h"
#include "core/outlet/AuthAccountGate.h"
#include "core/outlet/HqFeeds.h"
#include "core/outlet/OutletSync.h"
#include "core/outlet/StoreSessionServices.h"
#include "core/reader/Ga467Reader.h"
#include "core/reader/LibraryWltDecoder.h"
#include "core/registration/Policy.h"
#include "core/store/OutletStore.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace shiming::outlet {

// Declaration order is destruction order reversed: the sync and the reader go before the store they use and the
// decoder they call.
struct Outlet::Parts {
    const Clock* clock = nullptr;
    OutletConfig config;
    std::unique_ptr<auth::Authenticator> authenticator;
    std::unique_ptr<AuthAccountGate> gate;
    std::unique_ptr<StoreSessionServices> storeServices;
    std::unique_ptr<registration::Policy> policy;
    catalog::Catalog catalog;
    std::unique_ptr<catalog::NumberPool> pool;
    std::unique_ptr<reader::LibraryWltDecoder> vendorDecoder;
    std::unique_ptr<reader::Ga467Reader> reader;
    std::unique_ptr<face::Camera> camera;
    std::unique_ptr<face::FaceEngine> engine;
    std::unique_ptr<OutletSync> sync;
    registration::SessionServices services;
    QList<OutletNote> notes;
};

Outlet::Outlet()
    : m_parts(std::make_unique<Parts>())
{}

Outlet::~Outlet()
{
    if (!m_parts)
        return;
    m_parts->sync.reset();
    if (m_parts->reader)
        m_parts->reader->stop();
    if (m_parts->gate)
        m_parts->gate->logout();
}

Result<std::unique_ptr<Outlet>> Outlet::create(const OutletConfig& config, const Clock& clock, Devices devices)
{
    std::unique_ptr<Outlet> outlet(new Outlet);
    Parts& p = *outlet->m_parts;
    p.clock = &clock;
    p.config = config;

    // The outlet database is opened by signing in; here it only has to exist (with its key slot file).
    if (!QFileInfo(config.databasePath).isFile())
        return fail(Error::notFound(u"outlet database not found (create it with shimingctl db init)"_s));
    auth::Authenticator::Options authOptions;
    authOptions.idleSeconds = config.idleLockSeconds;
    p.authenticator = std::make_unique<auth::Authenticator>(config.databasePath, clock, authOptions);
    p.gate = std::make_unique<AuthAccountGate>(*p.authenticator);
    AuthAccountGate* gate = p.gate.get();
    p.storeServices = std::make_unique<StoreSessionServices>([gate] { return gate->store(); });
    // Records carry the outlet id of the database they are written to, whatever the configuration says (the
    // configured id is only what the login screen shows before anyone has opened the database).
    QObject::connect(gate, &AccountGate::loggedIn, gate, [gate, services = &p.services, configured = config.outletId] {
        const store::OutletStore* store = gate->store();
        if (!store)
            return;
        if (!configured.isEmpty() && store->outletId() != configured)
            qCWarning(lcOutlet) << "the configured outlet id differs from the database's; the database's is used";
        services->outletId = store->outletId();
    });
    p.policy = std::make_unique<registration::Policy>(registration::PolicySettings{}, clock, p.storeServices.get(),
                                                      p.storeServices.get());

    // Catalogue and number pool: a bad file stops the start (the installer must fix it); no file is a note.
    if (config.catalogPath.isEmpty()) {
        p.notes.append({OutletNote::Kind::NoCatalogue, {}});
        auto pool = catalog::NumberPool::open({}, config.poolStatePath);
        if (!pool)
            return fail(pool.error());
        p.pool = std::make_unique<catalog::NumberPool>(std::move(*pool));
    } else {
        // One read of the file: the packages and the number pool are two views of the same JSON.
        auto bytes = catalog::Catalog::readFile(config.catalogPath);
        if (!bytes)
            return fail(bytes.error());
        auto catalog = catalog::Catalog::fromJson(*bytes);
        if (!catalog)
            return fail(catalog.error());
        p.catalog = std::move(*catalog);
        auto numbers = catalog::NumberPool::parseJson(*bytes);
        if (!numbers)
            return fail(numbers.error());
        auto pool = catalog::NumberPool::open(*numbers, config.poolStatePath);
        if (!pool)
            return fail(pool.error());
        p.pool = std::make_unique<catalog::NumberPool>(std::move(*pool));
    }

    // The card reader on its serial port; it keeps trying to open the port, so a reader plugged in later works.
    reader::WltDecoder* decoder = devices.decoder;
    if (!decoder && !config.wltLibrary.isEmpty()) {
        p.vendorDecoder = std::make_unique<reader::LibraryWltDecoder>(
            reader::LibraryWltDecoder::Config{config.wltLibrary, config.wltSymbol});
        if (auto available = p.vendorDecoder->availability(); !available)
            qCWarning(lcReader) << "chip photo decoder unavailable:" << available.error().detail;
        else
            decoder = p.vendorDecoder.get();
    }
    if (!decoder && !config.readerPort.isEmpty())
        p.notes.append({OutletNote::Kind::NoPhotoDecoder, {}});
    if (config.readerPort.isEmpty()) {
        p.notes.append({OutletNote::Kind::NoReader, {}});
    } else {
        reader::Ga467Reader::Options readerOptions;
        readerOptions.port = config.readerPort;
        readerOptions.pollIntervalMs = devices.readerPollIntervalMs;
        p.reader = std::make_unique<reader::Ga467Reader>(readerOptions, decoder, clock);
        p.reader->start();
    }

    // Camera: the configured device, or what the caller put in its place. None: attachments come from files.
    if (devices.camera) {
        p.camera = std::move(devices.camera);
    } else if (!config.cameraDevice.isEmpty() && QFileInfo::exists(config.cameraDevice)) {
        p.camera = std::make_unique<face::V4l2Camera>(config.cameraDevice);
    } else if (!config.cameraDevice.isEmpty()) {
        p.notes.append({OutletNote::Kind::CameraNotConnected, config.cameraDevice});
    } else {
        p.notes.append({OutletNote::Kind::NoCamera, {}});
    }

    if (devices.loadFaceModels) {
        auto engine = face::FaceEngine::load(config.modelDirs.isEmpty() ? paths::modelSearchDirs() : config.modelDirs);
        if (engine)
            p.engine = std::move(*engine);
        else
            qCWarning(lcOutlet) << "face comparison unavailable:" << engine.error().detail;
    }
    if (!p.engine)
        p.notes.append({OutletNote::Kind::FaceUnavailable, {}});

    sync::SyncScheduler::Options syncOptions;
    syncOptions.intervalMs = config.syncIntervalSeconds * 1000;
    p.sync = std::make_unique<OutletSync>(*p.gate, syncOptions);
    QObject::connect(gate, &AccountGate::loggedIn, gate,
                     [gate, catalogue = &p.catalog, pool = p.pool.get(), statePath = config.poolStatePath] {
                         if (store::OutletStore* store = gate->store())
                             applyHqCatalogue(*store, *catalogue, *pool, statePath);
                     });
    // HQ's policy and idle-lock settings, over what the outlet started with; at sign-in and after each pass.
    const auto applyCounterSettings =
        [gate, policy = p.policy.get(), code = catalog::simOperatorCode(config.simOperator),
         configuredLimit = p.policy->settings().perIdentityLimit, configuredIdle = config.idleLockSeconds] {
            store::OutletStore* store = gate->store();
            if (!store)
                return;
            applyHqPolicySettings(*store, *policy, code, configuredLimit);
            applyHqIdleLock(
                *store, [gate](int seconds) { gate->setIdleSeconds(seconds); }, configuredIdle);
        };
    QObject::connect(gate, &AccountGate::loggedIn, gate, applyCounterSettings);
    QObject::connect(p.sync.get(), &OutletSync::statusChanged, gate, applyCounterSettings);
    if (p.engine) {
        const auto applyFaceSettings = [gate, engine = p.engine.get()] {
            if (store::OutletStore* store = gate->store())
                applyHqFaceSettings(*store, *engine);
        };
        QObject::connect(gate, &AccountGate::loggedIn, gate, applyFaceSettings);
        QObject::connect(p.sync.get(), &OutletSync::statusChanged, gate, applyFaceSettings);
    }

    p.services = registration::SessionServices{&clock,       p.policy.get(),        &p.catalog,
                                               p.pool.get(), p.storeServices.get(), config.outletId,
                                               {},           config.simOperator};
    return outlet;
}

const OutletConfig& Outlet::config() const
{
    return m_parts->config;
}

const Clock& Outlet::clock() const
{
    return *m_parts->clock;
}

AccountGate& Outlet::gate()
{
    return *m_parts->gate;
}

auth::Authenticator& Outlet::authenticator()
{
    return *m_parts->authenticator;
}

OutletSync& Outlet::sync()
{
    return *m_parts->sync;
}

registration::SessionServices& Outlet::sessionServices()
{
    return m_parts->services;
}

reader::IdCardReader* Outlet::reader() const
{
    return m_parts->reader.get();
}

face::Camera* Outlet::camera() const
{
    return m_parts->camera.get();
}

face::FaceEngine* Outlet::faceEngine() const
{
    return m_parts->engine.get();
}

QString Outlet::outletId() const
{
    return m_parts->config.outletId.isEmpty() ? QFileInfo(m_parts->config.databasePath).completeBaseName()
                                              : m_parts->config.outletId;
}

QString Outlet::databasePath() const
{
    return m_parts->config.databasePath;
}

QList<OutletNote> Outlet::notes() const
{
    return m_parts->notes;
}

std::optional<face::FaceSettings> Outlet::faceSettings() const
{
    if (!m_parts->engine)
        return std::nullopt;
    return m_parts->engine->settings();
}

} // namespace shiming::outlet
