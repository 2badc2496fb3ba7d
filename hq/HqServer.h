#pragma once

#include "core/common/Error.h"
#include "core/protocol/RequestSignature.h"
#include "hq/ConnectionGate.h"
#include "hq/FaultPlan.h"
#include "hq/HqState.h"
#include "hq/Ledger.h"
#include "hq/PgPool.h"

#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <string>

namespace httplib {
class SSLServer;
class ContentReader;
struct Request;
struct Response;
} // namespace httplib

#include <pqxx/connection>
#include <pqxx/transaction_base>

namespace shiming::hq {

/// The HTTPS endpoint: mutual TLS against HQ's CA, then per request the certificate's revocation, the outlet id,
/// the time window, the nonce and the HMAC signature; then the ledger or a feed. Holds no state of its own
/// between requests (everything is in PostgreSQL), so several instances can serve one database.
///
///   POST /v1/batches            CBOR batch  -> CBOR BatchAnswer (after COMMIT)
///   GET  /v1/feeds/<name>?cursor=N          -> CBOR FeedPage
///   GET  /v1/health                          -> "ok" (TLS client certificate still required)
///   GET  /v1/hall/day?date=D&manager=M[&tz=Z]        -> JSON: the hall's records of the day, masked
///   GET  /v1/hall/record/<uuid>?manager=M[&reveal=1] -> JSON: one record of the hall with its photos
///   GET  /v1/hall/report?date=D&manager=M[&tz=Z]     -> JSON: the hall's daily report, per counter
/// (hall reads: hq/HallReads.h, docs/hq.md "Hall reads (API)").
class HqServer {
public:
    HqServer(std::string pgUrl, HqState state, FaultPlan faults);
    ~HqServer();

    /// Binds; port 0 picks a free port. Returns the bound port.
    Result<int> bind(const QString& host, int port);
    /// Serves until stop(); blocks.
    bool run();
    void stop();

    /// Worker threads; set before run().
    void setThreads(int threads) { m_threads = threads; }
    /// The gate's connection limits (hq/ConnectionGate.h); set before run().
    void setGateLimits(const GateLimits& limits) { m_gate.setLimits(limits); }
    static int defaultThreads();
    /// PostgreSQL connections at most (shared by the threads); set before run().
    void setDatabaseConnections(int connections) { m_pool.setSize(connections); }
    static int defaultDatabaseConnections();
    /// Read-only work (feed pages, hall reads) on this connection string, normally a standby's
    /// (`target_session_attrs=prefer-standby`); writes, admission and audit stay on the primary. A read that
    /// fails there is done on the primary. Set before run().
    void setReadDatabase(const std::string& url);

    /// Per-batch phase timings (`serve --timings`): summed over the batches, printed by timingsSummary().
    void setTimingsEnabled(bool enabled) { m_timingsEnabled = enabled; }
    QString timingsSummary() const;

private:
    struct Peer {
        QString outletId;
        QString serial;
        qint64 notBeforeMs = 0;
        QByteArray nonce;
        protocol::signature::Fields fields; ///< what the signature covers, with the body
        QString hall;                       ///< from the certificate's subject (hq/Pki.h)
        int counter = 1;
    };
    /// The checks that need neither the body nor the database: certificate, outlet header, time window, nonce form.
    std::optional<Peer> authenticateHeaders(const httplib::Request& request, httplib::Response& response);
    /// The request's HMAC over its fields and `body`.
    bool verifySignature(const Peer& peer, const httplib::Request& request, const QByteArray& body,
                         httplib::Response& response);
    /// Headers and signature of a request without a body.
    std::optional<Peer> authenticate(const httplib::Request& request, httplib::Response& response);
    /// Refuses a revoked certificate or outlet (true: refused, also when the database cannot say).
    bool isRevoked(const Peer& peer, httplib::Response& response);
    static bool revokedIn(pqxx::transaction_base& tx, const Peer& peer);
    /// Revocation and nonce in a transaction of their own (requests that write nothing else).
    bool admit(const Peer& peer, httplib::Response& response);
    void handleBatch(const httplib::Request& request, httplib::Response& response,
                     const httplib::ContentReader& content);
    void handleFeed(const httplib::Request& request, httplib::Response& response);
    void handleHall(const httplib::Request& request, httplib::Response& response, int kind);
    /// The database connection this request holds, taken from the pool on first use (throws when none is free
    /// in time); given back at the end of the request by a ReleaseConnection guard.
    pqxx::connection& connection();
    /// connection(), or a 503 answer and null.
    pqxx::connection* databaseOrRefuse(httplib::Response& response);
    void dropConnection();
    /// The request's read-only connection (setReadDatabase()), or null: none configured or none to be had
    /// (the caller reads on the primary).
    pqxx::connection* readConnection();
    void dropReadConnection();

    std::string m_url;
    PgPool m_pool;
    std::unique_ptr<PgPool> m_readPool;
    HqState m_state;
    FaultPlan m_faults;
    Ledger m_ledger;
    ConnectionGate m_gate;
    int m_servicePort = 0;
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
