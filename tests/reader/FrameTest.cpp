#include "support/CatchQt.h"

#include "core/reader/Ga467Frame.h"
#include "core/reader/ReaderError.h"

#include <QRandomGenerator>

using namespace shiming::reader;
using namespace Qt::StringLiterals;

namespace {

std::vector<FrameDecoder::Event> drain(FrameDecoder& decoder)
{
    std::vector<FrameDecoder::Event> events;
    while (std::optional<FrameDecoder::Event> event = decoder.next())
        events.push_back(*event);
    return events;
}

} // namespace

TEST_CASE("Host commands encode byte-exact", "[reader]")
{
    // The find-card command as every GA 467 host sends it.
    CHECK(ga467::encodeCommand(ga467::Command::FindCard) == QByteArray::fromHex("aaaaaa9669000320 0122"));
    CHECK(ga467::encodeCommand(ga467::Command::SelectCard) == QByteArray::fromHex("aaaaaa96690003200221"));
    CHECK(ga467::encodeCommand(ga467::Command::ReadBase) == QByteArray::fromHex("aaaaaa96690003300132"));
    CHECK(ga467::encodeCommand(ga467::Command::ReadWithFingerprint) == QByteArray::fromHex("aaaaaa96690003301023"));
    CHECK(ga467::encodeCommand(ga467::Command::ReadAppendedAddress) == QByteArray::fromHex("aaaaaa96690003300330"));
    CHECK(ga467::encodeCommand(ga467::Command::SamId) == QByteArray::fromHex("aaaaaa96690003 12ffee"));
    CHECK(ga467::encodeCommand(ga467::Command::ResetSam) == QByteArray::fromHex("aaaaaa9669000310ffec"));
    CHECK(ga467::encodeCommand(ga467::Command::SamStatus) == QByteArray::fromHex("aaaaaa9669000311ffed"));
}

TEST_CASE("Reader replies encode byte-exact and carry LEN and CHK", "[reader]")
{
    // "No card" and "card found" replies as real readers send them.
    CHECK(ga467::encodeReply(0x80) == QByteArray::fromHex("aaaaaa9669000400008084"));
    CHECK(ga467::encodeReply(0x9F, QByteArray(4, '\0')) == QByteArray::fromHex("aaaaaa96690008 0000 9f 00000000 97"));

    const QByteArray read =
        ga467::encodeReply(0x90, QByteArray(QByteArray::fromHex("01000400") + QByteArray(1280, ' ')));
    CHECK(read.size() == 1295);
    CHECK(read.mid(5, 2) == QByteArray::fromHex("0508"));
    std::uint8_t sum = 0;
    for (qsizetype i = 5; i < read.size() - 1; ++i)
        sum ^= std::uint8_t(read[i]);
    CHECK(std::uint8_t(read.back()) == sum);
}

TEST_CASE("The decoder returns frames split into arbitrary pieces", "[reader]")
{
    const QByteArray frame = ga467::encodeReply(0x90, QByteArray::fromHex("0102030405"));
    for (qsizetype piece : {1, 2, 3, 5, 7, 64}) {
        FrameDecoder decoder;
        std::vector<FrameDecoder::Event> events;
        for (qsizetype at = 0; at < frame.size(); at += piece) {
            decoder.feed(QByteArrayView(frame).sliced(at, std::min(piece, frame.size() - at)));
            for (const auto& event : drain(decoder))
                events.push_back(event);
        }
        INFO("piece size " << piece);
        REQUIRE(events.size() == 1);
        CHECK(events[0].kind == FrameDecoder::EventKind::Frame);
        const std::optional<ga467::Reply> reply = ga467::parseReply(events[0].body);
        REQUIRE(reply);
        CHECK(reply->sw3 == 0x90);
        CHECK(reply->data == QByteArray::fromHex("0102030405"));
        CHECK(decoder.pendingBytes() == 0);
    }
}

TEST_CASE("The decoder resynchronises after garbage and false preambles", "[reader]")
{
    const QByteArray first = ga467::encodeReply(0x9F, QByteArray(4, '\0'));
    const QByteArray second = ga467::encodeReply(0x90, QByteArray(8, '\0'));
    FrameDecoder decoder;
    // Noise, a preamble that never completes, a false preamble whose length is absurd, then two good frames
    // with noise in between.
    decoder.feed(QByteArray(QByteArray::fromHex("0011aa22aaaa") + QByteArray::fromHex("aaaaaa96") +
                            QByteArray::fromHex("aaaaaa9669ffff") + first + QByteArray::fromHex("5566aa") + second));
    const auto events = drain(decoder);
    std::vector<std::uint8_t> statuses;
    for (const auto& event : events) {
        if (event.kind == FrameDecoder::EventKind::Frame)
            statuses.push_back(ga467::parseReply(event.body)->sw3);
    }
    CHECK(statuses == std::vector<std::uint8_t>{0x9F, 0x90});
    CHECK(decoder.discardedBytes() > 0);
}

