// Table-driven validator cases: every row is one input, the expected verdict (an error code, or valid), an
// optional expected warning and an optional expected field.

#include "support/CatchQt.h"

#include "IdentityTestSupport.h"
#include "core/identity/Validators.h"

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::identity::test;

namespace {

struct Row {
    DocumentType type;
    QString input;
    QString error; // empty: valid
    QString warning = {};
    QString key = {};
    QString value = {};
    QDate today = kToday;
};

const QDate kSpecimenDay(2010, 1, 1);

void runTable(const QList<Row>& rows)
{
    for (const Row& row : rows) {
        const ValidationResult result = validate(row.type, row.input, row.today);
        recordCodes(result);
        INFO("type " << documentTypeKey(row.type).toStdString() << ", input \"" << row.input.left(120).toStdString()
                     << "\" -> " << describe(result));
        if (row.error.isEmpty()) {
            CHECK(result.valid());
        } else {
            CHECK_FALSE(result.valid());
            CHECK(result.hasError(row.error));
        }
        if (!row.warning.isEmpty())
            CHECK(result.hasWarning(row.warning));
        if (!row.key.isEmpty())
            CHECK(result.fields.value(row.key).toString() == row.value);
        for (const auto& issue : result.errors + result.warnings) {
            CHECK_FALSE(issue.message.isEmpty());
            // Messages never echo the value.
            if (row.input.size() >= 6)
                CHECK_FALSE(issue.message.contains(row.input));
        }
    }
}

QList<Row> table1()
{
    const auto R = DocumentType::ResidentId;
    return {
        // The standard's published example.
        {R, u"11010519491231002X"_s, {}, {}, u"birth_date"_s, u"1949-12-31"_s},
        {R, u"11010519491231002X"_s, {}, {}, u"sex"_s, u"F"_s},
        {R, u"11010519491231002X"_s, {}, {}, u"province"_s, u"北京市"_s},
        {R, u"11010519491231002X"_s, {}, {}, u"region"_s, u"北京市朝阳区"_s},
        {R, u"11010519491231002X"_s, {}, {}, u"region_code"_s, u"110105"_s},
        {R, u"11010519491231002X"_s, {}, {}, u"age"_s, u"76"_s},
        {R, u"11010519491231002X"_s, {}, {}, u"nationality"_s, u"CHN"_s},
        // Normalisation clerks need.
        {R, u"11010519491231002x"_s, {}, {}, u"document_number"_s, u"11010519491231002X"_s},
        {R, u"  110105 19491231 002X  "_s, {}, {}, u"document_number"_s, u"11010519491231002X"_s},
        {R, u"１１０１０５１９４９１２３１００２Ｘ"_s, {}, {}, u"document_number"_s, u"11010519491231002X"_s},
        {R, u"１１０１０５１９４９１２３１００２ｘ"_s, {}, {}, u"document_number"_s, u"11010519491231002X"_s},
        {R, u"110105\t19491231\u3000002X\n"_s, {}, {}, u"document_number"_s, u"11010519491231002X"_s},
        {R, u"\u200B11010519491231002X\uFEFF"_s, {}, {}, u"document_number"_s, u"11010519491231002X"_s},
        // Generated numbers across regions, sexes and dates.
        {R, u"44030419900307123X"_s, {}, {}, u"region"_s, u"广东省深圳市福田区"_s},
        {R, u"44030419900307123X"_s, {}, {}, u"sex"_s, u"M"_s},
        {R, u"44030419900307123X"_s, {}, {}, u"city"_s, u"深圳市"_s},
        {R, u"11010519491231002X"_s, {}, {}, u"city"_s, u""_s}, // "市辖区" is a placeholder, not a city
        {R, u"330106198506150011"_s, {}, {}, u"province"_s, u"浙江省"_s},
        {R, u"110101200002290042"_s, {}, {}, u"birth_date"_s, u"2000-02-29"_s},
        {R, u"650100197001010111"_s, {}, {}, u"province"_s, u"新疆维吾尔自治区"_s},
        {R, withIdCheck(u"71000019800101001"_s), {}, {}, u"province"_s, u"台湾省"_s},
        {R, withIdCheck(u"53010220260615002"_s), {}, {}, u"age"_s, u"0"_s},
        {R, withIdCheck(u"53010220080615002"_s), {}, {}, u"age"_s, u"18"_s},
        {R, withIdCheck(u"53010220080616002"_s), {}, {}, u"age"_s, u"17"_s},
        {DocumentType::TemporaryResidentId, u"11010519491231002X"_s, {}, {}, u"sex"_s, u"F"_s},
        {DocumentType::HouseholdRegister, u"11010519491231002X"_s, {}, {}, u"sex"_s, u"F"_s},
        // Check character.
        {R, u"110105194912310021"_s, u"check_character"_s},
        {R, u"110105194912310020"_s, u"check_character"_s},
        {R, u"44030419900307123９"_s, u"check_character"_s},
        // Characters and length.
        {R, u"11010519491231002Y"_s, u"invalid_character"_s},
        {R, u"1101051949123100X2"_s, u"invalid_character"_s},
        {R, u"11010519491231002"_s, u"invalid_length"_s},
        {R, u"11010519491231002X1"_s, u"invalid_length"_s},
        {R, u"X"_s, u"invalid_length"_s},
        {R, u"110105491231002"_s, u"first_generation_id"_s, {}, u"birth_date"_s, u"1949-12-31"_s},
        // Birth date.
        {R, withIdCheck(u"11010519490230001"_s), u"invalid_birth_date"_s},
        {R, withIdCheck(u"11010519491301001"_s), u"invalid_birth_date"_s},
        {R, withIdCheck(u"11010519000229001"_s), u"invalid_birth_date"_s},
        {R, withIdCheck(u"11010500000101001"_s), u"invalid_birth_date"_s},
        {R, withIdCheck(u"11010520300101001"_s), u"birth_date_future"_s},
        {R, withIdCheck(u"11010520260616001"_s), u"birth_date_future"_s},
        {R, withIdCheck(u"11010518790101001"_s), u"birth_date_implausible"_s},
        // Region: unknown province is an error, an unknown (e.g. abolished) 6-digit code a warning.
        {R, u"990101199001010019"_s, u"unknown_province"_s},
        {R, withIdCheck(u"00010119900101001"_s), u"unknown_province"_s},
        {R, u"123456199001010011"_s, {}, u"unknown_region"_s, u"province"_s, u"天津市"_s},
        {R, withIdCheck(u"11010319800101001"_s), {}, u"unknown_region"_s, u"province"_s, u"北京市"_s},
        {R, u"810000199001010019"_s, u"residence_permit_number"_s},
        // Any input at all.
        {R, u""_s, u"empty"_s},
        {R, u"   \u3000 "_s, u"empty"_s},
        {R, QString(100 * 1024, u'1'), u"too_long"_s},
        {R, u"1101051949123100😀"_s, u"invalid_character"_s},
        {R, u"'; DROP TABLE registrations; --"_s, u"invalid_character"_s},
        {R, QString::fromUtf8("\xff\xfe\x31\x31\x30"), u"invalid_character"_s},
        {R, u"阿依古丽·买买提"_s, u"invalid_character"_s},
    };
}

QList<Row> table2()
{
    const auto P = DocumentType::ResidencePermit;
    return {
        {P, u"810000199001010019"_s, {}, {}, u"issuer_region"_s, u"HK"_s},
        {P, u"82000019850505002X"_s, {}, {}, u"issuer_region"_s, u"MO"_s},
        {P, u"830000200001010034"_s, {}, {}, u"issuer_region"_s, u"TW"_s},
        {P, u"830000200001010034"_s, {}, {}, u"birth_date"_s, u"2000-01-01"_s},
        {P, u"82000019850505002x"_s, {}, {}, u"sex"_s, u"F"_s},
        {P, u"11010519491231002X"_s, u"residence_permit_region"_s},
        {P, withIdCheck(u"81010019900101001"_s), u"residence_permit_region"_s},
        {P, u"810000199001010010"_s, u"check_character"_s},
        {P, u"810000199001010"_s, u"invalid_length"_s},
        {P, withIdCheck(u"81000020990101001"_s), u"birth_date_future"_s},
    };
}

QList<Row> table3()
{
    const auto F = DocumentType::ForeignPermanent;
    const QString badNationality = u"XYZ11008001011"_s + icaoDigit(u"XYZ11008001011"_s);
    const QString badMonth = u"USA11008013011"_s + icaoDigit(u"USA11008013011"_s);
    return {
        {F, u"USA110080010111"_s, {}, {}, u"nationality"_s, u"USA"_s},
        {F, u"USA110080010111"_s, {}, {}, u"birth_date"_s, u"1980-01-01"_s},
        {F, u"USA110080010111"_s, {}, {}, u"format"_s, u"2017"_s},
        {F, u"usa 1100 800101 11"_s, {}, {}, u"office_code"_s, u"1100"_s},
        {F, u"GBR310175060528"_s, {}, {}, u"birth_date"_s, u"1975-06-05"_s},
        {F, u"USA110080010112"_s, u"check_character"_s},
        {F, badNationality, u"unknown_nationality"_s},
        {F, badMonth, u"invalid_birth_date"_s},
        {F, u"US1110080010111"_s, u"invalid_format"_s},
        {F, u"911840198001010013"_s, {}, {}, u"nationality"_s, u"USA"_s},
        {F, u"911840198001010013"_s, {}, {}, u"province"_s, u"北京市"_s},
        {F, u"911840198001010013"_s, {}, {}, u"sex"_s, u"M"_s},
        {F, u"911840198001010013"_s, {}, {}, u"format"_s, u"2023"_s},
        {F, u"931826200102030028"_s, {}, {}, u"nationality"_s, u"GBR"_s},
        {F, u"931826200102030028"_s, {}, {}, u"sex"_s, u"F"_s},
        {F, u"91199919800101001X"_s, u"unknown_nationality"_s},
        {F, u"900840198001010010"_s, u"unknown_province"_s},
        {F, u"911840198001010014"_s, u"check_character"_s},
        {F, withIdCheck(u"91184020300101001"_s), u"birth_date_future"_s},
        {F, u"811840198001010013"_s, u"invalid_format"_s},
        {F, u"9118401980A1010013"_s, u"invalid_format"_s},
        {F, u"9118401980010100"_s, u"invalid_length"_s},
    };
}

QList<Row> table4()
{
    const auto H = DocumentType::HkMoPermit;
    const auto T = DocumentType::TwPermit;
    return {
        {H, u"H12345678"_s, {}, {}, u"issuer_region"_s, u"HK"_s},
        {H, u"M12345678"_s, {}, {}, u"issuer_region"_s, u"MO"_s},
        {H, u"H1234567801"_s, {}, {}, u"issue_count"_s, u"1"_s},
        {H, u"h12345678"_s, {}, {}, u"document_number"_s, u"H12345678"_s},
        {H, u"Ｈ１２３４５６７８"_s, {}, {}, u"document_number"_s, u"H12345678"_s},
        {H, u"X12345678"_s, u"invalid_format"_s},
        {H, u"H12345A78"_s, u"invalid_format"_s},
        {H, u"H1234567"_s, u"invalid_length"_s},
        {H, u"H123456789"_s, u"invalid_length"_s},
        {H, u"H1234567８"_s, {}, {}, u"document_number"_s, u"H12345678"_s},
        {T, u"12345678"_s, {}, {}, u"issuer_region"_s, u"TW"_s},
        {T, u"1234567801"_s, {}, {}, u"issue_count"_s, u"1"_s},
        {T, u"1234 5678"_s, {}, {}, u"document_number"_s, u"12345678"_s},
        {T, u"1234567"_s, u"invalid_length"_s},
        {T, u"123456789"_s, u"invalid_length"_s},
        {T, u"1234567A"_s, u"invalid_format"_s},
        {T, u"1234-5678"_s, u"invalid_character"_s},
    };
}

QList<Row> table5()
{
    const auto M = DocumentType::Passport;
    // ICAO 9303 part 4 and part 5 specimens.
    const QString td3a = u"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"_s;
    const QString td3b = u"L898902C36UTO7408122F1204159ZE184226B<<<<<10"_s;
    const QString td3 = td3a + u'\n' + td3b;
    const QString td1 =
        u"I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"_s;
    const QString td2 = u"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6"_s;
    const QString td1Long =
        u"I<UTOD23145890<1233<<<<<<<<<<<\n7408122F3012316UTO<<<<<<<<<<<0\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"_s;
    const QString chnA = u"P<CHNZHANG<<SAN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<"_s;
    const QString chn =
        chnA + u'\n' + td3Line2(u"E12345678"_s, u"CHN"_s, u"900101"_s, u'M', u"350101"_s, u"<<<<<<<<<<<<<<"_s);
    auto swap = [](QString text, qsizetype at, QChar c) {
        text[at] = c;
        return text;
    };
    const qsizetype l2 = 45; // offset of line 2 in td3
    return {
        {M, td3, {}, {}, u"surname"_s, u"ERIKSSON"_s, kSpecimenDay},
        {M, td3, {}, {}, u"given_names"_s, u"ANNA MARIA"_s, kSpecimenDay},
        {M, td3, {}, {}, u"name"_s, u"ERIKSSON ANNA MARIA"_s, kSpecimenDay},
        {M, td3, {}, {}, u"document_number"_s, u"L898902C3"_s, kSpecimenDay},
        {M, td3, {}, {}, u"nationality"_s, u"UTO"_s, kSpecimenDay},
        {M, td3, {}, {}, u"issuing_state"_s, u"UTO"_s, kSpecimenDay},
        {M, td3, {}, {}, u"birth_date"_s, u"1974-08-12"_s, kSpecimenDay},
        {M, td3, {}, {}, u"sex"_s, u"F"_s, kSpecimenDay},
        {M, td3, {}, {}, u"expiry_date"_s, u"2012-04-15"_s, kSpecimenDay},
        {M, td3, {}, {}, u"personal_number"_s, u"ZE184226B"_s, kSpecimenDay},
        {M, td3, {}, {}, u"mrz_format"_s, u"TD3"_s, kSpecimenDay},
        {M, td3, u"document_expired"_s},
        {M, td3a + u'|' + td3b, {}, {}, u"surname"_s, u"ERIKSSON"_s, kSpecimenDay},
        {M, td3a + td3b, {}, {}, u"surname"_s, u"ERIKSSON"_s, kSpecimenDay},
        {M, (td3a + u"\r\n" + td3b).toLower(), {}, {}, u"surname"_s, u"ERIKSSON"_s, kSpecimenDay},
        {M, QString(td3).replace(u'<', u'«'), {}, {}, u"given_names"_s, u"ANNA MARIA"_s, kSpecimenDay},
        {M, QString(td3).replace(u'<', u'‹'), {}, {}, u"given_names"_s, u"ANNA MARIA"_s, kSpecimenDay},
        {M, QString(td3).replace(u'<', u'＜'), {}, {}, u"given_names"_s, u"ANNA MARIA"_s, kSpecimenDay},
        {M, u"  "_s + td3a + u"  \n  "_s + td3b + u"\n\n"_s, {}, {}, u"sex"_s, u"F"_s, kSpecimenDay},
        {M, td1, {}, {}, u"document_number"_s, u"D23145890"_s, kSpecimenDay},
        {M, td1, {}, {}, u"mrz_format"_s, u"TD1"_s, kSpecimenDay},
        {M, td1, {}, {}, u"given_names"_s, u"ANNA MARIA"_s, kSpecimenDay},
        {M, td1, {}, {}, u"expiry_date"_s, u"2012-04-15"_s, kSpecimenDay},
        {M, QString(td1).replace(u'\n', u'|'), {}, {}, u"nationality"_s, u"UTO"_s, kSpecimenDay},
        {M, td1Long, {}, {}, u"document_number"_s, u"D23145890123"_s},
        {M, td2, {}, {}, u"mrz_format"_s, u"TD2"_s, kSpecimenDay},
        {M, chn, {}, {}, u"surname"_s, u"ZHANG"_s},
        {M, chn, {}, {}, u"expiry_date"_s, u"2035-01-01"_s},
        {M, chn, {}, {}, u"age"_s, u"36"_s},
        // Every check digit.
        {M, swap(td3, l2 + 9, u'7'), u"check_digit_document_number"_s, {}, {}, {}, kSpecimenDay},
        {M, swap(td3, l2 + 19, u'3'), u"check_digit_birth_date"_s, {}, {}, {}, kSpecimenDay},
        {M, swap(td3, l2 + 27, u'8'), u"check_digit_expiry_date"_s, {}, {}, {}, kSpecimenDay},
        {M, swap(td3, l2 + 42, u'2'), u"check_digit_optional_data"_s, {}, {}, {}, kSpecimenDay},
        {M, swap(td3, l2 + 43, u'9'), u"check_digit_composite"_s, {}, {}, {}, kSpecimenDay},
        {M, swap(td1, 14, u'8'), u"check_digit_document_number"_s, {}, {}, {}, kSpecimenDay},
        {M, swap(td1, 31 + 29, u'5'), u"check_digit_composite"_s, {}, {}, {}, kSpecimenDay},
        {M, swap(td2, 37 + 35, u'1'), u"check_digit_composite"_s, {}, {}, {}, kSpecimenDay},
        // Structure.
        {M, td3a, u"mrz_line_count"_s},
        {M, td3 + u"\nXXXX"_s + u"\nYYYY"_s, u"mrz_line_count"_s},
        {M, td3a + u'\n' + td3b.left(43), u"mrz_line_length"_s},
        {M, td1.left(td1.size() - 1), u"mrz_line_length"_s},
        {M, swap(td3, 3, u'#'), u"invalid_character"_s},
        {M, swap(td3, 0, u'V'), u"mrz_document_code"_s, {}, {}, {}, kSpecimenDay},
        {M, swap(td1, 0, u'P'), u"mrz_document_code"_s, {}, {}, {}, kSpecimenDay},
        {M, swap(td3, l2 + 20, u'Q'), u"invalid_sex"_s, {}, {}, {}, kSpecimenDay},
        {M,
         td3a + u'\n' + td3Line2(u"L898902C3"_s, u"UTO"_s, u"741312"_s, u'F', u"120415"_s, u"ZE184226B<<<<<"_s),
         u"invalid_birth_date"_s,
         {},
         {},
         {},
         kSpecimenDay},
        {M,
         td3a + u'\n' + td3Line2(u"L898902C3"_s, u"UTO"_s, u"740812"_s, u'F', u"121315"_s, u"ZE184226B<<<<<"_s),
         u"invalid_expiry_date"_s,
         {},
         {},
         {},
         kSpecimenDay},
        {M,
         chnA + u'\n' + td3Line2(u"E12345678"_s, u"ZZZ"_s, u"900101"_s, u'M', u"350101"_s, u"<<<<<<<<<<<<<<"_s),
         {},
         u"unknown_nationality"_s,
         u"nationality"_s,
         u"ZZZ"_s},
        {M,
         chnA + u'\n' + td3Line2(u"E12345678"_s, u"CHN"_s, u"900101"_s, u'<', u"350101"_s, u"<<<<<<<<<<<<<<"_s),
         {},
         {},
         u"sex"_s,
         u"X"_s},
        {M, u""_s, u"empty"_s},
        {M, u"|||\n\n"_s, u"empty"_s},
        {M, QString(200000, u'<'), u"too_long"_s},
    };
}

QList<Row> table6()
{
    const auto U = DocumentType::Uscc;
    return {
        {U, u"91350100M000100Y43"_s, {}, {}, u"organization_code"_s, u"M000100Y-4"_s},
        {U, u"91350100M000100Y43"_s, {}, {}, u"province"_s, u"福建省"_s},
        {U, u"91350100M000100Y43"_s, {}, {}, u"registration_authority"_s, u"9"_s},
        {U, u"91110108710928831W"_s, {}, {}, u"region"_s, u"北京市海淀区"_s},
        {U, u"91350100m000100y43"_s, {}, {}, u"document_number"_s, u"91350100M000100Y43"_s},
        {U, u"9135 0100 M000 100Y 43"_s, {}, {}, u"document_number"_s, u"91350100M000100Y43"_s},
        {U, u"91350100-M000100Y4-3"_s, {}, {}, u"document_number"_s, u"91350100M000100Y43"_s},
        {U, uscc(u"5210000050000001"_s), {}, {}, u"registration_authority_name"_s, u"民政"_s},
        {U, uscc(u"1210000000000001"_s), {}, u"unknown_region"_s},
        {U, u"91350100M000100Y44"_s, u"check_character"_s},
        {U, uscc(u"9111010871092883"_s, true), u"organization_code_check"_s},
        {U, u"91350100M000100I43"_s, u"invalid_character"_s},
        {U, u"91350100M000100O43"_s, u"invalid_character"_s},
        {U, u"91350100M000100Y4"_s, u"invalid_length"_s},
        {U, u"91350100M000100Y431"_s, u"invalid_length"_s},
    };
}

QList<Row> table7()
{
    const auto I = DocumentType::Iccid;
    return {
        {I, u"8986001234567890120"_s, {}, {}, u"issuer_code"_s, u"cmcc"_s},
        {I, u"89860212345678901236"_s, {}, {}, u"issuer_code"_s, u"cmcc"_s},
        {I, u"89860112345678901237"_s, {}, {}, u"issuer_code"_s, u"cucc"_s},
        {I, u"89860912345678901239"_s, {}, {}, u"issuer"_s, u"China Unicom"_s},
        {I, u"89860312345678901235"_s, {}, {}, u"issuer_code"_s, u"ctcc"_s},
        {I, u"89860612345678901232"_s, {}, {}, u"issuer_code"_s, u"ctcc"_s},
        {I, u"8986 0012 3456 7890 120"_s, {}, {}, u"document_number"_s, u"8986001234567890120"_s},
        {I, u"8986-0012-3456-7890-120"_s, {}, {}, u"country_code"_s, u"86"_s},
        {I, u"89860012345678901234"_s, {}, u"luhn_check"_s},
        {I, u"89440012345678901239"_s, {}, u"unknown_issuer"_s},
        {I, u"89869912345678901230"_s, {}, u"unknown_issuer"_s},
        {I, u"898600123456789012"_s, u"invalid_length"_s},
        {I, u"898600123456789012345"_s, u"invalid_length"_s},
        {I, u"8886001234567890120"_s, u"invalid_format"_s},
        {I, u"898600123456789012F"_s, u"invalid_character"_s},
    };
}

QList<Row> table8()
{
    const auto N = DocumentType::Mobile;
    return {
        {N, u"13800138000"_s, {}, {}, u"operator_code"_s, u"cmcc"_s},
        {N, u"18612345678"_s, {}, {}, u"operator_code"_s, u"cucc"_s},
        {N, u"18912345678"_s, {}, {}, u"operator_code"_s, u"ctcc"_s},
        {N, u"19212345678"_s, {}, {}, u"operator_code"_s, u"cbn"_s},
        {N, u"13491234567"_s, {}, {}, u"operator_code"_s, u"cmcc"_s},
        {N, u"17001234567"_s, {}, u"virtual_operator"_s, u"operator_code"_s, u"ctcc"_s},
        {N, u"17031234567"_s, {}, u"virtual_operator"_s, u"operator_code"_s, u"cmcc"_s},
        {N, u"+8613800138000"_s, {}, {}, u"document_number"_s, u"13800138000"_s},
        {N, u"008613800138000"_s, {}, {}, u"document_number"_s, u"13800138000"_s},
        {N, u"86 138 0013 8000"_s, {}, {}, u"msisdn"_s, u"+8613800138000"_s},
        {N, u"138-0013-8000"_s, {}, {}, u"document_number"_s, u"13800138000"_s},
        {N, u"(138) 0013.8000"_s, {}, {}, u"document_number"_s, u"13800138000"_s},
        {N, u"１３８００１３８０００"_s, {}, {}, u"document_number"_s, u"13800138000"_s},
        {N, u"14012345678"_s, {}, u"unknown_operator"_s},
        {N, u"12345678901"_s, u"not_mobile_prefix"_s},
        {N, u"23800138000"_s, u"not_mobile_prefix"_s},
        {N, u"1380013800"_s, u"invalid_length"_s},
        {N, u"138001380001"_s, u"invalid_length"_s},
        {N, u"1380013800a"_s, u"invalid_character"_s},
    };
}

} // namespace

