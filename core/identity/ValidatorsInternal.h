#pragma once

// Helpers shared by the validators of core/identity. Not part of the public interface.

#include "core/identity/Validation.h"

#include <QDate>
#include <QString>
#include <QStringView>

namespace shiming::identity::detail {

/// Longer input is refused before any work: no document number or MRZ comes near it.
inline constexpr qsizetype kMaxInputLength = 512;

/// `code` must be one of the identity::codes constants (static storage: the issue shares it without copying).
void addError(ValidationResult& result, QStringView code, QString message);
void addWarning(ValidationResult& result, QStringView code, QString message);

enum class Separators { Keep, Remove };

/// Removes all white space (including U+3000 and zero-width spaces), folds full-width ASCII (U+FF01..U+FF5E)
/// and raises a–z. With Separators::Remove also drops '-', '(', ')' and '.' that clerks type into phone
/// and card numbers.
QString normalizeToken(QStringView input, Separators separators = Separators::Keep);

/// Common first checks: empty (after normalisation), too long, replacement characters from invalid UTF-8,
/// characters outside `allowed` (a predicate on one QChar). Adds the error and returns false when validation
/// cannot go on. Sets result.normalized (empty when too long).
template <typename Allowed>
bool precheck(ValidationResult& result, QStringView input, const QString& normalized, Allowed allowed);
bool precheckLength(ValidationResult& result, QStringView input, const QString& normalized);
void addInvalidCharacter(ValidationResult& result, qsizetype position, char16_t character);

inline bool isAsciiDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}
inline bool isAsciiUpper(char16_t c)
{
    return c >= u'A' && c <= u'Z';
}
inline bool isAsciiDigitOrUpper(char16_t c)
{
    return isAsciiDigit(c) || isAsciiUpper(c);
}
/// Number made of the digits [from, from+count); the caller has checked they are digits.
int digitsValue(QStringView text, qsizetype from, qsizetype count);

/// ICAO 9303 value of one MRZ character (0-9, A-Z = 10..35, '<' = 0); -1 otherwise.
int icaoCharacterValue(char16_t c);
/// ICAO 9303 7-3-1 check digit over `text`; -1 when a character has no value.
int icaoCheckDigit(QStringView text);

/// The date for a two-digit year that lies in the past (or today) relative to `today`; invalid if no such date.
QDate pastDateFromTwoDigitYear(int yy, int month, int day, QDate today);

/// Adds birth_date and age and the birth date errors (invalid, future, before 1880).
/// Returns false when the date is unusable.
bool checkBirthDate(ValidationResult& result, int year, int month, int day, QDate today);

/// Adds region_code, province, city, region for a 6-digit code; unknown province is an error, an unknown
/// 6-digit code a warning. Returns false when the province is unknown.
bool addRegionFields(ValidationResult& result, int regionCode, bool provinceIsError);

// One function per document family; `normalized` already passed precheck.
void validateResidentIdNumber(ValidationResult& result, QStringView input, QDate today);
void validateResidencePermitNumber(ValidationResult& result, QStringView input, QDate today);
void validateForeignPermanentNumber(ValidationResult& result, QStringView input, QDate today);
void validateHkMoPermitNumber(ValidationResult& result, QStringView input, QDate today);
void validateTwPermitNumber(ValidationResult& result, QStringView input, QDate today);
void validateMrz(ValidationResult& result, QStringView input, QDate today);
void validatePassportNumber(ValidationResult& result, QStringView input, QDate today);
void validateUscc(ValidationResult& result, QStringView input, QDate today);
void validateIccid(ValidationResult& result, QStringView input, QDate today);
void validateMobile(ValidationResult& result, QStringView input, QDate today);

template <typename Allowed>
bool precheck(ValidationResult& result, QStringView input, const QString& normalized, Allowed allowed)
{
    if (!precheckLength(result, input, normalized))
        return false;
    for (qsizetype i = 0; i < normalized.size(); ++i) {
        const char16_t c = normalized.at(i).unicode();
        if (!allowed(c)) {
            addInvalidCharacter(result, i, c);
            return false;
        }
    }
    return true;
}

} // namespace shiming::identity::detail
