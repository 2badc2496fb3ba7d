#include "core/sync/HqClient.h"

#include "core/protocol/RequestSignature.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslKey>

using namespace Qt::StringLiterals;

namespace shiming::sync {

HqClient::HqClient(const protocol::CredentialBundle& bundle, QUrl baseUrl, QObject* parent)
    : QObject(parent)
    , m_outletId(bundle.outletId)
    , m_requestKey(bundle.requestKey)
    , m_identityKey(bundle.identityKey)
    , m_baseUrl(std::move(baseUrl))
    , m_network(this)
{
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setLocalCertificate(QSslCertificate(bundle.certificatePem, QSsl::Pem));
    m_ssl.setPrivateKey(QSslKey(bundle.privateKeyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));
    m_ssl.setCaCertificates(QSslCertificate::fromData(bundle.caCertificatePem, QSsl::Pem)); // HQ's CA only
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_ssl.setProtocol(QSsl::TlsV1_2OrLater);
}

void HqClient::post(const QByteArray& target, const QByteArray& body, std::function<void(const HqReply&)> done)
{
    send("POST", target, body, std::move(done));
}

void HqClient::get(const QByteArray& target, std::function<void(const HqReply&)> done)
{
    send("GET", target, QByteArray(), std::move(done));
}

void HqClient::send(const QByteArray& method, const QByteArray& target, const QByteArray& body,
                    std::function<void(const HqReply&)> done)
{
    QUrl url = m_baseUrl;
    const QUrl relative = QUrl::fromEncoded(target);
    // The target goes on the wire exactly as signed: a query with percent-encoded text (an account name in
    // Chinese) must not be decoded and re-encoded on the way.
    url.setPath(relative.path(QUrl::FullyEncoded), QUrl::StrictMode);
    url.setQuery(relative.query(QUrl::FullyEncoded), QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setSslConfiguration(m_ssl);
    request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/cbor"_s);

    protocol::signature::Fields fields;
    fields.method = method;
    fields.target = target;
    fields.outletId = m_outletId;
    fields.timeMs = QDateTime::currentMSecsSinceEpoch();
    fields.nonce = protocol::signature::newNonce();
    request.setRawHeader(protocol::signature::HeaderOutlet, m_outletId.toUtf8());
    request.setRawHeader(protocol::signature::HeaderTime, QByteArray::number(fields.timeMs));
    request.setRawHeader(protocol::signature::HeaderNonce, fields.nonce);
    request.setRawHeader(protocol::signature::HeaderSignature, protocol::signature::sign(m_requestKey, fields, body));

    QNetworkReply* reply = method == "POST" ? m_network.post(request, body) : m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        HqReply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.replayed = reply->rawHeader("X-Shiming-Replayed") == "1";
        if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError)
            result.timedOut = true;
        // A reply cut mid-body is not an answer, whatever its status line said.
        const bool truncated = reply->error() != QNetworkReply::NoError && result.status == 200;
        if (result.status == 0 || truncated) {
            result.status = 0;
            result.body.clear();
            result.transportError = reply->errorString();
        }
        done(result);
    });
}

} // namespace shiming::sync
