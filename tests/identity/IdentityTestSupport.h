#pragma once

// Independent, deliberately plain re-implementations of the check algorithms, used only to build test inputs
// (the published examples anchor them: GB 11643's 11010519491231002X, the ICAO 9303 specimens).

#include "core/identity/Validation.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <set>
#include <string>

namespace shiming::identity::test {

inline const QDate kToday(2026, 6, 15);

inline QString withIdCheck(const QString& seventeen)
{
    const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += seventeen.at(i).digitValue() * weights[i];
    return seventeen + QString(QStringLiteral("10X98765432").at(sum % 11));
}

inline int icaoValue(QChar c)
{
    if (c.isDigit())
        return c.digitValue();
    if (c == u'<')
        return 0;
    return c.unicode() - u'A' + 10;
}

inline QString icaoDigit(const QString& text)
{
    const int weights[] = {7, 3, 1};
    int sum = 0;
    for (int i = 0; i < text.size(); ++i)
        sum += icaoValue(text.at(i)) * weights[i % 3];
    return QString::number(sum % 10);
}

/// TD3 line 2 with correct check digits. `number` 9 characters, dates YYMMDD, `personal` 14 characters.
inline QString td3Line2(const QString& number, const QString& nationality, const QString& birth, QChar sex,
                        const QString& expiry, const QString& personal)
{
    QString personalCheck = personal == QStringLiteral("<<<<<<<<<<<<<<") ? QStringLiteral("<") : icaoDigit(personal);
    QString line = number + icaoDigit(number) + nationality + birth + icaoDigit(birth) + sex + expiry +
                   icaoDigit(expiry) + personal + personalCheck;
    return line + icaoDigit(line.mid(0, 10) + line.mid(13, 7) + line.mid(21, 22));
}

inline QString uscc(const QString& body16WithoutOrgCheck, bool breakOrgCheck = false)
{
    // body: 8 characters (authority, type, region) + 8 organisation characters
    const int orgWeights[] = {3, 7, 9, 10, 5, 8, 4, 2};
    int orgSum = 0;
    for (int i = 0; i < 8; ++i) {
        const QChar c = body16WithoutOrgCheck.at(8 + i);
        orgSum += (c.isDigit() ? c.digitValue() : c.unicode() - u'A' + 10) * orgWeights[i];
    }
    const int orgCheck = 11 - orgSum % 11;
    QChar org = orgCheck == 10 ? QChar(u'X') : orgCheck == 11 ? QChar(u'0') : QChar(u'0' + orgCheck);
    if (breakOrgCheck)
        org = org == u'1' ? QChar(u'2') : QChar(u'1');
    const QString seventeen = body16WithoutOrgCheck + org;
    const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
    const int weights[] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += static_cast<int>(alphabet.indexOf(seventeen.at(i))) * weights[i];
    return seventeen + alphabet.at((31 - sum % 31) % 31);
}

/// Codes every table row produced, to prove every code is exercised somewhere.
inline std::set<std::string>& seenCodes()
{
    static std::set<std::string> codes;
    return codes;
}

inline void recordCodes(const ValidationResult& result)
{
    for (const auto& issue : result.errors)
        seenCodes().insert(issue.code.toStdString());
    for (const auto& issue : result.warnings)
        seenCodes().insert(issue.code.toStdString());
}

inline std::string describe(const ValidationResult& result)
{
    QStringList parts;
    for (const auto& issue : result.errors)
        parts << QStringLiteral("error ") + issue.code;
    for (const auto& issue : result.warnings)
        parts << QStringLiteral("warning ") + issue.code;
    for (auto it = result.fields.cbegin(); it != result.fields.cend(); ++it)
        parts << it.key() + QStringLiteral("=") + it.value().toString();
    const QString text =
        QStringLiteral("normalized=") + result.normalized + QStringLiteral("; ") + parts.join(QStringLiteral("; "));
    return text.toStdString();
}

} // namespace shiming::identity::test
