// Region, nationality, ethnicity and sex tables; masking; age; document type keys.

#include "support/CatchQt.h"

#include "core/identity/DocumentType.h"
#include "core/identity/Nationalities.h"
#include "core/identity/Regions.h"
#include "core/identity/Validators.h"

#include <QFile>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::identity;

TEST_CASE("Region table is compiled from the pinned GB/T 2260 data", "[identity]")
{
    // Every row of the pinned areas.csv resolves to its own name: the table is the data, not a hand-typed copy.
    QFile csv(QStringLiteral(SHIMING_DATA_DIR "/regions/areas.csv"));
    REQUIRE(csv.open(QIODevice::ReadOnly));
    int rows = 0;
    while (!csv.atEnd()) {
        const QString line = QString::fromUtf8(csv.readLine()).trimmed();
        const auto parts = line.split(u',');
        if (parts.size() < 2 || parts[0] == u"code")
            continue;
        const auto names = lookupRegion(parts[0].toInt());
        INFO(line.toStdString());
        REQUIRE(names);
        CHECK(names->exactMatch);
        CHECK(u'"' + names->area + u'"' == parts[1]);
        ++rows;
    }
    CHECK(rows == regionCount());
    CHECK(rows > 2900);

    const auto chaoyang = lookupRegion(110105);
    REQUIRE(chaoyang);
    CHECK(chaoyang->province == u"北京市"_s);
    CHECK(chaoyang->city == u"市辖区"_s);
    CHECK(chaoyang->area == u"朝阳区"_s);
    CHECK(chaoyang->fullName() == u"北京市朝阳区"_s);
    CHECK(lookupRegion(440304)->fullName() == u"广东省深圳市福田区"_s);
    CHECK(lookupRegion(440300)->fullName() == u"广东省深圳市"_s);
    CHECK(lookupRegion(440000)->fullName() == u"广东省"_s);
    CHECK(lookupRegion(441900)->exactMatch);
    CHECK(lookupRegion(441900)->fullName() == u"广东省东莞市"_s);
    CHECK_FALSE(lookupRegion(110103)->exactMatch); // 崇文区, abolished in 2010
    CHECK_FALSE(lookupRegion(990101));
    CHECK_FALSE(lookupRegion(0));
    CHECK_FALSE(lookupRegion(-110105));
    CHECK_FALSE(lookupRegion(1101050));
    CHECK(provinceName(11) == u"北京市"_s);
    CHECK(provinceName(65) == u"新疆维吾尔自治区"_s);
    CHECK(provinceName(71) == u"台湾省"_s);
    CHECK(provinceName(81) == u"香港特别行政区"_s);
    CHECK(provinceName(82) == u"澳门特别行政区"_s);
    CHECK_FALSE(provinceName(10));
    CHECK_FALSE(provinceName(99));
}

TEST_CASE("Nationality table comes from ISO 3166-1", "[identity]")
{
    CHECK(countryCount() >= 240);
    CHECK(countryByAlpha3(u"CHN")->numeric == 156);
    CHECK(countryByNumeric(840)->alpha3 == u"USA"_s);
    CHECK(countryByNumeric(4)->alpha3 == u"AFG"_s);
    CHECK_FALSE(countryByAlpha3(u"XYZ"));
    CHECK_FALSE(countryByAlpha3(u"chn"));
    CHECK_FALSE(countryByAlpha3(u""));
    CHECK_FALSE(countryByNumeric(999));
    CHECK(isKnownMrzNationality(u"D"));
    CHECK(isKnownMrzNationality(u"UTO"));
    CHECK(isKnownMrzNationality(u"GBR"));
    CHECK_FALSE(isKnownMrzNationality(u"ZZZ"));
}

