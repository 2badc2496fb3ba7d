#pragma once

#include "core/common/Clock.h"
#include "core/identity/DocumentType.h"
#include "core/identity/Validation.h"

#include <QDate>
#include <QString>
#include <QStringView>

namespace shiming {

/// Validates `input` as a document of `type`. Never throws, never crashes: any input at all (empty, 100 KB,
/// replacement characters from invalid UTF-8, emoji, SQL text) gives a result with a clear error.
/// Input is normalised first: surrounding and inner spaces removed, full-width digits and letters folded,
/// lower case raised (so "x" check characters work). For Passport the input is the MRZ: lines separated by
/// newline or '|', filler variants ('«', '‹', '＜', ...) read as '<'.
/// The clock decides "today" for future birth dates, age and expiry.
ValidationResult validate(DocumentType type, QStringView input, const Clock& clock);
/// The same with "today" given directly (hot loops, tools with --today). An invalid date skips the checks
/// that need today (future birth date, age, expiry).
ValidationResult validate(DocumentType type, QStringView input, QDate today);

/// Guesses the type from the shape of `input` and validates it as that type. When nothing fits the result has
/// the error "unrecognized".
ValidationResult validateAuto(QStringView input, const Clock& clock);
ValidationResult validateAuto(QStringView input, QDate today);

/// Guesses the document type from the shape of the input; nullopt when nothing fits.
std::optional<DocumentType> detectDocumentType(QStringView input);

/// The input cleaned as validate() cleans it for `type` (no validation).
QString normalizeDocumentInput(DocumentType type, QStringView input);

/// Masks a document number for display where the full number is not needed: the first 6 and last 4
/// characters stay, the rest become '*' ("110105********002X"). Shorter values keep at most a third at the
/// start and half of the rest at the end ("138****8000"). Spaces are removed and full-width folded first.
QString maskDocumentNumber(QStringView number);

/// A name masked except the surname: the first character (a whole code point, so 𠮷 survives) stays, every
/// other character becomes '*', the middle dot of minority and foreign names stays ("阿**·***"). The outlet's
/// manager views and HQ's hall reads mask with it.
QString maskName(QStringView name);

/// Completed years between `birth` and `day` (a 29 February birthday counts on 1 March in common years).
/// -1 when either date is invalid or `day` is before `birth`.
int ageOn(QDate birth, QDate day);

/// GB 3304 name of an ethnicity code ("01" or "1" → "汉族"); empty when unknown.
QString ethnicityName(QStringView code);
/// The form printed on the card: the GB 3304 name without the trailing "族" ("汉"); empty when unknown.
QString ethnicityShortName(QStringView code);
/// Every GB 3304 code in order ("01".."56", "97", "98").
QStringList ethnicityCodes();

/// GB/T 2261.1 sex name in Chinese ("1" → "男", "2" → "女", "0" → "未知的性别", "9" → "未说明的性别");
/// empty when unknown. This is document data, not UI text.
QString sexName(QStringView code);
/// Translated display word for a sex code for the clerk ("Male", "Female", "Unknown", "Unspecified").
QString sexDisplayName(QStringView code);
/// "M"/"F" as in the validators' `sex` field for a GB/T 2261.1 code; empty for "0", "9" and unknown.
QString sexLetter(QStringView code);

} // namespace shiming
