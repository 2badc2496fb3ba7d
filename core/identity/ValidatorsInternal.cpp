#include "core/identity/ValidatorsInternal.h"

#include "core/identity/Regions.h"
#include "core/identity/Validators.h"

using namespace Qt::StringLiterals;

namespace shiming::identity::detail {

namespace {

QString staticCode(QStringView code)
{
    // Codes are the string literals of identity::codes: share them instead of copying.
    return QString::fromRawData(code.data(), code.size());
}

} // namespace

void addError(ValidationResult& result, QStringView code, QString message)
{
    result.errors.append({staticCode(code), std::move(message)});
}

void addWarning(ValidationResult& result, QStringView code, QString message)
{
    result.warnings.append({staticCode(code), std::move(message)});
}

QString normalizeToken(QStringView input, Separators separators)
{
    // Fast path: already clean (digits and capitals only), as from a card reader or a scanner.
    if (input.size() <= kMaxInputLength) {
        bool clean = true;
        for (const QChar ch : input) {
            const char16_t c = ch.unicode();
            if (!((c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z'))) {
                clean = false;
                break;
            }
        }
        if (clean)
            return input.toString();
    }
    QString out;
    out.reserve(std::min<qsizetype>(input.size(), kMaxInputLength + 1));
    for (const QChar ch : input) {
        char16_t c = ch.unicode();
        if (c >= 0xFF01 && c <= 0xFF5E) // full-width ASCII
            c = static_cast<char16_t>(c - 0xFEE0);
        if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == 0x3000 || c == 0x00A0 || c == 0x200B ||
            c == 0xFEFF || c == 0x2060 || ch.isSpace())
            continue;
        if (separators == Separators::Remove &&
            (c == u'-' || c == u'(' || c == u')' || c == u'.' || c == 0x2014 || c == 0x2013 || c == 0x2212))
            continue;
        if (c >= u'a' && c <= u'z')
            c = static_cast<char16_t>(c - (u'a' - u'A'));
        out.append(QChar(c));
        if (out.size() > kMaxInputLength)
            break;
    }
    return out;
}

bool precheckLength(ValidationResult& result, QStringView input, const QString& normalized)
{
    if (input.size() > 64 * kMaxInputLength || normalized.size() > kMaxInputLength) {
        addError(result, codes::TooLong,
                 u"The value is far longer than any document number (limit %1 characters)."_s.arg(kMaxInputLength));
        return false;
    }
    result.normalized = normalized;
    if (normalized.isEmpty()) {
        addError(result, codes::Empty, u"No value was entered."_s);
        return false;
    }
    return true;
}

void addInvalidCharacter(ValidationResult& result, qsizetype position, char16_t character)
{
    if (character == 0xFFFD) {
        addError(result, codes::InvalidCharacter,
                 u"Character %1 is not valid text (invalid UTF-8 or a replacement character)."_s.arg(position + 1));
        return;
    }
    addError(result, codes::InvalidCharacter,
             u"Character %1 is not allowed in this kind of number."_s.arg(position + 1));
}

int digitsValue(QStringView text, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i)
        value = value * 10 + (text[i].unicode() - u'0');
    return value;
}

int icaoCharacterValue(char16_t c)
{
    if (isAsciiDigit(c))
        return c - u'0';
    if (isAsciiUpper(c))
        return c - u'A' + 10;
    if (c == u'<')
        return 0;
    return -1;
}

int icaoCheckDigit(QStringView text)
{
    static constexpr int weights[3] = {7, 3, 1};
    int sum = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const int value = icaoCharacterValue(text[i].unicode());
        if (value < 0)
            return -1;
        sum += value * weights[i % 3];
    }
    return sum % 10;
}

QDate pastDateFromTwoDigitYear(int yy, int month, int day, QDate today)
{
    const int century = today.year() / 100 * 100;
    QDate date(century + yy, month, day);
    if (date.isValid() && date > today)
        date = QDate(century - 100 + yy, month, day);
    if (!date.isValid()) // 29 February in one century only
        date = QDate(century - 100 + yy, month, day);
    return date;
}

bool checkBirthDate(ValidationResult& result, int year, int month, int day, QDate today)
{
    const QDate birth(year, month, day);
    if (!birth.isValid()) {
        addError(result, codes::InvalidBirthDate, u"The birth date in the number is not a real date."_s);
        return false;
    }
    result.fields.insert(u"birth_date"_s, birth.toString(Qt::ISODate));
    if (today.isValid() && birth > today) {
        addError(result, codes::BirthDateFuture, u"The birth date in the number lies in the future."_s);
        return false;
    }
    if (year < 1880) {
        addError(result, codes::BirthDateImplausible, u"The birth date in the number is before 1880."_s);
        return false;
    }
    if (today.isValid())
        result.fields.insert(u"age"_s, ageOn(birth, today));
    return true;
}

bool addRegionFields(ValidationResult& result, int regionCode, bool provinceIsError)
{
    result.fields.insert(u"region_code"_s, QString::number(regionCode));
    const auto names = lookupRegion(regionCode);
    if (!names) {
        if (provinceIsError)
            addError(result, codes::UnknownProvince, u"The first two digits are not a province code (GB/T 2260)."_s);
        else
            addWarning(result, codes::UnknownRegion, u"The region code is not in the GB/T 2260 table."_s);
        return false;
    }
    result.fields.insert(u"province"_s, names->province);
    if (!names->city.isEmpty() && !isPlaceholderCity(names->city))
        result.fields.insert(u"city"_s, names->city);
    result.fields.insert(u"region"_s, names->fullName());
    if (!names->exactMatch)
        addWarning(result, codes::UnknownRegion,
                   u"The 6-digit region code is not in the current GB/T 2260 table (old cards keep abolished "
                   u"codes)."_s);
    return true;
}

} // namespace shiming::identity::detail
