#pragma once

#include <QByteArray>
#include <QString>

namespace shiming::protocol {

/// HMAC-SHA256 of a document (type and upper-cased number) under the identity key, as lowercase hex. HQ keys
/// the per-identity limit and the risk list by it, so that neither index holds plain document numbers; outlets
/// hold the same key (from their bundle) to look customers up on the downloaded risk list.
QByteArray identityHash(const QByteArray& identityKey, const QString& documentType, const QString& documentNumber);

} // namespace shiming::protocol
