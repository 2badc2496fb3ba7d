#include "core/reader/LibraryWltDecoder.h"

#include "core/common/Logging.h"
#include "core/reader/Ga467Frame.h"

#include <QFileInfo>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace shiming::reader {

LibraryWltDecoder::LibraryWltDecoder(Config config)
    : m_config(std::move(config))
{
    if (m_config.libraryPath.isEmpty()) {
        m_loadError = Error::notFound(u"no photo decoder library configured"_s);
        return;
    }
    if (!QFileInfo::exists(m_config.libraryPath)) {
        m_loadError = Error::notFound(u"photo decoder library not found: %1"_s.arg(m_config.libraryPath));
        return;
    }
    m_library = std::make_unique<QLibrary>(m_config.libraryPath);
    if (!m_library->load()) {
        m_loadError = Error::deviceFault(u"photo decoder library does not load: %1"_s.arg(m_library->errorString()));
        m_library.reset();
        return;
    }
    m_function = reinterpret_cast<DecodeFunction>(m_library->resolve(m_config.symbol.toLatin1().constData()));
    if (!m_function) {
        m_loadError = Error::deviceFault(u"photo decoder library has no symbol '%1'"_s.arg(m_config.symbol));
        return;
    }
    qCInfo(lcReader) << "photo decoder loaded from" << m_config.libraryPath << "symbol" << m_config.symbol;
}

LibraryWltDecoder::~LibraryWltDecoder() = default;

Result<void> LibraryWltDecoder::availability() const
{
    if (!m_function)
        return fail(m_loadError);
    return {};
}

Result<QByteArray> LibraryWltDecoder::decode(QByteArrayView wlt)
{
    if (!m_function)
        return fail(m_loadError);
    if (wlt.size() != ga467::kPhotoSize)
        return fail(Error::invalidInput(u"photo block has %1 bytes, expected 1024"_s.arg(wlt.size())));
    // Vendor libraries may read or write past what they document; give them room and a private copy.
    QByteArray input = wlt.toByteArray();
    input.append(QByteArray(1024, '\0'));
    QByteArray output(kBmpSize * 2, '\0');
    const int rc = m_function(input.constData(), output.data(), m_config.flags);
    if (rc != m_config.successValue)
        return fail(Error::deviceFault(u"photo decoder returned %1"_s.arg(rc)));
    output.truncate(kBmpSize);
    if (Result<void> ok = checkBmp(output, 102, 126, 24); !ok)
        return fail(Error::deviceFault(u"photo decoder output rejected: "_s + ok.error().detail));
    return output;
}

Result<void> checkBmp(QByteArrayView bytes, int width, int height, int bitsPerPixel)
{
    if (bytes.size() < 54 || bytes[0] != 'B' || bytes[1] != 'M')
        return fail(Error::invalidInput(u"not a BMP file"_s));
    const auto* data = reinterpret_cast<const uchar*>(bytes.data());
    const quint32 fileSize = qFromLittleEndian<quint32>(data + 2);
    const quint32 pixelOffset = qFromLittleEndian<quint32>(data + 10);
    const qint32 w = qFromLittleEndian<qint32>(data + 18);
    const qint32 h = qFromLittleEndian<qint32>(data + 22);
    const quint16 bits = qFromLittleEndian<quint16>(data + 28);
    if (w != width || std::abs(h) != height || bits != bitsPerPixel)
        return fail(Error::invalidInput(
            u"BMP is %1x%2 at %3 bits, expected %4x%5 at %6"_s.arg(w).arg(h).arg(bits).arg(width).arg(height).arg(
                bitsPerPixel)));
    const qint64 rowBytes = ((qint64(width) * bitsPerPixel + 31) / 32) * 4;
    if (fileSize != quint32(bytes.size()) || qint64(pixelOffset) + rowBytes * height > bytes.size())
        return fail(Error::invalidInput(u"BMP sizes do not add up"_s));
    return {};
}

} // namespace shiming::reader
