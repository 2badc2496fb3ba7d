#include "core/catalog/Iccid.h"

#include "core/identity/CheckDigits.h"

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

QString simOperatorCode(SimOperator op)
{
    switch (op) {
    case SimOperator::ChinaUnicom:
        return u"CUCC"_s;
    case SimOperator::ChinaTelecom:
        return u"CTCC"_s;
    case SimOperator::ChinaMobile:
    case SimOperator::Unknown:
        break;
    }
    return u"CMCC"_s;
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
    check.luhnOk = identity::luhnValid(digits);
    if (const auto issuer = identity::iccidIssuer(digits)) {
        if (issuer->code == u"cmcc")
            check.simOperator = SimOperator::ChinaMobile;
        else if (issuer->code == u"cucc")
            check.simOperator = SimOperator::ChinaUnicom;
        else if (issuer->code == u"ctcc")
            check.simOperator = SimOperator::ChinaTelecom;
    }
    if (expected != SimOperator::Unknown && check.simOperator != expected)
        check.error = u"wrong_operator"_s;
    return check;
}

} // namespace shiming::catalog
