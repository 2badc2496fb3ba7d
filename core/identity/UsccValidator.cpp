// 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 A-H J-N P-R T U W-Y; positions 9–17 embed the
// organisation code (GB 11714) with its own check.

#include "core/identity/Regions.h"
#include "core/identity/ValidatorsInternal.h"

using namespace Qt::StringLiterals;

namespace shiming::identity::detail {

namespace {

constexpr std::u16string_view kAlphabet = u"0123456789ABCDEFGHJKLMNPQRTUWXY";

int usccValue(char16_t c)
{
    const auto pos = kAlphabet.find(c);
    return pos == std::u16string_view::npos ? -1 : static_cast<int>(pos);
}

QString authorityName(char16_t c)
{
    switch (c) {
    case u'1':
        return u"机构编制"_s;
    case u'2':
        return u"外交"_s;
    case u'3':
        return u"司法行政"_s;
    case u'4':
        return u"文化"_s;
    case u'5':
        return u"民政"_s;
    case u'6':
        return u"旅游"_s;
    case u'7':
        return u"宗教"_s;
    case u'8':
        return u"工会"_s;
    case u'9':
        return u"工商"_s;
    case u'A':
        return u"中央军委改革和编制办公室"_s;
    case u'N':
        return u"农业"_s;
    case u'Y':
        return u"其他"_s;
    default:
        return {};
    }
}

} // namespace

void validateUscc(ValidationResult& result, QStringView input, QDate /*today*/)
{
    const QString normalized = normalizeToken(input, Separators::Remove);
    if (!precheck(result, input, normalized, [](char16_t c) { return usccValue(c) >= 0; }))
        return;
    const QStringView code = result.normalized;
    if (code.size() != 18) {
        addError(result, codes::InvalidLength,
                 u"A unified social credit code has 18 characters (%1 given)."_s.arg(code.size()));
        return;
    }
    static constexpr int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += usccValue(code[i].unicode()) * weights[i];
    const int check = (31 - sum % 31) % 31;
    if (kAlphabet[static_cast<size_t>(check)] != code[17].unicode())
        addError(result, codes::CheckCharacter, u"The check character (18th) does not match the other 17."_s);

    // GB 11714: eight characters (digits and letters, A = 10 ... Z = 35), check 11 − sum mod 11, 10 → X, 11 → 0.
    static constexpr int orgWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
    int orgSum = 0;
    for (int i = 0; i < 8; ++i) {
        const char16_t c = code[8 + i].unicode();
        orgSum += (isAsciiDigit(c) ? c - u'0' : c - u'A' + 10) * orgWeights[i];
    }
    const int orgCheck = 11 - orgSum % 11;
    const char16_t expected = orgCheck == 10 ? u'X' : orgCheck == 11 ? u'0' : static_cast<char16_t>(u'0' + orgCheck);
    if (expected != code[16].unicode())
        addError(result, codes::OrganizationCodeCheck,
                 u"The embedded organisation code (characters 9–17) fails its GB 11714 check."_s);

    result.fields.insert(u"document_number"_s, result.normalized);
    result.fields.insert(u"registration_authority"_s, code.first(1).toString());
    if (const QString name = authorityName(code[0].unicode()); !name.isEmpty())
        result.fields.insert(u"registration_authority_name"_s, name);
    result.fields.insert(u"entity_type"_s, code.sliced(1, 1).toString());
    result.fields.insert(u"organization_code"_s, QString(code.sliced(8, 8).toString() + u'-' + code[16]));
    bool regionDigits = true;
    for (int i = 2; i < 8; ++i)
        regionDigits = regionDigits && isAsciiDigit(code[i].unicode());
    if (regionDigits) {
        // Registered at national level the code reads 100000; unknown codes are only a warning here.
        addRegionFields(result, digitsValue(code, 2, 6), false);
    } else {
        addWarning(result, codes::UnknownRegion, u"Characters 3–8 are not a region code."_s);
    }
}

} // namespace shiming::identity::detail
