#pragma once

#include "core/common/Error.h"
#include "hq/Pki.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace shiming::hq {

/// HQ's secrets on disk (the --state DIR): the CA, the server certificate, the master key from which every
/// outlet's request-signing key is derived, and the identity key behind the identity HMACs. Every HQ instance
/// behind one load balancer reads a copy of the same directory; nothing in it changes while serving.
class HqState {
public:
    /// Creates whatever is missing (never replaces an existing CA or key) and returns the loaded state.
    static Result<HqState> initialise(const QString& directory, const QStringList& serverNames);
    static Result<HqState> load(const QString& directory);

    QString directory() const { return m_directory; }
    QString caCertificatePath() const;
    QString serverCertificatePath() const;
    QString serverKeyPath() const;
    const KeyAndCertificate& ca() const { return m_ca; }
    QByteArray identityKey() const { return m_identityKey; }

    /// The request-signing key of one outlet certificate: HMAC(master key, outlet id, certificate serial).
    QByteArray requestKey(const QString& outletId, const QString& serialHex) const;

private:
    QString m_directory;
    KeyAndCertificate m_ca;
    QByteArray m_masterKey;
    QByteArray m_identityKey;
};

} // namespace shiming::hq
