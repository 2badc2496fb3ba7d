// Travel permits: 港澳居民来往内地通行证 (H or M + 8 digits, 2 more re-issue digits on some cards) and
// 台湾居民来往大陆通行证 (8 digits, +2), and the bare passport number typed with an IdentityDocument.

#include "core/identity/ValidatorsInternal.h"

using namespace Qt::StringLiterals;

namespace shiming::identity::detail {

namespace {

bool allDigits(QStringView text)
{
    for (const QChar c : text) {
        if (!isAsciiDigit(c.unicode()))
            return false;
    }
    return true;
}

} // namespace

void validateHkMoPermitNumber(ValidationResult& result, QStringView input, QDate /*today*/)
{
    const QString normalized = normalizeToken(input);
    if (!precheck(result, input, normalized, isAsciiDigitOrUpper))
        return;
    const QStringView number = result.normalized;
    const char16_t first = number[0].unicode();
    if (first != u'H' && first != u'M') {
        addError(result, codes::InvalidFormat,
                 u"A Hong Kong or Macao permit number starts with H (Hong Kong) or M (Macao)."_s);
        return;
    }
    if (!allDigits(number.sliced(1))) {
        addError(result, codes::InvalidFormat, u"After H or M the permit number holds digits only."_s);
        return;
    }
    if (number.size() != 9 && number.size() != 11) {
        addError(result, codes::InvalidLength,
                 u"A Hong Kong or Macao permit number is H or M followed by 8 or 10 digits (%1 digits given)."_s.arg(
                     number.size() - 1));
        return;
    }
    result.fields.insert(u"document_number"_s, result.normalized);
    result.fields.insert(u"issuer_region"_s, first == u'H' ? u"HK"_s : u"MO"_s);
    if (number.size() == 11)
        result.fields.insert(u"issue_count"_s, digitsValue(number, 9, 2));
}

void validateTwPermitNumber(ValidationResult& result, QStringView input, QDate /*today*/)
{
    const QString normalized = normalizeToken(input);
    if (!precheck(result, input, normalized, isAsciiDigitOrUpper))
        return;
    const QStringView number = result.normalized;
    if (!allDigits(number)) {
        addError(result, codes::InvalidFormat, u"A Taiwan residents' permit number holds digits only."_s);
        return;
    }
    if (number.size() != 8 && number.size() != 10) {
        addError(result, codes::InvalidLength,
                 u"A Taiwan residents' permit number has 8 or 10 digits (%1 given)."_s.arg(number.size()));
        return;
    }
    result.fields.insert(u"document_number"_s, result.normalized);
    result.fields.insert(u"issuer_region"_s, u"TW"_s);
    if (number.size() == 10)
        result.fields.insert(u"issue_count"_s, digitsValue(number, 8, 2));
}

void validatePassportNumber(ValidationResult& result, QStringView input, QDate /*today*/)
{
    const QString normalized = normalizeToken(input);
    if (!precheck(result, input, normalized, isAsciiDigitOrUpper))
        return;
    if (result.normalized.size() < 5 || result.normalized.size() > 20) {
        addError(result, codes::InvalidLength,
                 u"A passport number has 5 to 20 letters and digits (%1 given)."_s.arg(result.normalized.size()));
        return;
    }
    result.fields.insert(u"document_number"_s, result.normalized);
}

} // namespace shiming::identity::detail
