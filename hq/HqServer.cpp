#include "hq/HqServer.h"

#include "core/common/Logging.h"
#include "core/protocol/Batch.h"
#include "core/protocol/RequestSignature.h"
#include "hq/Feeds.h"
#include "hq/PgUtil.h"
#include "hq/Pki.h"

#include <httplib.h>
#include <pqxx/pqxx>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

#include <algorithm>
#include <thread>

using namespace Qt::StringLiterals;

namespace shiming::hq {

namespace {

constexpr auto kCbor = "application/cbor";

thread_local std::unique_ptr<pqxx::connection> t_connection;
thread_local std::string t_connectionUrl;

void refuse(httplib::Response& response, int status, const char* code)
{
    response.status = status;
    response.set_content(std::string(code) + "\n", "text/plain");
}

} // namespace

int HqServer::defaultThreads()
{
    return std::clamp(int(std::thread::hardware_concurrency()) * 4, 8, 64);
}

HqServer::HqServer(std::string pgUrl, HqState state, FaultPlan faults)
    : m_url(std::move(pgUrl))
    , m_state(std::move(state))
    , m_faults(std::move(faults))
    , m_ledger(m_state.identityKey())
{
    m_server = std::make_unique<httplib::SSLServer>(m_state.serverCertificatePath().toLocal8Bit().constData(),
                                                    m_state.serverKeyPath().toLocal8Bit().constData(),
                                                    m_state.caCertificatePath().toLocal8Bit().constData());
    // Bodies over the limit are answered 413 from Content-Length and skipped, never read into memory.
    m_server->set_payload_max_length(size_t(protocol::kMaxBatchBytes) + 64 * 1024);
    m_server->set_read_timeout(30, 0);
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
    m_server->Post("/v1/batches", [this](const httplib::Request& request, httplib::Response& response) {
        handleBatch(request, response);
    });
    m_server->Get(R"(/v1/feeds/([a-z_]+))", [this](const httplib::Request& request, httplib::Response& response) {
        handleFeed(request, response);
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
    const std::string address = host.toStdString();
    if (port == 0) {
        const int bound = m_server->bind_to_any_port(address);
        if (bound <= 0)
            return fail(Error::storageFailure(u"cannot bind"_s));
        return bound;
    }
    if (!m_server->bind_to_port(address, port))
        return fail(Error::storageFailure(u"cannot bind port %1"_s.arg(port)));
    return port;
}

bool HqServer::run()
{
    return m_server->listen_after_bind();
}

void HqServer::stop()
{
    m_server->stop();
}

pqxx::connection& HqServer::connection()
{
    if (!t_connection || !t_connection->is_open() || t_connectionUrl != m_url) {
        t_connection = std::make_unique<pqxx::connection>(m_url);
        t_connectionUrl = m_url;
    }
    return *t_connection;
}

void HqServer::dropConnection()
{
    t_connection.reset();
}

std::optional<HqServer::Peer> HqServer::authenticate(const httplib::Request& request, httplib::Response& response)
{
    const auto identity = pki::peerIdentity(request.ssl);
    if (!identity) {
        refuse(response, 401, "NO_CERTIFICATE");
        return std::nullopt;
    }
    Peer peer{identity->commonName, identity->serialHex, 0, {}};
    const QString headerOutlet = QString::fromStdString(request.get_header_value(protocol::signature::HeaderOutlet));
    if (headerOutlet != peer.outletId) {
        qCWarning(lcSync) << "refused: outlet header does not match the certificate";
        refuse(response, 403, "OUTLET_MISMATCH");
        return std::nullopt;
    }
    protocol::signature::Fields fields;
    fields.method = QByteArray::fromStdString(request.method);
    fields.target = QByteArray::fromStdString(request.target);
    fields.outletId = peer.outletId;
    bool timeOk = false;
    fields.timeMs =
        QByteArray::fromStdString(request.get_header_value(protocol::signature::HeaderTime)).toLongLong(&timeOk);
    fields.nonce = QByteArray::fromStdString(request.get_header_value(protocol::signature::HeaderNonce));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!timeOk || qAbs(now - fields.timeMs) > protocol::signature::kWindowMs) {
        refuse(response, 401, "STALE_REQUEST");
        return std::nullopt;
    }
    if (!protocol::signature::isWellFormedNonce(fields.nonce)) {
        refuse(response, 401, "BAD_NONCE");
        return std::nullopt;
    }
    const QByteArray presented =
        QByteArray::fromStdString(request.get_header_value(protocol::signature::HeaderSignature));
    const QByteArray body = QByteArray::fromRawData(request.body.data(), qsizetype(request.body.size()));
    if (!protocol::signature::verify(m_state.requestKey(peer.outletId, peer.serial), fields, body, presented)) {
        qCWarning(lcSync) << "refused: bad request signature from" << peer.outletId;
        refuse(response, 401, "BAD_SIGNATURE");
        return std::nullopt;
    }
    return Peer{peer.outletId, peer.serial,
                identity->notBefore.isValid() ? identity->notBefore.toMSecsSinceEpoch() : qint64(0), fields.nonce};
}

bool HqServer::admit(const Peer& peer, httplib::Response& response)
{
    try {
        pqxx::work tx(connection());
        const pqxx::row revoked = tx.exec_params1(
            "SELECT EXISTS (SELECT 1 FROM revoked_certificates WHERE serial = $1) OR "
            "EXISTS (SELECT 1 FROM revoked_outlets WHERE outlet_id = $2 AND revoked_at >= to_timestamp($3 / 1000.0))",
            pg::str(peer.serial), pg::str(peer.outletId), peer.notBeforeMs);
        if (revoked[0].as<bool>()) {
            qCWarning(lcSync) << "refused: revoked certificate of" << peer.outletId;
            refuse(response, 403, "REVOKED");
            return false;
        }
        const pqxx::result inserted =
            tx.exec_params("INSERT INTO request_nonces (outlet_id, nonce) VALUES ($1, $2) ON CONFLICT DO NOTHING "
                           "RETURNING 1",
                           pg::str(peer.outletId), peer.nonce.toStdString());
        if (inserted.empty()) {
            qCWarning(lcSync) << "refused: replayed request from" << peer.outletId;
            refuse(response, 409, "REPLAYED");
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

void HqServer::handleBatch(const httplib::Request& request, httplib::Response& response)
{
    QElapsedTimer timer;
    timer.start();
    const auto lap = [&](std::atomic<qint64>& total) {
        if (m_timingsEnabled)
            total += timer.nsecsElapsed();
        timer.restart();
    };
    const auto peer = authenticate(request, response);
    if (!peer)
        return;
    lap(m_totals.authNs);
    auto batch = protocol::decodeBatch(QByteArray::fromRawData(request.body.data(), qsizetype(request.body.size())));
    lap(m_totals.decodeNs);
    if (!batch) {
        refuse(response, 400, "MALFORMED_BATCH");
        return;
    }
    if (batch->outletId != peer->outletId) {
        qCWarning(lcSync) << "refused: batch outlet differs from certificate" << peer->outletId;
        refuse(response, 403, "OUTLET_MISMATCH");
        return;
    }
    const FaultPlan::Fault fault = m_faults.next();
    const bool rollBack = fault == FaultPlan::Fault::FailBefore || fault == FaultPlan::Fault::ResetBefore;
    const Admission admission{peer->outletId, peer->serial, peer->notBeforeMs, peer->nonce,
                              QRandomGenerator::global()->bounded(200) == 0};
    IngestTimings timings;
    auto result = m_ledger.ingest(
        connection(), *batch, &admission, [rollBack] { return !rollBack; }, m_timingsEnabled ? &timings : nullptr);
    timer.restart();
    if (result && result->refusal != IngestResult::Refusal::None) {
        switch (result->refusal) {
        case IngestResult::Refusal::Revoked:
            qCWarning(lcSync) << "refused: revoked certificate of" << peer->outletId;
            refuse(response, 403, "REVOKED");
            return;
        case IngestResult::Refusal::Replayed:
            qCWarning(lcSync) << "refused: replayed request from" << peer->outletId;
            refuse(response, 409, "REPLAYED");
            return;
        default:
            refuse(response, 409, "BATCH_ID_CONFLICT");
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
    const auto peer = authenticate(request, response);
    if (!peer || !admit(*peer, response))
        return;
    const QString feed = QString::fromStdString(request.matches[1]);
    bool ok = true;
    const qint64 cursor =
        request.has_param("cursor") ? QByteArray::fromStdString(request.get_param_value("cursor")).toLongLong(&ok) : 0;
    if (!ok || cursor < 0) {
        refuse(response, 400, "BAD_CURSOR");
        return;
    }
    auto page = feeds::page(connection(), feed, peer->outletId, cursor);
    if (!page) {
        if (page.error().code == Error::Code::NotFound) {
            refuse(response, 404, "NO_SUCH_FEED");
            return;
        }
        dropConnection();
        refuse(response, 503, "UNAVAILABLE");
        return;
    }
    response.set_content(protocol::encodeFeedPage(*page).toStdString(), kCbor);
}

} // namespace shiming::hq
