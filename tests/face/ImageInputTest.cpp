#include "FaceTestSupport.h"

#include "core/face/FaceIssue.h"
#include "core/face/ImageInput.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::face;

namespace {

cv::Mat gradient(int width, int height)
{
    cv::Mat image(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x * 255 / width), uchar(y * 255 / height), 128);
    return image;
}

std::optional<FaceIssue> issueOfLoading(const QString& path)
{
    auto result = loadImageFile(path);
    REQUIRE_FALSE(result.has_value());
    return faceIssueOf(result.error());
}

QByteArray pngHeaderClaiming(quint32 width, quint32 height)
{
    QByteArray bytes("\x89PNG\r\n\x1a\n", 8);
    bytes += QByteArray("\x00\x00\x00\x0dIHDR", 8);
    for (quint32 v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes += char((v >> shift) & 0xff);
    bytes += QByteArray("\x08\x02\x00\x00\x00", 5);
    bytes += QByteArray(4, '\0'); // CRC (not checked before the size)
    bytes += QByteArray("\x00\x00\x00\x00IEND\xae\x42\x60\x82", 12);
    return bytes;
}

} // namespace

TEST_CASE("Image files that are not usable images each give their own error", "[face]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QByteArray jpeg = facetest::encode(gradient(120, 90), ".jpg");

    SECTION("missing file")
    {
        CHECK(issueOfLoading(dir.filePath(u"absent.jpg"_s)) == FaceIssue::FileNotFound);
    }
    SECTION("empty file")
    {
        facetest::writeFile(dir.filePath(u"empty.jpg"_s), {});
        CHECK(issueOfLoading(dir.filePath(u"empty.jpg"_s)) == FaceIssue::EmptyFile);
    }
    SECTION("text file")
    {
        facetest::writeFile(dir.filePath(u"notes.jpg"_s), "these are not pixels\n");
        CHECK(issueOfLoading(dir.filePath(u"notes.jpg"_s)) == FaceIssue::NotAnImage);
    }
    SECTION("JPEG cut in half")
    {
        facetest::writeFile(dir.filePath(u"half.jpg"_s), jpeg.left(jpeg.size() / 2));
        CHECK(issueOfLoading(dir.filePath(u"half.jpg"_s)) == FaceIssue::TruncatedImage);
    }
    SECTION("JPEG cut inside its header")
    {
        facetest::writeFile(dir.filePath(u"header.jpg"_s), jpeg.left(40));
        CHECK(issueOfLoading(dir.filePath(u"header.jpg"_s)) == FaceIssue::TruncatedImage);
    }
    SECTION("PNG without its end")
    {
        const QByteArray png = facetest::encode(gradient(120, 90), ".png");
        facetest::writeFile(dir.filePath(u"cut.png"_s), png.left(png.size() - 30));
        CHECK(issueOfLoading(dir.filePath(u"cut.png"_s)) == FaceIssue::TruncatedImage);
    }
    SECTION("JPEG whose scan data is garbage")
    {
        QByteArray corrupt = jpeg;
        const qsizetype scan = corrupt.indexOf("\xFF\xDA");
        REQUIRE(scan > 0);
        for (qsizetype i = scan + 20; i < corrupt.size() - 2; ++i)
            corrupt[i] = char(0xFF); // markers everywhere: the decoder must give up, not crash
        facetest::writeFile(dir.filePath(u"garbage.jpg"_s), corrupt);
        auto result = loadImageFile(dir.filePath(u"garbage.jpg"_s));
        // libjpeg produces pixels from the first blocks and warns that the data ends early: never a crash, and
        // the photo is refused as damaged.
        REQUIRE_FALSE(result.has_value());
        const auto issue = faceIssueOf(result.error());
        CHECK((issue == FaceIssue::CorruptImage || issue == FaceIssue::TruncatedImage));
    }
    SECTION("random bytes behind a JPEG signature")
    {
        QByteArray noise("\xFF\xD8\xFF\xE0", 4);
        for (int i = 0; i < 4000; ++i)
            noise += char((i * 7919) % 251);
        facetest::writeFile(dir.filePath(u"noise.jpg"_s), noise);
        const auto issue = issueOfLoading(dir.filePath(u"noise.jpg"_s));
        CHECK((issue == FaceIssue::CorruptImage || issue == FaceIssue::TruncatedImage));
    }
}

