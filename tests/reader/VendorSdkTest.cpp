#include "support/CatchQt.h"

#include "core/demo/CardFixture.h"
#include "core/reader/LibraryWltDecoder.h"
#include "core/reader/ReaderSettings.h"
#include "core/reader/VendorSdkReader.h"

#include "ReaderTestSupport.h"

#include <QLibrary>
#include <QSettings>

using namespace shiming;
using namespace shiming::reader;
using namespace Qt::StringLiterals;

namespace {

/// The control side of the fake SDK, resolved from the same library the reader loads (same handle, same state).
struct FakeSdk {
    FakeSdk()
        : library(QStringLiteral(SHIMING_FAKE_SDT_LIBRARY))
    {
        REQUIRE(library.load());
        reset = reinterpret_cast<void (*)()>(library.resolve("FakeSdt_Reset"));
        place = reinterpret_cast<void (*)(const unsigned char*, int, const unsigned char*, int)>(
            library.resolve("FakeSdt_PlaceCard"));
        lift = reinterpret_cast<void (*)()>(library.resolve("FakeSdt_LiftCard"));
        setPlugged = reinterpret_cast<void (*)(int)>(library.resolve("FakeSdt_SetPlugged"));
        setReadStatus = reinterpret_cast<void (*)(int)>(library.resolve("FakeSdt_SetReadStatus"));
        finds = reinterpret_cast<int (*)()>(library.resolve("FakeSdt_Finds"));
        openPort = reinterpret_cast<int (*)()>(library.resolve("FakeSdt_OpenPort"));
        REQUIRE((reset && place && lift && setPlugged && setReadStatus && finds && openPort));
        reset();
    }
    void placeCard(const CardFixture& card)
    {
        place(reinterpret_cast<const unsigned char*>(card.textBlock.constData()), int(card.textBlock.size()),
              reinterpret_cast<const unsigned char*>(card.photoBlock.constData()), int(card.photoBlock.size()));
    }

    QLibrary library;
    void (*reset)() = nullptr;
    void (*place)(const unsigned char*, int, const unsigned char*, int) = nullptr;
    void (*lift)() = nullptr;
    void (*setPlugged)(int) = nullptr;
    void (*setReadStatus)(int) = nullptr;
    int (*finds)() = nullptr;
    int (*openPort)() = nullptr;
};

} // namespace

TEST_CASE("Vendor SDK reader reads through an sdtapi-style library, once until lifted", "[reader][sdk]")
{
    FakeSdk sdk;
    CardFixture card = *loadCardFixture(readertest::fixturePath(u"rare-name.json"_s));
    card.photoBlock = *packTestPhotoBytes(readertest::syntheticPortraitJpeg());
    sdk.placeCard(card);

    FixedClock clock(QDateTime(QDate(2026, 11, 28), QTime(10, 0)));
    LibraryWltDecoder decoder({QStringLiteral(SHIMING_TEST_WLT_LIBRARY), u"shiming_test_wlt_unpack"_s});
    VendorSdkReader reader({QStringLiteral(SHIMING_FAKE_SDT_LIBRARY), 1001, 300, 200}, &decoder, clock);
    std::vector<CardReadout> reads;
    std::vector<ReaderError> failures;
    QObject::connect(&reader, &IdCardReader::cardRead, [&](const CardReadout& r) { reads.push_back(r); });
    QObject::connect(&reader, &IdCardReader::readFailed, [&](const ReaderError& e) { failures.push_back(e); });
    reader.start();
    REQUIRE(QTest::qWaitFor([&] { return !reads.empty(); }, 10000));
    CHECK(sdk.openPort() == 1001);
    CHECK(reads[0].document.name == u"𠮷星宇"_s);
    CHECK(reads[0].validation.valid());
    CHECK(reads[0].photoStatus == PhotoStatus::Decoded);
    CHECK(reads[0].samId == u"05.01-20150414-0035371845-2315722648"_s);
    REQUIRE(QTest::qWaitFor([&] { return reader.status() == ReaderStatus::LiftCard; }, 5000));

    // Still on the reader: polled, not read again.
    int finds = sdk.finds();
    REQUIRE(QTest::qWaitFor([&] { return sdk.finds() >= finds + 3; }, 10000));
    CHECK(reads.size() == 1);

    // A read error carries the status byte.
    sdk.lift();
    REQUIRE(QTest::qWaitFor([&] { return reader.status() == ReaderStatus::Idle; }, 5000));
    sdk.setReadStatus(0x41);
    sdk.placeCard(card);
    REQUIRE(QTest::qWaitFor([&] { return !failures.empty(); }, 10000));
    CHECK(failures[0].status == 0x41);
    sdk.setReadStatus(0x90);

    // Unplugged: no device; plugged back: reads again.
    sdk.setPlugged(0);
    REQUIRE(QTest::qWaitFor([&] { return reader.status() == ReaderStatus::NoDevice; }, 5000));
    CHECK(failures.back().kind == ReaderError::Kind::Link);
    sdk.lift();
    sdk.setPlugged(1);
    REQUIRE(QTest::qWaitFor([&] { return reader.status() == ReaderStatus::Idle; }, 10000));
    sdk.placeCard(card);
    REQUIRE(QTest::qWaitFor([&] { return reads.size() == 2; }, 10000));
    reader.stop();
    CHECK(reader.status() == ReaderStatus::NoDevice);
}

