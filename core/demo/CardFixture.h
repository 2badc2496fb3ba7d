#pragma once

#include "core/common/Error.h"
#include "core/reader/CardText.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace shiming::reader {

/// A simulated card: what the reader simulator answers with. Loaded from a JSON fixture:
///
///     {"type": "resident" | "foreign", "name", "sex": "1"|"2", "nation": "01", "birth": "YYYYMMDD",
///      "address", "appended_address", "id_number", "authority", "valid_from", "valid_to": "YYYYMMDD"|"长期",
///      "photo": "image.jpg", "fingerprint": false}
///
/// Foreign cards use "english_name", "nationality", "permit_number" (and optionally "card_version",
/// "authority" as the authority code) instead of the resident-only fields. A relative photo path is relative to
/// the fixture file. The photo is packed into the 1024-byte block in the test photo format (TestPhotoCodec.h);
/// without a photo the block is all zeros, which no decoder accepts.
struct CardFixture {
    CardText text;
    QString appendedAddress;
    QByteArray textBlock;  ///< 256 bytes
    QByteArray photoBlock; ///< 1024 bytes
    bool fingerprint = false;
};

Result<CardFixture> cardFixtureFromJson(const QJsonObject& object, const QString& baseDir);
Result<CardFixture> loadCardFixture(const QString& path);

/// Packs an image file into a test photo block (grey, 32×40, 6 bits; see TestPhotoCodec.h).
Result<QByteArray> packTestPhotoFile(const QString& imagePath);
/// Packs an encoded image (JPEG, PNG, BMP bytes) into a test photo block.
Result<QByteArray> packTestPhotoBytes(const QByteArray& encodedImage);

} // namespace shiming::reader
