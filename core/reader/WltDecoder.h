#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QString>

namespace shiming::reader {

/// Decodes the 1024-byte chip photo (WLT, a proprietary format) into an image file. Implementations load a
/// vendor library at run time; nothing proprietary is linked. The result is the bytes of an image file
/// (a 102×126 24-bit BMP for real decoders), so core never needs Qt Gui.
class WltDecoder {
public:
    virtual ~WltDecoder() = default;

    /// Whether the decoder can be used; the error says why not (library missing, symbol missing).
    virtual Result<void> availability() const = 0;
    /// Decodes one photo block.
    virtual Result<QByteArray> decode(QByteArrayView wlt) = 0;
};

} // namespace shiming::reader
