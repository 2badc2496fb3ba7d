// ICCID (ITU-T E.118): 19–20 digits starting 89 (telecom), then the country code (86 China) and the issuer.

#include "core/identity/ValidatorsInternal.h"

using namespace Qt::StringLiterals;

namespace shiming::identity::detail {

namespace {

struct Issuer {
    std::u16string_view prefix;
    QStringView code;
    QStringView name;
};

// China's issuer identifiers after 8986 (DOMAIN.md section 2).
constexpr Issuer kIssuers[] = {
    {u"898600", u"cmcc", u"China Mobile"},  {u"898602", u"cmcc", u"China Mobile"},
    {u"898601", u"cucc", u"China Unicom"},  {u"898609", u"cucc", u"China Unicom"},
    {u"898603", u"ctcc", u"China Telecom"}, {u"898606", u"ctcc", u"China Telecom"},
};

bool luhnValid(QStringView digits)
{
    int sum = 0;
    bool doubleIt = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits[i].unicode() - u'0';
        if (doubleIt) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
}

} // namespace

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
    const std::u16string_view prefix(iccid.utf16(), 6);
    bool found = false;
    for (const auto& issuer : kIssuers) {
        if (issuer.prefix == prefix) {
            result.fields.insert(u"issuer"_s, issuer.name.toString());
            result.fields.insert(u"issuer_code"_s, issuer.code.toString());
            found = true;
            break;
        }
    }
    if (!found)
        addWarning(result, codes::UnknownIssuer,
                   iccid.sliced(2, 2) == u"86" ? u"The issuer code is not one of the Chinese operators'."_s
                                               : u"The ICCID was not issued in China (country code is not 86)."_s);
    if (!luhnValid(iccid))
        addWarning(result, codes::LuhnCheck, u"The last digit is not a Luhn check digit; re-scan the SIM card."_s);
}

} // namespace shiming::identity::detail
