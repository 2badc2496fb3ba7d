// Mobile numbers: 11 digits starting 1. The prefix tells the original operator only (number portability since
// 2019-12). Segment allocations are MIIT's public number plan.

#include "core/identity/ValidatorsInternal.h"

using namespace Qt::StringLiterals;

namespace shiming::identity::detail {

namespace {

enum class Operator { Unknown, Mobile, Unicom, Telecom, Broadnet };

struct Segment {
    int prefix; // 3 or 4 digits
    Operator op;
    bool virtualOperator;
};

constexpr Segment kSegments[] = {
    // Four-digit exceptions first.
    {1349, Operator::Mobile, false}, // formerly satellite; China Mobile
    {1700, Operator::Telecom, true}, {1701, Operator::Telecom, true},  {1702, Operator::Telecom, true},
    {1703, Operator::Mobile, true},  {1705, Operator::Mobile, true},   {1706, Operator::Mobile, true},
    {1704, Operator::Unicom, true},  {1707, Operator::Unicom, true},   {1708, Operator::Unicom, true},
    {1709, Operator::Unicom, true},  {1740, Operator::Telecom, false}, // satellite
    {130, Operator::Unicom, false},  {131, Operator::Unicom, false},   {132, Operator::Unicom, false},
    {133, Operator::Telecom, false}, {134, Operator::Mobile, false},   {135, Operator::Mobile, false},
    {136, Operator::Mobile, false},  {137, Operator::Mobile, false},   {138, Operator::Mobile, false},
    {139, Operator::Mobile, false},  {145, Operator::Unicom, false},   {146, Operator::Unicom, false},
    {147, Operator::Mobile, false},  {148, Operator::Mobile, false},   {149, Operator::Telecom, false},
    {150, Operator::Mobile, false},  {151, Operator::Mobile, false},   {152, Operator::Mobile, false},
    {153, Operator::Telecom, false}, {155, Operator::Unicom, false},   {156, Operator::Unicom, false},
    {157, Operator::Mobile, false},  {158, Operator::Mobile, false},   {159, Operator::Mobile, false},
    {162, Operator::Telecom, true},  {165, Operator::Mobile, true},    {166, Operator::Unicom, false},
    {167, Operator::Unicom, true},   {171, Operator::Unicom, true},    {172, Operator::Mobile, false},
    {173, Operator::Telecom, false}, {175, Operator::Unicom, false},   {176, Operator::Unicom, false},
    {177, Operator::Telecom, false}, {178, Operator::Mobile, false},   {180, Operator::Telecom, false},
    {181, Operator::Telecom, false}, {182, Operator::Mobile, false},   {183, Operator::Mobile, false},
    {184, Operator::Mobile, false},  {185, Operator::Unicom, false},   {186, Operator::Unicom, false},
    {187, Operator::Mobile, false},  {188, Operator::Mobile, false},   {189, Operator::Telecom, false},
    {190, Operator::Telecom, false}, {191, Operator::Telecom, false},  {192, Operator::Broadnet, false},
    {193, Operator::Telecom, false}, {195, Operator::Mobile, false},   {196, Operator::Unicom, false},
    {197, Operator::Mobile, false},  {198, Operator::Mobile, false},   {199, Operator::Telecom, false},
};

QString operatorCode(Operator op)
{
    switch (op) {
    case Operator::Mobile:
        return u"cmcc"_s;
    case Operator::Unicom:
        return u"cucc"_s;
    case Operator::Telecom:
        return u"ctcc"_s;
    case Operator::Broadnet:
        return u"cbn"_s;
    case Operator::Unknown:
        break;
    }
    return {};
}

QString operatorName(Operator op)
{
    switch (op) {
    case Operator::Mobile:
        return u"China Mobile"_s;
    case Operator::Unicom:
        return u"China Unicom"_s;
    case Operator::Telecom:
        return u"China Telecom"_s;
    case Operator::Broadnet:
        return u"China Broadnet"_s;
    case Operator::Unknown:
        break;
    }
    return {};
}

} // namespace

void validateMobile(ValidationResult& result, QStringView input, QDate /*today*/)
{
    QString normalized = normalizeToken(input, Separators::Remove);
    // Country prefix as clerks and phones write it: +86, 0086, 86.
    if (normalized.startsWith(u'+'))
        normalized.remove(0, 1);
    if (normalized.size() == 15 && normalized.startsWith(u"0086"))
        normalized.remove(0, 4);
    else if (normalized.size() == 13 && normalized.startsWith(u"86"))
        normalized.remove(0, 2);
    if (!precheck(result, input, normalized, isAsciiDigit))
        return;
    const QStringView number = result.normalized;
    if (number.size() != 11) {
        addError(result, codes::InvalidLength, u"A mobile number has 11 digits (%1 given)."_s.arg(number.size()));
        return;
    }
    if (number[0] != u'1' || number[1] < u'3') {
        addError(result, codes::NotMobilePrefix, u"A mobile number starts with 13 to 19."_s);
        return;
    }
    result.fields.insert(u"document_number"_s, result.normalized);
    result.fields.insert(u"msisdn"_s, QString(u"+86"_s + number));
    const int prefix4 = digitsValue(number, 0, 4);
    const int prefix3 = prefix4 / 10;
    const Segment* found = nullptr;
    for (const auto& segment : kSegments) {
        if (segment.prefix == prefix4 || segment.prefix == prefix3) {
            found = &segment;
            break;
        }
    }
    if (!found) {
        addWarning(result, codes::UnknownOperator, u"The number segment is not assigned to a known operator."_s);
        return;
    }
    result.fields.insert(u"operator"_s, operatorName(found->op));
    result.fields.insert(u"operator_code"_s, operatorCode(found->op));
    result.fields.insert(u"virtual_operator"_s, found->virtualOperator);
    if (found->virtualOperator)
        addWarning(result, codes::VirtualOperator, u"The number belongs to a virtual operator (MVNO) segment."_s);
}

} // namespace shiming::identity::detail
