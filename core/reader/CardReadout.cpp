#include "core/reader/CardReadout.h"

#include "core/reader/WltDecoder.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace shiming::reader {

QString photoStatusName(PhotoStatus status)
{
    switch (status) {
    case PhotoStatus::Decoded:
        return u"decoded"_s;
    case PhotoStatus::NoDecoder:
        return u"no_decoder"_s;
    case PhotoStatus::DecoderUnavailable:
        return u"decoder_unavailable"_s;
    case PhotoStatus::DecodeFailed:
        return u"decode_failed"_s;
    }
    return u"unknown"_s;
}

static QDate cardDate(const QString& text)
{
    if (text.size() != 8)
        return {};
    return QDate::fromString(text, u"yyyyMMdd"_s);
}

IdentityDocument toIdentityDocument(const CardText& text, const QString& appendedAddress)
{
    IdentityDocument document;
    document.name = text.name;
    document.englishName = text.englishName;
    document.sexCode = text.sex;
    document.birthDate = cardDate(text.birth);
    document.number = text.number;
    document.authority = text.authority;
    document.validFrom = cardDate(text.validFrom);
    if (text.validTo == u"长期"_s)
        document.validToLongTerm = true;
    else
        document.validTo = cardDate(text.validTo);
    if (text.layout == CardText::Layout::Resident) {
        document.type = DocumentType::ResidentId;
        document.nationCode = text.nation;
        document.address = text.address;
        document.appendedAddress = appendedAddress;
        document.nationality = u"CHN"_s;
    } else {
        document.type = DocumentType::ForeignPermanent;
        document.nationality = text.nationality;
        document.cardVersion = text.cardVersion;
    }
    return document;
}

std::expected<CardReadout, ReaderError> makeReadout(const QByteArray& textBlock, const QByteArray& photoBlock,
                                                    const QString& appendedAddress, WltDecoder* decoder,
                                                    const Clock& clock)
{
    std::expected<CardText, ReaderError> text = parseCardText(textBlock);
    if (!text)
        return std::unexpected(text.error());
    CardReadout readout;
    readout.text = *text;
    readout.rawText = textBlock;
    readout.rawPhoto = photoBlock;
    readout.document = toIdentityDocument(*text, appendedAddress);
    readout.validation = validateIdentityDocument(readout.document, clock);
    readout.readAt = clock.now();
    if (!decoder) {
        readout.photoStatus = PhotoStatus::NoDecoder;
        readout.photoDetail = u"no photo decoder configured"_s;
    } else if (Result<void> available = decoder->availability(); !available) {
        readout.photoStatus = PhotoStatus::DecoderUnavailable;
        readout.photoDetail = available.error().detail;
    } else if (Result<QByteArray> photo = decoder->decode(photoBlock); !photo) {
        readout.photoStatus = PhotoStatus::DecodeFailed;
        readout.photoDetail = photo.error().detail;
    } else {
        readout.photoStatus = PhotoStatus::Decoded;
        readout.photo = *photo;
    }
    return readout;
}

QString formatSamId(QByteArrayView bytes)
{
    if (bytes.size() != 16)
        return QString::fromLatin1(bytes.toByteArray().toHex());
    const auto* d = reinterpret_cast<const uchar*>(bytes.data());
    return u"%1.%2-%3-%4-%5"_s.arg(qFromLittleEndian<quint16>(d), 2, 10, QChar(u'0'))
        .arg(qFromLittleEndian<quint16>(d + 2), 2, 10, QChar(u'0'))
        .arg(qFromLittleEndian<quint32>(d + 4), 8, 10, QChar(u'0'))
        .arg(qFromLittleEndian<quint32>(d + 8), 10, 10, QChar(u'0'))
        .arg(qFromLittleEndian<quint32>(d + 12), 10, 10, QChar(u'0'));
}

} // namespace shiming::reader
