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
/// certificate per outlet (one counter of a hall) whose common name is the outlet id; its subject also names the
/// hall (OU) and the counter number (serialNumber).
namespace pki {

Result<KeyAndCertificate> createCa(const QString& commonName, int validDays);
Result<KeyAndCertificate> issueServer(const KeyAndCertificate& ca, const QStringList& subjectAltNames, int validDays);
/// `hall` empty: the outlet is counter 1 of a hall of its own id (and the subject says so).
Result<KeyAndCertificate> issueOutlet(const KeyAndCertificate& ca, const QString& outletId, int validDays,
                                      const QString& hall = {}, int counter = 1);

/// What HQ needs to know about a verified peer certificate.
struct PeerIdentity {
    QString commonName;
    QString serialHex;
    QDateTime notBefore;
    /// From the subject's OU and serialNumber; a certificate issued before halls (neither) is counter 1 of a hall
    /// of its own id.
    QString hall;
    int counter = 1;
};

/// The identity of the TLS peer on `ssl` (its certificate was already verified against the CA by the
/// handshake), or an error when there is none.
Result<PeerIdentity> peerIdentity(const ssl_st* ssl);
Result<PeerIdentity> certificateIdentity(const QByteArray& certificatePem);

} // namespace pki
} // namespace shiming::hq
