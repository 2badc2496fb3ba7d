#include "hq/HqServer.h"

#include "core/common/Logging.h"
#include "core/protocol/Batch.h"
#include "core/protocol/RequestSignature.h"
#include "hq/Feeds.h"
#include "hq/HallReads.h"
#include "hq/PgUtil.h"
#include "hq/Pki.h"

#include <httplib.h>
#include <pqxx/pqxx>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

#include <algorithm>
#include <limits>
#include <thread>

using namespace Qt::StringLiterals;

namespace shiming::hq {

namespace {

constexpr auto kCbor = "application/cbor";

// The connection the request on this thread holds from the pool, if any (see HqServer::connection()).
thread_local std::unique_ptr<pqxx::connection> t_connection;
thread_local PgPool* t_pool = nullptr;
// And its read-only one, when HQ reads from a standby (HqServer::readConnection()).
thread_local std::unique_ptr<pqxx::connection> t_readConnection;
thread_local PgPool* t_readPool = nullptr;

// How long a request waits for a free database connection before it is answered "unavailable".
constexpr int kPoolWaitMs = 5000;

// Gives the thread's connection back to the pool at the end of a request (or of its database part).
struct ReleaseConnection {
    ~ReleaseConnection()
    {
        if (t_connection && t_pool)
            t_pool->give(std::move(t_connection));
        t_connection.reset();
        if (t_readConnection && t_readPool)
            t_readPool->give(std::move(t_readConnection));
        t_readConnection.reset();
    }
};

// The largest body HQ reads: a batch at its limit and its CBOR framing.
constexpr std::size_t kMaxBodyBytes = std::size_t(protocol::kMaxBatchBytes) + 64 * 1024;

// Every refusal is answered with its code and logged with it (the outlet id when known; never a customer's data).
void refuse(httplib::Response& response, int status, const char* code, const QString& outlet = {})
{
    response.status = status;
    response.set_content(std::string(code) + "\n", "text/plain");
    if (status >= 500)
        return; // failures are logged where they happen, with their cause
    if (outlet.isEmpty())
        qCWarning(lcSync).noquote() << "refused" << status << code;
    else
        qCWarning(lcSync).noquote() << "refused" << status << code << "outlet" << outlet;
}

// A refusal after which the connection is closed: the unread rest of a body is never read.
void refuseAndClose(httplib::Response& response, int status, const char* code, const QString& outlet = {})
{
    refuse(response, status, code, outlet);
    response.set_header("Connection", "close");
}

// After an early refusal of an upload, reads and drops what the client still sends for a moment (at most a
// batch's worth twice, at most 2 s), so that it gets to read the answer instead of a reset; nothing is kept.
constexpr qint64 kLingerMs = 2000;
constexpr std::size_t kLingerBytes = 2 * kMaxBodyBytes;

void linger(const httplib::ContentReader& content)
{
    QElapsedTimer timer;
    timer.start();
    std::size_t seen = 0;
    content([&](const char*, size_t length) {
        seen += length;
        return seen <= kLingerBytes && timer.elapsed() < kLingerMs;
    });
}

std::uint64_t contentLength(const httplib::Request& request)
{
    if (!request.has_header("Content-Length"))
        return 0;
    // An unreadable length counts as too large: refused, never read.
    bool ok = false;
    const qulonglong length = QByteArray::fromStdString(request.get_header_value("Content-Length")).toULongLong(&ok);
    return ok ? std::uint64_t(length) : std::numeric_limits<std::uint64_t>::max();
}

} // namespace

int HqServer::defaultThreads()
{
    // Many: a thread is what a connection that stalls mid-request costs, and threads are cheap; the database
    // connections are bounded on their own (defaultDatabaseConnections()).
    return 256;
}

int HqServer::defaultDatabaseConnections()
{
    return std::clamp(int(std::thread::hardware_concurrency()) * 4, 8, 32);
}

HqServer::HqServer(std::string pgUrl, HqState state, FaultPlan faults)
    : m_url(std::move(pgUrl))
    , m_pool(m_url, defaultDatabaseConnections())
    , m_state(std::move(state))
    , m_faults(std::move(faults))
    , m_ledger(m_state.identityKey())
{
    m_server = std::make_unique<httplib::SSLServer>(m_state.serverCertificatePath().toLocal8Bit().constData(),
                                                    m_state.serverKeyPath().toLocal8Bit().constData(),
                                                    m_state.caCertificatePath().toLocal8Bit().constData());
    // Bodies are refused before they are read unless they are a batch upload, and a batch is read in pieces up
    // to the limit (handleBatch): a chunked or length-less upload can no more fill memory than a declared one.
    m_server->set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
        // HQ never compresses an answer: its CPU is the ledger's, a hall read compressed for a client that asked
        // for it cost ~700 ms of HQ's CPU for 1,500 rows, and any peer could make HQ spend that at will. The
        // request object is the server's own (handed over const), so dropping the header here is safe.
        const_cast<httplib::Request&>(request).headers.erase("Accept-Encoding");
        const bool body = request.has_header("Transfer-Encoding") || contentLength(request) > 0;
        if (body && request.method != "POST") { // POSTs read their bodies through a content reader, capped
            refuseAndClose(response, 413, "BODY_NOT_ACCEPTED");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // A peer that stalls mid-request gives its worker back after this long without a byte (every connection
    // reaching here has passed the gate, which holds silent sockets without a thread).
    m_server->set_read_timeout(10, 0);
    m_server->set_write_timeout(30, 0);
    m_server->set_keep_alive_max_count(1000);
    // Without it, on a kept-alive connection the answer's body waits for the outlet's delayed ACK of the
    // headers (Nagle): ~40 ms per batch.
    m_server->set_tcp_nodelay(true);
    // A kept-alive connection holds its worker thread while it waits for the next request, so the pool is sized
    // for concurrent outlets, not for the cores: the threads mostly wait on sockets and PostgreSQL. Each one
    // that served a request keeps one PostgreSQL connection.
    m_server->new_task_queue = [this] {
        return new httplib::ThreadPool(size_t(m_threads));
    };
    m_server->Post("/v1/batches",
                   [this](const httplib::Request& request, httplib::Response& response,
                          const httplib::ContentReader& content) { handleBatch(request, response, content); });
    // Any other POST: refused without keeping its body (matched after /v1/batches).
    m_server->Post(".*",
                   [](const httplib::Request&, httplib::Response& response, const httplib::ContentReader& content) {
                       refuseAndClose(response, 413, "BODY_NOT_ACCEPTED");
                       linger(content);
                   });
    m_server->Get(R"(/v1/feeds/([a-z_]+))", [this](const httplib::Request& request, httplib::Response& response) {
        handleFeed(request, response);
    });
    m_server->Get("/v1/hall/day", [this](const httplib::Request& request, httplib::Response& response) {
        handleHall(request, response, int(hall::Read::Day));
    });
    m_server->Get("/v1/hall/report", [this](const httplib::Request& request, httplib::Response& response) {
        handleHall(request, response, int(hall::Read::Report));
    });
    m_server->Get(R"(/v1/hall/record/([^/?]*))", [this](const httplib::Request& request, httplib::Response& response) {
        handleHall(request, response, int(hall::Read::Record));
    });
    m_server->Get("/v1/health", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("ok\n", "text/plain");
    });
    m_server->set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
        refuse(response, 500, "INTERNAL");
    });
}

