#include "widgets/registration/DemoPhotoCodec.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <vector>

using namespace Qt::StringLiterals;

namespace shiming::demophoto {

namespace {

constexpr char kMagic[4] = {'S', 'H', 'C', '1'};
constexpr int kMaxPayload = kBlockSize - kHeaderSize;

} // namespace

Result<QByteArray> pack(const cv::Mat& image)
{
    if (image.empty() || image.depth() != CV_8U || (image.channels() != 1 && image.channels() != 3))
        return fail(Error::invalidInput(u"photo must be an 8-bit grey or BGR image"_s));
    try {
        cv::Mat bgr;
        if (image.channels() == 1)
            cv::cvtColor(image, bgr, cv::COLOR_GRAY2BGR);
        else
            bgr = image;
        int width = bgr.cols;
        int height = bgr.rows;
        if (width * kHeight > height * kWidth)
            width = std::max(1, height * kWidth / kHeight);
        else
            height = std::max(1, width * kHeight / kWidth);
        cv::Mat small;
        cv::resize(bgr(cv::Rect((bgr.cols - width) / 2, (bgr.rows - height) / 2, width, height)), small,
                   cv::Size(kWidth, kHeight), 0, 0, cv::INTER_AREA);
        // The best quality that fits, by bisection (size grows with quality; about seven encodings).
        std::vector<uchar> encoded;
        std::vector<uchar> attempt;
        int low = 1;
        int high = 95;
        while (low <= high) {
            const int quality = (low + high) / 2;
            attempt.clear();
            if (!cv::imencode(".webp", small, attempt, {cv::IMWRITE_WEBP_QUALITY, quality}))
                return fail(Error::invalidInput(u"WebP encoding unavailable"_s));
            if (int(attempt.size()) <= kMaxPayload) {
                encoded.swap(attempt);
                low = quality + 1;
            } else {
                high = quality - 1;
            }
        }
        if (encoded.empty())
            return fail(Error::invalidInput(u"photo does not fit the chip photo block"_s));
        if (int(encoded.size()) > kMaxPayload)
            return fail(Error::invalidInput(u"photo does not fit the chip photo block"_s));
        QByteArray block(kBlockSize, '\0');
        std::copy(std::begin(kMagic), std::end(kMagic), block.begin());
        block[4] = char(encoded.size() & 0xFF);
        block[5] = char(encoded.size() >> 8);
        std::copy(encoded.begin(), encoded.end(), block.begin() + kHeaderSize);
        return block;
    } catch (const cv::Exception& e) {
        return fail(Error::invalidInput(u"photo could not be packed: %1"_s.arg(QString::fromUtf8(e.what()))));
    }
}

Result<QByteArray> packEncoded(const QByteArray& encodedImage)
{
    if (encodedImage.isEmpty())
        return fail(Error::invalidInput(u"empty photo file"_s));
    try {
        const cv::Mat buffer(1, int(encodedImage.size()), CV_8UC1, const_cast<char*>(encodedImage.constData()));
        return pack(cv::imdecode(buffer, cv::IMREAD_COLOR));
    } catch (const cv::Exception& e) {
        return fail(Error::invalidInput(u"photo could not be decoded: %1"_s.arg(QString::fromUtf8(e.what()))));
    }
}

bool isColourBlock(QByteArrayView block)
{
    return block.size() >= kHeaderSize && std::equal(std::begin(kMagic), std::end(kMagic), block.begin());
}

Result<cv::Mat> unpack(QByteArrayView block)
{
    if (block.size() != kBlockSize || !isColourBlock(block))
        return fail(Error::invalidInput(u"not a colour demo photo block"_s));
    const int length = int(quint8(block[4])) | (int(quint8(block[5])) << 8);
    if (length <= 0 || length > kMaxPayload)
        return fail(Error::invalidInput(u"colour demo photo block has a bad length"_s));
    try {
        const cv::Mat buffer(1, length, CV_8UC1, const_cast<char*>(block.data() + kHeaderSize));
        cv::Mat decoded = cv::imdecode(buffer, cv::IMREAD_COLOR);
        if (decoded.empty())
            return fail(Error::invalidInput(u"colour demo photo does not decode"_s));
        if (decoded.cols != kWidth || decoded.rows != kHeight)
            return fail(Error::invalidInput(u"colour demo photo is not 102x126"_s));
        return decoded;
    } catch (const cv::Exception&) {
        return fail(Error::invalidInput(u"colour demo photo does not decode"_s));
    }
}

Result<QByteArray> toBmp(QByteArrayView block)
{
    auto photo = unpack(block);
    if (!photo)
        return fail(photo.error());
    std::vector<uchar> bmp;
    try {
        if (!cv::imencode(".bmp", *photo, bmp))
            return fail(Error::invalidInput(u"BMP encoding failed"_s));
    } catch (const cv::Exception&) {
        return fail(Error::invalidInput(u"BMP encoding failed"_s));
    }
    return QByteArray(reinterpret_cast<const char*>(bmp.data()), qsizetype(bmp.size()));
}

} // namespace shiming::demophoto
