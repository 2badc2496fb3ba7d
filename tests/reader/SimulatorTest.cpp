#include "support/CatchQt.h"

#include "core/demo/ReaderSimulator.h"
#include "core/reader/ReaderError.h"

#include "ReaderTestSupport.h"

using namespace shiming;
using namespace shiming::reader;
using namespace Qt::StringLiterals;
using ga467::Command;

namespace {

std::uint8_t statusOf(const QByteArray& frame)
{
    FrameDecoder decoder;
    decoder.feed(frame);
    const auto event = decoder.next();
    REQUIRE(event);
    REQUIRE(event->kind == FrameDecoder::EventKind::Frame);
    return ga467::parseReply(event->body)->sw3;
}

ga467::CommandFrame command(Command c)
{
    return {c, {}};
}

SimulatorOptions oneCard()
{
    SimulatorOptions options;
    options.cards.append(*loadCardFixture(readertest::fixturePath(u"middle-dot.json"_s)));
    return options;
}

} // namespace

TEST_CASE("Simulated reader follows find, select, read order like a real one", "[reader]")
{
    const SimulatorOptions options = oneCard();
    Ga467Responder responder(options);
    CHECK(statusOf(responder.respond(command(Command::SamId))) == 0x90);
    CHECK(statusOf(responder.respond(command(Command::ReadBase))) == 0x41);   // not selected
    CHECK(statusOf(responder.respond(command(Command::SelectCard))) == 0x81); // not found
    CHECK(statusOf(responder.respond(command(Command::FindCard))) == 0x9F);
    CHECK(statusOf(responder.respond(command(Command::SelectCard))) == 0x90);
    const QByteArray read = responder.respond(command(Command::ReadBase));
    CHECK(read.size() == 1295);
    CHECK(statusOf(read) == 0x90);
    CHECK(statusOf(responder.respond(command(Command::ReadAppendedAddress))) == 0x90);
    const QByteArray withFinger = responder.respond(command(Command::ReadWithFingerprint));
    CHECK(withFinger.size() == 1297);
    CHECK(statusOf(responder.respond({Command(0x5555), {}})) == 0x21);

    responder.lift();
    CHECK(statusOf(responder.respond(command(Command::FindCard))) == 0x80);
    CHECK(statusOf(responder.respond(command(Command::ReadBase))) == 0x41);
    responder.place(0);
    CHECK(statusOf(responder.respond(command(Command::FindCard))) == 0x9F);
}

TEST_CASE("Simulator faults by name force the status words", "[reader]")
{
    SimulatorOptions options = oneCard();
    REQUIRE(addSimulatorError(options, u"read-failed"));
    REQUIRE(addSimulatorError(options, u"sam-not-authorised")); // the later fault wins for the reads
    CHECK_FALSE(addSimulatorError(options, u"no-such-fault"));
    Ga467Responder responder(options);
    CHECK(statusOf(responder.respond(command(Command::SamId))) == 0x66);
    CHECK(statusOf(responder.respond(command(Command::FindCard))) == 0x66);
    CHECK(statusOf(responder.respond(command(Command::ReadBase))) == 0x66);
    for (const QString& name : simulatorErrorNames()) {
        SimulatorOptions each = oneCard();
        CHECK(addSimulatorError(each, name));
    }
}

TEST_CASE("Lift mid-read: the first read fails with 41 and the card is away", "[reader]")
{
    SimulatorOptions options = oneCard();
    options.liftMidRead = true;
    Ga467Responder responder(options);
    responder.respond(command(Command::FindCard));
    responder.respond(command(Command::SelectCard));
    CHECK(statusOf(responder.respond(command(Command::ReadBase))) == 0x41);
    CHECK(responder.takeMidReadLift());
    CHECK_FALSE(responder.takeMidReadLift());
    CHECK(statusOf(responder.respond(command(Command::FindCard))) == 0x80);
    responder.place(0);
    responder.respond(command(Command::FindCard));
    responder.respond(command(Command::SelectCard));
    CHECK(statusOf(responder.respond(command(Command::ReadBase))) == 0x90);
}

TEST_CASE("Simulator process refuses bad arguments and fixtures", "[reader]")
{
    QProcess process;
    process.start(QStringLiteral(SHIMING_READER_SIM), {u"--error"_s, u"bogus"_s});
    REQUIRE(process.waitForFinished(10000));
    CHECK(process.exitCode() == 2);
    process.start(QStringLiteral(SHIMING_READER_SIM), {u"/nonexistent/fixture.json"_s});
    REQUIRE(process.waitForFinished(10000));
    CHECK(process.exitCode() == 2);
    process.start(QStringLiteral(SHIMING_READER_SIM), {u"--status"_s, u"zz"_s});
    REQUIRE(process.waitForFinished(10000));
    CHECK(process.exitCode() == 2);
    process.start(QStringLiteral(SHIMING_READER_SIM), {u"--delay-once"_s, u"12ff=soon"_s});
    REQUIRE(process.waitForFinished(10000));
    CHECK(process.exitCode() == 2);
}