TEST_CASE("Only regular files are read as images, and never more than the size limit", "[face]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QElapsedTimer timer;
    timer.start();

    SECTION("an endless device is refused without reading it")
    {
        CHECK(issueOfLoading(u"/dev/zero"_s) == FaceIssue::UnreadableImage);
        CHECK(timer.elapsed() < 1000);
    }
    SECTION("an empty device is not an empty file")
    {
        CHECK(issueOfLoading(u"/dev/null"_s) == FaceIssue::UnreadableImage);
    }
    SECTION("a directory")
    {
        CHECK(issueOfLoading(dir.path()) == FaceIssue::UnreadableImage);
    }
    SECTION("a FIFO is refused without waiting for a writer")
    {
        const QString fifo = dir.filePath(u"photo.jpg"_s);
        facetest::makeFifo(fifo);
        const auto [result, inTime] = facetest::runReleasingFifo([&] { return loadImageFile(fifo); }, fifo);
        CHECK(inTime);
        REQUIRE_FALSE(result.has_value());
        CHECK(faceIssueOf(result.error()) == FaceIssue::UnreadableImage);
    }
    SECTION("a file one byte over the limit")
    {
        const QByteArray jpeg = facetest::encode(gradient(120, 90), ".jpg");
        facetest::writeFile(dir.filePath(u"photo.jpg"_s), jpeg);
        CHECK(loadImageFile(dir.filePath(u"photo.jpg"_s), ImageLimits{.maxFileBytes = jpeg.size()}).has_value());
        auto over = loadImageFile(dir.filePath(u"photo.jpg"_s), ImageLimits{.maxFileBytes = jpeg.size() - 1});
        REQUIRE_FALSE(over.has_value());
        CHECK(faceIssueOf(over.error()) == FaceIssue::ImageTooLarge);
    }
    SECTION("a huge sparse file under the default limit's name")
    {
        facetest::makeSparseFile(dir.filePath(u"huge.jpg"_s), ImageLimits{}.maxFileBytes + 1);
        CHECK(issueOfLoading(dir.filePath(u"huge.jpg"_s)) == FaceIssue::ImageTooLarge);
        CHECK(timer.elapsed() < 1000);
    }
    SECTION("a symbolic link to a photo is followed")
    {
        facetest::writeFile(dir.filePath(u"photo.jpg"_s), facetest::encode(gradient(120, 90), ".jpg"));
        REQUIRE(QFile::link(dir.filePath(u"photo.jpg"_s), dir.filePath(u"link.jpg"_s)));
        CHECK(loadImageFile(dir.filePath(u"link.jpg"_s)).has_value());
    }
}

TEST_CASE("A JPEG whose data is cut short but closed with an end marker is refused", "[face]")
{
    // libjpeg only warns when the scan data ends early and fills the rest with grey; compared as a whole, a photo
    // with two thirds missing once scored "pass".
    const auto people = facetest::lfwPeopleWithTwoPhotos(1);
    const QByteArray camera = facetest::readFile(QDir(facetest::lfwDir()).filePath(people[0].first));
    const QByteArray encoded = facetest::encode(gradient(320, 240), ".jpg");
    for (const QByteArray& whole : {camera, encoded}) {
        REQUIRE(decodeImage(whole).has_value());
        const QByteArray cut = whole.left(whole.size() / 3) + QByteArray("\xFF\xD9", 2);
        auto result = decodeImage(cut);
        REQUIRE_FALSE(result.has_value());
        CHECK(faceIssueOf(result.error()) == FaceIssue::TruncatedImage);
    }
}

