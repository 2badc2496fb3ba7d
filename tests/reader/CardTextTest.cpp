#include "support/CatchQt.h"

#include "core/demo/CardFixture.h"
#include "core/identity/Validation.h"
#include "core/reader/CardReadout.h"
#include "core/reader/CardText.h"
#include "core/reader/Ga467Frame.h"

#include "ReaderTestSupport.h"

using namespace shiming;
using namespace shiming::reader;
using namespace Qt::StringLiterals;

namespace {

CardText residentText(const QString& name)
{
    CardText text;
    text.layout = CardText::Layout::Resident;
    text.name = name;
    text.sex = u"2"_s;
    text.nation = u"05"_s;
    text.birth = u"19900315"_s;
    text.address = u"新疆乌鲁木齐市天山区解放南路88号"_s;
    text.number = u"650102199003150048"_s;
    text.authority = u"乌鲁木齐市公安局天山区分局"_s;
    text.validFrom = u"20160315"_s;
    text.validTo = u"20360315"_s;
    return text;
}

void putUtf16(QByteArray& block, qsizetype offset, const QString& text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        block[offset + 2 * i] = char(text.at(i).unicode() & 0xFF);
        block[offset + 2 * i + 1] = char(text.at(i).unicode() >> 8);
    }
}

} // namespace

TEST_CASE("Resident text block: fields at their offsets, UCS-2 LE, space padded", "[reader]")
{
    const Result<QByteArray> block = encodeCardText(residentText(u"阿依古丽·买买提"_s));
    REQUIRE(block);
    REQUIRE(block->size() == 256);
    // 阿 = U+963F little-endian at offset 0; padding is a UCS-2 space.
    CHECK(block->mid(0, 2) == QByteArray::fromHex("3f96"));
    CHECK(block->mid(28, 2) == QByteArray::fromHex("2000"));
    CHECK(block->mid(30, 2) == QByteArray::fromHex("3200"));      // sex "2"
    CHECK(block->mid(32, 4) == QByteArray::fromHex("30003500"));  // nation "05"
    CHECK(block->mid(122, 4) == QByteArray::fromHex("36003500")); // ID number starts "65"
    CHECK(block->mid(248, 2) == QByteArray::fromHex("2000"));     // no type marker: resident
}

TEST_CASE("Names outside the BMP and with the middle dot survive exactly", "[reader]")
{
    for (const QString& name : {u"阿依古丽·买买提"_s, u"𠮷星宇"_s, u"𠮷𠮷𠮷𠮷𠮷𠮷𠮷"_s, u"王"_s}) {
        const Result<QByteArray> block = encodeCardText(residentText(name));
        REQUIRE(block);
        const auto parsed = parseCardText(*block);
        REQUIRE(parsed);
        CHECK(parsed->name == name);
        CHECK(parsed->name.toUtf8() == name.toUtf8());
        CHECK(*parsed == residentText(name));
    }
    // 8 surrogate pairs are 16 UTF-16 units: more than the 15 the field holds; refused, not truncated.
    CHECK_FALSE(encodeCardText(residentText(u"𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷"_s)));
}

TEST_CASE("Foreigner's permanent residence card: type I layout", "[reader]")
{
    CardText text;
    text.layout = CardText::Layout::ForeignPermanent;
    text.englishName = u"SMITH JOHN"_s;
    text.name = u"约翰·史密斯"_s;
    text.sex = u"1"_s;
    text.number = u"USA310085012345"_s;
    text.nationality = u"USA"_s;
    text.validFrom = u"20170601"_s;
    text.validTo = u"20270601"_s;
    text.birth = u"19850123"_s;
    text.cardVersion = u"01"_s;
    text.authority = u"1500"_s;
    const Result<QByteArray> block = encodeCardText(text);
    REQUIRE(block);
    CHECK(block->mid(248, 2) == QByteArray::fromHex("4900"));
    CHECK(block->mid(122, 2) == QByteArray::fromHex("5500")); // 'U' of the permit number
    CHECK(block->mid(220, 2) == QByteArray::fromHex("3100")); // birth date starts "1"
    const auto parsed = parseCardText(*block);
    REQUIRE(parsed);
    CHECK(*parsed == text);

    const IdentityDocument document = toIdentityDocument(*parsed);
    CHECK(document.type == DocumentType::ForeignPermanent);
    CHECK(document.englishName == u"SMITH JOHN"_s);
    CHECK(document.nationality == u"USA"_s);
    CHECK(document.birthDate == QDate(1985, 1, 23));
    CHECK(document.number == u"USA310085012345"_s);
}

TEST_CASE("An unknown card type is an error, not a guess", "[reader]")
{
    QByteArray block = *encodeCardText(residentText(u"王小明"_s));
    putUtf16(block, 248, u"J"_s);
    const auto parsed = parseCardText(block);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().kind == ReaderError::Kind::UnknownCardType);
    CHECK_FALSE(parsed.error().detail.contains(u"王"_s));
}

TEST_CASE("Broken text blocks are refused: size, lone surrogates, control characters", "[reader]")
{
    CHECK(parseCardText(QByteArray(255, ' ')).error().kind == ReaderError::Kind::BadCardData);
    CHECK(parseCardText(QByteArray()).error().kind == ReaderError::Kind::BadCardData);

    QByteArray lone = *encodeCardText(residentText(u"王小明"_s));
    putUtf16(lone, 0, QString(QChar(char16_t(0xD842))) + u"明"_s);
    CHECK(parseCardText(lone).error().kind == ReaderError::Kind::BadCardData);

    QByteArray control = *encodeCardText(residentText(u"王小明"_s));
    putUtf16(control, 52, u"北京\u0007路"_s);
    CHECK(parseCardText(control).error().kind == ReaderError::Kind::BadCardData);

    // All zeros: a blank card. Parses (every field empty) and the document then fails validation.
    const auto blank = parseCardText(QByteArray(256, '\0'));
    REQUIRE(blank);
    CHECK(blank->name.isEmpty());
}

