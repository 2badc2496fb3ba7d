#include "WidgetFixture.h"
#include "support/TestFiles.h"

#include "core/common/Paths.h"
#include "core/face/FaceEngine.h"
#include "core/face/FaceIssue.h"
#include "core/reader/LibraryWltDecoder.h"
#include "widgets/registration/DemoPhotoCodec.h"
#include "widgets/registration/FaceService.h"

#include <QFile>
#include <QRandomGenerator>

#include <opencv2/imgcodecs.hpp>

using namespace Qt::StringLiterals;
using namespace shiming;
using shiming::testing::readFile;

namespace {

QString demoFace(const QString& name)
{
    return QStringLiteral(SHIMING_DEMO_DIR) + u"/faces/"_s + name;
}

} // namespace

TEST_CASE("Demo chip photo: a 102x126 colour photo fits the 1024-byte block and comes out as the decoder's BMP",
          "[widgets]")
{
    auto block = demophoto::packEncoded(readFile(demoFace(u"collins-portrait.jpg"_s)));
    REQUIRE(block.has_value());
    CHECK(block->size() == 1024);
    CHECK(demophoto::isColourBlock(*block));
    auto photo = demophoto::unpack(*block);
    REQUIRE(photo.has_value());
    CHECK(photo->cols == 102);
    CHECK(photo->rows == 126);
    CHECK(photo->channels() == 3);
    // Colour, not grey: the astronaut's face and suit differ between channels.
    cv::Mat channels[3];
    cv::split(*photo, channels);
    CHECK(cv::norm(channels[0], channels[2], cv::NORM_L1) / (102.0 * 126.0) > 5.0);
    // Close to the source scaled the same way (WebP at the quality that fits is lossy, not garbage).
    auto bmp = demophoto::toBmp(*block);
    REQUIRE(bmp.has_value());
    CHECK(bmp->size() == reader::LibraryWltDecoder::kBmpSize);
    CHECK(reader::checkBmp(*bmp, 102, 126, 24).has_value());

    // Grey input and odd shapes are cropped to 102:126 and still fit.
    cv::Mat grey(400, 100, CV_8UC1);
    for (int y = 0; y < grey.rows; ++y)
        grey.row(y).setTo(y * 255 / grey.rows);
    auto gradient = demophoto::pack(grey);
    REQUIRE(gradient.has_value());
    CHECK(gradient->size() == 1024);
    CHECK(demophoto::unpack(*gradient).has_value());
    // Pure noise does not compress into the block: refused, not truncated.
    cv::Mat noise(126, 102, CV_8UC3);
    cv::randu(noise, 0, 255);
    auto noisy = demophoto::pack(noise);
    REQUIRE_FALSE(noisy.has_value());
    CHECK(noisy.error().code == Error::Code::InvalidInput);
    CHECK_FALSE(demophoto::pack(cv::Mat()).has_value());
    CHECK_FALSE(demophoto::packEncoded(QByteArray("not an image")).has_value());
}

TEST_CASE("Demo chip photo: broken blocks are refused without crashing", "[widgets]")
{
    CHECK_FALSE(demophoto::unpack(QByteArray(1024, '\0')).has_value());
    CHECK_FALSE(demophoto::unpack(QByteArray()).has_value());
    CHECK_FALSE(demophoto::unpack(QByteArray("SHC1")).has_value());
    auto good = demophoto::packEncoded(readFile(demoFace(u"collins-portrait.jpg"_s)));
    REQUIRE(good.has_value());
    CHECK_FALSE(demophoto::unpack(good->left(1000)).has_value());
    QByteArray badLength = *good;
    badLength[4] = char(0xff);
    badLength[5] = char(0xff);
    CHECK_FALSE(demophoto::unpack(badLength).has_value());
    QRandomGenerator random(6);
    for (int i = 0; i < 300; ++i) {
        QByteArray mutated = *good;
        for (int j = 0; j < 1 + i % 20; ++j)
            mutated[8 + int(random.bounded(1016))] = char(random.bounded(256));
        if (auto decoded = demophoto::unpack(mutated)) {
            CHECK(decoded->cols == 102);
            CHECK(decoded->rows == 126);
        }
    }
}

TEST_CASE("Demo chip photo: the demo face passes against the demo camera and another person does not",
          "[widgets][slow]")
{
    auto engine = face::FaceEngine::load(paths::modelSearchDirs());
    if (!engine) {
        WARN("face models not installed: " << engine.error().detail.toStdString());
        return;
    }
    EngineFaceService service(engine->get());
    auto same = demophoto::toBmp(*demophoto::packEncoded(readFile(demoFace(u"collins-portrait.jpg"_s))));
    auto other = demophoto::toBmp(*demophoto::packEncoded(readFile(demoFace(u"other-person-portrait.jpg"_s))));
    REQUIRE(same.has_value());
    REQUIRE(other.has_value());
    for (const QString& frameName : {u"camera-1.jpg"_s, u"camera-2.jpg"_s, u"camera-3.jpg"_s}) {
        const cv::Mat frame = cv::imread(demoFace(frameName).toStdString());
        REQUIRE_FALSE(frame.empty());
        auto match = service.compare(frame, *same);
        REQUIRE(match.has_value());
        INFO(frameName.toStdString() << " score " << match->score << " " << match->reasons.toStdString());
        CHECK(match->evidence.band == registration::FaceBand::Pass);
        auto mismatch = service.compare(frame, *other);
        REQUIRE(mismatch.has_value());
        CHECK(mismatch->evidence.band != registration::FaceBand::Pass);
        CHECK(mismatch->score < match->score);
    }
}

TEST_CASE("Face service: a document photo analysed ahead gives the same result, a broken one a clear error",
          "[widgets]")
{
    auto engine = face::FaceEngine::load(paths::modelSearchDirs());
    if (!engine) {
        WARN("face models not installed: " << engine.error().detail.toStdString());
        return;
    }
    auto chip = demophoto::toBmp(*demophoto::packEncoded(readFile(demoFace(u"collins-portrait.jpg"_s))));
    REQUIRE(chip.has_value());
    const cv::Mat frame = cv::imread(demoFace(u"camera-1.jpg"_s).toStdString());
    REQUIRE_FALSE(frame.empty());

    EngineFaceService cold(engine->get());
    auto direct = cold.compare(frame, *chip);
    REQUIRE(direct.has_value());
    EngineFaceService prepared(engine->get());
    prepared.prepare(*chip);
    for (int retry = 0; retry < 2; ++retry) {
        auto again = prepared.compare(frame, *chip);
        REQUIRE(again.has_value());
        CHECK(again->evidence.band == direct->evidence.band);
        CHECK(again->evidence.score == Approx(direct->evidence.score).margin(1e-6));
    }

    // A truncated photo block (a damaged chip read) is refused with the image's own reason, also after prepare().
    const QByteArray broken = chip->left(chip->size() / 3);
    prepared.prepare(broken);
    auto refused = prepared.compare(frame, broken);
    REQUIRE_FALSE(refused.has_value());
    CHECK(face::faceIssueOf(refused.error()).has_value());
    // The good photo still compares after the broken one.
    CHECK(prepared.compare(frame, *chip).has_value());
}
