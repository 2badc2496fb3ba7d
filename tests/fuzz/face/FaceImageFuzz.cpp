// Feeds arbitrary bytes to the face pipeline's image input: the header probe, the decoder with small limits (so
// that a header claiming a large image is refused before decoding, as the limits promise), and the conversion of
// whatever decodes to 8-bit BGR.
#include "core/face/ImageInput.h"

#include <cstddef>
#include <cstdint>

using namespace shiming::face;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto header = probeImageHeader(bytes);
    ImageLimits limits;
    limits.maxSide = 1024;
    limits.maxPixels = 256 * 1024;
    limits.maxFileBytes = 1024 * 1024;
    const auto image = decodeImage(bytes, limits);
    if (!image)
        return 0;
    // What decodes obeys the limits, and its header was readable and agrees with it.
    if (image->empty() || image->cols > limits.maxSide || image->rows > limits.maxSide ||
        qint64(image->cols) * image->rows > limits.maxPixels || image->depth() != CV_8U ||
        (image->channels() != 1 && image->channels() != 3))
        __builtin_trap();
    if (!header || header->width != image->cols || header->height != image->rows)
        __builtin_trap();
    const auto bgr = toBgr8(*image);
    if (!bgr || bgr->channels() != 3 || bgr->size() != image->size())
        __builtin_trap();
    return 0;
}
