#include "widgets/registration/DemoEnvironment.h"

#include "core/auth/Authenticator.h"
#include "core/auth/Session.h"
#include "core/catalog/Catalog.h"
#include "core/catalog/NumberPool.h"
#include "core/common/Logging.h"
#include "core/common/Paths.h"
#include "core/face/FaceEngine.h"
#include "core/face/FakeCamera.h"
#include "core/reader/CardFixture.h"
#include "core/reader/Ga467Reader.h"
#include "core/reader/ReaderSimulator.h"
#include "core/reader/TestPhotoCodec.h"
#include "core/reader/WltDecoder.h"
#include "core/registration/Policy.h"
#include "core/store/OutletStore.h"
#include "widgets/login/AuthAccountGate.h"
#include "widgets/registration/CameraFeed.h"
#include "widgets/registration/FaceService.h"
#include "widgets/registration/StoreSessionServices.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {

const QString kOutlet = u"DEMO-0001"_s;

/// The demo decodes the simulator's test photo format in process (the same format the test decoder library
/// implements behind the real plugin interface); no vendor library is needed.
class DemoWltDecoder final : public reader::WltDecoder {
public:
    Result<void> availability() const override { return {}; }
    Result<QByteArray> decode(QByteArrayView wlt) override
    {
        std::vector<std::uint8_t> grey;
        int width = 0;
        int height = 0;
        if (!reader::testphoto::unpack(reinterpret_cast<const std::uint8_t*>(wlt.data()), std::size_t(wlt.size()), grey,
                                       width, height))
            return fail(Error::invalidInput(u"not a demo photo block"_s));
        QByteArray bmp(qsizetype(reader::testphoto::kBmpSize), '\0');
        reader::testphoto::toBmp(grey, width, height, reinterpret_cast<std::uint8_t*>(bmp.data()));
        return bmp;
    }
};

} // namespace

struct DemoEnvironment::Parts {
    QString databasePath;
    std::unique_ptr<auth::Authenticator> authenticator;
    std::unique_ptr<AuthAccountGate> gate;
    std::unique_ptr<StoreSessionServices> storeServices;
    std::unique_ptr<registration::Policy> policy;
    catalog::Catalog catalog;
    std::unique_ptr<catalog::NumberPool> pool;
    std::unique_ptr<reader::PtyReaderSimulator> simulator;
    DemoWltDecoder decoder;
    std::unique_ptr<reader::Ga467Reader> reader;
    std::unique_ptr<face::FakeCamera> camera;
    std::unique_ptr<CameraFeed> feed;
    std::unique_ptr<face::FaceEngine> engine;
    std::unique_ptr<EngineFaceService> face;
    RegistrationContext context;
};

DemoEnvironment::DemoEnvironment()
    : m_parts(std::make_unique<Parts>())
{}

DemoEnvironment::~DemoEnvironment()
{
    if (m_parts && m_parts->reader)
        m_parts->reader->stop();
}

