#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace shiming::protocol {

/// SHA-256 through OpenSSL's libcrypto, which uses the CPU's SHA extensions where present. Qt 6.4's
/// QCryptographicHash has only a portable implementation, several times slower; every batch hashes its photos
/// twice on each side (record hashes and the request signature), so this is on the ingest path.
QByteArray sha256(QByteArrayView bytes);

} // namespace shiming::protocol