TEST_CASE("Vendor SDK reader with a missing library says so and does not crash", "[reader][sdk]")
{
    FixedClock clock(QDateTime(QDate(2026, 11, 28), QTime(10, 0)));
    VendorSdkReader reader({u"/nonexistent/libsdtapi.so"_s, 1001, 300, 200}, nullptr, clock);
    std::vector<ReaderError> failures;
    QObject::connect(&reader, &IdCardReader::readFailed, [&](const ReaderError& e) { failures.push_back(e); });
    reader.start();
    REQUIRE(QTest::qWaitFor([&] { return !failures.empty(); }, 5000));
    CHECK(failures[0].kind == ReaderError::Kind::Library);
    CHECK(reader.status() == ReaderStatus::NoDevice);
}

TEST_CASE("Reader settings round-trip through QSettings and build the configured reader", "[reader]")
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"shiming.ini"_s), QSettings::IniFormat);
    ReaderSettings defaults = ReaderSettings::load(settings);
    CHECK(defaults.kind == ReaderSettings::Kind::Serial);
    CHECK(defaults.baud == 115200);

    ReaderSettings custom;
    custom.kind = ReaderSettings::Kind::VendorSdk;
    custom.port = u"/dev/ttyS3"_s;
    custom.baud = 9600;
    custom.pollIntervalMs = 100; // raised to 300 on load
    custom.sdkLibrary = QStringLiteral(SHIMING_FAKE_SDT_LIBRARY);
    custom.decoderLibrary = QStringLiteral(SHIMING_TEST_WLT_LIBRARY);
    custom.decoderSymbol = u"shiming_test_wlt_unpack"_s;
    custom.save(settings);
    settings.sync();
    ReaderSettings loaded = ReaderSettings::load(settings);
    CHECK(loaded.pollIntervalMs == 300);
    loaded.pollIntervalMs = 100;
    CHECK(loaded == custom);

    FixedClock clock(QDateTime(QDate(2026, 11, 28), QTime(10, 0)));
    std::unique_ptr<WltDecoder> decoder = createWltDecoder(loaded);
    REQUIRE(decoder);
    CHECK(decoder->availability());
    CHECK(dynamic_cast<VendorSdkReader*>(createIdCardReader(loaded, decoder.get(), clock).get()));
    loaded.kind = ReaderSettings::Kind::Serial;
    CHECK(dynamic_cast<Ga467Reader*>(createIdCardReader(loaded, decoder.get(), clock).get()));
    loaded.kind = ReaderSettings::Kind::None;
    CHECK_FALSE(createIdCardReader(loaded, nullptr, clock));
    loaded.decoderLibrary.clear();
    CHECK_FALSE(createWltDecoder(loaded));
    CHECK(parseReaderKind(u"VENDOR-SDK") == ReaderSettings::Kind::VendorSdk);
    CHECK_FALSE(parseReaderKind(u"usb"));
}
