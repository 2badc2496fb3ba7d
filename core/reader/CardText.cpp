#include "core/reader/CardText.h"

#include "core/reader/Ga467Frame.h"

using namespace Qt::StringLiterals;

namespace shiming::reader {
namespace {

struct Field {
    qsizetype offset;
    qsizetype size;
};

// Resident layout (DOMAIN.md section 3).
constexpr Field kName{0, 30}, kSex{30, 2}, kNation{32, 4}, kBirth{36, 16}, kAddress{52, 70}, kNumber{122, 36},
    kAuthority{158, 30}, kValidFrom{188, 16}, kValidTo{204, 16};
// Foreigner's permanent residence card layout.
constexpr Field kEnglishName{0, 120}, kForeignSex{120, 2}, kPermitNumber{122, 30}, kNationality{152, 6},
    kChineseName{158, 30}, kForeignValidFrom{188, 16}, kForeignValidTo{204, 16}, kForeignBirth{220, 16},
    kCardVersion{236, 4}, kAuthorityCode{240, 8}, kCardType{248, 2};

bool isPadding(char16_t c)
{
    return c == u' ' || c == u'\0' || c == u'\u3000';
}

/// Decodes one UCS-2/UTF-16 LE field and strips its padding; nullopt when the text is not valid.
std::optional<QString> decodeField(QByteArrayView block, Field field)
{
    QString text;
    text.reserve(field.size / 2);
    for (qsizetype i = 0; i + 1 < field.size; i += 2) {
        const auto lo = std::uint8_t(block[field.offset + i]);
        const auto hi = std::uint8_t(block[field.offset + i + 1]);
        text.append(QChar(char16_t(lo | (hi << 8))));
    }
    qsizetype end = text.size();
    while (end > 0 && isPadding(text.at(end - 1).unicode()))
        --end;
    qsizetype begin = 0;
    while (begin < end && isPadding(text.at(begin).unicode()))
        ++begin;
    text = text.sliced(begin, end - begin);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            return std::nullopt;
        if (c.isHighSurrogate()) {
            if (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate())
                return std::nullopt;
            ++i;
        } else if (c.isLowSurrogate()) {
            return std::nullopt;
        }
    }
    return text;
}

bool encodeField(QByteArray& block, Field field, const QString& value)
{
    if (value.size() * 2 > field.size)
        return false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char16_t c = value.at(i).unicode();
        block[field.offset + 2 * i] = char(c & 0xFF);
        block[field.offset + 2 * i + 1] = char(c >> 8);
    }
    return true;
}

QByteArray blankBlock(qsizetype size)
{
    QByteArray block(size, '\0');
    for (qsizetype i = 0; i < size; i += 2)
        block[i] = ' ';
    return block;
}

/// One text-block field of a layout: where it sits and which CardText member holds it. Parsing and encoding
/// read the same table, so the two directions cannot drift apart.
struct LayoutItem {
    QString CardText::*member;
    Field field;
    const char* label;
};

QList<LayoutItem> layoutItems(CardText::Layout layout)
{
    if (layout == CardText::Layout::Resident)
        return {{&CardText::name, kName, "name"},
                {&CardText::sex, kSex, "sex"},
                {&CardText::nation, kNation, "nation"},
                {&CardText::birth, kBirth, "birth"},
                {&CardText::address, kAddress, "address"},
                {&CardText::number, kNumber, "number"},
                {&CardText::authority, kAuthority, "authority"},
                {&CardText::validFrom, kValidFrom, "valid from"},
                {&CardText::validTo, kValidTo, "valid to"}};
    return {{&CardText::englishName, kEnglishName, "english name"},
            {&CardText::sex, kForeignSex, "sex"},
            {&CardText::number, kPermitNumber, "permit number"},
            {&CardText::nationality, kNationality, "nationality"},
            {&CardText::name, kChineseName, "chinese name"},
            {&CardText::validFrom, kForeignValidFrom, "valid from"},
            {&CardText::validTo, kForeignValidTo, "valid to"},
            {&CardText::birth, kForeignBirth, "birth"},
            {&CardText::cardVersion, kCardVersion, "card version"},
            {&CardText::authority, kAuthorityCode, "authority code"}};
}

} // namespace

std::expected<CardText, ReaderError> parseCardText(QByteArrayView block)
{
    if (block.size() != ga467::kTextSize)
        return std::unexpected(ReaderError{ReaderError::Kind::BadCardData, 0,
                                           u"text block has %1 bytes, expected 256"_s.arg(block.size())});
    const auto bad = [](const char* field) {
        return std::unexpected(ReaderError{ReaderError::Kind::BadCardData, 0,
                                           u"text block field '%1' is not valid text"_s.arg(QLatin1StringView(field))});
    };
    const std::optional<QString> type = decodeField(block, kCardType);
    if (!type)
        return bad("card type");

    CardText text;
    if (type->isEmpty()) {
        text.layout = CardText::Layout::Resident;
    } else if (*type == u"I"_s) {
        text.layout = CardText::Layout::ForeignPermanent;
    } else {
        QString hex;
        for (QChar c : *type)
            hex += u"%1"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0'));
        return std::unexpected(
            ReaderError{ReaderError::Kind::UnknownCardType, 0, u"unknown card type marker U+%1"_s.arg(hex)});
    }
    for (const LayoutItem& item : layoutItems(text.layout)) {
        std::optional<QString> value = decodeField(block, item.field);
        if (!value)
            return bad(item.label);
        text.*item.member = *value;
    }
    return text;
}

Result<QByteArray> encodeCardText(const CardText& text)
{
    QByteArray block = blankBlock(ga467::kTextSize);
    for (const LayoutItem& item : layoutItems(text.layout)) {
        if (!encodeField(block, item.field, text.*item.member))
            return fail(Error::invalidInput(
                u"field '%1' does not fit its %2 bytes"_s.arg(QLatin1StringView(item.label)).arg(item.field.size)));
    }
    if (text.layout == CardText::Layout::ForeignPermanent)
        encodeField(block, kCardType, u"I"_s);
    return block;
}

std::expected<QString, ReaderError> parseAppendedAddress(QByteArrayView block)
{
    if (block.size() < ga467::kAppendedAddressSize)
        return std::unexpected(
            ReaderError{ReaderError::Kind::BadCardData, 0, u"appended address block has %1 bytes"_s.arg(block.size())});
    std::optional<QString> value = decodeField(block, Field{0, ga467::kAppendedAddressSize});
    if (!value)
        return std::unexpected(ReaderError{ReaderError::Kind::BadCardData, 0, u"appended address is not valid text"_s});
    return *value;
}

Result<QByteArray> encodeAppendedAddress(const QString& address)
{
    QByteArray block = blankBlock(ga467::kAppendedAddressSize);
    if (!encodeField(block, Field{0, ga467::kAppendedAddressSize}, address))
        return fail(Error::invalidInput(u"appended address does not fit 70 bytes"_s));
    return block;
}

} // namespace shiming::reader
