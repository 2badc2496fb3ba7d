#include "core/identity/Validators.h"

#include "core/identity/CheckDigits.h"
#include "core/identity/ValidatorsInternal.h"

using namespace Qt::StringLiterals;

namespace shiming {

using namespace identity::detail;

namespace {

bool looksLikeMrz(QStringView input)
{
    for (const QChar ch : input) {
        const char16_t c = ch.unicode();
        if (c == u'\n' || c == u'|' || c == u'<' || c == 0x00AB || c == 0x2039 || c == 0xFF1C || c == 0x3008)
            return true;
    }
    return false;
}

bool allOf(QStringView text, qsizetype from, qsizetype to, bool (*predicate)(char16_t))
{
    for (qsizetype i = from; i < to; ++i) {
        if (!predicate(text[i].unicode()))
            return false;
    }
    return true;
}

} // namespace

ValidationResult validate(DocumentType type, QStringView input, QDate today)
{
    ValidationResult result;
    result.type = type;
    switch (type) {
    case DocumentType::ResidentId:
    case DocumentType::TemporaryResidentId:
    case DocumentType::HouseholdRegister:
        validateResidentIdNumber(result, input, today);
        break;
    case DocumentType::ResidencePermit:
        validateResidencePermitNumber(result, input, today);
        break;
    case DocumentType::ForeignPermanent:
        validateForeignPermanentNumber(result, input, today);
        break;
    case DocumentType::HkMoPermit:
        validateHkMoPermitNumber(result, input, today);
        break;
    case DocumentType::TwPermit:
        validateTwPermitNumber(result, input, today);
        break;
    case DocumentType::Passport:
        validateMrz(result, input, today);
        break;
    case DocumentType::Uscc:
        validateUscc(result, input, today);
        break;
    case DocumentType::Iccid:
        validateIccid(result, input, today);
        break;
    case DocumentType::Mobile:
        validateMobile(result, input, today);
        break;
    }
    return result;
}

ValidationResult validate(DocumentType type, QStringView input, const Clock& clock)
{
    return validate(type, input, clock.today());
}

std::optional<DocumentType> detectDocumentType(QStringView input)
{
    if (input.size() > 64 * kMaxInputLength)
        return std::nullopt;
    if (looksLikeMrz(input))
        return DocumentType::Passport;
    QString token = normalizeToken(input, Separators::Remove);
    const qsizetype n = token.size();
    if (n == 0 || n > kMaxInputLength)
        return std::nullopt;
    const QStringView t = token;
    const bool digits = allOf(t, 0, n, isAsciiDigit);
    const bool digitsThenCheck =
        n > 1 && allOf(t, 0, n - 1, isAsciiDigit) && (isAsciiDigit(t[n - 1].unicode()) || t[n - 1] == u'X');
    if (n == 15 && allOf(t, 0, 3, isAsciiUpper) && allOf(t, 3, 15, isAsciiDigit))
        return DocumentType::ForeignPermanent;
    if (n == 15 && digits)
        return DocumentType::ResidentId; // refused as first generation
    if (n == 18) {
        if (digitsThenCheck && (t.startsWith(u"81") || t.startsWith(u"82") || t.startsWith(u"83")))
            return DocumentType::ResidencePermit;
        if (digitsThenCheck && t[0] == u'9') {
            // Digits-only codes starting 9 are either a 2023 permanent residence card or a business's USCC.
            if (identity::residentIdCheckCharacter(t.first(17)) == t[17].unicode())
                return DocumentType::ForeignPermanent;
            if (validate(DocumentType::Uscc, t, QDate()).valid())
                return DocumentType::Uscc;
            return DocumentType::ForeignPermanent;
        }
        if (digitsThenCheck && t[0] >= u'1' && t[0] <= u'7')
            return DocumentType::ResidentId;
        return DocumentType::Uscc;
    }
    if ((n == 9 || n == 11) && (t[0] == u'H' || t[0] == u'M') && allOf(t, 1, n, isAsciiDigit))
        return DocumentType::HkMoPermit;
    if ((n == 8 || n == 10) && digits)
        return DocumentType::TwPermit;
    if (n == 11 && digits && t[0] == u'1')
        return DocumentType::Mobile;
    if ((n == 14 && t.startsWith(u"+86") && allOf(t, 1, n, isAsciiDigit)) ||
        (n == 13 && t.startsWith(u"861") && digits) || (n == 15 && t.startsWith(u"00861") && digits))
        return DocumentType::Mobile;
    if ((n == 19 || n == 20) && digits && t.startsWith(u"89"))
        return DocumentType::Iccid;
    if ((n == 88 || n == 72 || n == 90) && (t[0] == u'P' || t[0] == u'I' || t[0] == u'A' || t[0] == u'C'))
        return DocumentType::Passport;
    return std::nullopt;
}

ValidationResult validateAuto(QStringView input, QDate today)
{
    if (const auto type = detectDocumentType(input))
        return validate(*type, input, today);
    ValidationResult result;
    const QString normalized = normalizeToken(input, Separators::Remove);
    if (!precheckLength(result, input, normalized))
        return result;
    for (qsizetype i = 0; i < normalized.size(); ++i) {
        if (normalized[i].unicode() == 0xFFFD) {
            addInvalidCharacter(result, i, 0xFFFD);
            break;
        }
    }
    addError(result, identity::codes::Unrecognized,
             u"The value does not have the shape of any supported document or number; choose the type."_s);
    return result;
}

ValidationResult validateAuto(QStringView input, const Clock& clock)
{
    return validateAuto(input, clock.today());
}

QString normalizeDocumentInput(DocumentType type, QStringView input)
{
    return validate(type, input, QDate()).normalized;
}

QString maskDocumentNumber(QStringView number)
{
    QString text = normalizeToken(number);
    const qsizetype n = text.size();
    if (n < 3)
        return QString(n, u'*');
    const qsizetype keepStart = std::min<qsizetype>(6, n / 3);
    const qsizetype keepEnd = std::min<qsizetype>(4, (n - keepStart) / 2);
    for (qsizetype i = keepStart; i < n - keepEnd; ++i)
        text[i] = u'*';
    return text;
}

QString maskName(QStringView name)
{
    QString masked;
    bool first = true;
    for (qsizetype i = 0; i < name.size();) {
        const bool pair = name.at(i).isHighSurrogate() && i + 1 < name.size() && name.at(i + 1).isLowSurrogate();
        const qsizetype width = pair ? 2 : 1;
        const QStringView character = name.mid(i, width);
        if (first) {
            masked += character;
            first = false;
        } else if (character == u"·" || character == u"•" || character == u" ") {
            masked += character;
        } else {
            masked += u'*';
        }
        i += width;
    }
    return masked;
}

int ageOn(QDate birth, QDate day)
{
    if (!birth.isValid() || !day.isValid() || day < birth)
        return -1;
    int age = day.year() - birth.year();
    if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day()))
        --age;
    return age;
}

} // namespace shiming
