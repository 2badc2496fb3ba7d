#pragma once

#include "core/common/Error.h"
#include "core/face/ImageInput.h"

#include <opencv2/core.hpp>

#include <QByteArray>

namespace shiming::face {

/// Decodes JPEG bytes with libjpeg itself, not through OpenCV, which hides libjpeg's warnings: any warning is
/// damage. Scan data that ends early (cut short, or cut and closed with an end marker, which libjpeg fills with
/// grey) is TruncatedImage; every other warning or error is CorruptImage. Refuses a frame larger than `limits`
/// before decoding. Grey gives one channel; colour and (Adobe, inverted) CMYK give 8-bit BGR, the same pixels
/// cv::imdecode(IMREAD_UNCHANGED) gives. Used by decodeImage(); call that instead.
Result<cv::Mat> decodeJpeg(const QByteArray& bytes, const ImageLimits& limits);

} // namespace shiming::face
