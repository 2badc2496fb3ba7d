#include "core/protocol/Sha256.h"

#include <openssl/evp.h>

namespace shiming::protocol {

QByteArray sha256(QByteArrayView bytes)
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int size = 0;
    if (EVP_Digest(bytes.data(), size_t(bytes.size()), reinterpret_cast<unsigned char*>(digest.data()), &size,
                   EVP_sha256(), nullptr) != 1 ||
        size != 32) {
        qFatal("SHA-256 unavailable in libcrypto"); // a broken OpenSSL installation; nothing can be verified
    }
    return digest;
}

} // namespace shiming::protocol
