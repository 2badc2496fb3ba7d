// HQ under hostile connections and bodies (issue: hardening). A real shiming-hq with a real PostgreSQL; the hostile
// peers are plain sockets on loopback (some bound to another loopback address, so that the per-address limit
// meets them and not the outlets).
#include "HqScene.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

using Setup = HqWithTwoOutlets;

// Plain TCP sockets to HQ that send nothing (no TLS at all), optionally from another loopback address.
struct SilentSockets {
    std::vector<int> fds;

    /// `firstByte`: each sends one byte (a TLS record's first) and then stalls.
    SilentSockets(int port, int count, const char* from = nullptr, bool firstByte = false)
    {
        for (int i = 0; i < count; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            REQUIRE(fd >= 0);
            if (from) {
                sockaddr_in local{};
                local.sin_family = AF_INET;
                ::inet_pton(AF_INET, from, &local.sin_addr);
                REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0);
            }
            sockaddr_in hq{};
            hq.sin_family = AF_INET;
            hq.sin_port = htons(std::uint16_t(port));
            hq.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&hq), sizeof hq) == 0);
            if (firstByte)
                REQUIRE(::send(fd, "\x16", 1, MSG_NOSIGNAL) == 1);
            fds.push_back(fd);
        }
    }
    ~SilentSockets()
    {
        for (int fd : fds)
            ::close(fd);
    }
    // How many HQ has closed (end of stream seen) within `waitMs`.
    int closedByHq(int waitMs) const
    {
        QElapsedTimer timer;
        timer.start();
        int closed = 0;
        std::vector<bool> seen(fds.size(), false);
        while (timer.elapsed() < waitMs) {
            for (std::size_t i = 0; i < fds.size(); ++i) {
                if (seen[i])
                    continue;
                pollfd p{fds[i], POLLIN, 0};
                if (::poll(&p, 1, 0) == 1) {
                    char byte = 0;
                    if (::recv(fds[i], &byte, 1, MSG_DONTWAIT) <= 0) {
                        seen[i] = true;
                        ++closed;
                    }
                }
            }
            if (closed == int(fds.size()))
                break;
            QTest::qWait(20);
        }
        return closed;
    }
};

QByteArray batchFor(const QString& outlet, int sequence = 1)
{
    return protocol::encodeBatch(makeBatch(outlet, {sampleContent(sequence, sequence)}));
}

} // namespace

TEST_CASE("Abuse: sockets that send nothing do not keep enrolled outlets from HQ", "[hq]")
{
    // Four workers, forty silent sockets: before the gate, each silent socket held a worker for the read timeout
    // (30 s), and the outlet's request waited behind them past its own 10 s timeout.
    Setup s({u"--threads"_s, u"4"_s});
    SilentSockets silent(s.hq.port(), 40);
    QTest::qWait(200); // all of them accepted
    RawClient client(s.hq.port(), s.ca, &*s.a);
    client.setTimeouts(5, 5);
    CHECK(client.get("/v1/health").status == 200);
    CHECK(client.post("/v1/batches", batchFor(u"OUT-A"_s)).status == 200);
    RawClient other(s.hq.port(), s.ca, &*s.b);
    other.setTimeouts(5, 5);
    CHECK(other.post("/v1/batches", batchFor(u"OUT-B"_s, 2)).status == 200);
    CHECK(s.records() == 2);
    // The silent ones are closed after the first-byte deadline, without an answer.
    CHECK(silent.closedByHq(15000) == 40);
}

TEST_CASE("Abuse: one address cannot hold more started connections than its limit", "[hq]")
{
    // Connections that start a TLS handshake and stall hold a worker each until the read timeout: one address
    // gets at most its limit of them; the rest are closed as they start.
    Setup s({u"--connections-per-address"_s, u"8"_s, u"--threads"_s, u"16"_s});
    SilentSockets hostile(s.hq.port(), 20, "127.0.0.66", true);
    CHECK(hostile.closedByHq(2000) == 12);
    RawClient client(s.hq.port(), s.ca, &*s.a);
    client.setTimeouts(5, 5);
    CHECK(client.post("/v1/batches", batchFor(u"OUT-A"_s)).status == 200);
    REQUIRE(QTest::qWaitFor([&] { return s.hq.serveLog().contains("over the connection limits"); }, 15000));
    CHECK(s.hq.serveLog().contains("127.0.0.66"));
}

TEST_CASE("Abuse: chunked uploads are capped while streaming, for a revoked certificate too", "[hq]")
{
    Setup s;
    const qint64 before = s.hq.peakRssKib();
    REQUIRE(before > 0);
    constexpr qint64 kUpload = 64 * 1024 * 1024; // sixteen times the batch limit, never declared
    RawClient client(s.hq.port(), s.ca, &*s.a);
    const RawResponse big = client.postChunked("/v1/batches", kUpload);
    // Refused (413), or cut when the client went on sending past what HQ drops for it: never read in whole.
    CHECK((big.status == 413 || big.status == 0));
    if (big.status == 413)
        CHECK(big.body.startsWith("BODY_TOO_LARGE"));
    // A body on a request that takes none is refused before it is read.
    CHECK(client.postChunked("/v1/health", 1024 * 1024).status == 413);

    const QString pg = QString::fromStdString(s.url);
    REQUIRE(s.hq.run({u"revoke"_s, u"--pg"_s, pg, u"--serial"_s, s.b->serial}) == 0);
    RawClient revoked(s.hq.port(), s.ca, &*s.b);
    const RawResponse refused = revoked.postChunked("/v1/batches", kUpload);
    CHECK((refused.status == 403 || refused.status == 0));

    // HQ's peak memory grew by far less than one upload (a batch's worth at most, plus buffers).
    const qint64 after = s.hq.peakRssKib();
    INFO("peak RSS before " << before << " KiB, after " << after << " KiB");
    CHECK(after - before < 24 * 1024);
    CHECK(s.records() == 0);
    // Still serving.
    CHECK(client.post("/v1/batches", batchFor(u"OUT-A"_s)).status == 200);
}

TEST_CASE("Abuse: every refusal is logged with its code, never with a customer's data", "[hq]")
{
    Setup s;
    RawClient client(s.hq.port(), s.ca, &*s.a);
    RawClient::Signing stale;
    stale.timeMs = QDateTime::currentMSecsSinceEpoch() - 10 * 60 * 1000;
    CHECK(client.post("/v1/batches", batchFor(u"OUT-A"_s), stale).status == 401);
    RawClient::Signing badNonce;
    badNonce.nonce = "NOT-HEX!";
    CHECK(client.post("/v1/batches", batchFor(u"OUT-A"_s), badNonce).status == 401);
    CHECK(client.post("/v1/batches", "garbage").status == 400);
    CHECK(client.get("/v1/feeds/no_such_feed").status == 404);
    s.hq.stop();
    const QByteArray log = s.hq.serveLog();
    INFO(log.toStdString());
    CHECK(log.contains("refused 401 STALE_REQUEST outlet OUT-A"));
    CHECK(log.contains("refused 401 BAD_NONCE outlet OUT-A"));
    CHECK(log.contains("refused 400 MALFORMED_BATCH outlet OUT-A"));
    CHECK(log.contains("refused 404 NO_SUCH_FEED outlet OUT-A"));
    // The sample record's customer (see HqTestSupport) appears nowhere.
    const protocol::RecordContent sample = sampleContent(1, 1);
    CHECK_FALSE(log.contains(sample.documentNumber.toUtf8()));
    CHECK_FALSE(log.contains(sample.name.toUtf8()));
    CHECK_FALSE(log.contains(sample.msisdn.toUtf8()));
}
