#pragma once

#include "core/protocol/CredentialBundle.h"

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>

namespace shiming::sync {

/// One HTTP exchange with HQ as the sync sees it. `status` 0: no HTTP answer (offline, refused TLS, reset,
/// time-out); `transportError` then says which, in English, without personal data.
struct HqReply {
    int status = 0;
    QByteArray body;
    bool replayed = false;
    bool timedOut = false;
    QString transportError;

    bool isTransportFailure() const { return status == 0; }
};

/// The edge of the world for the sync: HTTPS to HQ with the outlet's certificate (mutual TLS against HQ's own CA,
/// nothing else trusted) and every request signed with the outlet's request key, a fresh nonce and the time.
/// Asynchronous: `done` runs on this object's thread when the exchange ends.
class HqClient : public QObject {
    Q_OBJECT
public:
    HqClient(const protocol::CredentialBundle& bundle, QUrl baseUrl, QObject* parent = nullptr);

    /// Per-request limit on inactivity; a slower answer counts as a time-out (the batch is simply retried).
    void setTimeoutMs(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeoutMs() const { return m_timeoutMs; }
    QString outletId() const { return m_outletId; }
    /// The bundle's identity key (HMAC of document numbers, as HQ keys its limit and the risk list).
    QByteArray identityKey() const { return m_identityKey; }

    void post(const QByteArray& target, const QByteArray& body, std::function<void(const HqReply&)> done);
    void get(const QByteArray& target, std::function<void(const HqReply&)> done);

private:
    void send(const QByteArray& method, const QByteArray& target, const QByteArray& body,
              std::function<void(const HqReply&)> done);

    QString m_outletId;
    QByteArray m_requestKey;
    QByteArray m_identityKey;
    QUrl m_baseUrl;
    QSslConfiguration m_ssl;
    QNetworkAccessManager m_network;
    int m_timeoutMs = 30000;
};

} // namespace shiming::sync