TEST_CASE("A JPEG the decoder warns about is refused as corrupt", "[face]")
{
    // Bytes between the scan data and the end marker: libjpeg skips them with a warning.
    const QByteArray jpeg = facetest::encode(gradient(120, 90), ".jpg");
    REQUIRE(jpeg.endsWith("\xFF\xD9"));
    const QByteArray stray = jpeg.left(jpeg.size() - 2) + QByteArray(64, 'x') + QByteArray("\xFF\xD9", 2);
    auto result = decodeImage(stray);
    REQUIRE_FALSE(result.has_value());
    CHECK(faceIssueOf(result.error()) == FaceIssue::CorruptImage);
}

TEST_CASE("JPEG photos decode to exactly the pixels OpenCV's decoder gives", "[face]")
{
    const auto same = [](const QByteArray& bytes) {
        const cv::Mat buffer(1, int(bytes.size()), CV_8U, const_cast<char*>(bytes.constData()));
        const cv::Mat expected = cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
        auto decoded = decodeImage(bytes);
        REQUIRE(decoded.has_value());
        REQUIRE(decoded->type() == expected.type());
        REQUIRE(decoded->size() == expected.size());
        CHECK(cv::norm(*decoded, expected, cv::NORM_INF) == 0.0);
    };
    const auto people = facetest::lfwPeopleWithTwoPhotos(1);
    same(facetest::readFile(QDir(facetest::lfwDir()).filePath(people[0].first)));
    same(facetest::encode(gradient(121, 87), ".jpg"));
    cv::Mat grey(61, 47, CV_8UC1);
    cv::randu(grey, 0, 255);
    same(facetest::encode(grey, ".jpg"));
    std::vector<uchar> progressive;
    cv::imencode(".jpg", gradient(200, 150), progressive, {cv::IMWRITE_JPEG_PROGRESSIVE, 1});
    same(QByteArray(reinterpret_cast<const char*>(progressive.data()), qsizetype(progressive.size())));
    same(facetest::readFile(facetest::fixture(u"cmyk.jpg"_s)));
}

TEST_CASE("A header claiming 50000x50000 is refused before decoding", "[face]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());

    SECTION("PNG")
    {
        facetest::writeFile(dir.filePath(u"huge.png"_s), pngHeaderClaiming(50000, 50000));
        auto header = probeImageHeader(pngHeaderClaiming(50000, 50000));
        REQUIRE(header);
        CHECK(header->width == 50000);
        CHECK(issueOfLoading(dir.filePath(u"huge.png"_s)) == FaceIssue::ImageTooLarge);
    }
    SECTION("JPEG")
    {
        QByteArray jpeg = facetest::encode(gradient(64, 48), ".jpg");
        const qsizetype sof = jpeg.indexOf("\xFF\xC0");
        REQUIRE(sof > 0);
        jpeg[sof + 5] = char(50000 >> 8);
        jpeg[sof + 6] = char(50000 & 0xff);
        jpeg[sof + 7] = char(50000 >> 8);
        jpeg[sof + 8] = char(50000 & 0xff);
        facetest::writeFile(dir.filePath(u"huge.jpg"_s), jpeg);
        CHECK(issueOfLoading(dir.filePath(u"huge.jpg"_s)) == FaceIssue::ImageTooLarge);
    }
    SECTION("BMP")
    {
        QByteArray bmp = facetest::encode(gradient(64, 48), ".bmp");
        const qint32 side = 50000;
        for (int at : {18, 22})
            for (int i = 0; i < 4; ++i)
                bmp[at + i] = char((side >> (8 * i)) & 0xff);
        facetest::writeFile(dir.filePath(u"huge.bmp"_s), bmp);
        CHECK(issueOfLoading(dir.filePath(u"huge.bmp"_s)) == FaceIssue::ImageTooLarge);
    }
}

