// Late replies: a reader that answers a command after the link gave up on it must not have that answer taken for
// the answer to a later command. shiming-reader-sim answers one command at a time like a real reader, so a reply
// held back with --delay-once also holds back the replies to the commands sent after it. Waits are on conditions
// with deadlines; the delays are far (seconds) from the timeouts so a loaded machine does not change the outcome.
#include "support/CatchQt.h"

#include "core/reader/Ga467Link.h"
#include "core/reader/Ga467Reader.h"

#include "ReaderTestSupport.h"

using namespace shiming;
using namespace shiming::reader;
using namespace Qt::StringLiterals;
using ga467::Command;
using readertest::SimProcess;

namespace {

using Answer = std::expected<ga467::Reply, ReaderError>;

/// Sends one command and waits (with a deadline) for the link's answer.
Answer ask(Ga467Link& link, Command command)
{
    std::optional<Answer> answer;
    link.request(command, [&answer](Answer a) { answer = std::move(a); });
    REQUIRE(QTest::qWaitFor([&] { return answer.has_value(); }, 30000));
    return *answer;
}

} // namespace

TEST_CASE("A reply after its command timed out is not the answer to the next command", "[reader][serial]")
{
    SimProcess sim;
    REQUIRE(sim.start({u"--delay-once"_s, u"12ff=2000"_s, readertest::fixturePath(u"resident.json"_s)}));
    Ga467Link::Options options;
    options.port = sim.link();
    options.replyTimeoutMs = 300;
    options.readTimeoutMs = 8000;
    options.retries = 0;
    options.lateReplyMs = 20000; // the late reply comes well inside: it is waited for and dropped
    Ga467Link link(options);
    REQUIRE(link.open());

    // The SAM id comes 2 s late: the command times out with a clear error.
    const Answer samId = ask(link, Command::SamId);
    REQUIRE_FALSE(samId);
    CHECK(samId.error().kind == ReaderError::Kind::Timeout);
    CHECK(samId.error().message().contains(u"did not answer"_s));

    // A read without select gets its own answer (41), not the late SAM id reply (90 with 16 bytes).
    const Answer read = ask(link, Command::ReadBase);
    REQUIRE(read);
    CHECK(read->sw3 == 0x41);
    CHECK(read->data.isEmpty());

    CHECK(link.staleReplies() == 1);

    // And the stream is back in step: the next command gets its own answer too.
    const Answer find = ask(link, Command::FindCard);
    REQUIRE(find);
    CHECK(find->sw3 == kStatusCardFound);
    CHECK(link.staleReplies() == 1);
}

TEST_CASE("A late read reply (90) is never taken as the answer to find", "[reader][serial]")
{
    SimProcess sim;
    REQUIRE(sim.start({u"--delay-once"_s, u"3001=2000"_s, readertest::fixturePath(u"resident.json"_s)}));
    Ga467Link::Options options;
    options.port = sim.link();
    options.replyTimeoutMs = 8000;
    options.readTimeoutMs = 300;
    options.retries = 0;
    options.lateReplyMs = 100; // over before the late reply comes: find is sent, and the reply's shape gives it away
    Ga467Link link(options);
    REQUIRE(link.open());

    REQUIRE(ask(link, Command::FindCard).value().sw3 == kStatusCardFound);
    REQUIRE(ask(link, Command::SelectCard).value().sw3 == kStatusOk);
    const Answer read = ask(link, Command::ReadBase);
    REQUIRE_FALSE(read);
    CHECK(read.error().kind == ReaderError::Kind::Timeout);

    // The late read reply (90 and 1284 bytes) arrives while find waits: find still gets 9F, its own answer.
    const Answer find = ask(link, Command::FindCard);
    REQUIRE(find);
    CHECK(find->sw3 == kStatusCardFound);
    CHECK(find->data.size() < 1284);
    CHECK(link.staleReplies() == 1);
}