TEST_CASE("Resident ID numbers (GB 11643)", "[identity]")
{
    runTable(table1());
}

TEST_CASE("Residence permits for Hong Kong, Macao and Taiwan residents", "[identity]")
{
    runTable(table2());
}

TEST_CASE("Foreign permanent resident ID cards (2017 and 2023 formats)", "[identity]")
{
    runTable(table3());
}

TEST_CASE("Mainland travel permits for Hong Kong, Macao and Taiwan residents", "[identity]")
{
    runTable(table4());
}

TEST_CASE("Machine-readable zones (ICAO 9303 TD3, TD2, TD1)", "[identity]")
{
    runTable(table5());
}

TEST_CASE("Unified social credit codes (GB 32100 with GB 11714)", "[identity]")
{
    runTable(table6());
}

TEST_CASE("SIM card numbers (ICCID)", "[identity]")
{
    runTable(table7());
}

TEST_CASE("Mobile numbers", "[identity]")
{
    runTable(table8());
}

TEST_CASE("Every validator error and warning code is exercised by the tables", "[identity]")
{
    seenCodes().clear();
    for (const auto& table : {table1, table2, table3, table4, table5, table6, table7, table8}) {
        for (const Row& row : table())
            recordCodes(validate(row.type, row.input, row.today));
    }
    const QStringList expected = {
        u"empty"_s,
        u"too_long"_s,
        u"invalid_character"_s,
        u"invalid_length"_s,
        u"invalid_format"_s,
        u"check_character"_s,
        u"first_generation_id"_s,
        u"invalid_birth_date"_s,
        u"birth_date_future"_s,
        u"birth_date_implausible"_s,
        u"unknown_province"_s,
        u"unknown_region"_s,
        u"residence_permit_number"_s,
        u"residence_permit_region"_s,
        u"unknown_nationality"_s,
        u"mrz_line_count"_s,
        u"mrz_line_length"_s,
        u"mrz_document_code"_s,
        u"check_digit_document_number"_s,
        u"check_digit_birth_date"_s,
        u"check_digit_expiry_date"_s,
        u"check_digit_optional_data"_s,
        u"check_digit_composite"_s,
        u"invalid_expiry_date"_s,
        u"invalid_sex"_s,
        u"document_expired"_s,
        u"organization_code_check"_s,
        u"luhn_check"_s,
        u"unknown_issuer"_s,
        u"not_mobile_prefix"_s,
        u"unknown_operator"_s,
        u"virtual_operator"_s,
    };
    for (const QString& code : expected) {
        INFO(code.toStdString());
        CHECK(seenCodes().count(code.toStdString()) == 1);
    }
}
