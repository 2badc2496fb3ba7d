// Feeds arbitrary bytes to the GA 467 frame decoder in arbitrary pieces, parses every frame as a reply and a
// command, and every 256-byte window as a card text block that is then turned into a validated document.
#include "core/common/Clock.h"
#include "core/reader/CardReadout.h"
#include "core/reader/CardText.h"
#include "core/reader/Ga467Frame.h"

#include <cstddef>
#include <cstdint>

using namespace shiming;
using namespace shiming::reader;

namespace {

void parseText(QByteArrayView block, const Clock& clock)
{
    std::expected<CardText, ReaderError> text = parseCardText(block);
    if (!text)
        return;
    const IdentityDocument document = toIdentityDocument(*text);
    (void)validateIdentityDocument(document, clock);
    // What parsed must encode back to a block that parses to the same text.
    if (Result<QByteArray> again = encodeCardText(*text); again) {
        std::expected<CardText, ReaderError> round = parseCardText(*again);
        if (!round || !(*round == *text))
            __builtin_trap();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const FixedClock clock(QDateTime(QDate(2026, 11, 28), QTime(10, 0)));
    if (size == 0)
        return 0;
    const QByteArrayView bytes(reinterpret_cast<const char*>(data) + 1, qsizetype(size - 1));
    const qsizetype piece = 1 + data[0] % 64;

    FrameDecoder decoder;
    for (qsizetype at = 0; at < bytes.size(); at += piece) {
        decoder.feed(bytes.sliced(at, std::min(piece, bytes.size() - at)));
        while (std::optional<FrameDecoder::Event> event = decoder.next()) {
            if (event->kind != FrameDecoder::EventKind::Frame)
                continue;
            (void)ga467::parseCommand(event->body);
            if (std::optional<ga467::Reply> reply = ga467::parseReply(event->body)) {
                if (reply->data.size() >= 4 + ga467::kTextSize)
                    parseText(QByteArrayView(reply->data).sliced(4, ga467::kTextSize), clock);
                (void)parseAppendedAddress(reply->data);
                (void)formatSamId(reply->data);
            }
        }
    }
    if (bytes.size() >= ga467::kTextSize)
        parseText(bytes.first(ga467::kTextSize), clock);
    (void)parseCardText(bytes);
    return 0;
}
