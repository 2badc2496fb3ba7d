// ICAO 9303 machine-readable zones: TD3 (passports, 2 × 44), TD2 (2 × 36) and TD1 (card documents, 3 × 30),
// with every check digit and the composite.

#include "core/identity/Nationalities.h"
#include "core/identity/Validators.h"
#include "core/identity/ValidatorsInternal.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace shiming::identity::detail {

namespace {

bool isFillerVariant(char16_t c)
{
    // '«' '‹' '〈' '〈' '﹤' '＜' and the full-width form (folded earlier): OCR and input methods produce them.
    return c == u'<' || c == 0x00AB || c == 0x2039 || c == 0x3008 || c == 0x2329 || c == 0xFE64 || c == 0xFF1C;
}

// Splits the MRZ into cleaned lines. A single line of 88, 72 or 90 characters (pasted without separator) is cut.
QStringList mrzLines(QStringView input)
{
    QStringList lines;
    QString current;
    auto flush = [&]() {
        if (!current.isEmpty())
            lines.append(current);
        current.clear();
    };
    for (const QChar ch : input) {
        char16_t c = ch.unicode();
        if (c == u'\n' || c == u'\r' || c == u'|' || c == 0xFF5C || c == 0x2028 || c == 0x2029) {
            flush();
            continue;
        }
        if (isFillerVariant(c)) {
            current.append(u'<');
            continue;
        }
        if (c >= 0xFF01 && c <= 0xFF5E)
            c = static_cast<char16_t>(c - 0xFEE0);
        if (c == u' ' || c == u'\t' || c == 0x3000 || c == 0x00A0 || c == 0x200B || c == 0xFEFF || ch.isSpace())
            continue;
        if (c >= u'a' && c <= u'z')
            c = static_cast<char16_t>(c - (u'a' - u'A'));
        current.append(QChar(c));
        if (current.size() > kMaxInputLength)
            break;
    }
    flush();
    if (lines.size() == 1) {
        const QString single = lines.first();
        const qsizetype width = single.size() == 88 ? 44 : single.size() == 72 ? 36 : single.size() == 90 ? 30 : 0;
        if (width > 0) {
            lines.clear();
            for (qsizetype i = 0; i < single.size(); i += width)
                lines.append(single.sliced(i, width));
        }
    }
    return lines;
}

QString withoutFillers(QStringView text)
{
    QString out = text.toString();
    out.replace(u'<', u' ');
    return out.simplified();
}

struct Checker {
    ValidationResult& result;

