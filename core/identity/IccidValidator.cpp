// ICCID (ITU-T E.118): 19–20 digits starting 89 (telecom), then the country code (86 China) and the issuer.

#include "core/identity/CheckDigits.h"
#include "core/identity/ValidatorsInternal.h"

using namespace Qt::StringLiterals;

namespace shiming::identity::detail {

void validateIccid(ValidationResult& result, QStringView input, QDate /*today*/)
{
    const QString normalized = normalizeToken(input, Separators::Remove);
    if (!precheck(result, input, normalized, isAsciiDigit))
        return;
    const QStringView iccid = result.normalized;
    if (iccid.size() < 19 || iccid.size() > 20) {
        addError(result, codes::InvalidLength, u"An ICCID has 19 or 20 digits (%1 given)."_s.arg(iccid.size()));
        return;
    }
    if (!iccid.startsWith(u"89")) {
        addError(result, codes::InvalidFormat, u"An ICCID starts with 89 (telecommunications)."_s);
        return;
    }
    result.fields.insert(u"document_number"_s, result.normalized);
    result.fields.insert(u"country_code"_s, iccid.sliced(2, 2).toString());
    const std::optional<IccidIssuer> issuer = iccidIssuer(iccid);
    if (issuer) {
        result.fields.insert(u"issuer"_s, issuer->name.toString());
        result.fields.insert(u"issuer_code"_s, issuer->code.toString());
    } else
        addWarning(result, codes::UnknownIssuer,
                   iccid.sliced(2, 2) == u"86" ? u"The issuer code is not one of the Chinese operators'."_s
                                               : u"The ICCID was not issued in China (country code is not 86)."_s);
    if (!luhnValid(iccid))
        addWarning(result, codes::LuhnCheck, u"The last digit is not a Luhn check digit; re-scan the SIM card."_s);
}

} // namespace shiming::identity::detail
