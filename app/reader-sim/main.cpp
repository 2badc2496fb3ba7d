// shiming-reader-sim: a GA 467 card reader on a pseudo-terminal, answering from card fixtures until killed.
// The reader logic lives in core/reader (PtyReaderSimulator) so the demo mode and the tests share it.
#include "core/demo/ReaderSimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace shiming;

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int number)
{
    const char byte = char(number);
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
}

int usage(const QString& message)
{
    std::fprintf(stderr, "shiming-reader-sim: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"shiming-reader-sim"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SHIMING_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Simulated GA 467 ID card reader on a pseudo-terminal. Answers from the card fixtures (JSON) until "
        "killed. SIGUSR1 lifts or places the card, SIGUSR2 places the next fixture."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"fixture"_s, u"Card fixture JSON files."_s, u"FIXTURE..."_s);
    const QCommandLineOption link(u"link"_s, u"Make PATH a symlink to the pty slave."_s, u"PATH"_s);
    const QCommandLineOption baud(u"baud"_s, u"Line speed to emulate (0: no pacing)."_s, u"N"_s, u"115200"_s);
    const QCommandLineOption cycle(u"cycle"_s, u"Present the fixtures one after another."_s);
    const QCommandLineOption presentMs(u"present-ms"_s, u"How long a card lies on the reader when cycling."_s, u"MS"_s,
                                       u"3000"_s);
    const QCommandLineOption liftMs(u"lift-ms"_s, u"How long the reader stays empty between cards."_s, u"MS"_s,
                                    u"1000"_s);
    const QCommandLineOption startEmpty(u"start-empty"_s, u"Start without a card on the reader."_s);
    const QCommandLineOption delay(u"delay"_s, u"Slow replies: wait MS before each reply."_s, u"MS"_s, u"0"_s);
    const QCommandLineOption delayOnce(
        u"delay-once"_s, u"The first reply to command CCPP (hex) waits MS instead of --delay, e.g. 12ff=1500."_s,
        u"CCPP=MS"_s);
    const QCommandLineOption corruptEvery(u"corrupt-every"_s, u"Corrupt the check byte of every Nth reply."_s, u"N"_s,
                                          u"0"_s);
    const QCommandLineOption badChecksum(u"bad-checksum"_s, u"Corrupt the check byte of every reply."_s);
    const QCommandLineOption truncateEvery(u"truncate-every"_s, u"Cut every Nth reply in half."_s, u"N"_s, u"0"_s);
    const QCommandLineOption garbage(u"garbage"_s, u"Send random bytes between frames."_s);
    const QCommandLineOption error(
        u"error"_s, u"Answer with an error status: "_s + reader::simulatorErrorNames().join(u", "_s), u"NAME"_s);
    const QCommandLineOption status(u"status"_s, u"Answer command CCPP (hex) with status SW3 (hex), e.g. 3001=41."_s,
                                    u"CCPP=SW"_s);
    const QCommandLineOption liftMidRead(u"lift-mid-read"_s, u"The first read fails because the card is lifted."_s);
    parser.addOptions({link, baud, cycle, presentMs, liftMs, startEmpty, delay, delayOnce, corruptEvery, badChecksum,
                       truncateEvery, garbage, error, status, liftMidRead});
    parser.process(app);

    reader::SimulatorOptions options;
    for (const QString& path : parser.positionalArguments()) {
        Result<reader::CardFixture> fixture = reader::loadCardFixture(path);
        if (!fixture)
            return usage(fixture.error().detail);
        options.cards.append(*fixture);
    }
    const auto number = [&parser](const QCommandLineOption& option, int& out) {
        bool ok = false;
        out = parser.value(option).toInt(&ok);
        return ok && out >= 0;
    };
    int baudValue = 0;
    if (!number(baud, baudValue) || !number(presentMs, options.presentMs) || !number(liftMs, options.liftMs) ||
        !number(delay, options.delayMs) || !number(corruptEvery, options.corruptEvery) ||
        !number(truncateEvery, options.truncateEvery))
        return usage(u"numeric options take a non-negative integer"_s);
    options.baud = baudValue;
    options.cycle = parser.isSet(cycle);
    options.startEmpty = parser.isSet(startEmpty);
    options.garbage = parser.isSet(garbage);
    options.liftMidRead = parser.isSet(liftMidRead);
    if (parser.isSet(badChecksum))
        options.corruptEvery = 1;
    for (const QString& name : parser.values(error)) {
        if (Result<void> added = reader::addSimulatorError(options, name); !added)
            return usage(added.error().detail);
    }
    for (const QString& item : parser.values(status)) {
        const QStringList parts = item.split(u'=');
        bool okCommand = false, okStatus = false;
        const uint command = parts.value(0).toUInt(&okCommand, 16);
        const uint sw3 = parts.value(1).toUInt(&okStatus, 16);
        if (parts.size() != 2 || !okCommand || !okStatus || command > 0xFFFF || sw3 > 0xFF)
            return usage(u"--status takes CCPP=SW in hex, e.g. 3001=41"_s);
        options.forcedStatus.insert(std::uint16_t(command), std::uint8_t(sw3));
    }
    for (const QString& item : parser.values(delayOnce)) {
        const QStringList parts = item.split(u'=');
        bool okCommand = false, okDelay = false;
        const uint command = parts.value(0).toUInt(&okCommand, 16);
        const int ms = parts.value(1).toInt(&okDelay);
        if (parts.size() != 2 || !okCommand || !okDelay || command > 0xFFFF || ms < 0)
            return usage(u"--delay-once takes CCPP=MS, the command in hex, e.g. 12ff=1500"_s);
        options.delayOnceMs.insert(std::uint16_t(command), ms);
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return usage(u"cannot create the signal pipe"_s);
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int signalNumber : {SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGUSR2})
        ::sigaction(signalNumber, &action, nullptr);

    reader::PtyReaderSimulator simulator(options);
    if (Result<void> opened = simulator.open(parser.value(link)); !opened) {
        std::fprintf(stderr, "shiming-reader-sim: %s\n", qPrintable(opened.error().detail));
        return 1;
    }
    QSocketNotifier signalNotifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [&simulator] {
        char byte = 0;
        if (::read(g_signalPipe[0], &byte, 1) != 1)
            return;
        if (byte == SIGUSR1)
            simulator.togglePresence();
        else if (byte == SIGUSR2)
            simulator.nextCard();
        else
            QCoreApplication::quit();
    });
    std::printf("ready %s\n", qPrintable(simulator.slavePath()));
    std::fflush(stdout);
    return app.exec();
}