    // `digit` is the check character; `optional` allows '<' when the whole field is filler.
    bool check(QStringView field, QChar digit, QStringView code, const QString& message, bool optional = false)
    {
        if (optional && digit == u'<') {
            bool allFiller = true;
            for (const QChar c : field)
                allFiller = allFiller && c == u'<';
            if (allFiller)
                return true;
        }
        const int expected = icaoCheckDigit(field);
        if (!isAsciiDigit(digit.unicode()) || expected != digit.unicode() - u'0') {
            addError(result, code, message);
            return false;
        }
        return true;
    }
};

bool sixDigits(QStringView text)
{
    for (const QChar c : text) {
        if (!isAsciiDigit(c.unicode()))
            return false;
    }
    return true;
}

void addNames(ValidationResult& result, QStringView nameField)
{
    const qsizetype split = nameField.indexOf(u"<<");
    const QStringView primary = split < 0 ? nameField : nameField.first(split);
    const QStringView secondary = split < 0 ? QStringView() : nameField.sliced(split + 2);
    const QString surname = withoutFillers(primary);
    const QString given = withoutFillers(secondary);
    result.fields.insert(u"surname"_s, surname);
    result.fields.insert(u"given_names"_s, given);
    // The Latin name as it is usually written on forms: "ERIKSSON ANNA MARIA".
    result.fields.insert(u"name"_s, given.isEmpty() ? surname : QString(surname + u' ' + given));
}

void addDates(ValidationResult& result, QStringView birth, QStringView expiry, QDate today)
{
    if (sixDigits(birth)) {
        const QDate date = pastDateFromTwoDigitYear(digitsValue(birth, 0, 2), digitsValue(birth, 2, 2),
                                                    digitsValue(birth, 4, 2), today);
        if (date.isValid())
            checkBirthDate(result, date.year(), date.month(), date.day(), today);
        else
            addError(result, codes::InvalidBirthDate, u"The birth date in the MRZ is not a real date."_s);
    } else {
        addError(result, codes::InvalidBirthDate, u"The birth date in the MRZ is not six digits."_s);
    }
    if (!sixDigits(expiry)) {
        addError(result, codes::InvalidExpiryDate, u"The expiry date in the MRZ is not six digits."_s);
        return;
    }
    const int yy = digitsValue(expiry, 0, 2);
    int year = 2000 + yy;
    if (today.isValid() && year > today.year() + 50)
        year -= 100;
    const QDate date(year, digitsValue(expiry, 2, 2), digitsValue(expiry, 4, 2));
    if (!date.isValid()) {
        addError(result, codes::InvalidExpiryDate, u"The expiry date in the MRZ is not a real date."_s);
        return;
    }
    result.fields.insert(u"expiry_date"_s, date.toString(Qt::ISODate));
    if (today.isValid() && date < today)
        addError(result, codes::DocumentExpired, u"The document expired."_s);
}

void addSex(ValidationResult& result, QChar sex)
{
    if (sex == u'M' || sex == u'F')
        result.fields.insert(u"sex"_s, QString(sex));
    else if (sex == u'<' || sex == u'X')
        result.fields.insert(u"sex"_s, u"X"_s);
    else
        addError(result, codes::InvalidSex, u"The sex in the MRZ is not M, F, X or '<'."_s);
}

void addCountry(ValidationResult& result, const QString& key, QStringView field)
{
    QString code = field.toString();
    while (code.endsWith(u'<'))
        code.chop(1);
    result.fields.insert(key, code);
    if (!isKnownMrzNationality(code))
        addWarning(result, codes::UnknownNationality,
                   key == u"nationality" ? u"The nationality is not a known ICAO 9303 code."_s
                                         : u"The issuing state is not a known ICAO 9303 code."_s);
}

void validateTwoLine(ValidationResult& result, const QStringList& lines, QDate today)
{
    const QString& l1 = lines[0];
    const QString& l2 = lines[1];
    const bool td3 = l1.size() == 44;
    const QChar code = l1[0];
    if (td3 ? code != u'P' : (code != u'P' && code != u'I' && code != u'A' && code != u'C')) {
        addError(result, codes::MrzDocumentCode,
                 td3 ? u"A 44-character MRZ must belong to a passport (document code P)."_s
                     : u"A 36-character MRZ must have document code P, I, A or C."_s);
    }
    result.fields.insert(u"mrz_format"_s, td3 ? u"TD3"_s : u"TD2"_s);
    result.fields.insert(u"document_code"_s, withoutFillers(QStringView(l1).first(2)));
    addCountry(result, u"issuing_state"_s, QStringView(l1).sliced(2, 3));
    addNames(result, QStringView(l1).sliced(5));

    const QStringView line2 = l2;
    Checker checker{result};
    checker.check(line2.first(9), line2[9], codes::CheckDigitDocumentNumber,
                  u"The document number check digit does not match."_s);
    result.fields.insert(u"document_number"_s, withoutFillers(line2.first(9)).remove(u' '));
    addCountry(result, u"nationality"_s, line2.sliced(10, 3));
    checker.check(line2.sliced(13, 6), line2[19], codes::CheckDigitBirthDate,
                  u"The birth date check digit does not match."_s);
    addSex(result, line2[20]);
    checker.check(line2.sliced(21, 6), line2[27], codes::CheckDigitExpiryDate,
                  u"The expiry date check digit does not match."_s);
    addDates(result, line2.sliced(13, 6), line2.sliced(21, 6), today);
    if (td3) {
        checker.check(line2.sliced(28, 14), line2[42], codes::CheckDigitOptionalData,
                      u"The personal number check digit does not match."_s, true);
        const QString personal = withoutFillers(line2.sliced(28, 14));
        if (!personal.isEmpty())
            result.fields.insert(u"personal_number"_s, personal);
        const QString composite = line2.first(10) + line2.sliced(13, 7) + line2.sliced(21, 22);
        checker.check(composite, line2[43], codes::CheckDigitComposite, u"The composite check digit does not match."_s);
    } else {
        const QString optional = withoutFillers(line2.sliced(28, 7));
        if (!optional.isEmpty())
            result.fields.insert(u"optional_data"_s, optional);
        const QString composite = line2.first(10) + line2.sliced(13, 7) + line2.sliced(21, 14);
        checker.check(composite, line2[35], codes::CheckDigitComposite, u"The composite check digit does not match."_s);
    }
}

void validateTd1(ValidationResult& result, const QStringList& lines, QDate today)
{
    const QStringView l1 = lines[0];
    const QStringView l2 = lines[1];
    const QChar code = l1[0];
    if (code != u'I' && code != u'A' && code != u'C')
        addError(result, codes::MrzDocumentCode, u"A 3-line MRZ (TD1) must have document code I, A or C."_s);
    result.fields.insert(u"mrz_format"_s, u"TD1"_s);
    result.fields.insert(u"document_code"_s, withoutFillers(l1.first(2)));
    addCountry(result, u"issuing_state"_s, l1.sliced(2, 3));

    Checker checker{result};
    QString documentNumber;
    QString optional1 = l1.sliced(15, 15).toString();
    if (l1[14] == u'<' && l1[15] != u'<') {
        // Long document number: it continues in the optional data; its check digit is the last character before
        // the first filler there (ICAO 9303 part 5, 4.2.4).
        const qsizetype filler = optional1.indexOf(u'<');
        const qsizetype end = filler < 0 ? optional1.size() : filler;
        if (end < 2) {
            addError(result, codes::CheckDigitDocumentNumber, u"The long document number has no check digit."_s);
            documentNumber = l1.sliced(5, 9).toString() + optional1.first(end);
        } else {
            const QString full = l1.sliced(5, 9).toString() + optional1.first(end - 1);
            checker.check(full, optional1[end - 1], codes::CheckDigitDocumentNumber,
                          u"The document number check digit does not match."_s);
            documentNumber = full;
        }
        optional1 = optional1.sliced(end);
    } else {
        checker.check(l1.sliced(5, 9), l1[14], codes::CheckDigitDocumentNumber,
                      u"The document number check digit does not match."_s);
        documentNumber = l1.sliced(5, 9).toString();
    }
    result.fields.insert(u"document_number"_s, withoutFillers(documentNumber).remove(u' '));
    const QString optionalData =
        QString(withoutFillers(optional1) + u' ' + withoutFillers(l2.sliced(18, 11))).simplified();
    if (!optionalData.isEmpty())
        result.fields.insert(u"optional_data"_s, optionalData);

    checker.check(l2.first(6), l2[6], codes::CheckDigitBirthDate, u"The birth date check digit does not match."_s);
    addSex(result, l2[7]);
    checker.check(l2.sliced(8, 6), l2[14], codes::CheckDigitExpiryDate,
                  u"The expiry date check digit does not match."_s);
    addDates(result, l2.first(6), l2.sliced(8, 6), today);
    addCountry(result, u"nationality"_s, l2.sliced(15, 3));
    const QString composite = l1.sliced(5, 25).toString() + l2.first(7) + l2.sliced(8, 7) + l2.sliced(18, 11);
    checker.check(composite, l2[29], codes::CheckDigitComposite, u"The composite check digit does not match."_s);
    addNames(result, lines[2]);
}

} // namespace

