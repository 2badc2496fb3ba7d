// GB 11643 citizen identity numbers: resident ID, temporary resident ID, household register, and the residence
// permit for Hong Kong, Macao and Taiwan residents, which shares the structure and check.

#include "core/identity/CheckDigits.h"
#include "core/identity/Regions.h"
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

QString isoDate(int year, int month, int day)
{
    QString text(10, Qt::Uninitialized);
    QChar* out = text.data();
    const int parts[] = {year / 1000, year / 100 % 10, year / 10 % 10, year % 10, -1, month / 10, month % 10,
                         -1,          day / 10,        day % 10};
    for (int i = 0; i < 10; ++i)
        out[i] = parts[i] < 0 ? QChar(u'-') : QChar(static_cast<char16_t>(u'0' + parts[i]));
    return text;
}

// The hot path of every registration: no formatting through QString::arg or QDate::toString, region names
// straight from the compiled table, fields inserted in key order so that each insertion is constant time.
void checkBody(ValidationResult& result, QDate today, Family family)
{
    const QStringView number = result.normalized;
    if (residentIdCheckCharacter(number.first(17)) != number[17].unicode())
        addError(result, codes::CheckCharacter, u"The check character (18th) does not match the other 17 digits."_s);

    const int year = digitsValue(number, 6, 4);
    const int month = digitsValue(number, 10, 2);
    const int day = digitsValue(number, 12, 2);
    const QDate birth(year, month, day);
    QString birthText;
    int age = -1;
    if (!birth.isValid()) {
        addError(result, codes::InvalidBirthDate, u"The birth date in the number is not a real date."_s);
    } else {
        birthText = isoDate(year, month, day);
        if (today.isValid() && birth > today) {
            addError(result, codes::BirthDateFuture, u"The birth date in the number lies in the future."_s);
        } else if (year < 1880) {
            addError(result, codes::BirthDateImplausible, u"The birth date in the number is before 1880."_s);
        } else if (today.isValid()) {
            int ty = 0, tm = 0, td = 0;
            today.getDate(&ty, &tm, &td);
            age = ty - year - ((tm < month || (tm == month && td < day)) ? 1 : 0);
        }
    }

    const int region = digitsValue(number, 0, 6);
    QString issuerRegion;
    QString province;
    QString city;
    QString regionName;
    bool regionKnown = false;
    if (family == Family::Permit) {
        if (!isPermitRegion(region)) {
            addError(result, codes::ResidencePermitRegion,
                     u"A residence permit number starts with 810000 (Hong Kong), 820000 (Macao) or 830000 "
                     u"(Taiwan)."_s);
        } else {
            static const QString issuers[3] = {u"HK"_s, u"MO"_s, u"TW"_s};
            static const QString names[3] = {u"香港特别行政区"_s, u"澳门特别行政区"_s, u"台湾"_s};
            const int index = region / 10000 - 81;
            issuerRegion = issuers[index];
            province = regionName = names[index];
            regionKnown = true;
        }
    } else if (isPermitRegion(region)) {
        addError(result, codes::ResidencePermitNumber,
                 u"This is the number of a residence permit for Hong Kong, Macao or Taiwan residents; choose that "
                 u"document type."_s);
    } else if (const auto names = lookupRegion(region)) {
        province = names->province;
        if (!isPlaceholderCity(names->city))
            city = names->city;
        regionName = names->fullName();
        regionKnown = true;
        if (!names->exactMatch)
            addWarning(result, codes::UnknownRegion,
                       u"The 6-digit region code is not in the current GB/T 2260 table (old cards keep abolished "
                       u"codes)."_s);
    } else {
        addError(result, codes::UnknownProvince, u"The first two digits are not a province code (GB/T 2260)."_s);
    }

    // Keys in ascending order: age birth_date city document_number issuer_region nationality province region
    // region_code sex.
    QVariantMap& f = result.fields;
    if (age >= 0)
        f.insert(f.cend(), u"age"_s, age);
    if (!birthText.isEmpty())
        f.insert(f.cend(), u"birth_date"_s, birthText);
    if (!city.isEmpty())
        f.insert(f.cend(), u"city"_s, city);
    f.insert(f.cend(), u"document_number"_s, result.normalized);
    if (!issuerRegion.isEmpty())
        f.insert(f.cend(), u"issuer_region"_s, issuerRegion);
    f.insert(f.cend(), u"nationality"_s, u"CHN"_s);
    if (regionKnown) {
        f.insert(f.cend(), u"province"_s, province);
        f.insert(f.cend(), u"region"_s, regionName);
    }
    if (family == Family::Resident || regionKnown)
        f.insert(f.cend(), u"region_code"_s, QString::number(region));
    f.insert(f.cend(), u"sex"_s, (number[16].unicode() - u'0') % 2 == 1 ? u"M"_s : u"F"_s);
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
