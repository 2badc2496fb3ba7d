// bench_hq_abuse (scripts/hq-abuse-test.sh): two real outlets sync with a real shiming-hq while hostile peers on
// loopback hold 300 sockets that send nothing and push 4 chunked 200 MiB uploads over and over (an enrolled
// certificate, so the uploads get past TLS and are refused for their size). Printed, never asserted: syncs
// succeeded, median and worst sync time, HQ's peak RSS; the same two outlets first sync without the attack in the
// same run (the baseline). Bounded: loopback only, a fixed number of passes, everything stopped at the end.
#include "SyncTestSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

constexpr int kPasses = 12;         // sync passes per outlet and phase
constexpr int kRecordsPerPass = 5;  // new registrations before each pass
constexpr int kSilentSockets = 300; // plain TCP, nothing sent
constexpr int kUploaders = 4;
constexpr qint64 kUploadBytes = 200LL * 1024 * 1024;

struct Figures {
    int succeeded = 0;
    int passes = 0;
    QList<double> seconds;

    double median() const
    {
        QList<double> s = seconds;
        std::sort(s.begin(), s.end());
        return s.isEmpty() ? 0 : s[s.size() / 2];
    }
    double worst() const { return seconds.isEmpty() ? 0 : *std::max_element(seconds.begin(), seconds.end()); }
};

// Both outlets sync kPasses times each, one after the other as two counters of a hall would.
Figures syncBoth(TestOutlet& a, TestOutlet& b, int& serial)
{
    Figures figures;
    for (int pass = 0; pass < kPasses; ++pass) {
        for (TestOutlet* outlet : {&a, &b}) {
            outlet->commitMany(kRecordsPerPass, serial);
            serial += kRecordsPerPass;
            QElapsedTimer timer;
            timer.start();
            const sync::SyncReport report = outlet->engine().runBlocking();
            figures.seconds << timer.nsecsElapsed() / 1e9;
            ++figures.passes;
            if (report.ok && report.pending == 0)
                ++figures.succeeded;
            else
                std::printf("  a pass failed: %s\n", qPrintable(report.error));
        }
    }
    return figures;
}

std::vector<int> openSilentSockets(int port)
{
    std::vector<int> fds;
    for (int i = 0; i < kSilentSockets; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in hq{};
        hq.sin_family = AF_INET;
        hq.sin_port = htons(std::uint16_t(port));
        hq.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&hq), sizeof hq) == 0)
            fds.push_back(fd);
        else if (fd >= 0)
            ::close(fd);
    }
    return fds;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    qputenv("QT_LOGGING_RULES", "shiming.*.info=false;shiming.*.warning=false");
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    if (!hq.start())
        qFatal("shiming-hq did not start");
    TestOutlet a(u"ABUSE-A"_s, hq, 1);
    TestOutlet b(u"ABUSE-B"_s, hq, 2);
    const auto uploader = hq.enroll(u"ABUSE-UPLOADER"_s);
    if (!uploader)
        qFatal("cannot enroll the uploader");
    int serial = 1;

    const Figures baseline = syncBoth(a, b, serial);
    const qint64 rssBefore = hq.peakRssKib();
    std::printf("baseline (no attack): %d/%d syncs succeeded, median %.3f s, worst %.3f s; HQ peak RSS %.1f MB\n",
                baseline.succeeded, baseline.passes, baseline.median(), baseline.worst(), rssBefore / 1024.0);

    // The attack: silent sockets first (they stay open throughout), then the uploads, repeated until the
    // outlets are done.
    std::vector<int> silent = openSilentSockets(hq.port());
    std::atomic<bool> done = false;
    std::atomic<int> uploads = 0;
    std::vector<std::thread> uploaders;
    for (int i = 0; i < kUploaders; ++i) {
        uploaders.emplace_back([&] {
            RawClient client(hq.port(), hq.stateDir() + u"/ca.crt"_s, &*uploader);
            client.setTimeouts(10, 30);
            while (!done) {
                client.postChunked("/v1/batches", kUploadBytes);
                ++uploads;
            }
        });
    }
    QThread::msleep(500);
    const Figures attacked = syncBoth(a, b, serial);
    done = true;
    for (auto& t : uploaders)
        t.join();
    const qint64 rssPeak = hq.peakRssKib();
    for (int fd : silent)
        ::close(fd);
    hq.stop();

    std::printf("under attack: %zu silent sockets held, %d chunked 200 MiB uploads started by %d clients\n",
                silent.size(), int(uploads), kUploaders);
    std::printf("syncs succeeded %d/%d (baseline %d/%d)\n", attacked.succeeded, attacked.passes, baseline.succeeded,
                baseline.passes);
    std::printf("sync time median %.3f s (baseline %.3f s), worst %.3f s (baseline %.3f s; goal <= 5 s)\n",
                attacked.median(), baseline.median(), attacked.worst(), baseline.worst());
    std::printf("HQ peak RSS %.1f MB (%.1f MB after the baseline; goal < 200 MB)\n", rssPeak / 1024.0,
                rssBefore / 1024.0);
    return attacked.succeeded == attacked.passes ? 0 : 1;
}
