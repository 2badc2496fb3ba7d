#pragma once

#include "core/common/Clock.h"
#include "core/identity/IdentityDocument.h"
#include "core/reader/CardText.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace shiming::reader {

class WltDecoder;

/// What became of the chip photo.
enum class PhotoStatus {
    Decoded,            ///< `photo` holds the decoded image
    NoDecoder,          ///< no decoder is configured
    DecoderUnavailable, ///< the configured decoder library is missing or broken
    DecodeFailed,       ///< the decoder rejected this photo block
};

/// Stable machine name: "decoded", "no_decoder", "decoder_unavailable", "decode_failed".
QString photoStatusName(PhotoStatus status);

/// One successful card read: the document (validated by core/identity), the chip photo when it could be
/// decoded, and the raw blocks kept as evidence of what the chip said.
struct CardReadout {
    IdentityDocument document;
    ValidationResult validation;
    CardText text;
    QByteArray rawText;  ///< the 256-byte text block as read
    QByteArray rawPhoto; ///< the 1024-byte chip photo block as read (WLT)
    QByteArray photo;    ///< decoded image file bytes (BMP); empty unless photoStatus == Decoded
    PhotoStatus photoStatus = PhotoStatus::NoDecoder;
    QString photoDetail;    ///< why there is no photo (English, no personal data)
    QByteArray fingerprint; ///< fingerprint block (30 10 only), possibly empty
    QString samId;
    QDateTime readAt;
};

/// Turns a card's text into an identity document. Dates that do not parse stay invalid so that validation
/// reports them; "长期" becomes validToLongTerm.
IdentityDocument toIdentityDocument(const CardText& text, const QString& appendedAddress = {});

/// Builds a readout from the raw blocks: parses the text, validates the document with `clock`, decodes the
/// photo with `decoder` (may be null). Fails only when the text block itself is unusable.
std::expected<CardReadout, ReaderError> makeReadout(const QByteArray& textBlock, const QByteArray& photoBlock,
                                                    const QString& appendedAddress, WltDecoder* decoder,
                                                    const Clock& clock);

/// SAM id as the vendors print it ("05.01-20150414-0035371845-2315722648") from the 16 bytes of the 12 FF
/// reply (little-endian u16, u16, u32, u32, u32); hex when the block has another size.
QString formatSamId(QByteArrayView bytes);

} // namespace shiming::reader

Q_DECLARE_METATYPE(shiming::reader::CardReadout)
