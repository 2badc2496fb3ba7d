#include "core/identity/CheckDigits.h"

#include <array>

namespace shiming::identity {

namespace {

struct IssuerPrefix {
    QStringView prefix;
    IccidIssuer issuer;
};

// China's issuer identifiers after 8986 (DOMAIN.md section 2, with the later China Mobile and Telecom blocks).
constexpr std::array kIssuers{
    IssuerPrefix{u"898600", {u"cmcc", u"China Mobile"}},  IssuerPrefix{u"898602", {u"cmcc", u"China Mobile"}},
    IssuerPrefix{u"898604", {u"cmcc", u"China Mobile"}},  IssuerPrefix{u"898607", {u"cmcc", u"China Mobile"}},
    IssuerPrefix{u"898601", {u"cucc", u"China Unicom"}},  IssuerPrefix{u"898609", {u"cucc", u"China Unicom"}},
    IssuerPrefix{u"898603", {u"ctcc", u"China Telecom"}}, IssuerPrefix{u"898606", {u"ctcc", u"China Telecom"}},
    IssuerPrefix{u"898611", {u"ctcc", u"China Telecom"}},
};

// Sum of the Luhn digits of `digits`, doubling every second digit from the right starting with the last one
// (`doubleLast`) or the one before it. -1 on a non-digit.
int luhnSum(QStringView digits, bool doubleLast)
{
    int sum = 0;
    bool doubleIt = doubleLast;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const char16_t c = digits[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        int d = c - u'0';
        if (doubleIt) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return sum;
}

} // namespace

char16_t residentIdCheckCharacter(QStringView first17)
{
    static constexpr std::array<int, 17> weights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr std::array<char16_t, 11> checks{u'1', u'0', u'X', u'9', u'8', u'7', u'6', u'5', u'4', u'3', u'2'};
    int sum = 0;
    for (qsizetype i = 0; i < 17 && i < first17.size(); ++i)
        sum += (first17[i].unicode() - u'0') * weights[size_t(i)];
    return checks[size_t(sum % 11)];
}

bool luhnValid(QStringView digits)
{
    if (digits.isEmpty())
        return false;
    const int sum = luhnSum(digits, false);
    return sum >= 0 && sum % 10 == 0;
}

char16_t luhnCheckDigit(QStringView digits)
{
    const int sum = luhnSum(digits, true);
    return char16_t(u'0' + (sum < 0 ? 0 : (10 - sum % 10) % 10));
}

std::optional<IccidIssuer> iccidIssuer(QStringView iccid)
{
    const QStringView prefix = iccid.left(6);
    for (const IssuerPrefix& entry : kIssuers) {
        if (entry.prefix == prefix)
            return entry.issuer;
    }
    return std::nullopt;
}

} // namespace shiming::identity
