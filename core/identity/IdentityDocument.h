#pragma once

#include "core/common/Clock.h"
#include "core/identity/DocumentType.h"
#include "core/identity/Validation.h"

#include <QDate>
#include <QString>

namespace shiming {

/// A person's document as read from a chip or typed by the clerk. Text is kept exactly as given (names with
/// characters outside the BMP and the middle dot survive unchanged); nothing here is trimmed or truncated.
struct IdentityDocument {
    DocumentType type = DocumentType::ResidentId;
    QString name;        ///< Chinese name as on the document
    QString englishName; ///< Latin name (foreign permanent residence card, passports)
    QString sexCode;     ///< GB/T 2261.1: "1" male, "2" female, "0" unknown, "9" unspecified
    QString nationCode;  ///< GB 3304 ethnicity code ("01" 汉族 ...), empty when not applicable
    QDate birthDate;
    QString address;
    QString appendedAddress; ///< 追加住址 written to the chip after issue
    QString number;
    QString authority; ///< 签发机关
    QDate validFrom;
    QDate validTo;
    bool validToLongTerm = false; ///< 长期
    QString nationality;          ///< ISO 3166-1 alpha-3 ("CHN" for resident IDs)
    QString cardVersion;

    friend bool operator==(const IdentityDocument&, const IdentityDocument&) = default;
};

/// Checks a whole document: the number by its type, birth date and sex against the number, the validity
/// period, expiry against the clock (an expired document is an error; one expiring within 30 days a warning),
/// a known ethnicity code, and a non-empty name. The result's `fields` are those of the number's validator.
ValidationResult validateIdentityDocument(const IdentityDocument& document, const Clock& clock);

} // namespace shiming
