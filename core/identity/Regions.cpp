#include "core/identity/Regions.h"

#include "RegionTable.inc"

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace shiming::identity {

namespace {

QString toQString(std::u16string_view name)
{
    // The table is static data: no copy, no allocation.
    return QString::fromRawData(reinterpret_cast<const QChar*>(name.data()), static_cast<qsizetype>(name.size()));
}

template <std::size_t N>
const generated::RegionRow* find(const generated::RegionRow (&rows)[N], int code)
{
    const auto* it = std::lower_bound(std::begin(rows), std::end(rows), code,
                                      [](const generated::RegionRow& row, int c) { return row.code < c; });
    if (it == std::end(rows) || it->code != code)
        return nullptr;
    return it;
}

// Province-level codes missing from the mainland package: Taiwan (GB/T 2260 710000) and the two special
// administrative regions (810000, 820000), which also prefix the residence permits of their residents.
// 830000 is used only on Taiwan residents' residence permits.
struct ExtraProvince {
    int code;
    std::u16string_view name;
};
constexpr ExtraProvince kExtraProvinces[] = {
    {71, u"台湾省"},
    {81, u"香港特别行政区"},
    {82, u"澳门特别行政区"},
};

} // namespace

QString RegionNames::fullName() const
{
    if (!full.isEmpty())
        return full;
    QString result = province;
    if (!city.isEmpty() && !isPlaceholderCity(city) && city != area)
        result += city;
    result += area;
    return result;
}

bool isPlaceholderCity(QStringView name)
{
    return name == u"市辖区" || name == u"县" || name == u"省直辖县级行政区划" || name == u"自治区直辖县级行政区划";
}

std::optional<QString> provinceName(int provinceCode)
{
    if (const auto* row = find(generated::kProvinces, provinceCode))
        return toQString(row->name);
    for (const auto& extra : kExtraProvinces) {
        if (extra.code == provinceCode)
            return toQString(extra.name);
    }
    return std::nullopt;
}

std::optional<RegionNames> lookupRegion(int regionCode)
{
    if (regionCode < 100000 || regionCode > 999999)
        return std::nullopt;
    auto province = provinceName(regionCode / 10000);
    if (!province)
        return std::nullopt;
    RegionNames names;
    names.province = *province;
    if (regionCode % 10000 == 0) {
        names.exactMatch = true;
        return names;
    }
    if (const auto* city = find(generated::kCities, regionCode / 100))
        names.city = toQString(city->name);
    // Prefecture-level cities without districts (东莞市 441900) are listed among the areas with a code ending 00.
    if (const auto* area = find(generated::kAreas, regionCode)) {
        names.area = toQString(area->name);
        names.full = toQString(area->fullName);
        names.exactMatch = true;
    } else if (regionCode % 100 == 0) {
        names.exactMatch = !names.city.isEmpty();
    }
    return names;
}

int regionCount()
{
    return static_cast<int>(std::size(generated::kAreas));
}

} // namespace shiming::identity
