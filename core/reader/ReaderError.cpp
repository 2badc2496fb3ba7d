#include "core/reader/ReaderError.h"

using namespace Qt::StringLiterals;

namespace shiming::reader {

QString statusName(std::uint8_t sw3)
{
    switch (Sw3(sw3)) {
    case Sw3::BadChecksum:
        return u"bad checksum"_s;
    case Sw3::BadLength:
        return u"bad length"_s;
    case Sw3::BadCommand:
        return u"bad command"_s;
    case Sw3::NoPrivilege:
        return u"no privilege"_s;
    case Sw3::UnknownError:
        return u"unknown error"_s;
    case Sw3::AuthFailed1:
    case Sw3::AuthFailed2:
    case Sw3::AuthFailed3:
        return u"card authentication failed"_s;
    case Sw3::UnknownCardType:
        return u"unknown card type"_s;
    case Sw3::ReadFailed:
        return u"read failed"_s;
    case Sw3::RandomFailed:
        return u"random number failed"_s;
    case Sw3::SamSelfTestFailed:
        return u"SAM self-test failed"_s;
    case Sw3::SamNotAuthorised:
        return u"SAM not authorised"_s;
    case Sw3::FindFailed:
        return u"no card found"_s;
    case Sw3::SelectFailed:
        return u"select failed"_s;
    case Sw3::NoSuchItem:
        return u"no such item"_s;
    case Sw3::LinkFault:
        return u"link fault"_s;
    }
    if (sw3 == kStatusOk)
        return u"ok"_s;
    if (sw3 == kStatusCardFound)
        return u"card found"_s;
    return u"unknown status 0x%1"_s.arg(uint(sw3), 2, 16, QChar(u'0'));
}

ReaderError ReaderError::fromStatus(std::uint8_t sw3, QString detail)
{
    if (detail.isEmpty())
        detail = u"reader status 0x%1 (%2)"_s.arg(uint(sw3), 2, 16, QChar(u'0')).arg(statusName(sw3));
    return {Kind::Status, sw3, std::move(detail)};
}

QString ReaderError::message() const
{
    switch (kind) {
    case Kind::Timeout:
        return tr("The card reader did not answer. Check its cable and power, then try again.");
    case Kind::Corrupted:
        return tr("The card reader's answers arrived damaged. Check the cable and the port settings (baud rate).");
    case Kind::Link:
        return tr("The card reader is not connected or was unplugged. Plug it in; reading resumes by itself.");
    case Kind::UnknownCardType:
        return tr("This card type is not supported. Use a resident identity card or a foreigner's permanent "
                  "residence card, or register the document by hand if it has no chip.");
    case Kind::BadCardData:
        return tr("The card was read but its data is not readable. Lift the card and place it again; if this "
                  "repeats, the card may be damaged.");
    case Kind::Library:
        return tr("The card reader's vendor library is missing or failed. Check the reader settings.");
    case Kind::Status:
        break;
    }
    if (status == kStatusOk || status == kStatusCardFound) {
        // A success word is no error; it gets here only as the answer to another command than the one asked.
        return tr("The card reader's answer did not match the request. Lift the card and place it again; if this "
                  "repeats, check the cable and the port settings.");
    }
    switch (Sw3(status)) {
    case Sw3::BadChecksum:
    case Sw3::BadLength:
    case Sw3::BadCommand:
        return tr("The card reader did not understand the request. Check the cable and the port settings, then "
                  "try again.");
    case Sw3::NoPrivilege:
    case Sw3::AuthFailed1:
    case Sw3::AuthFailed2:
    case Sw3::AuthFailed3:
    case Sw3::RandomFailed:
        return tr("The card could not be authenticated. Lift the card and place it again; if this repeats, the "
                  "card may be forged or damaged.");
    case Sw3::UnknownCardType:
        return tr("The reader does not recognise this card. Only identity cards with a chip can be read.");
    case Sw3::ReadFailed:
        return tr("The card could not be read. Keep the card flat and still on the reader until reading "
                  "finishes, then try again.");
    case Sw3::SamSelfTestFailed:
        return tr("The card reader's security module failed its self-test. Restart the reader; if this repeats, "
                  "call support.");
    case Sw3::SamNotAuthorised:
        return tr("The card reader's security module is not authorised. Call support: the reader must be "
                  "registered before use.");
    case Sw3::FindFailed:
        return tr("No card on the reader. Place the identity card flat on the reader.");
    case Sw3::SelectFailed:
        return tr("The card on the reader could not be selected. Lift the card and place it again.");
    case Sw3::NoSuchItem:
        return tr("The card does not hold the requested information.");
    case Sw3::LinkFault:
        return tr("The card reader reported a communication fault. Check the cable and try again.");
    case Sw3::UnknownError:
        break;
    }
    return tr("The card reader reported an error (code %1). Lift the card and try again; if this repeats, call "
              "support.")
        .arg(u"%1"_s.arg(uint(status), 2, 16, QChar(u'0')).toUpper());
}

QString ReaderError::codeName() const
{
    switch (kind) {
    case Kind::Status:
        return u"status_%1"_s.arg(uint(status), 2, 16, QChar(u'0'));
    case Kind::Timeout:
        return u"timeout"_s;
    case Kind::Corrupted:
        return u"corrupted"_s;
    case Kind::Link:
        return u"link"_s;
    case Kind::UnknownCardType:
        return u"unknown_card_type"_s;
    case Kind::BadCardData:
        return u"bad_card_data"_s;
    case Kind::Library:
        return u"library"_s;
    }
    return u"unknown"_s;
}

Error ReaderError::toError() const
{
    if (kind == Kind::UnknownCardType || kind == Kind::BadCardData)
        return Error::invalidInput(detail.isEmpty() ? codeName() : detail);
    return Error::deviceFault(detail.isEmpty() ? codeName() : detail);
}

} // namespace shiming::reader
