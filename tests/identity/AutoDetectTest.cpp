#include "support/CatchQt.h"

#include "IdentityTestSupport.h"
#include "core/identity/Validators.h"

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::identity::test;

TEST_CASE("Auto detection picks the document type from the shape of the value", "[identity]")
{
    struct Row {
        QString input;
        QString type; // documentTypeKey, or "unknown"
        bool valid;
    };
    const QDate specimenDay(2010, 1, 1);
    const QList<Row> rows = {
        {u"11010519491231002X"_s, u"resident-id"_s, true},
        {u"11010519491231002x"_s, u"resident-id"_s, true},
        {u"110105194912310021"_s, u"resident-id"_s, false},
        {u"110105491231002"_s, u"resident-id"_s, false},
        {u"810000199001010019"_s, u"residence-permit"_s, true},
        {u"830000200001010034"_s, u"residence-permit"_s, true},
        {u"USA110080010111"_s, u"foreign-permanent"_s, true},
        {u"911840198001010013"_s, u"foreign-permanent"_s, true},
        {u"91350100M000100Y43"_s, u"uscc"_s, true},
        {u"91110108710928831W"_s, u"uscc"_s, true},
        {u"H12345678"_s, u"hkmo-permit"_s, true},
        {u"M1234567801"_s, u"hkmo-permit"_s, true},
        {u"12345678"_s, u"tw-permit"_s, true},
        {u"13800138000"_s, u"mobile"_s, true},
        {u"+86 138 0013 8000"_s, u"mobile"_s, true},
        {u"8986001234567890120"_s, u"iccid"_s, true},
        {u"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<|L898902C36UTO7408122F1204159ZE184226B<<<<<10"_s, u"passport"_s,
         true},
        {u"hello"_s, u"unknown"_s, false},
        {u"'; DROP TABLE x; --"_s, u"unknown"_s, false},
        {u"😀😀😀"_s, u"unknown"_s, false},
        {u"阿依古丽·买买提"_s, u"unknown"_s, false},
    };
    for (const Row& row : rows) {
        const ValidationResult result = validateAuto(row.input, specimenDay);
        INFO(row.input.toStdString() << " -> " << describe(result));
        const QString type = validationResultToJson(result).value(u"type"_s).toString();
        CHECK(type == row.type);
        CHECK(result.valid() == row.valid);
        if (row.type == u"unknown")
            CHECK(result.hasError(identity::codes::Unrecognized));
    }
    CHECK(validateAuto(u""_s, specimenDay).hasError(identity::codes::Empty));
    CHECK(validateAuto(QString(100 * 1024, u'9'), specimenDay).hasError(identity::codes::TooLong));
    CHECK(validateAuto(QString::fromUtf8("\xc3\x28\xa0\xa1"), specimenDay).hasError(identity::codes::InvalidCharacter));
}

TEST_CASE("validate() with a clock uses the clock's day", "[identity]")
{
    const QString td3 = u"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"_s;
    FixedClock clock(QDateTime(QDate(2012, 4, 15), QTime(12, 0)));
    CHECK(validate(DocumentType::Passport, td3, clock).valid());
    clock.set(QDateTime(QDate(2012, 4, 16), QTime(12, 0)));
    CHECK(validate(DocumentType::Passport, td3, clock).hasError(identity::codes::DocumentExpired));
    clock.set(QDateTime(QDate(1949, 12, 30), QTime(12, 0)));
    CHECK(
        validate(DocumentType::ResidentId, u"11010519491231002X"_s, clock).hasError(identity::codes::BirthDateFuture));
    clock.set(QDateTime(QDate(2019, 12, 31), QTime(12, 0)));
    CHECK(validateAuto(u"11010519491231002X"_s, clock).fields.value(u"age"_s).toInt() == 70);
    clock.set(QDateTime(QDate(2019, 12, 30), QTime(12, 0)));
    CHECK(validateAuto(u"11010519491231002X"_s, clock).fields.value(u"age"_s).toInt() == 69);
}
