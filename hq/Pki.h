#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

struct x509_st;
struct ssl_st;

namespace shiming::hq {

/// A PEM private key and certificate.
struct KeyAndCertificate {
    QByteArray keyPem;
    QByteArray certificatePem;
    QString serialHex;
};

/// HQ's own small PKI on OpenSSL: one CA (P-256), a server certificate for the listening names, and one client
/// certificate per outlet whose common name is the outlet id.
namespace pki {

Result<KeyAndCertificate> createCa(const QString& commonName, int validDays);
Result<KeyAndCertificate> issueServer(const KeyAndCertificate& ca, const QStringList& subjectAltNames, int validDays);
Result<KeyAndCertificate> issueOutlet(const KeyAndCertificate& ca, const QString& outletId, int validDays);

/// What HQ needs to know about a verified peer certificate.
struct PeerIdentity {
    QString commonName;
    QString serialHex;
    QDateTime notBefore;
};

/// The identity of the TLS peer on `ssl` (its certificate was already verified against the CA by the
/// handshake), or an error when there is none.
Result<PeerIdentity> peerIdentity(const ssl_st* ssl);
Result<PeerIdentity> certificateIdentity(const QByteArray& certificatePem);

} // namespace pki
} // namespace shiming::hq
