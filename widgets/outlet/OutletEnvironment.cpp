#include "widgets/outlet/OutletEnvironment.h"

#include "core/auth/Authenticator.h"
#include "core/catalog/Catalog.h"
#include "core/catalog/NumberPool.h"
#include "core/common/Logging.h"
#include "core/common/Paths.h"
#include "core/face/FaceEngine.h"
#include "core/face/V4l2Camera.h"
#include "core/reader/Ga467Reader.h"
#include "core/reader/LibraryWltDecoder.h"
#include "core/registration/Policy.h"
#include "core/store/DownlinkRepository.h"
#include "core/store/OutletStore.h"
#include "widgets/login/AuthAccountGate.h"
#include "widgets/outlet/OutletSync.h"
#include "widgets/registration/CameraFeed.h"
#include "widgets/registration/FaceService.h"
#include "widgets/registration/StoreSessionServices.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(shiming::OutletEnvironment)
};

// HQ's settings feed: its "face" item (passCosine, reviewCosine, quality limits) over the calibrated defaults.
// Without the item the defaults apply; an item that does not make sense is refused and what is in force stays.
void applyHqFaceSettings(store::OutletStore& store, face::FaceEngine& engine)
{
    auto item = store.downlink().item(store::downlink::Settings.toString(), u"face"_s);
    if (!item) {
        qCWarning(lcUi) << "HQ's settings cannot be read:" << item.error().detail;
        return;
    }
    face::FaceSettings settings;
    if (*item) {
        const QJsonDocument json = QJsonDocument::fromJson((*item)->payload);
        auto pushed = json.isObject() ? face::FaceSettings::fromMap(json.object().toVariantMap())
                                      : Result<face::FaceSettings>(fail(Error::invalidInput(u"not a JSON object"_s)));
        if (!pushed) {
            qCWarning(lcUi) << "HQ's face settings refused, the ones in force stay:" << pushed.error().detail;
            return;
        }
        settings = *pushed;
    }
    if (settings.passCosine != engine.settings().passCosine || settings.reviewCosine != engine.settings().reviewCosine)
        qCInfo(lcUi) << "face thresholds now pass" << settings.passCosine << "review" << settings.reviewCosine
                     << (*item ? "(from HQ)" : "(calibrated defaults)");
    engine.setSettings(settings);
}

// The JSON objects of a downlink kind's items, each with `keyField` set to the item's key when it lacks one.
QJsonArray downlinkObjects(store::OutletStore& store, QStringView kind, const QString& keyField)
{
    QJsonArray objects;
    auto items = store.downlink().items(kind.toString());
    if (!items)
        return objects;
    for (const store::DownlinkItem& item : std::as_const(*items)) {
        QJsonObject object = QJsonDocument::fromJson(item.payload).object();
        if (!object.contains(keyField))
            object.insert(keyField, item.key);
        objects.append(object);
    }
    return objects;
}

// HQ's catalog and number-pool feeds, once HQ has sent them, replace the configured file's packages and numbers.
// Applied at sign-in only: during a registration the session holds its reserved number in the pool. A feed that
// does not parse is refused whole (logged) and what is in force stays.
void applyHqCatalogue(store::OutletStore& store, catalog::Catalog& catalogue, catalog::NumberPool& pool,
                      const QString& poolStatePath)
{
    const QJsonArray packages = downlinkObjects(store, store::downlink::Packages, u"id"_s);
    if (!packages.isEmpty()) {
        auto parsed = catalog::Catalog::fromJson(QJsonDocument(QJsonObject{{u"packages"_s, packages}}).toJson());
        if (parsed) {
            catalogue = std::move(*parsed);
            qCInfo(lcUi) << "packages from HQ's catalog feed:" << packages.size();
        } else {
            qCWarning(lcUi) << "HQ's catalog feed refused, the packages in force stay:" << parsed.error().detail;
        }
    }
    const QJsonArray numbers = downlinkObjects(store, store::downlink::NumberPool, u"number"_s);
    if (!numbers.isEmpty()) {
        auto parsed = catalog::NumberPool::parseJson(QJsonDocument(QJsonObject{{u"numbers"_s, numbers}}).toJson());
        auto opened = parsed ? catalog::NumberPool::open(*parsed, poolStatePath)
                             : Result<catalog::NumberPool>(fail(parsed.error()));
        if (opened) {
            pool = std::move(*opened);
            qCInfo(lcUi) << "numbers from HQ's number-pool leases:" << numbers.size();
        } else {
            qCWarning(lcUi) << "HQ's number-pool leases refused, the numbers in force stay:" << opened.error().detail;
        }
    }
}

} // namespace

// Declaration order is destruction order reversed: the sync and the reader go before the store they use and the
// decoder they call.
struct OutletEnvironment::Parts {
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
    std::unique_ptr<CameraFeed> feed;
    std::unique_ptr<face::FaceEngine> engine;
    std::unique_ptr<EngineFaceService> face;
    std::unique_ptr<OutletSync> sync;
    RegistrationContext context;
    QStringList notes;
};

OutletEnvironment::OutletEnvironment()
    : m_parts(std::make_unique<Parts>())
{}

OutletEnvironment::~OutletEnvironment()
{
    if (!m_parts)
        return;
    m_parts->sync.reset();
    if (m_parts->reader)
        m_parts->reader->stop();
    if (m_parts->gate)
        m_parts->gate->logout();
}

