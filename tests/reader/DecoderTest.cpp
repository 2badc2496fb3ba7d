#include "support/CatchQt.h"

#include "core/demo/CardFixture.h"
#include "core/demo/TestPhotoCodec.h"
#include "core/reader/CardReadout.h"
#include "core/reader/LibraryWltDecoder.h"

#include "ReaderTestSupport.h"

#include <QImage>

using namespace shiming;
using namespace shiming::reader;
using namespace Qt::StringLiterals;

namespace {

LibraryWltDecoder testDecoder(const QString& symbol = u"shiming_test_wlt_unpack"_s)
{
    return LibraryWltDecoder({QStringLiteral(SHIMING_TEST_WLT_LIBRARY), symbol});
}

} // namespace

TEST_CASE("Test photo format: pack and unpack keep the image within quantisation error", "[reader]")
{
    std::vector<std::uint8_t> grey(testphoto::kWidth * testphoto::kHeight);
    for (int i = 0; i < int(grey.size()); ++i)
        grey[i] = std::uint8_t((i * 37) % 256);
    const auto block = testphoto::pack(grey.data());
    CHECK(block[0] == 'S');
    std::vector<std::uint8_t> back;
    int width = 0, height = 0;
    REQUIRE(testphoto::unpack(block.data(), block.size(), back, width, height));
    CHECK(width == testphoto::kWidth);
    CHECK(height == testphoto::kHeight);
    int worst = 0;
    for (std::size_t i = 0; i < grey.size(); ++i)
        worst = std::max(worst, std::abs(int(grey[i]) - int(back[i])));
    CHECK(worst <= 3); // 6 bits: steps of about 4

    auto damaged = block;
    damaged[100] ^= 0x10;
    CHECK_FALSE(testphoto::unpack(damaged.data(), damaged.size(), back, width, height));
    CHECK_FALSE(testphoto::unpack(block.data(), 100, back, width, height));
}

TEST_CASE("The test decoder library decodes a packed photo into a 102x126 BMP through QLibrary", "[reader]")
{
    LibraryWltDecoder decoder = testDecoder();
    REQUIRE(decoder.availability());
    const Result<QByteArray> packed = packTestPhotoBytes(readertest::syntheticPortraitJpeg());
    REQUIRE(packed);
    REQUIRE(packed->size() == 1024);
    const Result<QByteArray> bmp = decoder.decode(*packed);
    REQUIRE(bmp);
    CHECK(bmp->size() == LibraryWltDecoder::kBmpSize);
    CHECK(checkBmp(*bmp, 102, 126, 24));
    const QImage image = QImage::fromData(*bmp, "BMP");
    REQUIRE_FALSE(image.isNull());
    CHECK(image.size() == QSize(102, 126));
    // The synthetic portrait has a light background and dark eyes: the decoded image must show them.
    CHECK(qGray(image.pixel(5, 5)) > 200);
    CHECK(qGray(image.pixel(40, 50)) < qGray(image.pixel(5, 5)));
}

TEST_CASE("A missing or broken decoder library gives an error, never a crash", "[reader]")
{
    LibraryWltDecoder none({});
    CHECK(none.availability().error().code == Error::Code::NotFound);
    CHECK(none.decode(QByteArray(1024, '\0')).error().code == Error::Code::NotFound);

    LibraryWltDecoder missing({u"/nonexistent/libwlt2bmp.so"_s, u"unpack"_s});
    CHECK(missing.availability().error().detail.contains(u"not found"_s));

    QTemporaryDir dir;
    QFile fake(dir.filePath(u"libbroken.so"_s));
    REQUIRE(fake.open(QIODevice::WriteOnly));
    fake.write("this is not an ELF file");
    fake.close();
    LibraryWltDecoder broken({fake.fileName(), u"unpack"_s});
    CHECK(broken.availability().error().code == Error::Code::DeviceFault);

    LibraryWltDecoder noSymbol = testDecoder(u"no_such_symbol"_s);
    CHECK(noSymbol.availability().error().detail.contains(u"no symbol"_s));

    const QByteArray packed = *packTestPhotoBytes(readertest::syntheticPortraitJpeg());
    LibraryWltDecoder refusing = testDecoder(u"shiming_test_wlt_refuse"_s);
    REQUIRE(refusing.availability());
    CHECK(refusing.decode(packed).error().detail.contains(u"returned -3"_s));

    LibraryWltDecoder garbage = testDecoder(u"shiming_test_wlt_garbage"_s);
    CHECK(garbage.decode(packed).error().detail.contains(u"rejected"_s));

    LibraryWltDecoder good = testDecoder();
    CHECK_FALSE(good.decode(QByteArray(1024, '\0'))); // a real WLT block or a blank one: not our format
    CHECK_FALSE(good.decode(QByteArray(10, '\0')));   // wrong size
}

TEST_CASE("A readout says why it has no photo", "[reader]")
{
    FixedClock clock(QDateTime(QDate(2026, 11, 28), QTime(10, 0)));
    const Result<CardFixture> fixture = loadCardFixture(readertest::fixturePath(u"resident.json"_s));
    REQUIRE(fixture);
    const QByteArray packed = *packTestPhotoBytes(readertest::syntheticPortraitJpeg());

    LibraryWltDecoder good = testDecoder();
    auto readout = makeReadout(fixture->textBlock, packed, {}, &good, clock);
    REQUIRE(readout);
    CHECK(readout->photoStatus == PhotoStatus::Decoded);
    CHECK(readout->photo.startsWith("BM"));

    readout = makeReadout(fixture->textBlock, fixture->photoBlock, {}, &good, clock);
    REQUIRE(readout);
    CHECK(readout->photoStatus == PhotoStatus::DecodeFailed);
    CHECK(readout->photo.isEmpty());

    LibraryWltDecoder missing({u"/nonexistent/lib.so"_s, u"unpack"_s});
    readout = makeReadout(fixture->textBlock, packed, {}, &missing, clock);
    REQUIRE(readout);
    CHECK(readout->photoStatus == PhotoStatus::DecoderUnavailable);
    CHECK(readout->document.name == u"王小明"_s);
    CHECK(photoStatusName(readout->photoStatus) == u"decoder_unavailable"_s);
}