TEST_CASE("Grey, 16-bit, alpha and CMYK images decode to 8 bits", "[face]")
{
    SECTION("grey stays one channel")
    {
        cv::Mat grey(60, 50, CV_8UC1, cv::Scalar(77));
        auto decoded = decodeImage(facetest::encode(grey, ".png"));
        REQUIRE(decoded);
        CHECK(decoded->channels() == 1);
        CHECK(decoded->at<uchar>(10, 10) == 77);
    }
    SECTION("16-bit colour PNG is scaled to 8 bits")
    {
        cv::Mat deep(40, 30, CV_16UC3, cv::Scalar(65535, 32896, 0));
        auto decoded = decodeImage(facetest::encode(deep, ".png"));
        REQUIRE(decoded);
        CHECK(decoded->type() == CV_8UC3);
        CHECK(decoded->at<cv::Vec3b>(5, 5) == cv::Vec3b(255, 128, 0));
    }
    SECTION("16-bit grey PNG")
    {
        cv::Mat deep(40, 30, CV_16UC1, cv::Scalar(65535));
        auto decoded = decodeImage(facetest::encode(deep, ".png"));
        REQUIRE(decoded);
        CHECK(decoded->type() == CV_8UC1);
        CHECK(decoded->at<uchar>(3, 3) == 255);
    }
    SECTION("alpha is dropped")
    {
        cv::Mat rgba(20, 20, CV_8UC4, cv::Scalar(10, 20, 30, 40));
        auto decoded = decodeImage(facetest::encode(rgba, ".png"));
        REQUIRE(decoded);
        CHECK(decoded->type() == CV_8UC3);
        CHECK(decoded->at<cv::Vec3b>(0, 0) == cv::Vec3b(10, 20, 30));
    }
    SECTION("CMYK JPEG becomes BGR")
    {
        auto decoded = loadImageFile(facetest::fixture(u"cmyk.jpg"_s));
        REQUIRE(decoded);
        CHECK(decoded->type() == CV_8UC3);
        CHECK(decoded->cols == 48);
        CHECK(decoded->rows == 40);
        const cv::Vec3b cyan = decoded->at<cv::Vec3b>(20, 5);
        const cv::Vec3b magenta = decoded->at<cv::Vec3b>(20, 42);
        // Cyan is blue and green without red; magenta is blue and red without green.
        CHECK(cyan[0] > 200);
        CHECK(cyan[1] > 200);
        CHECK(cyan[2] < 60);
        CHECK(magenta[0] > 200);
        CHECK(magenta[1] < 60);
        CHECK(magenta[2] > 200);
    }
    SECTION("toBgr8 refuses floating point and odd channel counts")
    {
        CHECK_FALSE(toBgr8(cv::Mat(4, 4, CV_32FC3)).has_value());
        CHECK_FALSE(toBgr8(cv::Mat(4, 4, CV_8UC2)).has_value());
        CHECK_FALSE(toBgr8(cv::Mat()).has_value());
        CHECK(toBgr8(cv::Mat(4, 4, CV_8UC1, cv::Scalar(9)))->type() == CV_8UC3);
    }
}

TEST_CASE("Mutated and cut image files never crash the decoder", "[face]")
{
    // A deterministic miniature fuzzer: flip bytes, cut, and splice real JPEG, PNG and BMP files.
    const cv::Mat picture = gradient(64, 48);
    const QList<QByteArray> seeds{facetest::encode(picture, ".jpg"), facetest::encode(picture, ".png"),
                                  facetest::encode(picture, ".bmp")};
    quint32 state = 12345u;
    const auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    int decoded = 0, refused = 0;
    for (const QByteArray& seed : seeds) {
        for (int round = 0; round < 150; ++round) {
            QByteArray bytes = seed;
            const int flips = 1 + int(next() % 8);
            for (int i = 0; i < flips; ++i)
                bytes[qsizetype(next() % quint32(bytes.size()))] = char(next() & 0xff);
            if (round % 5 == 0)
                bytes.truncate(qsizetype(next() % quint32(bytes.size())));
            if (round % 7 == 0)
                bytes += seed.mid(qsizetype(next() % quint32(seed.size())));
            auto result = decodeImage(bytes);
            if (result) {
                ++decoded;
                CHECK_FALSE(result->empty());
                CHECK(result->depth() == CV_8U);
            } else {
                ++refused;
                CHECK(faceIssueOf(result.error()).has_value());
            }
        }
    }
    CHECK(decoded + refused == 450);
    CHECK(refused > 0);
}
