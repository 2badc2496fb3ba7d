#include "core/protocol/RequestSignature.h"

#include "core/protocol/Sha256.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace shiming::protocol::signature {

QByteArray canonical(const Fields& fields, const QByteArray& body)
{
    QByteArray text = "SHIMING1\n";
    text += fields.method + '\n';
    text += fields.target + '\n';
    text += fields.outletId.toUtf8() + '\n';
    text += QByteArray::number(fields.timeMs) + '\n';
    text += fields.nonce + '\n';
    text += sha256(body).toHex();
    return text;
}

QByteArray sign(const QByteArray& key, const Fields& fields, const QByteArray& body)
{
    return QMessageAuthenticationCode::hash(canonical(fields, body), key, QCryptographicHash::Sha256).toHex();
}

bool verify(const QByteArray& key, const Fields& fields, const QByteArray& body, const QByteArray& presented)
{
    const QByteArray expected = sign(key, fields, body);
    if (expected.size() != presented.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= static_cast<unsigned char>(expected[i] ^ presented[i]);
    return difference == 0;
}

QByteArray newNonce()
{
    QByteArray raw(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(raw.data()),
                                         reinterpret_cast<quint32*>(raw.data() + raw.size()));
    return raw.toHex();
}

bool isWellFormedNonce(const QByteArray& nonce)
{
    if (nonce.size() < 16 || nonce.size() > 64)
        return false;
    for (char c : nonce) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

} // namespace shiming::protocol::signature
