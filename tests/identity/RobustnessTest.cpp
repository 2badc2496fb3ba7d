// Any input at all gives a clear result and never crashes. Deterministic: the generator is seeded.

#include "support/CatchQt.h"

#include "IdentityTestSupport.h"
#include "core/identity/IdentityDocument.h"
#include "core/identity/Validators.h"

#include <random>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::identity::test;

namespace {

QString randomText(std::mt19937& rng)
{
    static const QString alphabet =
        u"0123456789XxABCHMPIUTO<«‹＜|\n\r \t\u3000０１Ｘ-+()'\";%_\\/.,汉𠮷·😀\uFFFD\u200B\0"_s;
    std::uniform_int_distribution<int> length(0, 120);
    std::uniform_int_distribution<int> pick(0, static_cast<int>(alphabet.size()) - 1);
    std::uniform_int_distribution<int> anyUnit(0, 0xFFFF);
    std::bernoulli_distribution raw(0.1);
    QString text;
    const int n = length(rng);
    for (int i = 0; i < n; ++i)
        text.append(raw(rng) ? QChar(static_cast<char16_t>(anyUnit(rng))) : alphabet.at(pick(rng)));
    return text;
}

} // namespace

TEST_CASE("Hostile input gives errors, never a crash", "[identity]")
{
    QList<QString> inputs = {
        u""_s,
        QString(100 * 1024, u'1'),
        QString(100 * 1024, u'<'),
        QString(100 * 1024, u'\n'),
        QString::fromUtf8(QByteArray(100 * 1024, '\xff')),
        QString::fromUtf8("\xc0\xaf\xed\xa0\x80\xf8\x88\x80\x80\x80"),
        u"😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"_s,
        u"1' OR '1'='1"_s,
        u"'; DROP TABLE registrations; --"_s,
        u"<script>alert(1)</script>"_s,
        QString(QChar(u'\0')),
        QString(QChar(char16_t(0xD800))), // lone surrogate
        u"|||||||||"_s,
    };
    for (DocumentType type : allDocumentTypes()) {
        for (const QString& input : inputs) {
            const ValidationResult result = validate(type, input, kToday);
            INFO(documentTypeKey(type).toStdString()
                 << " input of " << input.size() << " units: " << describe(result).substr(0, 300));
            CHECK_FALSE(result.valid());
            CHECK_FALSE(result.errors.isEmpty());
            CHECK(result.normalized.size() <= 512);
        }
    }
    for (const QString& input : inputs) {
        CHECK_FALSE(validateAuto(input, kToday).valid());
        CHECK(maskDocumentNumber(input).size() <= input.size());
    }
}

TEST_CASE("Random input never crashes any validator", "[identity]")
{
    std::mt19937 rng(20261128);
    const FixedClock clock(QDateTime(kToday, QTime(9, 0)));
    for (int i = 0; i < 20000; ++i) {
        const QString input = randomText(rng);
        for (DocumentType type : allDocumentTypes()) {
            const ValidationResult result = validate(type, input, kToday);
            if (!result.valid())
                REQUIRE_FALSE(result.errors.first().code.isEmpty());
        }
        const ValidationResult automatic = validateAuto(input, kToday);
        REQUIRE((automatic.valid() || !automatic.errors.isEmpty()));
        IdentityDocument document;
        document.number = input;
        document.name = input;
        document.sexCode = input.left(1);
        document.nationCode = input.left(2);
        (void)validateIdentityDocument(document, clock);
        (void)maskDocumentNumber(input);
    }
    SUCCEED("no crash");
}