HqServer::~HqServer() = default;

Result<int> HqServer::bind(const QString& host, int port)
{
    if (!m_server->is_valid() || !QFile::exists(m_state.serverKeyPath()))
        return fail(Error::invalidInput(u"TLS setup failed (state directory damaged?)"_s));
    // The public address is the gate's; the HTTPS service itself listens on a loopback port only the gate uses
    // (anyone else reaching it still needs an enrolled certificate).
    auto bound = m_gate.bind(host, port);
    if (!bound)
        return bound;
    m_servicePort = m_server->bind_to_any_port("127.0.0.1");
    if (m_servicePort <= 0)
        return fail(Error::storageFailure(u"cannot bind the service's loopback port"_s));
    return bound;
}

bool HqServer::run()
{
    if (auto started = m_gate.start(m_servicePort); !started) {
        qCCritical(lcSync) << started.error().detail;
        return false;
    }
    const bool ok = m_server->listen_after_bind();
    m_gate.stop();
    return ok;
}

void HqServer::stop()
{
    m_server->stop();
}

pqxx::connection& HqServer::connection()
{
    if (t_connection && !t_connection->is_open())
        dropConnection();
    if (!t_connection) {
        t_connection = m_pool.take(kPoolWaitMs);
        t_pool = &m_pool;
        if (!t_connection)
            throw std::runtime_error("no free database connection");
    }
    return *t_connection;
}

