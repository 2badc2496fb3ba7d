// libFuzzer target for one identity parser, chosen at build time by SHIMING_FUZZ_TYPE (a documentTypeKey, "auto"
// or "document"). Beyond "never crashes" it checks two properties: a valid result's normalised value validates
// again to the same verdict and normalised value, and masking never lengthens or reveals more than it keeps.

#include "core/common/Clock.h"
#include "core/identity/IdentityDocument.h"
#include "core/identity/Validators.h"

#include <QString>

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace shiming;

namespace {

const QDate kToday(2026, 6, 15);

void checkIdempotent(DocumentType type, const ValidationResult& first)
{
    if (!first.valid())
        return;
    const ValidationResult again = validate(type, first.normalized, kToday);
    if (!again.valid() || again.normalized != first.normalized)
        std::abort();
}

void fuzzOne(const QString& input)
{
    const QString mode = QStringLiteral(SHIMING_FUZZ_TYPE);
    if (mode == u"auto") {
        const ValidationResult result = validateAuto(input, kToday);
        if (!result.valid() && result.errors.isEmpty())
            std::abort();
        checkIdempotent(result.type, result);
    } else if (mode == u"document") {
        static const FixedClock clock(QDateTime(kToday, QTime(12, 0)));
        const QStringList parts = input.split(u'\x1f');
        IdentityDocument document;
        document.type = allDocumentTypes().value(parts.value(0).size() % allDocumentTypes().size());
        document.number = parts.value(1);
        document.name = parts.value(2);
        document.sexCode = parts.value(3);
        document.nationCode = parts.value(4);
        document.birthDate = QDate::fromString(parts.value(5), Qt::ISODate);
        document.validFrom = QDate::fromString(parts.value(6), Qt::ISODate);
        document.validTo = QDate::fromString(parts.value(7), Qt::ISODate);
        document.validToLongTerm = parts.value(8).size() % 2 == 1;
        const ValidationResult result = validateIdentityDocument(document, clock);
        if (!result.valid() && result.errors.isEmpty())
            std::abort();
    } else {
        const auto type = parseDocumentType(mode);
        if (!type)
            std::abort();
        const ValidationResult result = validate(*type, input, kToday);
        if (!result.valid() && result.errors.isEmpty())
            std::abort();
        checkIdempotent(*type, result);
    }
    const QString masked = maskDocumentNumber(input);
    if (masked.size() > input.size())
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // As UTF-8 (invalid sequences become U+FFFD) and as raw UTF-16 (lone surrogates, any code unit).
    fuzzOne(QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    if (size >= 2)
        fuzzOne(QString(reinterpret_cast<const QChar*>(data), static_cast<qsizetype>(size / 2)));
    return 0;
}
