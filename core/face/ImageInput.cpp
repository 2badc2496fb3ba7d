#include "core/face/ImageInput.h"

#include "core/common/RegularFile.h"
#include "core/face/FaceIssue.h"
#include "core/face/JpegDecoder.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shiming::face {

namespace {

Error bad(FaceIssue issue, const QString& detail)
{
    return faceError(Error::Code::InvalidInput, issue, detail);
}

quint32 bigEndian16(const QByteArray& b, qsizetype at)
{
    return (quint32(quint8(b[at])) << 8) | quint32(quint8(b[at + 1]));
}

quint32 bigEndian32(const QByteArray& b, qsizetype at)
{
    return (bigEndian16(b, at) << 16) | bigEndian16(b, at + 2);
}

qint64 littleEndian32(const QByteArray& b, qsizetype at)
{
    const quint32 value = quint32(quint8(b[at])) | (quint32(quint8(b[at + 1])) << 8) |
                          (quint32(quint8(b[at + 2])) << 16) | (quint32(quint8(b[at + 3])) << 24);
    return qint32(value);
}

bool isStartOfFrame(quint8 marker)
{
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Walks the JPEG segments up to the frame header. Returns the offset just after the frame header, or -1.
Result<std::pair<ImageHeader, qsizetype>> probeJpeg(const QByteArray& b)
{
    qsizetype pos = 2;
    while (pos + 4 <= b.size()) {
        if (quint8(b[pos]) != 0xFF)
            return fail(bad(FaceIssue::CorruptImage, u"corrupt JPEG: bad segment marker"_s));
        quint8 marker = quint8(b[pos + 1]);
        if (marker == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            pos += 2;
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA)
            return fail(bad(FaceIssue::CorruptImage, u"corrupt JPEG: no frame header"_s));
        const qsizetype length = bigEndian16(b, pos + 2);
        if (length < 2)
            return fail(bad(FaceIssue::CorruptImage, u"corrupt JPEG: bad segment length"_s));
        if (isStartOfFrame(marker)) {
            if (pos + 2 + 7 > b.size())
                return fail(bad(FaceIssue::TruncatedImage, u"the image file is cut short"_s));
            ImageHeader header;
            header.format = ImageHeader::Format::Jpeg;
            header.height = int(bigEndian16(b, pos + 5));
            header.width = int(bigEndian16(b, pos + 7));
            return std::pair{header, pos + 2 + length};
        }
        pos += 2 + length;
    }
    return fail(bad(FaceIssue::TruncatedImage, u"the image file is cut short"_s));
}

} // namespace

Result<ImageHeader> probeImageHeader(const QByteArray& b)
{
    if (b.isEmpty())
        return fail(bad(FaceIssue::EmptyFile, u"the image file is empty"_s));
    if (b.size() >= 3 && quint8(b[0]) == 0xFF && quint8(b[1]) == 0xD8 && quint8(b[2]) == 0xFF) {
        auto jpeg = probeJpeg(b);
        if (!jpeg)
            return fail(jpeg.error());
        return jpeg->first;
    }
    static const QByteArray pngSignature("\x89PNG\r\n\x1a\n", 8);
    if (b.startsWith(pngSignature)) {
        if (b.size() < 24 || b.mid(12, 4) != "IHDR")
            return fail(bad(FaceIssue::TruncatedImage, u"the image file is cut short"_s));
        ImageHeader header;
        header.format = ImageHeader::Format::Png;
        const quint32 width = bigEndian32(b, 16);
        const quint32 height = bigEndian32(b, 20);
        header.width = width > 0x7fffffffu ? -1 : int(width);
        header.height = height > 0x7fffffffu ? -1 : int(height);
        return header;
    }
    if (b.startsWith("BM")) {
        if (b.size() < 26)
            return fail(bad(FaceIssue::TruncatedImage, u"the image file is cut short"_s));
        ImageHeader header;
        header.format = ImageHeader::Format::Bmp;
        const qint64 width = littleEndian32(b, 18);
        const qint64 height = littleEndian32(b, 22);
        header.width = int(std::clamp<qint64>(width, -1, 0x7fffffff));
        header.height = int(std::clamp<qint64>(height < 0 ? -height : height, 0, 0x7fffffff));
        return header;
    }
    return fail(bad(FaceIssue::NotAnImage, u"not an image file (JPEG, PNG or BMP expected)"_s));
}

Result<cv::Mat> toBgr8(const cv::Mat& image)
{
    if (image.empty())
        return fail(bad(FaceIssue::EmptyFile, u"the image is empty"_s));
    cv::Mat eight;
    switch (image.depth()) {
    case CV_8U:
        eight = image;
        break;
    case CV_16U:
        image.convertTo(eight, CV_8U, 1.0 / 257.0);
        break;
    default:
        return fail(
            bad(FaceIssue::UnsupportedPixelFormat, u"unsupported pixel depth (8 or 16 bits per channel expected)"_s));
    }
    cv::Mat bgr;
    switch (eight.channels()) {
    case 1:
        cv::cvtColor(eight, bgr, cv::COLOR_GRAY2BGR);
        break;
    case 3:
        bgr = eight;
        break;
    case 4:
        cv::cvtColor(eight, bgr, cv::COLOR_BGRA2BGR);
        break;
    default:
        return fail(bad(FaceIssue::UnsupportedPixelFormat, u"unsupported number of colour channels"_s));
    }
    return bgr;
}

Result<cv::Mat> decodeImage(const QByteArray& bytes, const ImageLimits& limits)
{
    if (bytes.size() > limits.maxFileBytes)
        return fail(bad(FaceIssue::ImageTooLarge, u"the image file is too large"_s));
    auto header = probeImageHeader(bytes);
    if (!header)
        return fail(header.error());
    if (header->width <= 0 || header->height <= 0)
        return fail(bad(FaceIssue::CorruptImage, u"the image header has no valid size"_s));
    if (header->width > limits.maxSide || header->height > limits.maxSide ||
        qint64(header->width) * header->height > limits.maxPixels)
        return fail(bad(FaceIssue::ImageTooLarge,
                        u"image dimensions %1x%2 exceed the limit of %3 pixels per side"_s.arg(header->width)
                            .arg(header->height)
                            .arg(limits.maxSide)));
    // A file cut short decodes with grey filler in most decoders; refuse it instead of comparing a half face.
    if (header->format == ImageHeader::Format::Jpeg) {
        auto frame = probeJpeg(bytes);
        if (!frame || bytes.indexOf("\xFF\xD9", frame->second) < 0)
            return fail(bad(FaceIssue::TruncatedImage, u"the image file is cut short"_s));
    } else if (header->format == ImageHeader::Format::Png) {
        if (bytes.lastIndexOf("IEND") < 33)
            return fail(bad(FaceIssue::TruncatedImage, u"the image file is cut short"_s));
    }

    cv::Mat decoded;
    if (header->format == ImageHeader::Format::Jpeg) {
        // libjpeg directly: OpenCV hides its warnings, and a warning means part of the photo is made up.
        auto jpeg = decodeJpeg(bytes, limits);
        if (!jpeg)
            return fail(jpeg.error());
        decoded = std::move(*jpeg);
    } else {
        try {
            const cv::Mat buffer(1, int(bytes.size()), CV_8U, const_cast<char*>(bytes.constData()));
            decoded = cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
        } catch (const cv::Exception&) {
            return fail(bad(FaceIssue::CorruptImage, u"the image data is corrupt"_s));
        }
    }
    if (decoded.empty())
        return fail(bad(FaceIssue::CorruptImage, u"the image data is corrupt"_s));
    if (decoded.cols != header->width || decoded.rows != header->height)
        return fail(bad(FaceIssue::CorruptImage, u"the image data is corrupt: its size differs from the header"_s));
    if (decoded.channels() == 1 && decoded.depth() == CV_8U)
        return decoded;
    if (decoded.channels() == 1) {
        cv::Mat grey;
        decoded.convertTo(grey, CV_8U, decoded.depth() == CV_16U ? 1.0 / 257.0 : 1.0);
        return grey;
    }
    return toBgr8(decoded);
}

Result<cv::Mat> loadImageFile(const QString& path, const ImageLimits& limits)
{
    auto bytes = readRegularFile(path, limits.maxFileBytes);
    if (!bytes) {
        switch (bytes.error().problem) {
        case FileReadProblem::NotFound:
            return fail(faceError(Error::Code::NotFound, FaceIssue::FileNotFound, u"the image file does not exist"_s));
        case FileReadProblem::TooLarge:
            return fail(bad(FaceIssue::ImageTooLarge, u"the image file is too large"_s));
        case FileReadProblem::NotRegularFile:
            return fail(bad(FaceIssue::UnreadableImage, u"the image is "_s + bytes.error().detail));
        case FileReadProblem::Unreadable:
            break;
        }
        return fail(bad(FaceIssue::UnreadableImage, u"cannot read the image file: "_s + bytes.error().detail));
    }
    return decodeImage(*bytes, limits);
}

} // namespace shiming::face