pqxx::connection* HqServer::databaseOrRefuse(httplib::Response& response)
{
    try {
        return &connection();
    } catch (const std::exception& e) {
        qCWarning(lcSync) << "no database connection:" << pg::describe(e);
        refuse(response, 503, "UNAVAILABLE");
        return nullptr;
    }
}

void HqServer::setReadDatabase(const std::string& url)
{
    m_readPool = std::make_unique<PgPool>(url, m_pool.size());
}

pqxx::connection* HqServer::readConnection()
{
    if (!m_readPool)
        return nullptr;
    if (t_readConnection && !t_readConnection->is_open())
        dropReadConnection();
    if (!t_readConnection) {
        try {
            t_readConnection = m_readPool->take(kPoolWaitMs);
            t_readPool = m_readPool.get();
        } catch (const std::exception& e) {
            qCWarning(lcSync) << "no read-only database connection, reading on the primary:" << pg::describe(e);
        }
    }
    return t_readConnection.get();
}

void HqServer::dropReadConnection()
{
    if (t_readConnection && m_readPool)
        m_readPool->give(nullptr);
    t_readConnection.reset();
}

void HqServer::dropConnection()
{
    if (t_connection)
        m_pool.give(nullptr); // counted out; a new one is opened when needed
    t_connection.reset();
}

std::optional<HqServer::Peer> HqServer::authenticateHeaders(const httplib::Request& request,
                                                            httplib::Response& response)
{
    const auto identity = pki::peerIdentity(request.ssl);
    if (!identity) {
        refuseAndClose(response, 401, "NO_CERTIFICATE");
        return std::nullopt;
    }
    Peer peer{identity->commonName,
              identity->serialHex,
              identity->notBefore.isValid() ? identity->notBefore.toMSecsSinceEpoch() : qint64(0),
              {},
              {},
              identity->hall,
              identity->counter};
    const QString headerOutlet = QString::fromStdString(request.get_header_value(protocol::signature::HeaderOutlet));
    if (headerOutlet != peer.outletId) {
        refuseAndClose(response, 403, "OUTLET_MISMATCH", peer.outletId);
        return std::nullopt;
    }
    peer.fields.method = QByteArray::fromStdString(request.method);
    peer.fields.target = QByteArray::fromStdString(request.target);
    peer.fields.outletId = peer.outletId;
    bool timeOk = false;
    peer.fields.timeMs =
        QByteArray::fromStdString(request.get_header_value(protocol::signature::HeaderTime)).toLongLong(&timeOk);
    peer.fields.nonce = QByteArray::fromStdString(request.get_header_value(protocol::signature::HeaderNonce));
    peer.nonce = peer.fields.nonce;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!timeOk || qAbs(now - peer.fields.timeMs) > protocol::signature::kWindowMs) {
        refuseAndClose(response, 401, "STALE_REQUEST", peer.outletId);
        return std::nullopt;
    }
    if (!protocol::signature::isWellFormedNonce(peer.fields.nonce)) {
        refuseAndClose(response, 401, "BAD_NONCE", peer.outletId);
        return std::nullopt;
    }
    return peer;
}

bool HqServer::verifySignature(const Peer& peer, const httplib::Request& request, const QByteArray& body,
                               httplib::Response& response)
{
    const QByteArray presented =
        QByteArray::fromStdString(request.get_header_value(protocol::signature::HeaderSignature));
    if (!protocol::signature::verify(m_state.requestKey(peer.outletId, peer.serial), peer.fields, body, presented)) {
        refuse(response, 401, "BAD_SIGNATURE", peer.outletId);
        return false;
    }
    return true;
}

