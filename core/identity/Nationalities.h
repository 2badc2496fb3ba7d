#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace shiming::identity {

/// ISO 3166-1 countries, compiled in at build time from Debian's iso-codes data.
struct Country {
    QString alpha3;  ///< "CHN"
    int numeric = 0; ///< 156
    QString name;    ///< English short name ("China")
};

/// The country with this alpha-3 code (case-sensitive, upper case); nullopt when unknown.
std::optional<Country> countryByAlpha3(QStringView alpha3);
/// The country with this ISO numeric code; nullopt when unknown.
std::optional<Country> countryByNumeric(int numeric);
/// Whether an ICAO 9303 MRZ nationality/issuer code is known: ISO alpha-3, or one of ICAO's own codes
/// ("D" for Germany, "GBD"…"GBS", "UNO"/"UNA"/"UNK", "XXA"/"XXB"/"XXC"/"XXX", "EUE", "RKS", the specimen "UTO").
bool isKnownMrzNationality(QStringView code);
/// Number of ISO countries in the table.
int countryCount();

} // namespace shiming::identity
