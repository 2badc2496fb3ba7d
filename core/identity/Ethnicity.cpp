// GB 3304-1991 ethnicity codes (as stored on the resident ID chip) and GB/T 2261.1 sex codes.

#include "core/identity/Validators.h"

#include <QCoreApplication>
#include <QStringList>

#include <iterator>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {

// Index i holds code i + 1 (01..56); 97 and 98 follow.
constexpr std::u16string_view kEthnicities[] = {
    u"汉族",     u"蒙古族",   u"回族",       u"藏族",     u"维吾尔族",   u"苗族",   u"彝族",     u"壮族",
    u"布依族",   u"朝鲜族",   u"满族",       u"侗族",     u"瑶族",       u"白族",   u"土家族",   u"哈尼族",
    u"哈萨克族", u"傣族",     u"黎族",       u"傈僳族",   u"佤族",       u"畲族",   u"高山族",   u"拉祜族",
    u"水族",     u"东乡族",   u"纳西族",     u"景颇族",   u"柯尔克孜族", u"土族",   u"达斡尔族", u"仫佬族",
    u"羌族",     u"布朗族",   u"撒拉族",     u"毛南族",   u"仡佬族",     u"锡伯族", u"阿昌族",   u"普米族",
    u"塔吉克族", u"怒族",     u"乌孜别克族", u"俄罗斯族", u"鄂温克族",   u"德昂族", u"保安族",   u"裕固族",
    u"京族",     u"塔塔尔族", u"独龙族",     u"鄂伦春族", u"赫哲族",     u"门巴族", u"珞巴族",   u"基诺族",
};
static_assert(std::size(kEthnicities) == 56);

std::u16string_view ethnicity(QStringView code)
{
    const QStringView trimmed = code.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 2)
        return {};
    int value = 0;
    for (const QChar c : trimmed) {
        if (c < u'0' || c > u'9')
            return {};
        value = value * 10 + (c.unicode() - u'0');
    }
    if (value >= 1 && value <= 56)
        return kEthnicities[value - 1];
    if (value == 97)
        return u"其他";
    if (value == 98)
        return u"外国血统中国籍人士";
    return {};
}

QString toQString(std::u16string_view text)
{
    return QString::fromRawData(reinterpret_cast<const QChar*>(text.data()), static_cast<qsizetype>(text.size()));
}

} // namespace

QString ethnicityName(QStringView code)
{
    return toQString(ethnicity(code));
}

QString ethnicityShortName(QStringView code)
{
    std::u16string_view name = ethnicity(code);
    if (name.size() > 1 && name.back() == u'族')
        name.remove_suffix(1);
    return toQString(name);
}

QStringList ethnicityCodes()
{
    QStringList codes;
    for (int i = 1; i <= 56; ++i)
        codes.append(u"%1"_s.arg(i, 2, 10, QLatin1Char('0')));
    codes << u"97"_s << u"98"_s;
    return codes;
}

QString sexName(QStringView code)
{
    const QStringView c = code.trimmed();
    if (c == u"1")
        return u"男"_s;
    if (c == u"2")
        return u"女"_s;
    if (c == u"0")
        return u"未知的性别"_s;
    if (c == u"9")
        return u"未说明的性别"_s;
    return {};
}

QString sexDisplayName(QStringView code)
{
    const QStringView c = code.trimmed();
    if (c == u"1" || c == u"M")
        return QCoreApplication::translate("shiming::identity", "Male");
    if (c == u"2" || c == u"F")
        return QCoreApplication::translate("shiming::identity", "Female");
    if (c == u"0")
        return QCoreApplication::translate("shiming::identity", "Unknown");
    if (c == u"9" || c == u"X")
        return QCoreApplication::translate("shiming::identity", "Unspecified");
    return {};
}

QString sexLetter(QStringView code)
{
    const QStringView c = code.trimmed();
    if (c == u"1")
        return u"M"_s;
    if (c == u"2")
        return u"F"_s;
    return {};
}

} // namespace shiming
