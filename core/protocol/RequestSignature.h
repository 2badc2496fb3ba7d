#pragma once

#include <QByteArray>
#include <QString>

namespace shiming::protocol {

/// Per-request authentication on top of mutual TLS: an HMAC-SHA256 with the outlet's request key over the
/// method, target, outlet id, time, a fresh nonce and the body's SHA-256. HQ refuses a request outside the
/// time window, with a nonce it has seen, or whose signature does not match (an altered body or target).
namespace signature {

inline constexpr auto HeaderOutlet = "X-Shiming-Outlet";
inline constexpr auto HeaderTime = "X-Shiming-Time"; // UTC epoch milliseconds
inline constexpr auto HeaderNonce = "X-Shiming-Nonce";
inline constexpr auto HeaderSignature = "X-Shiming-Signature";
inline constexpr qint64 kWindowMs = 5 * 60 * 1000;

struct Fields {
    QByteArray method; // "POST"
    QByteArray target; // "/v1/batches" or "/v1/feeds/catalog?cursor=12"
    QString outletId;
    qint64 timeMs = 0;
    QByteArray nonce; // 32 lowercase hex characters
};

QByteArray canonical(const Fields& fields, const QByteArray& body);
/// Lowercase hex HMAC-SHA256.
QByteArray sign(const QByteArray& key, const Fields& fields, const QByteArray& body);
/// Constant-time comparison of the expected signature with `presented`.
bool verify(const QByteArray& key, const Fields& fields, const QByteArray& body, const QByteArray& presented);
/// 16 random bytes as hex.
QByteArray newNonce();
bool isWellFormedNonce(const QByteArray& nonce);

} // namespace signature
} // namespace shiming::protocol