std::optional<HqServer::Peer> HqServer::authenticate(const httplib::Request& request, httplib::Response& response)
{
    auto peer = authenticateHeaders(request, response);
    if (!peer || !verifySignature(*peer, request, {}, response))
        return std::nullopt;
    return peer;
}

bool HqServer::isRevoked(const Peer& peer, httplib::Response& response)
{
    ReleaseConnection release; // not held while the body is read
    try {
        pqxx::read_transaction tx(connection());
        if (!revokedIn(tx, peer))
            return false;
        refuseAndClose(response, 403, "REVOKED", peer.outletId);
    } catch (const std::exception& e) {
        qCWarning(lcSync) << "authentication storage failure:" << pg::describe(e);
        dropConnection();
        refuseAndClose(response, 503, "UNAVAILABLE");
    }
    return true;
}

bool HqServer::revokedIn(pqxx::transaction_base& tx, const Peer& peer)
{
    const pqxx::row revoked = tx.exec_params1(
        "SELECT EXISTS (SELECT 1 FROM revoked_certificates WHERE serial = $1) OR "
        "EXISTS (SELECT 1 FROM revoked_outlets WHERE outlet_id = $2 AND revoked_at >= to_timestamp($3 / 1000.0))",
        pg::str(peer.serial), pg::str(peer.outletId), peer.notBeforeMs);
    return revoked[0].as<bool>();
}

bool HqServer::admit(const Peer& peer, httplib::Response& response)
{
    try {
        pqxx::work tx(connection());
        if (revokedIn(tx, peer)) {
            refuse(response, 403, "REVOKED", peer.outletId);
            return false;
        }
        const pqxx::result inserted =
            tx.exec_params("INSERT INTO request_nonces (outlet_id, nonce) VALUES ($1, $2) ON CONFLICT DO NOTHING "
                           "RETURNING 1",
                           pg::str(peer.outletId), peer.nonce.toStdString());
        if (inserted.empty()) {
            refuse(response, 409, "REPLAYED", peer.outletId);
            return false;
        }
        tx.commit();
    } catch (const std::exception& e) {
        qCWarning(lcSync) << "authentication storage failure:" << pg::describe(e);
        dropConnection();
        refuse(response, 503, "UNAVAILABLE");
        return false;
    }
    return true;
}

QString HqServer::timingsSummary() const
{
    const qint64 batches = m_totals.batches.load();
    if (batches == 0)
        return u"timings: no batches"_s;
    const auto ms = [batches](const std::atomic<qint64>& ns) {
        return QString::number(ns.load() / 1e6 / batches, 'f', 2);
    };
    return u"timings: %1 batches, %2 records; ms per batch: auth %3, decode %4, admit+locks %5, lookup %6, "
           "decide %7, build %8, write %9, commit %10, answer %11"_s.arg(batches)
               .arg(m_totals.records.load())
               .arg(ms(m_totals.authNs), ms(m_totals.decodeNs), ms(m_totals.admitNs), ms(m_totals.lookupNs),
                    ms(m_totals.decideNs), ms(m_totals.buildNs), ms(m_totals.writeNs), ms(m_totals.commitNs),
                    ms(m_totals.answerNs));
}