TEST_CASE("The read document is validated: long-term validity, expiry, check character", "[reader]")
{
    FixedClock clock(QDateTime(QDate(2026, 11, 28), QTime(10, 0)));
    CardText text = residentText(u"阿依古丽·买买提"_s);
    const QByteArray photo(1024, '\0');

    auto readout = makeReadout(*encodeCardText(text), photo, u"新疆乌鲁木齐市沙依巴克区友好北路1号"_s, nullptr, clock);
    REQUIRE(readout);
    CHECK(readout->validation.valid());
    CHECK(readout->document.type == DocumentType::ResidentId);
    CHECK(readout->document.nationCode == u"05"_s);
    CHECK(readout->document.birthDate == QDate(1990, 3, 15));
    CHECK(readout->document.validTo == QDate(2036, 3, 15));
    CHECK(readout->document.appendedAddress == u"新疆乌鲁木齐市沙依巴克区友好北路1号"_s);
    CHECK(readout->document.nationality == u"CHN"_s);
    CHECK(readout->photoStatus == PhotoStatus::NoDecoder);
    CHECK(readout->rawText.size() == 256);
    CHECK(readout->readAt == clock.now());

    text.validTo = u"长期"_s;
    readout = makeReadout(*encodeCardText(text), photo, {}, nullptr, clock);
    REQUIRE(readout);
    CHECK(readout->document.validToLongTerm);
    CHECK_FALSE(readout->document.validTo.isValid());

    text.validFrom = u"20060101"_s;
    text.validTo = u"20160101"_s;
    readout = makeReadout(*encodeCardText(text), photo, {}, nullptr, clock);
    REQUIRE(readout);
    CHECK(readout->validation.hasError(identity::codes::DocumentExpired));

    text = residentText(u"阿依古丽·买买提"_s);
    text.number = u"650102199003150049"_s; // wrong check character
    readout = makeReadout(*encodeCardText(text), photo, {}, nullptr, clock);
    REQUIRE(readout);
    CHECK_FALSE(readout->validation.valid());
}

TEST_CASE("Appended address block round-trips and refuses overflow", "[reader]")
{
    const Result<QByteArray> block = encodeAppendedAddress(u"新疆乌鲁木齐市沙依巴克区友好北路1号"_s);
    REQUIRE(block);
    CHECK(block->size() == 70);
    CHECK(parseAppendedAddress(*block).value() == u"新疆乌鲁木齐市沙依巴克区友好北路1号"_s);
    CHECK(parseAppendedAddress(*encodeAppendedAddress({})).value().isEmpty());
    CHECK_FALSE(encodeAppendedAddress(QString(36, u'路')));
    CHECK_FALSE(parseAppendedAddress(QByteArray(10, ' ')));
}

TEST_CASE("SAM id prints in the vendors' format", "[reader]")
{
    CHECK(formatSamId(QByteArray::fromHex("050001008e78330145bb1b02981f078a")) ==
          u"05.01-20150414-0035371845-2315722648"_s);
    CHECK(formatSamId(QByteArray::fromHex("0102")) == u"0102"_s);
}

TEST_CASE("Fixtures load from JSON and bad fixtures are refused", "[reader]")
{
    for (const QString& name :
         {u"resident.json"_s, u"rare-name.json"_s, u"middle-dot.json"_s, u"long-term.json"_s, u"foreign.json"_s}) {
        INFO(name.toStdString());
        const Result<CardFixture> fixture = loadCardFixture(readertest::fixturePath(name));
        REQUIRE(fixture);
        CHECK(fixture->textBlock.size() == 256);
        CHECK(fixture->photoBlock == QByteArray(1024, '\0'));
        CHECK(parseCardText(fixture->textBlock).value() == fixture->text);
    }
    CHECK(loadCardFixture(readertest::fixturePath(u"middle-dot.json"_s))->text.name == u"阿依古丽·买买提"_s);
    CHECK(loadCardFixture(readertest::fixturePath(u"rare-name.json"_s))->text.name == u"𠮷星宇"_s);

    QTemporaryDir dir;
    const auto write = [&](const QByteArray& json) {
        QFile file(dir.filePath(u"f.json"_s));
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(json);
        file.close();
        return loadCardFixture(file.fileName());
    };
    CHECK(write("").error().code == Error::Code::InvalidInput);
    CHECK(write("[1,2]").error().code == Error::Code::InvalidInput);
    CHECK(write(R"({"type":"passport"})").error().code == Error::Code::InvalidInput);
    CHECK(write(R"({"type":"resident","name":"王王王王王王王王王王王王王王王王"})").error().code ==
          Error::Code::InvalidInput);
    CHECK(write(R"({"type":"resident","name":"王","photo":"missing.jpg"})").error().code == Error::Code::NotFound);
    CHECK(write("\xff\xfe{garbage").error().code == Error::Code::InvalidInput);
    CHECK(loadCardFixture(dir.filePath(u"nope.json"_s)).error().code == Error::Code::NotFound);
}