Result<std::unique_ptr<OutletEnvironment>> OutletEnvironment::create(const OutletConfig& config, const Clock& clock,
                                                                     Devices devices)
{
    std::unique_ptr<OutletEnvironment> env(new OutletEnvironment);
    Parts& p = *env->m_parts;
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
    QObject::connect(gate, &AccountGate::loggedIn, gate, [gate, context = &p.context, configured = config.outletId] {
        const store::OutletStore* store = gate->store();
        if (!store)
            return;
        if (!configured.isEmpty() && store->outletId() != configured)
            qCWarning(lcUi) << "the configured outlet id differs from the database's; the database's is used";
        context->services.outletId = store->outletId();
    });
    p.policy = std::make_unique<registration::Policy>(registration::PolicySettings{}, clock, p.storeServices.get(),
                                                      p.storeServices.get());

    // Catalogue and number pool: a bad file stops the start (the installer must fix it); no file is a note.
    if (config.catalogPath.isEmpty()) {
        p.notes.append(Text::tr("No catalogue configured: packages and numbers cannot be chosen."));
        auto pool = catalog::NumberPool::open({}, config.poolStatePath);
        if (!pool)
            return fail(pool.error());
        p.pool = std::make_unique<catalog::NumberPool>(std::move(*pool));
    } else {
        auto catalog = catalog::Catalog::load(config.catalogPath);
        if (!catalog)
            return fail(catalog.error());
        p.catalog = std::move(*catalog);
        QFile catalogFile(config.catalogPath);
        if (!catalogFile.open(QIODevice::ReadOnly))
            return fail(Error::notFound(u"catalogue file not readable"_s));
        auto numbers = catalog::NumberPool::parseJson(catalogFile.read(16 << 20));
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
        p.notes.append(Text::tr("No chip photo decoder: the customer's document photo page is photographed instead."));
    if (config.readerPort.isEmpty()) {
        p.notes.append(Text::tr("No card reader configured: documents are typed in."));
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
        p.notes.append(Text::tr("Camera %1 is not connected.").arg(config.cameraDevice));
    } else {
        p.notes.append(Text::tr("No camera configured."));
    }
    p.feed = std::make_unique<CameraFeed>(p.camera.get());

    if (devices.loadFaceModels) {
        auto engine = face::FaceEngine::load(config.modelDirs.isEmpty() ? paths::modelSearchDirs() : config.modelDirs);
        if (engine)
            p.engine = std::move(*engine);
        else
            qCWarning(lcUi) << "face comparison unavailable:" << engine.error().detail;
    }
    p.face = std::make_unique<EngineFaceService>(p.engine.get());
    if (!p.face->available())
        p.notes.append(Text::tr("Face comparison unavailable (models missing): faces go to a manager."));

    sync::SyncScheduler::Options syncOptions;
    syncOptions.intervalMs = config.syncIntervalSeconds * 1000;
    p.sync = std::make_unique<OutletSync>(*p.gate, syncOptions);
    QObject::connect(gate, &AccountGate::loggedIn, gate,
                     [gate, catalogue = &p.catalog, pool = p.pool.get(), statePath = config.poolStatePath] {
                         if (store::OutletStore* store = gate->store())
                             applyHqCatalogue(*store, *catalogue, *pool, statePath);
                     });
    if (p.engine) {
        const auto applyFaceSettings = [gate, engine = p.engine.get()] {
            if (store::OutletStore* store = gate->store())
                applyHqFaceSettings(*store, *engine);
        };
        QObject::connect(gate, &AccountGate::loggedIn, gate, applyFaceSettings);
        QObject::connect(p.sync.get(), &OutletSync::statusChanged, gate, applyFaceSettings);
    }

    RegistrationContext& c = p.context;
    c.services = registration::SessionServices{&clock,       p.policy.get(),        &p.catalog,
                                               p.pool.get(), p.storeServices.get(), config.outletId,
                                               {},           config.simOperator};
    c.reader = p.reader.get();
    c.camera = p.feed.get();
    c.face = p.face.get();
    c.approveAsManager = [gate](const QString& user, const QByteArray& password) {
        return gate->approveAsManager(user, password, u"face_review"_s);
    };
    c.confirm = [](const QString& question) {
        return QMessageBox::question(nullptr, QString(), question) == QMessageBox::Yes;
    };
    c.chooseFile = [](const QString& title) {
        return QFileDialog::getOpenFileName(nullptr, title, {}, Text::tr("Scans (*.jpg *.jpeg *.png *.pdf)"));
    };
    return env;
}

Result<std::unique_ptr<OutletEnvironment>> OutletEnvironment::create(const OutletConfig& config, const Clock& clock)
{
    return create(config, clock, Devices{});
}

const OutletConfig& OutletEnvironment::config() const
{
    return m_parts->config;
}

RegistrationContext& OutletEnvironment::context()
{
    return m_parts->context;
}

AccountGate& OutletEnvironment::gate()
{
    return *m_parts->gate;
}

auth::Authenticator& OutletEnvironment::authenticator()
{
    return *m_parts->authenticator;
}

OutletSync& OutletEnvironment::sync()
{
    return *m_parts->sync;
}

QString OutletEnvironment::outletId() const
{
    return m_parts->config.outletId.isEmpty() ? QFileInfo(m_parts->config.databasePath).completeBaseName()
                                              : m_parts->config.outletId;
}

QString OutletEnvironment::databasePath() const
{
    return m_parts->config.databasePath;
}

QStringList OutletEnvironment::notes() const
{
    return m_parts->notes;
}

std::optional<face::FaceSettings> OutletEnvironment::faceSettings() const
{
    if (!m_parts->engine)
        return std::nullopt;
    return m_parts->engine->settings();
}

} // namespace shiming
