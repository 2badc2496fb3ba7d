#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <optional>

namespace shiming::reader {

/// GA 467 frame layout (DOMAIN.md section 3). Host → reader: preamble, LEN (2 bytes, big-endian), CMD, PARA,
/// data, CHK. Reader → host: preamble, LEN, SW1 SW2 SW3, data, CHK. LEN counts every byte after itself, CHK
/// included; CHK is the XOR of LEN and everything after it except CHK itself.
namespace ga467 {

inline constexpr char kPreamble[] = {char(0xAA), char(0xAA), char(0xAA), char(0x96), char(0x69)};
inline constexpr qsizetype kPreambleSize = 5;
/// Preamble + LEN + CHK.
inline constexpr qsizetype kFrameOverhead = kPreambleSize + 2 + 1;
/// The largest reply a reader sends is 30 10 with a 1024-byte fingerprint (2314 bytes after LEN); anything much
/// bigger is garbage that happened to contain a preamble.
inline constexpr int kMaxLength = 4096;

/// A command, as CMD and PARA bytes packed big-endian: 0x2001 is "find card".
enum class Command : std::uint16_t {
    ResetSam = 0x10FF,
    SamStatus = 0x11FF,
    SamId = 0x12FF,
    FindCard = 0x2001,
    SelectCard = 0x2002,
    ReadBase = 0x3001,
    ReadWithFingerprint = 0x3010,
    ReadAppendedAddress = 0x3003,
};

/// Sizes of the blocks inside a read reply.
inline constexpr qsizetype kTextSize = 256;
inline constexpr qsizetype kPhotoSize = 1024;
inline constexpr qsizetype kAppendedAddressSize = 70;
inline constexpr qsizetype kSamIdSize = 16;

/// The XOR check over `bytes`.
std::uint8_t checksum(QByteArrayView bytes);

/// A complete host → reader frame.
QByteArray encodeCommand(Command command, QByteArrayView data = {});
/// A complete reader → host frame. SW1 and SW2 are 00 00 on every reader seen.
QByteArray encodeReply(std::uint8_t sw3, QByteArrayView data = {}, std::uint8_t sw1 = 0, std::uint8_t sw2 = 0);

/// A reply's parts. `data` excludes SW1..SW3 and CHK.
struct Reply {
    std::uint8_t sw1 = 0;
    std::uint8_t sw2 = 0;
    std::uint8_t sw3 = 0;
    QByteArray data;
};

/// A command's parts, as the simulator sees it.
struct CommandFrame {
    Command command = Command::ResetSam;
    QByteArray data;
};

/// Interprets a frame body (the bytes between LEN and CHK) as a reply; nullopt when shorter than SW1..SW3.
std::optional<Reply> parseReply(QByteArrayView body);
/// Interprets a frame body as a command; nullopt when shorter than CMD PARA.
std::optional<CommandFrame> parseCommand(QByteArrayView body);

} // namespace ga467

/// Incremental GA 467 frame decoder. Bytes arrive in arbitrary pieces from a serial line that may carry noise:
/// `feed()` appends them, `next()` returns the next event. Garbage before a preamble is skipped; a frame whose
/// checksum does not match is reported once and the search resumes one byte after its preamble, so a real
/// frame hidden behind a false preamble is still found.
class FrameDecoder {
public:
    enum class EventKind { Frame, BadChecksum };
    struct Event {
        EventKind kind = EventKind::Frame;
        QByteArray body; // bytes between LEN and CHK, for a good frame
    };

    void feed(QByteArrayView bytes);
    /// The next complete event, or nullopt until more bytes arrive.
    std::optional<Event> next();
    void clear();

    /// Bytes waiting for the rest of a frame.
    qsizetype pendingBytes() const { return m_buffer.size(); }
    /// Bytes thrown away as noise since construction (diagnostics and tests).
    qint64 discardedBytes() const { return m_discarded; }

private:
    void discard(qsizetype count);

    QByteArray m_buffer;
    qint64 m_discarded = 0;
};

} // namespace shiming::reader