TEST_CASE("A reader late once is never reported as 'error (code 90)' and still reads the card", "[reader][serial]")
{
    SimProcess sim;
    REQUIRE(sim.start({u"--delay-once"_s, u"12ff=2000"_s, readertest::fixturePath(u"resident.json"_s)}));
    Ga467Reader::Options options;
    options.port = sim.link();
    options.replyTimeoutMs = 300;
    options.reopenIntervalMs = 200;
    const FixedClock clock{QDateTime(QDate(2026, 11, 28), QTime(10, 0))};
    Ga467Reader reader(options, nullptr, clock);
    std::vector<CardReadout> reads;
    std::vector<ReaderError> failures;
    QObject::connect(&reader, &IdCardReader::cardRead, [&](const CardReadout& r) { reads.push_back(r); });
    QObject::connect(&reader, &IdCardReader::readFailed, [&](const ReaderError& e) { failures.push_back(e); });
    reader.start();
    REQUIRE(QTest::qWaitFor([&] { return !reads.empty(); }, 30000));
    CHECK(reads.front().document.number == u"440304198511021234"_s);
    CHECK(reader.link().staleReplies() >= 1);
    for (const ReaderError& failure : failures) {
        INFO("failure " << failure.codeName().toStdString() << ": " << failure.detail.toStdString());
        CHECK_FALSE((failure.kind == ReaderError::Kind::Status &&
                     (failure.status == kStatusOk || failure.status == kStatusCardFound)));
        CHECK_FALSE(failure.message().contains(u"(code"_s));
    }
}

TEST_CASE("Success status words are never shown as an error code", "[reader]")
{
    for (std::uint8_t sw3 : {kStatusOk, kStatusCardFound}) {
        const ReaderError error = ReaderError::fromStatus(sw3);
        INFO("sw3 " << int(sw3));
        CHECK_FALSE(error.message().contains(u"(code"_s));
        CHECK_FALSE(error.message().isEmpty());
    }
}

TEST_CASE("Which replies can answer which command", "[reader]")
{
    const auto reply = [](std::uint8_t sw3, qsizetype dataSize) {
        return ga467::Reply{0, 0, sw3, QByteArray(dataSize, '\0')};
    };
    // find: 9F and the error words, never 90
    CHECK(Ga467Link::couldAnswer(Command::FindCard, reply(kStatusCardFound, 4)));
    CHECK(Ga467Link::couldAnswer(Command::FindCard, reply(0x80, 0)));
    CHECK_FALSE(Ga467Link::couldAnswer(Command::FindCard, reply(kStatusOk, 16)));
    CHECK_FALSE(Ga467Link::couldAnswer(Command::FindCard, reply(kStatusOk, 1284)));
    // other commands: never 9F; a read's blocks only to a read, a read's success only with its blocks
    for (Command c : {Command::SamId, Command::SelectCard, Command::ReadAppendedAddress, Command::ResetSam}) {
        CHECK_FALSE(Ga467Link::couldAnswer(c, reply(kStatusCardFound, 4)));
        CHECK(Ga467Link::couldAnswer(c, reply(kStatusOk, 16)));
        CHECK(Ga467Link::couldAnswer(c, reply(0x41, 0)));
        CHECK_FALSE(Ga467Link::couldAnswer(c, reply(kStatusOk, 1284)));
    }
    for (Command c : {Command::ReadBase, Command::ReadWithFingerprint}) {
        CHECK(Ga467Link::couldAnswer(c, reply(kStatusOk, 1284)));
        CHECK(Ga467Link::couldAnswer(c, reply(kStatusOk, 1286 + 1024)));
        CHECK(Ga467Link::couldAnswer(c, reply(0x41, 0)));
        CHECK_FALSE(Ga467Link::couldAnswer(c, reply(kStatusOk, 16)));
        CHECK_FALSE(Ga467Link::couldAnswer(c, reply(kStatusCardFound, 4)));
    }
}

TEST_CASE("A reader answering in 1.2 s works with the default timeouts", "[reader][serial][slow]")
{
    // Every reply 1.2 s late (SAM id, find, select, read, appended address): over the old 1 s quick timeout.
    SimProcess sim;
    REQUIRE(sim.start({u"--delay"_s, u"1200"_s, readertest::fixturePath(u"resident.json"_s)}));
    Ga467Reader::Options options;
    options.port = sim.link();
    const FixedClock clock{QDateTime(QDate(2026, 11, 28), QTime(10, 0))};
    Ga467Reader reader(options, nullptr, clock);
    std::vector<CardReadout> reads;
    std::vector<ReaderError> failures;
    QObject::connect(&reader, &IdCardReader::cardRead, [&](const CardReadout& r) { reads.push_back(r); });
    QObject::connect(&reader, &IdCardReader::readFailed, [&](const ReaderError& e) { failures.push_back(e); });
    reader.start();
    REQUIRE(QTest::qWaitFor([&] { return !reads.empty() || !failures.empty(); }, 60000));
    REQUIRE(reads.size() == 1);
    CHECK(reads.front().document.name == u"王小明"_s);
    CHECK(failures.empty());
    CHECK(reader.link().staleReplies() == 0);
}
