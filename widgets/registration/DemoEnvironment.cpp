#include "widgets/registration/DemoEnvironment.h"

#include "core/auth/Authenticator.h"
#include "core/auth/Session.h"
#include "core/common/Logging.h"
#include "core/demo/CardFixture.h"
#include "core/demo/ReaderSimulator.h"
#include "core/demo/TestPhotoCodec.h"
#include "core/face/FakeCamera.h"
#include "core/reader/IdCardReader.h"
#include "core/reader/WltDecoder.h"
#include "widgets/outlet/OutletEnvironment.h"
#include "widgets/registration/DemoPhotoCodec.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {

const QString kOutlet = u"DEMO-0001"_s;

/// The demo decodes the simulator's photo blocks in process: the colour demo photos (DemoPhotoCodec) and the
/// grey test photo format that the test decoder library implements behind the real plugin interface; no vendor
/// library is needed.
class DemoWltDecoder final : public reader::WltDecoder {
public:
    Result<void> availability() const override { return {}; }
    Result<QByteArray> decode(QByteArrayView wlt) override
    {
        if (demophoto::isColourBlock(wlt))
            return demophoto::toBmp(wlt);
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

/// A demo card and the demo's extras from its file: the chip photo as a 102×126 colour photo (the card loader
/// packs the grey test format) and the customer's own camera frames, if the card names them ("demo_camera").
struct DemoCard {
    reader::CardFixture fixture;
    QString cameraPattern;
};

Result<DemoCard> loadDemoCard(const QString& path)
{
    auto card = reader::loadCardFixture(path);
    if (!card)
        return fail(card.error());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::notFound(u"demo card not readable"_s));
    const QJsonObject object = QJsonDocument::fromJson(file.read(1 << 20)).object();
    DemoCard demo{std::move(*card), object.value(u"demo_camera"_s).toString()};
    const QString photo = object.value(u"photo"_s).toString();
    if (photo.isEmpty())
        return demo;
    QFile image(QFileInfo(path).absoluteDir().absoluteFilePath(photo));
    if (!image.open(QIODevice::ReadOnly))
        return fail(Error::notFound(u"demo card photo not readable"_s));
    auto block = demophoto::packEncoded(image.readAll());
    if (!block)
        return fail(block.error());
    demo.fixture.photoBlock = *block;
    return demo;
}

} // namespace

// Declaration order: the counter (and its reader) goes before the simulator it reads and the decoder it calls.
struct DemoEnvironment::Parts {
    std::unique_ptr<reader::PtyReaderSimulator> simulator;
    DemoWltDecoder decoder;
    std::unique_ptr<OutletEnvironment> outlet;
    face::FakeCamera* camera = nullptr;             ///< owned by the outlet
    QStringList cameraFrames;                       ///< what the demo camera plays for a card without its own frames
    QHash<QString, QStringList> cameraFramesByCard; ///< a demo customer's own frames, by document number
};

DemoEnvironment::DemoEnvironment()
    : m_parts(std::make_unique<Parts>())
{}

DemoEnvironment::~DemoEnvironment()
{
    if (m_parts)
        m_parts->outlet.reset();
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
    OutletConfig config;
    config.databasePath = data.filePath(u"demo-outlet.db"_s);
    config.outletId = kOutlet;
    config.catalogPath = demo.filePath(u"catalog.json"_s);
    config.poolStatePath = data.filePath(u"demo-pool-state.json"_s);
    config.idleLockSeconds = 5 * 60;
    if (!QFile::exists(config.databasePath)) {
        const store::KdfParams kdf = store::KdfParams::weakForTests(); // demo passwords are public anyway
        const QByteArray adminPassword = "admin-1234";
        if (auto made = auth::Authenticator::initialize(config.databasePath, kOutlet, u"demo-admin"_s, adminPassword,
                                                        kdf, clock);
            !made)
            return fail(made.error());
        auth::Authenticator setup(config.databasePath, clock);
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

    // The reader simulator with the demo cards on a pty; the counter's GA 467 reader reads it like a real one.
    reader::SimulatorOptions sim;
    for (const QString& name : QDir(demo.filePath(u"cards"_s)).entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        auto card = loadDemoCard(demo.filePath(u"cards/"_s + name));
        if (!card)
            return fail(card.error());
        sim.cards.append(card->fixture);
        // A demo customer may stand in front of the camera differently (frames of their own, e.g. in poor light),
        // so that the demo shows the manual-review band too.
        if (!card->cameraPattern.isEmpty()) {
            QStringList own;
            for (const QString& frame :
                 QDir(demo.filePath(u"faces"_s)).entryList({card->cameraPattern}, QDir::Files, QDir::Name))
                own.append(demo.filePath(u"faces/"_s + frame));
            if (own.isEmpty())
                return fail(Error::notFound(u"demo card %1 names camera frames that do not exist"_s.arg(name)));
            p.cameraFramesByCard.insert(card->fixture.text.number, own);
        }
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
    config.readerPort = p.simulator->slavePath();

    QStringList frames;
    for (const QString& name :
         QDir(demo.filePath(u"faces"_s)).entryList({u"camera-[0-9]*.jpg"_s}, QDir::Files, QDir::Name))
        frames.append(demo.filePath(u"faces/"_s + name));
    p.cameraFrames = frames;
    OutletEnvironment::Devices devices;
    devices.decoder = &p.decoder;
    auto camera = std::make_unique<face::FakeCamera>(frames);
    p.camera = camera.get();
    devices.camera = std::move(camera);
    devices.loadFaceModels = options.loadFaceModels;
    auto outlet = OutletEnvironment::create(config, clock, std::move(devices));
    if (!outlet)
        return fail(outlet.error());
    p.outlet = std::move(*outlet);
    // The camera shows whoever's card was read last.
    if (reader::IdCardReader* reader = p.outlet->outlet().reader()) {
        QObject::connect(reader, &reader::IdCardReader::cardRead, reader,
                         [parts = &p](const reader::CardReadout& readout) {
                             const QStringList frames =
                                 parts->cameraFramesByCard.value(readout.document.number, parts->cameraFrames);
                             if (auto r = parts->camera->setFiles(frames); !r)
                                 qCWarning(lcUi) << "demo camera frames not switched:" << r.error().detail;
                         });
    }
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
    return m_parts->outlet->context();
}

AccountGate& DemoEnvironment::gate()
{
    return m_parts->outlet->gate();
}

OutletEnvironment& DemoEnvironment::outlet()
{
    return *m_parts->outlet;
}

OutletSync& DemoEnvironment::sync()
{
    return m_parts->outlet->sync();
}

QString DemoEnvironment::outletId() const
{
    return kOutlet;
}

QString DemoEnvironment::databasePath() const
{
    return m_parts->outlet->databasePath();
}

QString DemoEnvironment::accountsText() const
{
    return QCoreApplication::translate("shiming::DemoEnvironment",
                                       "Demo mode.\nClerk: %1 / %2\nManager: %3 / %4\nThe simulated reader "
                                       "presents the demo cards one after another; the demo camera plays demo "
                                       "images.")
        .arg(demoClerk(), QString::fromLatin1(demoClerkPassword()), demoManager(),
             QString::fromLatin1(demoManagerPassword()));
}

auth::Authenticator& DemoEnvironment::authenticator()
{
    return m_parts->outlet->authenticator();
}

void DemoEnvironment::placeCard()
{
    m_parts->simulator->place();
}

void DemoEnvironment::placeNextCard()
{
    m_parts->simulator->nextCard();
}

void DemoEnvironment::liftCard()
{
    m_parts->simulator->lift();
}

} // namespace shiming
