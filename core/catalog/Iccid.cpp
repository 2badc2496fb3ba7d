#include "core/catalog/Iccid.h"

using namespace Qt::StringLiterals;

namespace shiming::catalog {

QString simOperatorKey(SimOperator op)
{
    switch (op) {
    case SimOperator::ChinaMobile:
        return u"china_mobile"_s;
    case SimOperator::ChinaUnicom:
        return u"china_unicom"_s;
    case SimOperator::ChinaTelecom:
        return u"china_telecom"_s;
    case SimOperator::Unknown:
        break;
    }
    return u"unknown"_s;
}

bool luhnValid(QStringView digits)
{
    if (digits.isEmpty())
        return false;
    int sum = 0;
    bool doubleIt = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const QChar c = digits[i];
        if (c < u'0' || c > u'9')
            return false;
        int d = c.unicode() - u'0';
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

IccidCheck checkIccid(QStringView scanned, SimOperator expected)
{
    IccidCheck check;
    if (scanned.size() > 64) {
        check.error = u"invalid_length"_s;
        return check;
    }
    QString digits;
    for (QChar c : scanned) {
        if (c.isSpace() || c == u'-')
            continue;
        // Full-width digits come from some input methods.
        if (c >= u'\uFF10' && c <= u'\uFF19')
            c = QChar(u'0' + (c.unicode() - 0xFF10));
        digits.append(c);
    }
    // Some cards print the 19-digit ICCID padded with an 'F' nibble.
    if (digits.size() == 20 && (digits.back() == u'F' || digits.back() == u'f'))
        digits.chop(1);
    check.iccid = digits;
    if (digits.isEmpty()) {
        check.error = u"empty"_s;
        return check;
    }
    for (QChar c : digits) {
        if (c < u'0' || c > u'9') {
            check.error = u"invalid_character"_s;
            check.iccid.clear();
            return check;
        }
    }
    if (digits.size() != 19 && digits.size() != 20) {
        check.error = u"invalid_length"_s;
        return check;
    }
    if (!digits.startsWith(u"89"_s)) {
        check.error = u"not_iccid"_s;
        return check;
    }
    check.luhnOk = luhnValid(digits);
    const QStringView issuer = QStringView(digits).left(6);
    if (issuer == u"898600" || issuer == u"898602" || issuer == u"898604" || issuer == u"898607")
        check.simOperator = SimOperator::ChinaMobile;
    else if (issuer == u"898601" || issuer == u"898609")
        check.simOperator = SimOperator::ChinaUnicom;
    else if (issuer == u"898603" || issuer == u"898606" || issuer == u"898611")
        check.simOperator = SimOperator::ChinaTelecom;
    if (expected != SimOperator::Unknown && check.simOperator != expected)
        check.error = u"wrong_operator"_s;
    return check;
}

} // namespace shiming::catalog
