#include "core/identity/IdentityDocument.h"

#include "core/identity/Validators.h"
#include "core/identity/ValidatorsInternal.h"

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace shiming {

using namespace identity::detail;
namespace codes = identity::codes;

namespace {

bool numberEncodesBirthAndSex(DocumentType type, const ValidationResult& numberResult)
{
    switch (type) {
    case DocumentType::ResidentId:
    case DocumentType::TemporaryResidentId:
    case DocumentType::HouseholdRegister:
    case DocumentType::ResidencePermit:
    case DocumentType::ForeignPermanent:
        return numberResult.fields.contains(u"birth_date"_s);
    default:
        return false;
    }
}

bool hasChipEthnicity(DocumentType type)
{
    return type == DocumentType::ResidentId || type == DocumentType::TemporaryResidentId ||
           type == DocumentType::HouseholdRegister;
}

// 居民身份证法 article 5: the period follows the age at application: under 16 five years, 16–25 ten, 26–45
// twenty, 46 and over long-term. A card that does not fit was typed wrongly or deserves a second look.
void checkResidentValidityPeriod(ValidationResult& result, const IdentityDocument& document, QDate birth)
{
    if (!birth.isValid() || !document.validFrom.isValid())
        return;
    const int age = ageOn(birth, document.validFrom);
    if (age < 0)
        return;
    const int years = age < 16 ? 5 : age <= 25 ? 10 : age <= 45 ? 20 : 0;
    bool fits = false;
    if (document.validToLongTerm)
        fits = years == 0;
    else if (document.validTo.isValid() && years > 0)
        fits = std::abs(document.validFrom.addYears(years).daysTo(document.validTo)) <= 1;
    else
        fits = !document.validTo.isValid(); // nothing to compare
    if (!fits)
        addWarning(result, codes::UnusualValidityPeriod,
                   u"The validity period does not match the holder's age at issue (5, 10, 20 years or long-term)."_s);
}

} // namespace

ValidationResult validateIdentityDocument(const IdentityDocument& document, const Clock& clock)
{
    const QDate today = clock.today();
    ValidationResult result;
    result.type = document.type;
    if (!isPersonalDocument(document.type)) {
        addError(result, codes::TypeMismatch, u"This document type does not identify a person."_s);
        return result;
    }
    if (document.type == DocumentType::Passport)
        validatePassportNumber(result, document.number, today);
    else
        result = validate(document.type, document.number, today);

    if (document.name.trimmed().isEmpty() && document.englishName.trimmed().isEmpty())
        addError(result, codes::MissingName, u"The document has no name."_s);

    if (!document.sexCode.isEmpty() && sexName(document.sexCode).isEmpty())
        addError(result, codes::InvalidSex, u"The sex code is not a GB/T 2261.1 code (0, 1, 2 or 9)."_s);

    if (numberEncodesBirthAndSex(document.type, result)) {
        const QString numberBirth = result.fields.value(u"birth_date"_s).toString();
        if (document.birthDate.isValid() && document.birthDate.toString(Qt::ISODate) != numberBirth)
            addError(result, codes::BirthDateMismatch, u"The birth date differs from the one in the number."_s);
        const QString numberSex = result.fields.value(u"sex"_s).toString();
        const QString letter = sexLetter(document.sexCode);
        if (!numberSex.isEmpty() && !letter.isEmpty() && numberSex != letter)
            addError(result, codes::SexMismatch, u"The sex differs from the one the number encodes."_s);
    } else if (document.birthDate.isValid()) {
        if (document.birthDate > today)
            addError(result, codes::BirthDateFuture, u"The birth date lies in the future."_s);
        else
            result.fields.insert(u"age"_s, ageOn(document.birthDate, today));
        result.fields.insert(u"birth_date"_s, document.birthDate.toString(Qt::ISODate));
    }

    if (hasChipEthnicity(document.type) && !document.nationCode.isEmpty() &&
        ethnicityName(document.nationCode).isEmpty())
        addError(result, codes::UnknownEthnicity, u"The ethnicity code is not a GB 3304 code."_s);

    if (document.validFrom.isValid() && document.validTo.isValid() && !document.validToLongTerm &&
        document.validFrom > document.validTo)
        addError(result, codes::InvalidValidity, u"The validity period ends before it starts."_s);
    if (document.validFrom.isValid() && document.validFrom > today)
        addError(result, codes::NotYetValid, u"The document is not valid yet."_s);
    if (!document.validToLongTerm && document.validTo.isValid()) {
        result.fields.insert(u"expiry_date"_s, document.validTo.toString(Qt::ISODate));
        if (document.validTo < today)
            addError(result, codes::DocumentExpired, u"The document expired."_s);
        else if (today.daysTo(document.validTo) <= 30)
            addWarning(result, codes::ExpiresSoon, u"The document expires within 30 days."_s);
    }
    if (document.validToLongTerm)
        result.fields.insert(u"expiry_date"_s, u"long-term"_s);
    if (document.type == DocumentType::ResidentId) {
        const QDate birth = QDate::fromString(result.fields.value(u"birth_date"_s).toString(), Qt::ISODate);
        checkResidentValidityPeriod(result, document, birth.isValid() ? birth : document.birthDate);
    }
    if (!document.nationality.isEmpty())
        result.fields.insert(u"nationality"_s, document.nationality);
    return result;
}

} // namespace shiming