void validateMrz(ValidationResult& result, QStringView input, QDate today)
{
    if (input.size() > 64 * kMaxInputLength) {
        addError(result, codes::TooLong, u"The value is far longer than any MRZ."_s);
        return;
    }
    const QStringList lines = mrzLines(input);
    const QString joined = lines.join(u'\n');
    if (joined.size() > kMaxInputLength) {
        addError(result, codes::TooLong, u"The value is far longer than any MRZ."_s);
        return;
    }
    result.normalized = joined;
    if (lines.isEmpty()) {
        addError(result, codes::Empty, u"No value was entered."_s);
        return;
    }
    for (qsizetype l = 0; l < lines.size(); ++l) {
        for (qsizetype i = 0; i < lines[l].size(); ++i) {
            const char16_t c = lines[l][i].unicode();
            if (!isAsciiDigitOrUpper(c) && c != u'<') {
                addError(result, codes::InvalidCharacter,
                         c == 0xFFFD
                             ? u"Line %1, character %2 is not valid text (invalid UTF-8)."_s.arg(l + 1).arg(i + 1)
                             : u"Line %1, character %2 is not an MRZ character (A–Z, 0–9, <)."_s.arg(l + 1).arg(i + 1));
                return;
            }
        }
    }
    if (lines.size() == 2) {
        const qsizetype width = lines[0].size();
        if ((width != 44 && width != 36) || lines[1].size() != width) {
            addError(result, codes::MrzLineLength,
                     u"A 2-line MRZ has two lines of 44 (passport, TD3) or 36 (TD2) characters (%1 and %2 given)."_s
                         .arg(lines[0].size())
                         .arg(lines[1].size()));
            return;
        }
        validateTwoLine(result, lines, today);
    } else if (lines.size() == 3) {
        if (lines[0].size() != 30 || lines[1].size() != 30 || lines[2].size() != 30) {
            addError(
                result, codes::MrzLineLength,
                u"A 3-line MRZ (TD1) has three lines of 30 characters (%1, %2 and %3 given)."_s.arg(lines[0].size())
                    .arg(lines[1].size())
                    .arg(lines[2].size()));
            return;
        }
        validateTd1(result, lines, today);
    } else {
        addError(result, codes::MrzLineCount,
                 u"An MRZ has 2 lines (passport) or 3 lines (ID card); %1 given. Separate lines with a newline or "
                 u"'|'."_s.arg(lines.size()));
    }
}

} // namespace shiming::identity::detail
