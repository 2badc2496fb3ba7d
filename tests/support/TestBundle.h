#pragma once
// A credential bundle as `shiming-hq enroll` writes it, with placeholder TLS parts: for tests that store or read
// HQ's credentials without talking to HQ.

#include "core/protocol/CredentialBundle.h"

#include <QByteArray>
#include <QString>

namespace shiming::testing {

inline protocol::CredentialBundle placeholderBundle(const QString& outletId,
                                                    const QByteArray& identityKey = QByteArray(32, '\x22'),
                                                    const QString& hqUrl = {})
{
    protocol::CredentialBundle bundle;
    bundle.outletId = outletId;
    bundle.certificatePem = "-----BEGIN CERTIFICATE-----\nplaceholder\n-----END CERTIFICATE-----\n";
    bundle.privateKeyPem = "-----BEGIN PRIVATE KEY-----\nplaceholder\n-----END PRIVATE KEY-----\n";
    bundle.caCertificatePem = bundle.certificatePem;
    bundle.requestKey = QByteArray(32, '\x11');
    bundle.identityKey = identityKey;
    bundle.hqUrl = hqUrl;
    return bundle;
}

} // namespace shiming::testing
