#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace shiming::identity {

// The check algorithms of DOMAIN.md, once for the whole product: the validators, the ICCID check at the SIM
// step and the demo data all use these.

/// GB 11643 MOD 11-2 check character over the first 17 digits of a resident ID number ('0'..'9' or 'X').
/// The caller has checked that they are digits.
char16_t residentIdCheckCharacter(QStringView first17);

/// Luhn (ISO/IEC 7812-1) over a digit string; false for empty or non-digit input.
bool luhnValid(QStringView digits);
/// The digit that, appended to `digits` (all digits), makes a valid Luhn string.
char16_t luhnCheckDigit(QStringView digits);

/// The Chinese issuer an ICCID's first six digits name (8986 + issuer code, DOMAIN.md section 2).
struct IccidIssuer {
    QStringView code; ///< "cmcc", "cucc", "ctcc"
    QStringView name; ///< "China Mobile", ...
};
std::optional<IccidIssuer> iccidIssuer(QStringView iccid);

} // namespace shiming::identity
