#pragma once

#include "core/identity/DocumentType.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariantMap>

namespace shiming {

/// One problem found in a value. `code` is a stable snake_case machine code (see docs/identity.md and
/// identity::ErrorCodes); `message` is English, for logs and the command line, and never contains the value.
struct ValidationIssue {
    QString code;
    QString message;

    friend bool operator==(const ValidationIssue&, const ValidationIssue&) = default;
};

/// The structured outcome of validating one value.
/// `normalized` is the cleaned value (spaces removed, full-width folded, upper case; MRZ lines joined by '\n').
/// `fields` uses snake_case keys: birth_date (YYYY-MM-DD), sex ("M"/"F"), age, region_code, region, province,
/// city, nationality (ISO alpha-3), document_number, expiry_date, issuer, ... Dates are QString in ISO form.
struct ValidationResult {
    DocumentType type = DocumentType::ResidentId;
    QString normalized;
    QVariantMap fields;
    QList<ValidationIssue> errors;
    QList<ValidationIssue> warnings;

    bool valid() const { return errors.isEmpty(); }
    bool hasError(QStringView code) const;
    bool hasWarning(QStringView code) const;
};

/// The JSON object `shimingctl validate --json` prints:
/// {"type", "valid", "normalized", "fields", "errors": [{"code","message"}], "warnings": [...]}.
/// A value auto-detection could not classify prints "type": "unknown".
QJsonObject validationResultToJson(const ValidationResult& result);

/// Stable error and warning codes. Keep in sync with docs/identity.md.
namespace identity::codes {
inline constexpr QStringView Empty = u"empty";
inline constexpr QStringView TooLong = u"too_long";
inline constexpr QStringView InvalidCharacter = u"invalid_character";
inline constexpr QStringView InvalidLength = u"invalid_length";
inline constexpr QStringView InvalidFormat = u"invalid_format";
inline constexpr QStringView Unrecognized = u"unrecognized";
inline constexpr QStringView CheckCharacter = u"check_character";
inline constexpr QStringView FirstGenerationId = u"first_generation_id";
inline constexpr QStringView InvalidBirthDate = u"invalid_birth_date";
inline constexpr QStringView BirthDateFuture = u"birth_date_future";
inline constexpr QStringView BirthDateImplausible = u"birth_date_implausible";
inline constexpr QStringView UnknownProvince = u"unknown_province";
inline constexpr QStringView UnknownRegion = u"unknown_region"; // warning
inline constexpr QStringView ResidencePermitNumber = u"residence_permit_number";
inline constexpr QStringView ResidencePermitRegion = u"residence_permit_region";
inline constexpr QStringView UnknownNationality = u"unknown_nationality";
inline constexpr QStringView MrzLineCount = u"mrz_line_count";
inline constexpr QStringView MrzLineLength = u"mrz_line_length";
inline constexpr QStringView MrzDocumentCode = u"mrz_document_code";
inline constexpr QStringView CheckDigitDocumentNumber = u"check_digit_document_number";
inline constexpr QStringView CheckDigitBirthDate = u"check_digit_birth_date";
inline constexpr QStringView CheckDigitExpiryDate = u"check_digit_expiry_date";
inline constexpr QStringView CheckDigitOptionalData = u"check_digit_optional_data";
inline constexpr QStringView CheckDigitComposite = u"check_digit_composite";
inline constexpr QStringView InvalidExpiryDate = u"invalid_expiry_date";
inline constexpr QStringView InvalidSex = u"invalid_sex";
inline constexpr QStringView DocumentExpired = u"document_expired";
inline constexpr QStringView OrganizationCodeCheck = u"organization_code_check";
inline constexpr QStringView LuhnCheck = u"luhn_check";         // warning
inline constexpr QStringView UnknownIssuer = u"unknown_issuer"; // warning
inline constexpr QStringView NotMobilePrefix = u"not_mobile_prefix";
inline constexpr QStringView UnknownOperator = u"unknown_operator"; // warning
inline constexpr QStringView VirtualOperator = u"virtual_operator"; // warning
// IdentityDocument consistency
inline constexpr QStringView MissingName = u"missing_name";
inline constexpr QStringView BirthDateMismatch = u"birth_date_mismatch";
inline constexpr QStringView SexMismatch = u"sex_mismatch";
inline constexpr QStringView UnknownEthnicity = u"unknown_ethnicity";
inline constexpr QStringView InvalidValidity = u"invalid_validity";
inline constexpr QStringView NotYetValid = u"not_yet_valid";
inline constexpr QStringView ExpiresSoon = u"expires_soon";                      // warning
inline constexpr QStringView UnusualValidityPeriod = u"unusual_validity_period"; // warning
inline constexpr QStringView TypeMismatch = u"type_mismatch";
} // namespace identity::codes

} // namespace shiming
