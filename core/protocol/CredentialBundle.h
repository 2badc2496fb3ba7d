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
    /// The hall this outlet is a counter of, and its number there (1..99). A bundle written before halls has
    /// neither: it reads as counter 1 of a hall of its own id (hall = outletId).
    QString hall;
    int counter = 1;

    QByteArray toJson() const;
    static Result<CredentialBundle> fromJson(const QByteArray& json);
    /// Reads and parses a bundle file (at most 1 MiB). Fails with NotFound when the file cannot be opened and
    /// InvalidInput when it is too large or is not a bundle; the detail never quotes the file's contents.
    static Result<CredentialBundle> readFile(const QString& path);
};

/// An outlet id as HQ issues certificates for it: 1 to 64 of A-Z a-z 0-9 . _ -
bool isValidOutletId(QStringView id);

} // namespace shiming::protocol
