#pragma once

#include "core/reader/WltDecoder.h"

#include <QLibrary>

#include <memory>

namespace shiming::reader {

/// A WltDecoder backed by a vendor library loaded with QLibrary from a configured path and symbol. The symbol
/// must have the calling convention of the common Linux vendor library (libwlt2bmp's `unpack`):
///
///     int symbol(const char* wlt /* 1024 bytes */, char* bmp /* 38862 bytes */, int flags);
///
/// returning 1 on success with a complete 102×126 24-bit BMP file in `bmp`. A missing library, a missing
/// symbol, a failure code or output that is not such a BMP give an error, never a crash (a library that
/// corrupts memory cannot be guarded against in-process).
class LibraryWltDecoder final : public WltDecoder {
public:
    struct Config {
        QString libraryPath;
        QString symbol = QStringLiteral("unpack");
        int flags = 0;
        int successValue = 1;
    };

    explicit LibraryWltDecoder(Config config);
    ~LibraryWltDecoder() override;

    Result<void> availability() const override;
    Result<QByteArray> decode(QByteArrayView wlt) override;

    /// Size of the BMP a WLT decoder produces: 54-byte header + 126 rows of 308 bytes.
    static constexpr int kBmpSize = 38862;

private:
    using DecodeFunction = int (*)(const char*, char*, int);

    Config m_config;
    std::unique_ptr<QLibrary> m_library;
    DecodeFunction m_function = nullptr;
    Error m_loadError;
};

/// Checks that `bytes` hold a BMP file with the given size and bit depth; the error says what is wrong.
Result<void> checkBmp(QByteArrayView bytes, int width, int height, int bitsPerPixel);

} // namespace shiming::reader
