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
#include <QFile>
#include <QRandomGenerator>

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
    Peer peer{identity->commonName, identity->serialHex};
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
    try {
        pqxx::work tx(connection());
        const pqxx::row revoked = tx.exec_params1(
            "SELECT EXISTS (SELECT 1 FROM revoked_certificates WHERE serial = $1) OR "
            "EXISTS (SELECT 1 FROM revoked_outlets WHERE outlet_id = $2 AND revoked_at >= to_timestamp($3 / 1000.0))",
            pg::str(peer.serial), pg::str(peer.outletId),
            identity->notBefore.isValid() ? identity->notBefore.toMSecsSinceEpoch() : qint64(0));
        if (revoked[0].as<bool>()) {
            qCWarning(lcSync) << "refused: revoked certificate of" << peer.outletId;
            refuse(response, 403, "REVOKED");
            return std::nullopt;
        }
        const pqxx::result inserted =
            tx.exec_params("INSERT INTO request_nonces (outlet_id, nonce) VALUES ($1, $2) ON CONFLICT DO NOTHING "
                           "RETURNING 1",
                           pg::str(peer.outletId), fields.nonce.toStdString());
        if (inserted.empty()) {
            qCWarning(lcSync) << "refused: replayed request from" << peer.outletId;
            refuse(response, 409, "REPLAYED");
            return std::nullopt;
        }
        if (QRandomGenerator::global()->bounded(200) == 0) {
            tx.exec_params("DELETE FROM request_nonces WHERE seen_at < now() - make_interval(secs => $1)",
                           2 * protocol::signature::kWindowMs / 1000);
        }
        tx.commit();
    } catch (const std::exception& e) {
        qCWarning(lcSync) << "authentication storage failure:" << pg::describe(e);
        dropConnection();
        refuse(response, 503, "UNAVAILABLE");
        return std::nullopt;
    }
    return peer;
}

void HqServer::handleBatch(const httplib::Request& request, httplib::Response& response)
{
    const auto peer = authenticate(request, response);
    if (!peer)
        return;
    auto batch = protocol::decodeBatch(QByteArray::fromRawData(request.body.data(), qsizetype(request.body.size())));
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
    auto result = m_ledger.ingest(connection(), *batch, [rollBack] { return !rollBack; });
    if (!result) {
        if (result.error().code == Error::Code::PolicyRefused) {
            refuse(response, 409, "BATCH_ID_CONFLICT");
            return;
        }
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
    response.set_content(result->answer.toStdString(), kCbor);
}

void HqServer::handleFeed(const httplib::Request& request, httplib::Response& response)
{
    const auto peer = authenticate(request, response);
    if (!peer)
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
