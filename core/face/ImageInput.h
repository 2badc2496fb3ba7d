#pragma once

#include "core/common/Error.h"

#include <opencv2/core.hpp>

#include <QByteArray>
#include <QString>

namespace shiming::face {

/// Limits applied before any pixel is decoded, so that a file whose header claims a huge size is refused
/// without allocating memory for it.
struct ImageLimits {
    int maxSide = 8192;
    qint64 maxPixels = 40'000'000;
    qint64 maxFileBytes = 64 * 1024 * 1024;
};

/// What the header of an encoded image says, read without decoding.
struct ImageHeader {
    enum class Format { Jpeg, Png, Bmp };
    Format format = Format::Jpeg;
    int width = 0;
    int height = 0;
};

/// Reads the dimensions from a JPEG, PNG or BMP header. Fails on empty, unknown, truncated-header input.
Result<ImageHeader> probeImageHeader(const QByteArray& bytes);

/// Decodes JPEG, PNG or BMP bytes into an 8-bit image (1 or 3 channels). Refuses oversize headers before
/// decoding, files cut short, and anything the decoders cannot decode. JPEG is decoded with libjpeg itself and
/// any decoder warning is damage: scan data that ends early, even when an end marker follows, is TruncatedImage,
/// other warnings CorruptImage. PNG and BMP go through OpenCV. Grey stays grey, 16-bit is scaled to 8-bit, CMYK
/// and alpha become BGR. Every photo compared (the counter's ID photo, shimingctl face compare) comes through here.
Result<cv::Mat> decodeImage(const QByteArray& bytes, const ImageLimits& limits = {});

/// Reads a regular file of at most limits.maxFileBytes (core/common/RegularFile: never a device, FIFO or
/// directory, never more than the cap in memory) and decodes it with decodeImage(). FileNotFound when nothing is
/// there, UnreadableImage for what is not a regular file or cannot be read, ImageTooLarge above the cap.
Result<cv::Mat> loadImageFile(const QString& path, const ImageLimits& limits = {});

/// Brings any image the pipeline accepts (8- or 16-bit; 1, 3 or 4 channels) to 8-bit BGR.
Result<cv::Mat> toBgr8(const cv::Mat& image);

} // namespace shiming::face