void HqServer::handleBatch(const httplib::Request& request, httplib::Response& response,
                           const httplib::ContentReader& content)
{
    QElapsedTimer timer;
    timer.start();
    const auto lap = [&](std::atomic<qint64>& total) {
        if (m_timingsEnabled)
            total += timer.nsecsElapsed();
        timer.restart();
    };
    // Who is sending, and whether they may, before a byte of the body is read.
    const auto peer = authenticateHeaders(request, response);
    if (!peer || isRevoked(*peer, response)) {
        linger(content);
        return;
    }
    if (contentLength(request) > kMaxBodyBytes) {
        refuseAndClose(response, 413, "BODY_TOO_LARGE", peer->outletId);
        linger(content);
        return;
    }
    // Read in pieces up to the limit; past it what was kept is freed and the rest is dropped as in linger().
    std::string bytes;
    bytes.reserve(std::size_t(std::min<std::uint64_t>(contentLength(request), kMaxBodyBytes)));
    bool tooLarge = false;
    std::size_t dropped = 0;
    QElapsedTimer lingering;
    const bool read = content([&](const char* data, size_t length) {
        if (!tooLarge && bytes.size() + length <= kMaxBodyBytes) {
            bytes.append(data, length);
            return true;
        }
        if (!tooLarge) {
            tooLarge = true;
            std::string().swap(bytes);
            lingering.start();
        }
        dropped += length;
        return dropped <= kLingerBytes && lingering.elapsed() < kLingerMs;
    });
    if (tooLarge) {
        refuseAndClose(response, 413, "BODY_TOO_LARGE", peer->outletId);
        return;
    }
    if (!read) {
        refuseAndClose(response, 400, "INCOMPLETE_BODY", peer->outletId);
        return;
    }
    const QByteArray body = QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size()));
    if (!verifySignature(*peer, request, body, response))
        return;
    lap(m_totals.authNs);
    auto batch = protocol::decodeBatch(body);
    lap(m_totals.decodeNs);
    if (!batch) {
        refuse(response, 400, "MALFORMED_BATCH", peer->outletId);
        return;
    }
    if (batch->outletId != peer->outletId) {
        refuse(response, 403, "OUTLET_MISMATCH", peer->outletId);
        return;
    }
    const FaultPlan::Fault fault = m_faults.next();
    const bool rollBack = fault == FaultPlan::Fault::FailBefore || fault == FaultPlan::Fault::ResetBefore;
    const Admission admission{
        peer->outletId, peer->serial, peer->notBeforeMs, peer->nonce, QRandomGenerator::global()->bounded(200) == 0,
        peer->hall,     peer->counter};
    IngestTimings timings;
    ReleaseConnection release;
    pqxx::connection* database = databaseOrRefuse(response);
    if (!database)
        return;
    auto result = m_ledger.ingest(
        *database, *batch, &admission, [rollBack] { return !rollBack; }, m_timingsEnabled ? &timings : nullptr);
    timer.restart();
    if (result && result->refusal != IngestResult::Refusal::None) {
        switch (result->refusal) {
        case IngestResult::Refusal::Revoked:
            refuse(response, 403, "REVOKED", peer->outletId);
            return;
        case IngestResult::Refusal::Replayed:
            refuse(response, 409, "REPLAYED", peer->outletId);
            return;
        default:
            refuse(response, 409, "BATCH_ID_CONFLICT", peer->outletId);
            return;
        }
    }
    if (!result) {
        if (result.error().code == Error::Code::StorageFailure) {
            qCWarning(lcSync) << result.error().detail;
            dropConnection();
        }
        if (fault == FaultPlan::Fault::ResetBefore) {
            response.set_content_provider(1000, kCbor, [](size_t, size_t, httplib::DataSink& sink) {
                sink.write("partial", 7);
                return false; // cuts the connection mid-body
            });
            return;
        }
        refuse(response, 503, "UNAVAILABLE");
        return;
    }
    if (result->auditRewound) {
        qCWarning(lcSync).noquote() << "outlet" << peer->outletId
                                    << "reported an audit chain behind the one it reported before: its database "
                                       "was rewound or rewritten";
    }
    qCInfo(lcSync).noquote() << "batch" << batch->id.toString(QUuid::WithoutBraces) << "from" << peer->outletId
                             << "records" << batch->records.size() << (result->replayed ? "(replay)" : "");
    if (!batch->unreadable.isEmpty()) {
        qCWarning(lcSync).noquote() << "outlet" << peer->outletId << "reported" << batch->unreadable.size()
                                    << "records it cannot read (a damaged database): see shiming-hq unreadable";
    }
    switch (fault) {
    case FaultPlan::Fault::FailAfter:
        refuse(response, 500, "INJECTED_AFTER_COMMIT");
        return;
    case FaultPlan::Fault::Slow:
        std::this_thread::sleep_for(std::chrono::milliseconds(m_faults.slowMs()));
        break;
    case FaultPlan::Fault::Reset: {
        const std::string half = result->answer.left(result->answer.size() / 2).toStdString();
        response.set_content_provider(size_t(result->answer.size()), kCbor,
                                      [half](size_t, size_t, httplib::DataSink& sink) {
                                          sink.write(half.data(), half.size());
                                          return false;
                                      });
        return;
    }
    default:
        break;
    }
    response.set_header("X-Shiming-Replayed", result->replayed ? "1" : "0");
    response.set_content(result->answer.constData(), size_t(result->answer.size()), kCbor);
    if (m_timingsEnabled) {
        lap(m_totals.answerNs);
        m_totals.admitNs += timings.admitNs;
        m_totals.lookupNs += timings.lookupNs;
        m_totals.decideNs += timings.decideNs;
        m_totals.buildNs += timings.buildNs;
        m_totals.writeNs += timings.writeNs;
        m_totals.commitNs += timings.commitNs;
        m_totals.records += batch->records.size();
        ++m_totals.batches;
    }
}

