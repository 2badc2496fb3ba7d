#include "core/identity/Nationalities.h"

#include "NationalityTable.inc"

#include <algorithm>
#include <iterator>

namespace shiming::identity {

namespace {

Country toCountry(const generated::CountryRow& row)
{
    return {QString::fromRawData(reinterpret_cast<const QChar*>(row.alpha3.data()), row.alpha3.size()), row.numeric,
            QString::fromRawData(reinterpret_cast<const QChar*>(row.name.data()), row.name.size())};
}

std::u16string_view view(QStringView text)
{
    return {text.utf16(), static_cast<size_t>(text.size())};
}

} // namespace

std::optional<Country> countryByAlpha3(QStringView alpha3)
{
    const auto key = view(alpha3);
    const auto* begin = std::begin(generated::kCountries);
    const auto* end = std::end(generated::kCountries);
    const auto* it = std::lower_bound(
        begin, end, key, [](const generated::CountryRow& row, std::u16string_view k) { return row.alpha3 < k; });
    if (it == end || it->alpha3 != key)
        return std::nullopt;
    return toCountry(*it);
}

std::optional<Country> countryByNumeric(int numeric)
{
    for (const auto& row : generated::kCountries) {
        if (row.numeric == numeric)
            return toCountry(row);
    }
    return std::nullopt;
}

bool isKnownMrzNationality(QStringView code)
{
    // ICAO 9303 part 3 codes that are not ISO 3166-1 alpha-3 (after '<' fillers are stripped).
    static constexpr std::u16string_view icaoOnly[] = {u"D",   u"GBD", u"GBN", u"GBO", u"GBP", u"GBS", u"UNO", u"UNA",
                                                       u"UNK", u"XXA", u"XXB", u"XXC", u"XXX", u"EUE", u"RKS", u"XOM",
                                                       u"XPO", u"XCC", u"XES", u"XBA", u"XIM", u"XDC", u"UTO"};
    const auto key = view(code);
    if (std::find(std::begin(icaoOnly), std::end(icaoOnly), key) != std::end(icaoOnly))
        return true;
    return countryByAlpha3(code).has_value();
}

int countryCount()
{
    return static_cast<int>(std::size(generated::kCountries));
}

} // namespace shiming::identity