TEST_CASE("A frame with a wrong check byte is reported and the next good frame still found", "[reader]")
{
    QByteArray bad = ga467::encodeReply(0x90, QByteArray(16, 'x'));
    bad.back() = char(bad.back() ^ 0x01);
    const QByteArray good = ga467::encodeReply(0x9F, QByteArray(4, '\0'));
    FrameDecoder decoder;
    decoder.feed(QByteArray(bad + good));
    const auto events = drain(decoder);
    REQUIRE(events.size() == 2);
    CHECK(events[0].kind == FrameDecoder::EventKind::BadChecksum);
    CHECK(events[1].kind == FrameDecoder::EventKind::Frame);
    CHECK(ga467::parseReply(events[1].body)->sw3 == 0x9F);
}

TEST_CASE("A truncated frame followed by a complete one yields the complete one", "[reader]")
{
    const QByteArray full =
        ga467::encodeReply(0x90, QByteArray(QByteArray::fromHex("01000400") + QByteArray(1280, 'p')));
    FrameDecoder decoder;
    decoder.feed(full.left(600));
    CHECK(drain(decoder).empty());
    decoder.feed(full);
    std::vector<std::uint8_t> statuses;
    for (const auto& event : drain(decoder)) {
        if (event.kind == FrameDecoder::EventKind::Frame)
            statuses.push_back(ga467::parseReply(event.body)->sw3);
    }
    CHECK(statuses == std::vector<std::uint8_t>{0x90});
}

TEST_CASE("Random bytes never crash the decoder and never invent a good frame", "[reader]")
{
    QRandomGenerator random(467);
    int frames = 0;
    for (int round = 0; round < 200; ++round) {
        FrameDecoder decoder;
        QByteArray noise(int(random.bounded(1, 3000)), '\0');
        for (char& c : noise)
            c = char(random.bounded(256));
        decoder.feed(noise);
        for (const auto& event : drain(decoder))
            frames += event.kind == FrameDecoder::EventKind::Frame ? 1 : 0;
        CHECK(decoder.pendingBytes() <= 4 + 2 + ga467::kMaxLength + 1);
    }
    // A random frame needs the preamble (2^-40) and a matching check byte: none expected in 200 rounds.
    CHECK(frames == 0);
}

TEST_CASE("Command and reply bodies parse and refuse short input", "[reader]")
{
    CHECK_FALSE(ga467::parseReply(QByteArray::fromHex("0000")));
    CHECK_FALSE(ga467::parseCommand(QByteArray::fromHex("20")));
    const auto command = ga467::parseCommand(QByteArray::fromHex("3001"));
    REQUIRE(command);
    CHECK(command->command == ga467::Command::ReadBase);
    CHECK(command->data.isEmpty());
}

TEST_CASE("Every status word maps to a clerk message and a stable code", "[reader]")
{
    for (int sw3 :
         {0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81, 0x91, 0xFF, 0x55}) {
        const ReaderError error = ReaderError::fromStatus(std::uint8_t(sw3));
        INFO("sw3 " << sw3);
        CHECK(error.kind == ReaderError::Kind::Status);
        CHECK(error.status == sw3);
        CHECK_FALSE(error.message().isEmpty());
        CHECK(error.codeName() == u"status_%1"_s.arg(uint(sw3), 2, 16, QChar(u'0')));
        CHECK(error.toError().code == shiming::Error::Code::DeviceFault);
    }
    CHECK(ReaderError::fromStatus(0x66).message().contains(u"not authorised"_s));
    CHECK(ReaderError::fromStatus(0x41).message() != ReaderError::fromStatus(0x80).message());
    CHECK(statusName(0x41) == u"read failed"_s);
    CHECK(statusName(0x55) == u"unknown status 0x55"_s);
    CHECK(
        (ReaderError{ReaderError::Kind::UnknownCardType, 0, {}}.toError().code == shiming::Error::Code::InvalidInput));
}
