// GB 11643 citizen identity numbers: resident ID, temporary resident ID, household register, and the residence
// permit for Hong Kong, Macao and Taiwan residents, which shares the structure and check.

#include "core/identity/ValidatorsInternal.h"

using namespace Qt::StringLiterals;

namespace shiming::identity::detail {

namespace {

bool isPermitRegion(int regionCode)
{
    return regionCode == 810000 || regionCode == 820000 || regionCode == 830000;
}

enum class Family { Resident, Permit };

// Shape checks shared by both families. Returns false when the number cannot be read further.
bool checkShape(ValidationResult& result, QStringView input, QDate today, Family family)
{
    const QString normalized = normalizeToken(input);
    if (!precheck(result, input, normalized, [](char16_t c) { return isAsciiDigit(c) || c == u'X'; }))
        return false;
    const QStringView number = result.normalized;
    const qsizetype length = number.size();
    const qsizetype x = number.indexOf(u'X');
    if (length == 15 && x < 0 && family == Family::Resident) {
        // First generation (1984–2004): region, YYMMDD, sequence; no longer accepted anywhere.
        addError(result, codes::FirstGenerationId,
                 u"This is a 15-digit first-generation ID number; those cards are no longer valid. Ask for the "
                 u"second-generation card."_s);
        const QDate birth(1900 + digitsValue(number, 6, 2), digitsValue(number, 8, 2), digitsValue(number, 10, 2));
        if (birth.isValid())
            result.fields.insert(u"birth_date"_s, birth.toString(Qt::ISODate));
        return false;
    }
    if (length != 18) {
        addError(result, codes::InvalidLength, u"The number must have 18 characters (%1 given)."_s.arg(length));
        return false;
    }
    if (x >= 0 && x != 17) {
        addInvalidCharacter(result, x, u'X');
        return false;
    }
    Q_UNUSED(today);
    return true;
}

void checkBody(ValidationResult& result, QDate today, Family family)
{
    const QStringView number = result.normalized;
    result.fields.insert(u"document_number"_s, result.normalized);
    if (mod112CheckCharacter(number.first(17)) != number[17].unicode())
        addError(result, codes::CheckCharacter, u"The check character (18th) does not match the other 17 digits."_s);

    checkBirthDate(result, digitsValue(number, 6, 4), digitsValue(number, 10, 2), digitsValue(number, 12, 2), today);
    result.fields.insert(u"sex"_s, (number[16].unicode() - u'0') % 2 == 1 ? u"M"_s : u"F"_s);

    const int region = digitsValue(number, 0, 6);
    if (family == Family::Permit) {
        if (!isPermitRegion(region)) {
            addError(result, codes::ResidencePermitRegion,
                     u"A residence permit number starts with 810000 (Hong Kong), 820000 (Macao) or 830000 "
                     u"(Taiwan)."_s);
            return;
        }
        result.fields.insert(u"region_code"_s, QString::number(region));
        static const QString issuers[3] = {u"HK"_s, u"MO"_s, u"TW"_s};
        static const QString names[3] = {u"香港特别行政区"_s, u"澳门特别行政区"_s, u"台湾"_s};
        const int index = region / 10000 - 81;
        result.fields.insert(u"issuer_region"_s, issuers[index]);
        result.fields.insert(u"province"_s, names[index]);
        result.fields.insert(u"region"_s, names[index]);
        result.fields.insert(u"nationality"_s, u"CHN"_s);
        return;
    }
    result.fields.insert(u"nationality"_s, u"CHN"_s);
    if (isPermitRegion(region)) {
        addError(result, codes::ResidencePermitNumber,
                 u"This is the number of a residence permit for Hong Kong, Macao or Taiwan residents; choose that "
                 u"document type."_s);
        return;
    }
    addRegionFields(result, region, true);
}

} // namespace

void validateResidentIdNumber(ValidationResult& result, QStringView input, QDate today)
{
    if (checkShape(result, input, today, Family::Resident))
        checkBody(result, today, Family::Resident);
}

void validateResidencePermitNumber(ValidationResult& result, QStringView input, QDate today)
{
    if (checkShape(result, input, today, Family::Permit))
        checkBody(result, today, Family::Permit);
}

} // namespace shiming::identity::detail
