#include "support/CatchQt.h"

#include "core/identity/IdentityDocument.h"

using namespace Qt::StringLiterals;
using namespace shiming;

namespace {

IdentityDocument chinaCard()
{
    IdentityDocument d;
    d.type = DocumentType::ResidentId;
    d.name = u"𠮷田阿依古丽·买买提"_s;
    d.sexCode = u"2"_s;
    d.nationCode = u"05"_s;
    d.birthDate = QDate(1949, 12, 31);
    d.address = u"北京市朝阳区某某路1号"_s;
    d.number = u"11010519491231002X"_s;
    d.authority = u"北京市公安局朝阳分局"_s;
    d.validFrom = QDate(2020, 1, 1);
    d.validToLongTerm = true;
    d.nationality = u"CHN"_s;
    return d;
}

} // namespace

TEST_CASE("Identity documents: number, birth date, sex, ethnicity and validity are checked together", "[identity]")
{
    const FixedClock clock(QDateTime(QDate(2026, 6, 15), QTime(10, 0)));
    struct Row {
        const char* what;
        std::function<void(IdentityDocument&)> change;
        QString error;   // empty: valid
        QString warning; // optional
    };
    const QList<Row> rows = {
        {"unchanged", [](IdentityDocument&) {}, {}, {}},
        {"no birth date typed", [](IdentityDocument& d) { d.birthDate = {}; }, {}, {}},
        {"ten-year card for a 70-year-old is valid but unusual",
         [](IdentityDocument& d) {
             d.validToLongTerm = false;
             d.validTo = QDate(2030, 1, 1);
         },
         {},
         u"unusual_validity_period"_s},
        {"ten-year card issued at 20",
         [](IdentityDocument& d) {
             d.number = u"44030419900307123X"_s;
             d.birthDate = QDate(1990, 3, 7);
             d.sexCode = u"1"_s;
             d.validFrom = QDate(2010, 5, 1);
             d.validTo = QDate(2020, 5, 1);
             d.validToLongTerm = false;
         },
         u"document_expired"_s,
         {}},
        {"twenty-year card issued at 30",
         [](IdentityDocument& d) {
             d.number = u"44030419900307123X"_s;
             d.birthDate = QDate(1990, 3, 7);
             d.sexCode = u"1"_s;
             d.validFrom = QDate(2020, 5, 1);
             d.validTo = QDate(2040, 5, 1);
             d.validToLongTerm = false;
         },
         {},
         {}},
        {"long-term card issued at 30",
         [](IdentityDocument& d) {
             d.number = u"44030419900307123X"_s;
             d.birthDate = QDate(1990, 3, 7);
             d.sexCode = u"1"_s;
             d.validFrom = QDate(2020, 5, 1);
             d.validToLongTerm = true;
         },
         {},
         u"unusual_validity_period"_s},
        {"five-year card for a child",
         [](IdentityDocument& d) {
             d.number = u"11010120120101001X"_s;
             d.birthDate = QDate(2012, 1, 1);
             d.sexCode = u"1"_s;
             d.validFrom = QDate(2024, 2, 29);
             d.validTo = QDate(2029, 2, 28);
             d.validToLongTerm = false;
         },
         {},
         {}},
        {"bad number", [](IdentityDocument& d) { d.number = u"110105194912310021"_s; }, u"check_character"_s, {}},
        {"no name", [](IdentityDocument& d) { d.name = u"  "_s; }, u"missing_name"_s, {}},
        {"birth date differs",
         [](IdentityDocument& d) { d.birthDate = QDate(1949, 12, 30); },
         u"birth_date_mismatch"_s,
         {}},
        {"sex differs", [](IdentityDocument& d) { d.sexCode = u"1"_s; }, u"sex_mismatch"_s, {}},
        {"sex code unknown", [](IdentityDocument& d) { d.sexCode = u"5"_s; }, u"invalid_sex"_s, {}},
        {"ethnicity unknown", [](IdentityDocument& d) { d.nationCode = u"57"_s; }, u"unknown_ethnicity"_s, {}},
        {"validity reversed",
         [](IdentityDocument& d) {
             d.validToLongTerm = false;
             d.validFrom = QDate(2030, 1, 1);
             d.validTo = QDate(2020, 1, 1);
         },
         u"invalid_validity"_s,
         {}},
        {"not yet valid", [](IdentityDocument& d) { d.validFrom = QDate(2026, 6, 16); }, u"not_yet_valid"_s, {}},
        {"expired",
         [](IdentityDocument& d) {
             d.validToLongTerm = false;
             d.validTo = QDate(2026, 6, 14);
         },
         u"document_expired"_s,
         {}},
        {"expires soon",
         [](IdentityDocument& d) {
             d.validToLongTerm = false;
             d.validTo = QDate(2026, 7, 1);
         },
         {},
         u"expires_soon"_s},
        {"expires today is still valid",
         [](IdentityDocument& d) {
             d.validToLongTerm = false;
             d.validTo = QDate(2026, 6, 15);
         },
         {},
         u"expires_soon"_s},
        {"not a personal document", [](IdentityDocument& d) { d.type = DocumentType::Uscc; }, u"type_mismatch"_s, {}},
        {"permit number on a resident card",
         [](IdentityDocument& d) {
             d.number = u"810000199001010019"_s;
             d.birthDate = QDate(1990, 1, 1);
             d.sexCode = u"1"_s;
         },
         u"residence_permit_number"_s,
         {}},
        {"residence permit",
         [](IdentityDocument& d) {
             d.type = DocumentType::ResidencePermit;
             d.number = u"810000199001010019"_s;
             d.birthDate = QDate(1990, 1, 1);
             d.sexCode = u"1"_s;
             d.nationCode.clear();
         },
         {},
         {}},
        {"passport by number",
         [](IdentityDocument& d) {
             d.type = DocumentType::Passport;
             d.number = u"E12345678"_s;
             d.englishName = u"ZHANG SAN"_s;
             d.nationality = u"CHN"_s;
         },
         {},
         {}},
        {"passport number too short",
         [](IdentityDocument& d) {
             d.type = DocumentType::Passport;
             d.number = u"E12"_s;
         },
         u"invalid_length"_s,
         {}},
        {"passport holder born in the future",
         [](IdentityDocument& d) {
             d.type = DocumentType::Passport;
             d.number = u"E12345678"_s;
             d.birthDate = QDate(2027, 1, 1);
         },
         u"birth_date_future"_s,
         {}},
        {"foreign permanent resident",
         [](IdentityDocument& d) {
             d.type = DocumentType::ForeignPermanent;
             d.number = u"911840198001010013"_s;
             d.name.clear();
             d.englishName = u"SMITH JOHN"_s;
             d.birthDate = QDate(1980, 1, 1);
             d.sexCode = u"1"_s;
             d.nationCode.clear();
             d.nationality = u"USA"_s;
         },
         {},
         {}},
    };
    for (const Row& row : rows) {
        IdentityDocument document = chinaCard();
        row.change(document);
        const IdentityDocument before = document;
        const ValidationResult result = validateIdentityDocument(document, clock);
        INFO(row.what);
        CHECK(document == before); // validation never alters the document
        if (row.error.isEmpty()) {
            INFO((result.errors.isEmpty() ? QString() : result.errors.first().code).toStdString());
            CHECK(result.valid());
        } else {
            CHECK(result.hasError(row.error));
        }
        if (!row.warning.isEmpty())
            CHECK(result.hasWarning(row.warning));
        else if (row.error.isEmpty())
            CHECK(result.warnings.isEmpty());
    }
}

TEST_CASE("Identity document fields come from the number", "[identity]")
{
    const FixedClock clock(QDateTime(QDate(2026, 6, 15), QTime(10, 0)));
    const ValidationResult result = validateIdentityDocument(chinaCard(), clock);
    REQUIRE(result.valid());
    CHECK(result.fields.value(u"birth_date"_s).toString() == u"1949-12-31"_s);
    CHECK(result.fields.value(u"age"_s).toInt() == 76);
    CHECK(result.fields.value(u"expiry_date"_s).toString() == u"long-term"_s);
    CHECK(result.normalized == u"11010519491231002X"_s);
    // Names outside the BMP and with the middle dot are data, never touched.
    CHECK(chinaCard().name == u"𠮷田阿依古丽·买买提"_s);
    CHECK(chinaCard().name.size() == 11); // 𠮷 is a surrogate pair
    CHECK(chinaCard().name.at(0).isHighSurrogate());
    CHECK(chinaCard().name.toUcs4().size() == 10);
}
