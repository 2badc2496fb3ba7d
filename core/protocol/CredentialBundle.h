#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QString>

namespace shiming::protocol {

/// What `shiming-hq enroll` writes for one outlet and `shimingctl sync setup` stores inside the outlet's
/// encrypted database: the outlet's TLS key and certificate, HQ's CA, the request-signing key and the key
/// used to look identities up on the risk list. A JSON file; it is a secret and must be moved like one.
struct CredentialBundle {
    QString outletId;
    QByteArray certificatePem;
    QByteArray privateKeyPem;
    QByteArray caCertificatePem;
    QByteArray requestKey;  // raw bytes
    QByteArray identityKey; // raw bytes
    QString serial;         // certificate serial, hex
    QString hqUrl;          // optional default, e.g. https://hq.example:8443

    QByteArray toJson() const;
    static Result<CredentialBundle> fromJson(const QByteArray& json);
};

} // namespace shiming::protocol
