// 外国人永久居留身份证: the 2017 format (15 characters: ISO alpha-3 nationality, 4-digit office code, YYMMDD,
// one sequence digit, ICAO 7-3-1 check digit) and the 2023 format (18 digits: '9', 2-digit province, ISO numeric
// nationality, YYYYMMDD, 3-digit sequence whose last digit gives the sex, GB 11643 MOD 11-2 check).

#include "core/identity/CheckDigits.h"
#include "core/identity/Nationalities.h"
#include "core/identity/Regions.h"
#include "core/identity/ValidatorsInternal.h"

using namespace Qt::StringLiterals;

namespace shiming::identity::detail {

namespace {

void validate2017(ValidationResult& result, QStringView number, QDate today)
{
    for (qsizetype i = 0; i < 15; ++i) {
        const char16_t c = number[i].unicode();
        if (i < 3 ? !isAsciiUpper(c) : !isAsciiDigit(c)) {
            addError(result, codes::InvalidFormat,
                     u"A 15-character permanent residence card number is three letters followed by 12 digits."_s);
            return;
        }
    }
    result.fields.insert(u"format"_s, u"2017"_s);
    result.fields.insert(u"document_number"_s, result.normalized);
    if (icaoCheckDigit(number.first(14)) != number[14].unicode() - u'0')
        addError(result, codes::CheckCharacter, u"The check digit (15th) does not match the other 14 characters."_s);
    const QString nationality = number.first(3).toString();
    if (countryByAlpha3(nationality))
        result.fields.insert(u"nationality"_s, nationality);
    else
        addError(result, codes::UnknownNationality, u"The first three letters are not an ISO 3166 country code."_s);
    result.fields.insert(u"office_code"_s, number.sliced(3, 4).toString());
    const int yy = digitsValue(number, 7, 2);
    const int month = digitsValue(number, 9, 2);
    const int day = digitsValue(number, 11, 2);
    const QDate birth = pastDateFromTwoDigitYear(yy, month, day, today);
    if (!birth.isValid()) {
        addError(result, codes::InvalidBirthDate, u"The birth date in the number is not a real date."_s);
        return;
    }
    checkBirthDate(result, birth.year(), birth.month(), birth.day(), today);
}

void validate2023(ValidationResult& result, QStringView number, QDate today)
{
    for (qsizetype i = 0; i < 17; ++i) {
        if (!isAsciiDigit(number[i].unicode())) {
            addError(result, codes::InvalidFormat,
                     u"An 18-character permanent residence card number is 17 digits and a check character."_s);
            return;
        }
    }
    const char16_t last = number[17].unicode();
    if (!isAsciiDigit(last) && last != u'X') {
        addInvalidCharacter(result, 17, last);
        return;
    }
    if (number[0] != u'9') {
        addError(result, codes::InvalidFormat, u"An 18-digit permanent residence card number starts with 9."_s);
        return;
    }
    result.fields.insert(u"format"_s, u"2023"_s);
    result.fields.insert(u"document_number"_s, result.normalized);
    if (residentIdCheckCharacter(number.first(17)) != last)
        addError(result, codes::CheckCharacter, u"The check character (18th) does not match the other 17 digits."_s);
    const int province = digitsValue(number, 1, 2);
    result.fields.insert(u"province_code"_s, QString::number(province));
    if (const auto name = provinceName(province))
        result.fields.insert(u"province"_s, *name);
    else
        addError(result, codes::UnknownProvince, u"Digits 2–3 are not a province code (GB/T 2260)."_s);
    const int numeric = digitsValue(number, 3, 3);
    if (const auto country = countryByNumeric(numeric)) {
        result.fields.insert(u"nationality"_s, country->alpha3);
        result.fields.insert(u"nationality_numeric"_s, number.sliced(3, 3).toString());
    } else {
        addError(result, codes::UnknownNationality, u"Digits 4–6 are not an ISO 3166 numeric country code."_s);
    }
    checkBirthDate(result, digitsValue(number, 6, 4), digitsValue(number, 10, 2), digitsValue(number, 12, 2), today);
    result.fields.insert(u"sex"_s, (number[16].unicode() - u'0') % 2 == 1 ? u"M"_s : u"F"_s);
}

} // namespace

void validateForeignPermanentNumber(ValidationResult& result, QStringView input, QDate today)
{
    const QString normalized = normalizeToken(input);
    if (!precheck(result, input, normalized, isAsciiDigitOrUpper))
        return;
    const QStringView number = result.normalized;
    if (number.size() == 15)
        validate2017(result, number, today);
    else if (number.size() == 18)
        validate2023(result, number, today);
    else
        addError(
            result, codes::InvalidLength,
            u"A permanent residence card number has 15 (2017 format) or 18 (2023 format) characters (%1 given)."_s.arg(
                number.size()));
}

} // namespace shiming::identity::detail