void HqServer::handleFeed(const httplib::Request& request, httplib::Response& response)
{
    ReleaseConnection release;
    const auto peer = authenticate(request, response);
    if (!peer || !admit(*peer, response))
        return;
    const QString feed = QString::fromStdString(request.matches[1]);
    bool ok = true;
    const qint64 cursor =
        request.has_param("cursor") ? QByteArray::fromStdString(request.get_param_value("cursor")).toLongLong(&ok) : 0;
    if (!ok || cursor < 0) {
        refuse(response, 400, "BAD_CURSOR", peer->outletId);
        return;
    }
    pqxx::connection* database = databaseOrRefuse(response);
    if (!database)
        return;
    auto page = Result<protocol::FeedPage>(fail(Error::storageFailure(u"not read"_s)));
    if (pqxx::connection* standby = readConnection()) {
        page = feeds::page(*standby, feed, peer->outletId, cursor);
        if (!page && page.error().code != Error::Code::NotFound) {
            qCWarning(lcSync) << "feed read on the read-only database failed, reading on the primary:"
                              << page.error().detail;
            dropReadConnection();
        }
    }
    if (!page && page.error().code != Error::Code::NotFound)
        page = feeds::page(*database, feed, peer->outletId, cursor);
    if (!page) {
        if (page.error().code == Error::Code::NotFound) {
            refuse(response, 404, "NO_SUCH_FEED", peer->outletId);
            return;
        }
        dropConnection();
        refuse(response, 503, "UNAVAILABLE");
        return;
    }
    response.set_content(protocol::encodeFeedPage(*page).toStdString(), kCbor);
}

void HqServer::handleHall(const httplib::Request& request, httplib::Response& response, int kind)
{
    ReleaseConnection release;
    const auto peer = authenticate(request, response);
    if (!peer || !admit(*peer, response))
        return;
    const auto param = [&](const char* name) {
        return request.has_param(name) ? QString::fromStdString(request.get_param_value(name)) : QString();
    };
    hall::Request read;
    read.kind = hall::Read(kind);
    read.reader = {peer->hall, peer->outletId, peer->counter, param("manager")};
    read.date = param("date");
    read.tz = param("tz");
    read.reveal = param("reveal") == u"1"_s;
    read.target = QString::fromStdString(request.target);
    if (read.kind == hall::Read::Record)
        read.record = QString::fromStdString(request.matches[1]);
    pqxx::connection* database = databaseOrRefuse(response);
    if (!database)
        return;
    auto answer = Result<hall::Answer>(fail(Error::storageFailure(u"not read"_s)));
    if (pqxx::connection* standby = readConnection()) {
        answer = hall::serve(*database, read, standby);
        if (!answer) {
            qCWarning(lcSync) << "hall read on the read-only database failed, reading on the primary:"
                              << answer.error().detail;
            dropReadConnection();
        }
    }
    if (!answer)
        answer = hall::serve(*database, read);
    if (!answer) {
        qCWarning(lcSync) << answer.error().detail;
        dropConnection();
        refuse(response, 503, "UNAVAILABLE");
        return;
    }
    if (answer->status != 200) {
        refuse(response, answer->status, answer->code, peer->outletId);
        return;
    }
    // The manager's account name and the hall, never what was read.
    qCInfo(lcSync).noquote() << "hall read" << answer->action << "hall" << peer->hall << "outlet" << peer->outletId
                             << "manager" << read.reader.manager;
    response.set_content(answer->body.toStdString(), "application/json");
}

} // namespace shiming::hq
