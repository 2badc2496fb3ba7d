#pragma once

#include "core/common/Error.h"
#include "hq/FaultPlan.h"
#include "hq/HqState.h"
#include "hq/Ledger.h"

#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <string>

namespace httplib {
class SSLServer;
struct Request;
struct Response;
} // namespace httplib

#include <pqxx/connection>

namespace shiming::hq {

/// The HTTPS endpoint: mutual TLS against HQ's CA, then per request the certificate's revocation, the outlet id,
/// the time window, the nonce and the HMAC signature; then the ledger or a feed. Holds no state of its own
/// between requests (everything is in PostgreSQL), so several instances can serve one database.
///
///   POST /v1/batches            CBOR batch  -> CBOR BatchAnswer (after COMMIT)
///   GET  /v1/feeds/<name>?cursor=N          -> CBOR FeedPage
///   GET  /v1/health                          -> "ok" (TLS client certificate still required)
class HqServer {
public:
    HqServer(std::string pgUrl, HqState state, FaultPlan faults);
    ~HqServer();

    /// Binds; port 0 picks a free port. Returns the bound port.
    Result<int> bind(const QString& host, int port);
    /// Serves until stop(); blocks.
    bool run();
    void stop();

    /// Worker threads (and at most as many PostgreSQL connections); set before run().
    void setThreads(int threads) { m_threads = threads; }
    static int defaultThreads();

    /// Per-batch phase timings (`serve --timings`): summed over the batches, printed by timingsSummary().
    void setTimingsEnabled(bool enabled) { m_timingsEnabled = enabled; }
    QString timingsSummary() const;

private:
    struct Peer {
        QString outletId;
        QString serial;
        qint64 notBeforeMs = 0;
        QByteArray nonce;
    };
    /// The checks that need no database: certificate, outlet header, time window, nonce form, signature.
    std::optional<Peer> authenticate(const httplib::Request& request, httplib::Response& response);
    /// Revocation and nonce in a transaction of their own (requests that write nothing else).
    bool admit(const Peer& peer, httplib::Response& response);
    void handleBatch(const httplib::Request& request, httplib::Response& response);
    void handleFeed(const httplib::Request& request, httplib::Response& response);
    pqxx::connection& connection();
    void dropConnection();

    std::string m_url;
    HqState m_state;
    FaultPlan m_faults;
    Ledger m_ledger;
    std::unique_ptr<httplib::SSLServer> m_server;

    bool m_timingsEnabled = false;
    int m_threads = defaultThreads();
    struct Totals {
        std::atomic<qint64> batches{0}, records{0}, authNs{0}, decodeNs{0}, admitNs{0}, lookupNs{0}, decideNs{0},
            buildNs{0}, writeNs{0}, commitNs{0}, answerNs{0};
    };
    Totals m_totals;
};

} // namespace shiming::hq
