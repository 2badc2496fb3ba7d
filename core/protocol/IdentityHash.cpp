#include "core/protocol/IdentityHash.h"

#include <QMessageAuthenticationCode>

namespace shiming::protocol {

QByteArray identityHash(const QByteArray& identityKey, const QString& documentType, const QString& documentNumber)
{
    const QByteArray message = documentType.toUtf8() + '\n' + documentNumber.trimmed().toUpper().toUtf8();
    return QMessageAuthenticationCode::hash(message, identityKey, QCryptographicHash::Sha256).toHex();
}

} // namespace shiming::protocol