Result<std::unique_ptr<DemoEnvironment>> DemoEnvironment::create(const Options& options, const Clock& clock)
{
    std::unique_ptr<DemoEnvironment> env(new DemoEnvironment);
    Parts& p = *env->m_parts;
    if (!QDir().mkpath(options.dataDir))
        return fail(Error::storageFailure(u"demo data directory cannot be created"_s));
    const QDir data(options.dataDir);
    const QDir demo(options.demoDir);

    // The demo outlet database: created once with an admin, a clerk and a manager; reused afterwards.
    p.databasePath = data.filePath(u"demo-outlet.db"_s);
    auth::Authenticator::Options authOptions;
    authOptions.idleSeconds = 5 * 60;
    if (!QFile::exists(p.databasePath)) {
        const store::KdfParams kdf = store::KdfParams::weakForTests(); // demo passwords are public anyway
        const QByteArray adminPassword = "admin-1234";
        if (auto made =
                auth::Authenticator::initialize(p.databasePath, kOutlet, u"demo-admin"_s, adminPassword, kdf, clock);
            !made)
            return fail(made.error());
        auth::Authenticator setup(p.databasePath, clock, authOptions);
        auto admin = setup.login(u"demo-admin"_s, adminPassword);
        if (!admin)
            return fail(admin.error());
        if (auto added = setup.addAccount(**admin, demoManager(), u"演示店长"_s, auth::Role::Manager,
                                          demoManagerPassword(), kdf);
            !added)
            return fail(added.error());
        if (auto added =
                setup.addAccount(**admin, demoClerk(), u"演示营业员"_s, auth::Role::Clerk, demoClerkPassword(), kdf);
            !added)
            return fail(added.error());
    }
    p.authenticator = std::make_unique<auth::Authenticator>(p.databasePath, clock, authOptions);
    p.gate = std::make_unique<AuthAccountGate>(*p.authenticator);
    AuthAccountGate* gate = p.gate.get();
    p.storeServices = std::make_unique<StoreSessionServices>([gate] { return gate->store(); });
    p.policy = std::make_unique<registration::Policy>(registration::PolicySettings{}, clock, p.storeServices.get());

    // Catalogue and number pool.
    auto catalog = catalog::Catalog::load(demo.filePath(u"catalog.json"_s));
    if (!catalog)
        return fail(catalog.error());
    p.catalog = std::move(*catalog);
    QFile catalogFile(demo.filePath(u"catalog.json"_s));
    if (!catalogFile.open(QIODevice::ReadOnly))
        return fail(Error::notFound(u"demo catalog missing"_s));
    auto numbers = catalog::NumberPool::parseJson(catalogFile.readAll());
    if (!numbers)
        return fail(numbers.error());
    auto pool = catalog::NumberPool::open(*numbers, data.filePath(u"demo-pool-state.json"_s));
    if (!pool)
        return fail(pool.error());
    p.pool = std::make_unique<catalog::NumberPool>(std::move(*pool));

    // The reader simulator with the demo cards, read through the real GA 467 reader on its pty.
    reader::SimulatorOptions sim;
    for (const QString& name : QDir(demo.filePath(u"cards"_s)).entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        auto card = reader::loadCardFixture(demo.filePath(u"cards/"_s + name));
        if (!card)
            return fail(card.error());
        sim.cards.append(*card);
    }
    sim.cycle = !options.startWithoutCard;
    sim.startEmpty = options.startWithoutCard;
    sim.presentMs = options.cardPresentMs;
    sim.liftMs = options.cardLiftMs;
    p.simulator = std::make_unique<reader::PtyReaderSimulator>(sim);
    const QString link = data.filePath(u"demo-reader"_s);
    QFile::remove(link);
    if (auto opened = p.simulator->open(link); !opened)
        return fail(opened.error());
    reader::Ga467Reader::Options readerOptions;
    readerOptions.port = p.simulator->slavePath();
    p.reader = std::make_unique<reader::Ga467Reader>(readerOptions, &p.decoder, clock);
    p.reader->start();

    // Camera and face pipeline.
    QStringList frames;
    for (const QString& name : QDir(demo.filePath(u"faces"_s)).entryList({u"camera-*.jpg"_s}, QDir::Files, QDir::Name))
        frames.append(demo.filePath(u"faces/"_s + name));
    p.camera = std::make_unique<face::FakeCamera>(frames);
    p.feed = std::make_unique<CameraFeed>(p.camera.get());
    if (options.loadFaceModels) {
        auto engine = face::FaceEngine::load(paths::modelSearchDirs());
        if (engine)
            p.engine = std::move(*engine);
        else
            qCWarning(lcUi) << "face comparison unavailable:" << engine.error().detail;
    }
    p.face = std::make_unique<EngineFaceService>(p.engine.get());

    RegistrationContext& c = p.context;
    c.services = registration::SessionServices{&clock,
                                               p.policy.get(),
                                               &p.catalog,
                                               p.pool.get(),
                                               p.storeServices.get(),
                                               kOutlet,
                                               {},
                                               catalog::SimOperator::ChinaMobile};
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
        return QFileDialog::getOpenFileName(
            nullptr, title, {},
            QCoreApplication::translate("shiming::DemoEnvironment", "Scans (*.jpg *.jpeg *.png *.pdf)"));
    };
    return env;
}

QString DemoEnvironment::defaultDemoDir()
{
    const QString forced = qEnvironmentVariable("SHIMING_DEMO_DIR");
    if (!forced.isEmpty())
        return forced;
    const QString installed = QCoreApplication::applicationDirPath() + u"/../share/shiming/demo"_s;
    if (QFile::exists(installed + u"/catalog.json"_s))
        return installed;
    return QStringLiteral(SHIMING_SOURCE_DEMO_DIR);
}

RegistrationContext& DemoEnvironment::context()
{
    return m_parts->context;
}

AccountGate& DemoEnvironment::gate()
{
    return *m_parts->gate;
}

QString DemoEnvironment::outletId() const
{
    return kOutlet;
}

QString DemoEnvironment::databasePath() const
{
    return m_parts->databasePath;
}

QString DemoEnvironment::accountsText() const
{
    return QCoreApplication::translate("shiming::DemoEnvironment",
                                       "Demo mode. Clerk: %1 / %2 · Manager: %3 / %4. The simulated reader "
                                       "presents the demo cards one after another; the demo camera plays demo "
                                       "images.")
        .arg(demoClerk(), QString::fromLatin1(demoClerkPassword()), demoManager(),
             QString::fromLatin1(demoManagerPassword()));
}

auth::Authenticator& DemoEnvironment::authenticator()
{
    return *m_parts->authenticator;
}

void DemoEnvironment::placeCard()
{
    m_parts->simulator->place();
}

void DemoEnvironment::liftCard()
{
    m_parts->simulator->lift();
}

} // namespace shiming
