#include "core/face/JpegDecoder.h"

#include "core/face/FaceIssue.h"

// jpeglib.h needs size_t and FILE declared first.
#include <cstddef>
#include <cstdio>

#include <csetjmp>
#include <exception>

#include <jerror.h>
#include <jpeglib.h>

using namespace Qt::StringLiterals;

namespace shiming::face {

namespace {

// libjpeg reports through these callbacks. An error or a warning ends the decoding at once with a longjmp back
// to the phase that started it (see below), and is recorded here; nothing is printed.
struct ErrorManager {
    jpeg_error_mgr base; // first, so that libjpeg's jpeg_error_mgr* is this struct's address
    std::jmp_buf jump;
    bool warning = false;
    int messageCode = 0;
};

extern "C" void onJpegError(j_common_ptr cinfo)
{
    auto* errors = reinterpret_cast<ErrorManager*>(cinfo->err);
    errors->messageCode = cinfo->err->msg_code;
    std::longjmp(errors->jump, 1);
}

extern "C" void onJpegMessage(j_common_ptr cinfo, int level)
{
    if (level >= 0)
        return; // trace messages
    // A warning: libjpeg would go on with made-up data (grey blocks for missing scan data). A photo compared for
    // identity must be whole, so stop here.
    auto* errors = reinterpret_cast<ErrorManager*>(cinfo->err);
    errors->warning = true;
    errors->messageCode = cinfo->err->msg_code;
    std::longjmp(errors->jump, 1);
}

extern "C" void onJpegOutput(j_common_ptr) {}

// The libjpeg state, owned by the caller of the phases so that no C++ object with a destructor lives in a frame
// that a longjmp leaves or returns to (which would be undefined behaviour).
struct Session {
    jpeg_decompress_struct cinfo{};
    ErrorManager errors{};

    Session()
    {
        cinfo.err = jpeg_std_error(&errors.base);
        errors.base.error_exit = onJpegError;
        errors.base.emit_message = onJpegMessage;
        errors.base.output_message = onJpegOutput;
    }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    // Safe on a zeroed struct too: jpeg_destroy frees only what jpeg_create_decompress allocated.
    ~Session() { jpeg_destroy_decompress(&cinfo); }
};

// Phase 1: the headers up to the first scan, and the output colour space.
bool readHeader(Session& s, const QByteArray& bytes)
{
    if (setjmp(s.errors.jump))
        return false;
    jpeg_create_decompress(&s.cinfo);
    jpeg_mem_src(&s.cinfo, reinterpret_cast<const unsigned char*>(bytes.constData()), (unsigned long)(bytes.size()));
    jpeg_read_header(&s.cinfo, TRUE);
    // As OpenCV chooses: one component is grey, four are CMYK (converted below), anything else is colour.
    switch (s.cinfo.num_components) {
    case 1:
        s.cinfo.out_color_space = JCS_GRAYSCALE;
        break;
    case 4:
        s.cinfo.out_color_space = JCS_CMYK;
        break;
    default:
        s.cinfo.out_color_space = JCS_EXT_BGR;
        break;
    }
    return true;
}

// Phase 2: every scanline into `out` (allocated by the caller to the header's size and the colour space's
// channels), then the end of the image. `fits` tells whether libjpeg's output size matched `out`.
bool readPixels(Session& s, cv::Mat* out, bool* fits)
{
    if (setjmp(s.errors.jump))
        return false;
    jpeg_start_decompress(&s.cinfo);
    *fits = int(s.cinfo.output_width) == out->cols && int(s.cinfo.output_height) == out->rows &&
            s.cinfo.output_components == out->channels();
    if (!*fits)
        return true; // jpeg_destroy_decompress aborts the decompression
    while (s.cinfo.output_scanline < s.cinfo.output_height) {
        JSAMPROW row = out->ptr<JSAMPLE>(int(s.cinfo.output_scanline));
        jpeg_read_scanlines(&s.cinfo, &row, 1);
    }
    // Reads up to the end marker: data missing or spoilt at the end warns here.
    jpeg_finish_decompress(&s.cinfo);
    return true;
}

Error damaged(const ErrorManager& errors)
{
    if (errors.warning && (errors.messageCode == JWRN_JPEG_EOF || errors.messageCode == JWRN_HIT_MARKER))
        return faceError(Error::Code::InvalidInput, FaceIssue::TruncatedImage,
                         u"the image data ends before the picture does (the file was cut short)"_s);
    return faceError(Error::Code::InvalidInput, FaceIssue::CorruptImage,
                     u"the image data is corrupt (JPEG decoder message %1)"_s.arg(errors.messageCode));
}

// Adobe's CMYK JPEGs store inverted values; this is the conversion OpenCV's JPEG decoder applies.
cv::Mat invertedCmykToBgr(const cv::Mat& cmyk)
{
    cv::Mat bgr(cmyk.rows, cmyk.cols, CV_8UC3);
    for (int y = 0; y < cmyk.rows; ++y) {
        const uchar* from = cmyk.ptr<uchar>(y);
        uchar* to = bgr.ptr<uchar>(y);
        for (int x = 0; x < cmyk.cols; ++x, from += 4, to += 3) {
            const int k = from[3];
            for (int c = 0; c < 3; ++c)
                to[2 - c] = uchar(k - (((255 - from[c]) * k) >> 8));
        }
    }
    return bgr;
}

} // namespace

Result<cv::Mat> decodeJpeg(const QByteArray& bytes, const ImageLimits& limits)
{
    Session session;
    if (!readHeader(session, bytes))
        return fail(damaged(session.errors));
    const qint64 width = session.cinfo.image_width;
    const qint64 height = session.cinfo.image_height;
    if (width <= 0 || height <= 0)
        return fail(
            faceError(Error::Code::InvalidInput, FaceIssue::CorruptImage, u"the image header has no valid size"_s));
    if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels)
        return fail(
            faceError(Error::Code::InvalidInput, FaceIssue::ImageTooLarge,
                      u"image dimensions %1x%2 exceed the limit of %3 pixels per side"_s.arg(width).arg(height).arg(
                          limits.maxSide)));
    const int channels = session.cinfo.out_color_space == JCS_GRAYSCALE ? 1
                         : session.cinfo.out_color_space == JCS_CMYK    ? 4
                                                                        : 3;
    cv::Mat pixels;
    try {
        pixels.create(int(height), int(width), CV_8UC(channels));
    } catch (const std::exception&) { // cv::Exception or std::bad_alloc
        return fail(
            faceError(Error::Code::InvalidInput, FaceIssue::ImageTooLarge, u"not enough memory to decode the image"_s));
    }
    bool fits = false;
    if (!readPixels(session, &pixels, &fits))
        return fail(damaged(session.errors));
    if (!fits)
        return fail(faceError(Error::Code::InvalidInput, FaceIssue::CorruptImage,
                              u"the image data is corrupt: its size differs from the header"_s));
    if (channels == 4)
        return invertedCmykToBgr(pixels);
    return pixels;
}

} // namespace shiming::face
