#pragma once

#include <QString>
#include <QStringView>

namespace shiming::catalog {

/// SIM operators told apart by the ICCID's issuer prefix.
enum class SimOperator { Unknown, ChinaMobile, ChinaUnicom, ChinaTelecom };

/// "china_mobile", "china_unicom", "china_telecom", "unknown".
QString simOperatorKey(SimOperator op);
/// The operator's code as HQ and the sync name it: "CMCC", "CUCC", "CTCC" (Unknown: "CMCC", the default outlet).
QString simOperatorCode(SimOperator op);

/// The outcome of checking a scanned ICCID.
struct IccidCheck {
    QString iccid;       ///< digits only, as scanned (spaces, dashes and a trailing 'F' filler removed)
    QString error;       ///< empty when usable; else "empty", "invalid_character", "invalid_length",
                         ///< "not_iccid" (no 89 prefix), "wrong_operator"; the session adds "in_use"
                         ///< (bound to another registration) and "unchecked" (the store cannot say)
    bool luhnOk = false; ///< a failed Luhn check is a warning only: some cards carry no check digit
    SimOperator simOperator = SimOperator::Unknown;

    bool valid() const { return error.isEmpty() && !iccid.isEmpty(); }
};

/// Checks what a barcode scanner (keyboard wedge) or the clerk typed as an ICCID: 19 or 20 digits starting
/// with 89. When `expected` is not Unknown, a card of another operator is refused ("wrong_operator").
/// Never crashes on any input; inputs longer than 64 characters are "invalid_length".
IccidCheck checkIccid(QStringView scanned, SimOperator expected = SimOperator::Unknown);

} // namespace shiming::catalog
