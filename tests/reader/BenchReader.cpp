// bench_reader: prints medians, asserts nothing.
//  1. frame decode + parse of a 1295-byte read reply (decoder, reply, text block, document, validation), in µs,
//     against a baseline of just XOR-checking the same bytes.
//  2. a full simulated read (find + select + read 30 01) through QSerialPort against shiming-reader-sim on a
//     pty at 115200 baud, in ms, against the wire-time floor of those bytes and the same exchange unpaced.
#include "core/common/Clock.h"
#include "core/demo/CardFixture.h"
#include "core/reader/CardReadout.h"
#include "core/reader/Ga467Frame.h"
#include "core/reader/Ga467Link.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace shiming;
using namespace shiming::reader;
using namespace Qt::StringLiterals;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

QByteArray readReply(const CardFixture& card)
{
    return ga467::encodeReply(0x90, QByteArray(QByteArray::fromHex("01000400") + card.textBlock + card.photoBlock));
}

void benchDecode(const CardFixture& card)
{
    const QByteArray frame = readReply(card);
    const FixedClock clock(QDateTime(QDate(2026, 11, 28), QTime(10, 0)));
    std::vector<double> baseline, full;
    volatile std::uint8_t sink = 0;
    for (int round = 0; round < 3000; ++round) {
        QElapsedTimer t;
        t.start();
        sink = sink ^ ga467::checksum(QByteArrayView(frame).sliced(5, frame.size() - 6));
        baseline.push_back(t.nsecsElapsed() / 1000.0);

        t.start();
        FrameDecoder decoder;
        decoder.feed(frame);
        const std::optional<FrameDecoder::Event> event = decoder.next();
        const std::optional<ga467::Reply> reply = ga467::parseReply(event->body);
        auto readout = makeReadout(reply->data.sliced(4, 256), reply->data.sliced(260, 1024), {}, nullptr, clock);
        full.push_back(t.nsecsElapsed() / 1000.0);
        if (!readout || !readout->validation.valid())
            std::fprintf(stderr, "unexpected parse failure\n");
    }
    std::printf("frame decode + parse (1295-byte reply -> validated document): median %.1f us  (goal < 50 us)\n",
                median(full));
    std::printf("  baseline, XOR check of the same bytes only:                median %.1f us\n", median(baseline));
}

struct Sim {
    QTemporaryDir dir;
    QProcess process;
    QString link;
    bool start(const QString& baud, const QString& fixture)
    {
        link = dir.filePath(u"tty"_s);
        process.start(QStringLiteral(SHIMING_READER_SIM), {u"--link"_s, link, u"--baud"_s, baud, fixture});
        return QTest::qWaitFor([&] { return QFileInfo(link).isSymLink(); }, 15000);
    }
    ~Sim()
    {
        process.terminate();
        if (!process.waitForFinished(3000))
            process.kill();
        process.waitForFinished(3000);
    }
};

/// Median ms of find + select + read (30 01) + parse, measured `rounds` times.
double benchExchange(const QString& baud, const QString& fixture, int rounds)
{
    Sim sim;
    if (!sim.start(baud, fixture))
        return -1;
    Ga467Link link({sim.link, 115200});
    if (!link.open())
        return -1;
    const FixedClock clock(QDateTime(QDate(2026, 11, 28), QTime(10, 0)));
    std::vector<double> times;
    for (int round = 0; round < rounds; ++round) {
        QEventLoop loop;
        QElapsedTimer t;
        bool ok = false;
        t.start();
        link.request(ga467::Command::FindCard, [&](auto find) {
            if (!find || find->sw3 != 0x9F)
                return loop.quit();
            link.request(ga467::Command::SelectCard, [&](auto select) {
                if (!select || select->sw3 != 0x90)
                    return loop.quit();
                link.request(ga467::Command::ReadBase, [&](auto read) {
                    if (read && read->sw3 == 0x90) {
                        auto readout =
                            makeReadout(read->data.sliced(4, 256), read->data.sliced(260, 1024), {}, nullptr, clock);
                        ok = bool(readout);
                    }
                    loop.quit();
                });
            });
        });
        loop.exec();
        if (ok)
            times.push_back(t.nsecsElapsed() / 1e6);
    }
    return median(times);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QString fixturePath = QStringLiteral(SHIMING_READER_FIXTURES) + u"/middle-dot.json"_s;
    const Result<CardFixture> card = loadCardFixture(fixturePath);
    if (!card) {
        std::fprintf(stderr, "fixture: %s\n", qPrintable(card.error().detail));
        return 1;
    }
    benchDecode(*card);

    const qint64 wireBytes = 10 + 15 + 10 + 19 + 10 + 1295; // three commands and their replies
    const double floorMs = wireBytes * 10 * 1000.0 / 115200;
    const double paced = benchExchange(u"115200"_s, fixturePath, 15);
    const double unpaced = benchExchange(u"0"_s, fixturePath, 15);
    std::printf(
        "full simulated read (find + select + read 30 01 + parse) at 115200 baud: median %.1f ms  (goal <= 250 ms)\n",
        paced);
    std::printf("  baseline, wire time of those %lld bytes at 115200 8N1:                   %.1f ms\n",
                static_cast<long long>(wireBytes), floorMs);
    std::printf("  baseline, same exchange on the pty without line pacing:                 median %.1f ms\n", unpaced);
    return 0;
}