TEST_CASE("Ethnicity (GB 3304) and sex (GB/T 2261.1) tables", "[identity]")
{
    CHECK(ethnicityName(u"01") == u"汉族"_s);
    CHECK(ethnicityName(u"1") == u"汉族"_s);
    CHECK(ethnicityName(u"05") == u"维吾尔族"_s);
    CHECK(ethnicityName(u"56") == u"基诺族"_s);
    CHECK(ethnicityName(u"97") == u"其他"_s);
    CHECK(ethnicityName(u"98") == u"外国血统中国籍人士"_s);
    CHECK(ethnicityShortName(u"01") == u"汉"_s);
    CHECK(ethnicityShortName(u"29") == u"柯尔克孜"_s);
    CHECK(ethnicityShortName(u"97") == u"其他"_s);
    for (const auto& bad : {u"00"_s, u"57"_s, u"99"_s, u""_s, u"abc"_s, u"001"_s, u"-1"_s})
        CHECK(ethnicityName(bad).isEmpty());
    const QStringList codes = ethnicityCodes();
    CHECK(codes.size() == 58);
    for (const QString& code : codes)
        CHECK_FALSE(ethnicityName(code).isEmpty());

    CHECK(sexName(u"1") == u"男"_s);
    CHECK(sexName(u"2") == u"女"_s);
    CHECK(sexName(u"0") == u"未知的性别"_s);
    CHECK(sexName(u"9") == u"未说明的性别"_s);
    CHECK(sexName(u"3").isEmpty());
    CHECK(sexLetter(u"1") == u"M"_s);
    CHECK(sexLetter(u"2") == u"F"_s);
    CHECK(sexLetter(u"9").isEmpty());
    CHECK(sexDisplayName(u"1") == u"Male"_s);
    CHECK(sexDisplayName(u"F") == u"Female"_s);
    CHECK(sexDisplayName(u"x").isEmpty());
}

TEST_CASE("Masking keeps only what the clerk needs to recognise the number", "[identity]")
{
    CHECK(maskDocumentNumber(u"11010519491231002X") == u"110105********002X"_s);
    CHECK(maskDocumentNumber(u"110105 19491231 002x") == u"110105********002X"_s);
    CHECK(maskDocumentNumber(u"13800138000") == u"138****8000"_s);
    CHECK(maskDocumentNumber(u"H12345678") == u"H12***678"_s);
    CHECK(maskDocumentNumber(u"8986001234567890120") == u"898600*********0120"_s);
    CHECK(maskDocumentNumber(u"") == u""_s);
    CHECK(maskDocumentNumber(u"1") == u"*"_s);
    CHECK(maskDocumentNumber(u"12") == u"**"_s);
    CHECK(maskDocumentNumber(u"123") == u"1*3"_s);
    for (const QString& number : {u"11010519491231002X"_s, u"13800138000"_s, u"12345678"_s}) {
        const QString masked = maskDocumentNumber(number);
        CHECK(masked.size() == number.size());
        CHECK(masked.count(u'*') >= number.size() / 3);
    }
}

TEST_CASE("Age in completed years", "[identity]")
{
    CHECK(ageOn(QDate(1949, 12, 31), QDate(2026, 6, 15)) == 76);
    CHECK(ageOn(QDate(2008, 6, 15), QDate(2026, 6, 15)) == 18);
    CHECK(ageOn(QDate(2008, 6, 16), QDate(2026, 6, 15)) == 17);
    CHECK(ageOn(QDate(2000, 2, 29), QDate(2018, 2, 28)) == 17);
    CHECK(ageOn(QDate(2000, 2, 29), QDate(2018, 3, 1)) == 18);
    CHECK(ageOn(QDate(2000, 2, 29), QDate(2020, 2, 29)) == 20);
    CHECK(ageOn(QDate(2026, 6, 15), QDate(2026, 6, 15)) == 0);
    CHECK(ageOn(QDate(2026, 6, 16), QDate(2026, 6, 15)) == -1);
    CHECK(ageOn(QDate(), QDate(2026, 6, 15)) == -1);
    CHECK(ageOn(QDate(2000, 1, 1), QDate()) == -1);
}

TEST_CASE("Document type keys round-trip and have display names", "[identity]")
{
    QStringList keys;
    for (DocumentType type : allDocumentTypes()) {
        const QString key = documentTypeKey(type);
        keys << key;
        CHECK(parseDocumentType(key) == type);
        CHECK(parseDocumentType(key.toUpper()) == type);
        CHECK_FALSE(documentTypeDisplayName(type).isEmpty());
    }
    keys.removeDuplicates();
    CHECK(keys.size() == allDocumentTypes().size());
    CHECK(parseDocumentType(u"mrz") == DocumentType::Passport);
    CHECK(parseDocumentType(u"resident-id") == DocumentType::ResidentId);
    CHECK(parseDocumentType(u"hkmo-permit") == DocumentType::HkMoPermit);
    CHECK_FALSE(parseDocumentType(u"auto"));
    CHECK_FALSE(parseDocumentType(u""));
    CHECK_FALSE(parseDocumentType(u"driving-licence"));
    CHECK(isPersonalDocument(DocumentType::ResidentId));
    CHECK_FALSE(isPersonalDocument(DocumentType::Mobile));
}
