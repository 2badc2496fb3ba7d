#pragma once

#include "core/reader/ReaderError.h"

#include <QByteArray>
#include <QString>

#include <expected>

namespace shiming::reader {

/// The fields of a card's 256-byte text block exactly as the chip holds them (padding removed, nothing else
/// changed). Conversion to an identity document happens in CardReadout; keeping the raw strings lets the
/// evidence and the fuzzer see what the card said.
struct CardText {
    enum class Layout {
        /// 居民身份证: the resident identity card layout.
        Resident,
        /// 外国人永久居留身份证: the foreigner's permanent residence card, type 'I' at offset 248.
        ForeignPermanent,
    };

    Layout layout = Layout::Resident;
    QString name;        // resident: name; foreign: Chinese name (may be empty)
    QString englishName; // foreign only
    QString sex;         // "1" male, "2" female, "0" unknown, "9" unspecified
    QString nation;      // resident only: two-digit GB 3304 code
    QString birth;       // YYYYMMDD
    QString address;     // resident only
    QString number;      // resident: ID number; foreign: permit number
    QString authority;   // resident: issuing authority; foreign: authority code
    QString validFrom;   // YYYYMMDD
    QString validTo;     // YYYYMMDD or 长期
    QString nationality; // foreign only: ISO 3166 alpha-3
    QString cardVersion; // foreign only

    bool operator==(const CardText&) const = default;
};

/// Parses a text block (UCS-2 little-endian, space padded). An unknown card type marker is an error, never a
/// guess; so is text that is not valid UTF-16 or holds control characters.
std::expected<CardText, ReaderError> parseCardText(QByteArrayView block);

/// Builds a text block (for the simulator and tests). Fails, rather than truncating, when a field is too long.
Result<QByteArray> encodeCardText(const CardText& text);

/// The appended address block of 30 03 (70 bytes, UCS-2 LE); empty when the block is blank.
std::expected<QString, ReaderError> parseAppendedAddress(QByteArrayView block);
Result<QByteArray> encodeAppendedAddress(const QString& address);

} // namespace shiming::reader
