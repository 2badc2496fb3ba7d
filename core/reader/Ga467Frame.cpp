#include "core/reader/Ga467Frame.h"

namespace shiming::reader {
namespace ga467 {

std::uint8_t checksum(QByteArrayView bytes)
{
    std::uint8_t sum = 0;
    for (char byte : bytes)
        sum ^= std::uint8_t(byte);
    return sum;
}

static QByteArray frame(QByteArrayView head, QByteArrayView data)
{
    const qsizetype length = head.size() + data.size() + 1;
    Q_ASSERT(length <= kMaxLength);
    QByteArray bytes;
    bytes.reserve(kPreambleSize + 2 + length);
    bytes.append(kPreamble, kPreambleSize);
    bytes.append(char((length >> 8) & 0xFF));
    bytes.append(char(length & 0xFF));
    bytes.append(head.data(), head.size());
    bytes.append(data.data(), data.size());
    bytes.append(char(checksum(QByteArrayView(bytes).sliced(kPreambleSize))));
    return bytes;
}

QByteArray encodeCommand(Command command, QByteArrayView data)
{
    const auto value = std::uint16_t(command);
    const char head[] = {char(value >> 8), char(value & 0xFF)};
    return frame(QByteArrayView(head, 2), data);
}

QByteArray encodeReply(std::uint8_t sw3, QByteArrayView data, std::uint8_t sw1, std::uint8_t sw2)
{
    const char head[] = {char(sw1), char(sw2), char(sw3)};
    return frame(QByteArrayView(head, 3), data);
}

std::optional<Reply> parseReply(QByteArrayView body)
{
    if (body.size() < 3)
        return std::nullopt;
    Reply reply;
    reply.sw1 = std::uint8_t(body[0]);
    reply.sw2 = std::uint8_t(body[1]);
    reply.sw3 = std::uint8_t(body[2]);
    reply.data = body.sliced(3).toByteArray();
    return reply;
}

std::optional<CommandFrame> parseCommand(QByteArrayView body)
{
    if (body.size() < 2)
        return std::nullopt;
    CommandFrame command;
    command.command = Command((std::uint16_t(std::uint8_t(body[0])) << 8) | std::uint8_t(body[1]));
    command.data = body.sliced(2).toByteArray();
    return command;
}

} // namespace ga467

void FrameDecoder::feed(QByteArrayView bytes)
{
    m_buffer.append(bytes.data(), bytes.size());
}

void FrameDecoder::clear()
{
    m_buffer.clear();
}

void FrameDecoder::discard(qsizetype count)
{
    m_buffer.remove(0, count);
    m_discarded += count;
}

std::optional<FrameDecoder::Event> FrameDecoder::next()
{
    using namespace ga467;
    const QByteArrayView preamble(kPreamble, kPreambleSize);
    for (;;) {
        const qsizetype start = QByteArrayView(m_buffer).indexOf(preamble);
        if (start < 0) {
            // Keep a tail that may be the beginning of a preamble split across two reads.
            qsizetype keep = 0;
            for (qsizetype k = std::min<qsizetype>(kPreambleSize - 1, m_buffer.size()); k > 0; --k) {
                if (QByteArrayView(m_buffer).last(k) == preamble.first(k)) {
                    keep = k;
                    break;
                }
            }
            discard(m_buffer.size() - keep);
            return std::nullopt;
        }
        if (start > 0)
            discard(start);
        if (m_buffer.size() < kPreambleSize + 2)
            return std::nullopt;
        const int length =
            (int(std::uint8_t(m_buffer[kPreambleSize])) << 8) | std::uint8_t(m_buffer[kPreambleSize + 1]);
        // The shortest real frame is a command: CMD PARA CHK.
        if (length < 3 || length > kMaxLength) {
            discard(1);
            continue;
        }
        const qsizetype total = kPreambleSize + 2 + length;
        if (m_buffer.size() < total)
            return std::nullopt;
        const QByteArrayView checked = QByteArrayView(m_buffer).sliced(kPreambleSize, 2 + length - 1);
        const std::uint8_t expected = std::uint8_t(m_buffer[total - 1]);
        if (checksum(checked) != expected) {
            discard(1);
            return Event{EventKind::BadChecksum, {}};
        }
        Event event{EventKind::Frame, QByteArray(m_buffer.constData() + kPreambleSize + 2, length - 1)};
        m_buffer.remove(0, total);
        return event;
    }
}

} // namespace shiming::reader
