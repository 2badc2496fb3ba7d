#include "core/store/KeySlots.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace shiming::store {

namespace {

constexpr int kFormatVersion = 1;
constexpr auto kFormatName = "shiming-keyslots";
constexpr qint64 kMaxSlotFileBytes = 4 << 20;

bool ensureSodium()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

QByteArray accountAd(const QString& user)
{
    return "shiming-slot-v1/account/" + user.toUtf8();
}

QByteArray dataAd(const QString& user, const QString& keyId)
{
    return "shiming-slot-v1/data/" + user.toUtf8() + '/' + keyId.toLatin1();
}

QByteArray seal(const QByteArray& key, const QByteArray& plain, const QByteArray& ad, QByteArray* nonce)
{
    nonce->resize(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    randombytes_buf(nonce->data(), size_t(nonce->size()));
    QByteArray out(plain.size() + qsizetype(crypto_aead_xchacha20poly1305_ietf_ABYTES), Qt::Uninitialized);
    unsigned long long outLen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char*>(out.data()), &outLen,
        reinterpret_cast<const unsigned char*>(plain.constData()), quint64(plain.size()),
        reinterpret_cast<const unsigned char*>(ad.constData()), quint64(ad.size()), nullptr,
        reinterpret_cast<const unsigned char*>(nonce->constData()),
        reinterpret_cast<const unsigned char*>(key.constData()));
    out.resize(qsizetype(outLen));
    return out;
}

std::optional<QByteArray> open(const QByteArray& key, const QByteArray& cipher, const QByteArray& ad,
                               const QByteArray& nonce)
{
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES ||
        nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES ||
        cipher.size() < qsizetype(crypto_aead_xchacha20poly1305_ietf_ABYTES))
        return std::nullopt;
    QByteArray out(cipher.size(), Qt::Uninitialized);
    unsigned long long outLen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(out.data()), &outLen, nullptr,
            reinterpret_cast<const unsigned char*>(cipher.constData()), quint64(cipher.size()),
            reinterpret_cast<const unsigned char*>(ad.constData()), quint64(ad.size()),
            reinterpret_cast<const unsigned char*>(nonce.constData()),
            reinterpret_cast<const unsigned char*>(key.constData())) != 0) {
        wipe(out);
        return std::nullopt;
    }
    out.resize(qsizetype(outLen));
    return out;
}

Result<QByteArray> derive(const QByteArray& password, const QByteArray& salt, const KdfParams& params)
{
    if (salt.size() != crypto_pwhash_SALTBYTES)
        return fail(Error::storageFailure(u"key slot has a salt of the wrong size"_s));
    if (params.opsLimit < crypto_pwhash_OPSLIMIT_MIN || params.opsLimit > crypto_pwhash_OPSLIMIT_MAX ||
        params.memLimitBytes < crypto_pwhash_MEMLIMIT_MIN || params.memLimitBytes > (quint64(4) << 30))
        return fail(Error::storageFailure(u"key slot has out-of-range Argon2id parameters"_s));
    QByteArray key(32, Qt::Uninitialized);
    if (crypto_pwhash(reinterpret_cast<unsigned char*>(key.data()), quint64(key.size()), password.constData(),
                      quint64(password.size()), reinterpret_cast<const unsigned char*>(salt.constData()),
                      params.opsLimit, size_t(params.memLimitBytes), crypto_pwhash_ALG_ARGON2ID13) != 0)
        return fail(Error::storageFailure(u"Argon2id failed (out of memory?)"_s));
    return key;
}

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray unb64(const QJsonValue& value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}

} // namespace

void wipe(QByteArray& secret)
{
    if (!secret.isEmpty())
        sodium_memzero(secret.data(), size_t(secret.size()));
    secret.clear();
}

QByteArray randomKey()
{
    ensureSodium();
    QByteArray key(32, Qt::Uninitialized);
    randombytes_buf(key.data(), size_t(key.size()));
    return key;
}

QString keyIdOf(const QByteArray& dataKey)
{
    ensureSodium();
    static const QByteArray context("shiming-key-id-v1");
    unsigned char out[16];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(dataKey.constData()),
                       quint64(dataKey.size()), reinterpret_cast<const unsigned char*>(context.constData()),
                       size_t(context.size()));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(out), sizeof out).toHex());
}

Result<KeySlotFile> KeySlotFile::load(const QString& path)
{
    ensureSodium();
    QFile file(path);
    if (!file.exists())
        return fail(Error::notFound(u"key slot file missing: %1"_s.arg(path)));
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::storageFailure(u"cannot read the key slot file: %1"_s.arg(file.errorString())));
    if (file.size() > kMaxSlotFileBytes)
        return fail(Error::storageFailure(u"key slot file is too large to be one"_s));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    const auto damaged = [](const QString& why) {
        return fail(Error::storageFailure(u"key slot file is damaged: %1"_s.arg(why)));
    };
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return damaged(u"not JSON"_s);
    const QJsonObject root = doc.object();
    if (root.value(u"format"_s).toString() != QLatin1StringView(kFormatName))
        return damaged(u"not a Shiming key slot file"_s);
    if (root.value(u"version"_s).toInt() != kFormatVersion)
        return damaged(u"unsupported version %1"_s.arg(root.value(u"version"_s).toInt()));

    KeySlotFile result;
    result.m_outletId = root.value(u"outlet"_s).toString();
    result.m_databaseSalt = QByteArray::fromHex(root.value(u"databaseSalt"_s).toString().toLatin1());
    const auto readWrapped = [](const QJsonArray& array) {
        QList<Wrapped> list;
        for (const QJsonValue& v : array) {
            const QJsonObject o = v.toObject();
            list.append({o.value(u"keyId"_s).toString(), unb64(o.value(u"nonce"_s)), unb64(o.value(u"ciphertext"_s))});
        }
        return list;
    };
    for (const QJsonValue& value : root.value(u"slots"_s).toArray()) {
        const QJsonObject o = value.toObject();
        const QJsonObject kdf = o.value(u"kdf"_s).toObject();
        const QJsonObject account = o.value(u"accountKey"_s).toObject();
        Slot slot;
        slot.user = o.value(u"user"_s).toString();
        if (slot.user.isEmpty() || kdf.value(u"algorithm"_s).toString() != u"argon2id13"_s)
            return damaged(u"a slot has no user or an unknown algorithm"_s);
        slot.params.opsLimit = quint64(kdf.value(u"opsLimit"_s).toDouble());
        slot.params.memLimitBytes = quint64(kdf.value(u"memLimitBytes"_s).toDouble());
        slot.salt = unb64(kdf.value(u"salt"_s));
        slot.accountNonce = unb64(account.value(u"nonce"_s));
        slot.accountCiphertext = unb64(account.value(u"ciphertext"_s));
        slot.dataKeys = readWrapped(o.value(u"dataKeys"_s).toArray());
        result.m_slots.append(slot);
    }
    const QJsonObject recovery = root.value(u"recovery"_s).toObject();
    result.m_recoveryPublicKey = unb64(recovery.value(u"publicKey"_s));
    result.m_recovery = readWrapped(recovery.value(u"sealed"_s).toArray());
    return result;
}

Result<void> KeySlotFile::save(const QString& path) const
{
    const auto writeWrapped = [](const QList<Wrapped>& list) {
        QJsonArray array;
        for (const Wrapped& w : list) {
            QJsonObject o{{u"keyId"_s, w.keyId}, {u"ciphertext"_s, b64(w.ciphertext)}};
            if (!w.nonce.isEmpty())
                o.insert(u"nonce"_s, b64(w.nonce));
            array.append(o);
        }
        return array;
    };
    QJsonArray slotArray;
    for (const Slot& slot : m_slots) {
        slotArray.append(QJsonObject{
            {u"user"_s, slot.user},
            {u"kdf"_s, QJsonObject{{u"algorithm"_s, u"argon2id13"_s},
                                   {u"opsLimit"_s, double(slot.params.opsLimit)},
                                   {u"memLimitBytes"_s, double(slot.params.memLimitBytes)},
                                   {u"salt"_s, b64(slot.salt)}}},
            {u"accountKey"_s,
             QJsonObject{{u"nonce"_s, b64(slot.accountNonce)}, {u"ciphertext"_s, b64(slot.accountCiphertext)}}},
            {u"dataKeys"_s, writeWrapped(slot.dataKeys)},
        });
    }
    QJsonObject root{
        {u"format"_s, QLatin1StringView(kFormatName)},
        {u"version"_s, kFormatVersion},
        {u"outlet"_s, m_outletId},
        {u"databaseSalt"_s, QString::fromLatin1(m_databaseSalt.toHex())},
        {u"slots"_s, slotArray},
    };
    if (!m_recoveryPublicKey.isEmpty())
        root.insert(u"recovery"_s,
                    QJsonObject{{u"publicKey"_s, b64(m_recoveryPublicKey)}, {u"sealed"_s, writeWrapped(m_recovery)}});
    return writeFileAtomically(path, QJsonDocument(root).toJson(QJsonDocument::Indented));
}

QStringList KeySlotFile::users() const
{
    QStringList list;
    for (const Slot& slot : m_slots)
        list.append(slot.user);
    return list;
}

bool KeySlotFile::hasUser(const QString& user) const
{
    return find(user) != nullptr;
}

const KeySlotFile::Slot* KeySlotFile::find(const QString& user) const
{
    for (const Slot& slot : m_slots) {
        if (slot.user == user)
            return &slot;
    }
    return nullptr;
}

KeySlotFile::Slot* KeySlotFile::find(const QString& user)
{
    for (Slot& slot : m_slots) {
        if (slot.user == user)
            return &slot;
    }
    return nullptr;
}

Result<QByteArray> KeySlotFile::unlockAccountKey(const QString& user, const QByteArray& password) const
{
    ensureSodium();
    const Slot* slot = find(user);
    if (!slot)
        return fail(Error::notFound(u"no key slot for this account"_s));
    auto passwordKey = derive(password, slot->salt, slot->params);
    if (!passwordKey)
        return fail(passwordKey.error());
    auto accountKey = open(*passwordKey, slot->accountCiphertext, accountAd(user), slot->accountNonce);
    wipe(*passwordKey);
    if (!accountKey)
        return fail(Error::wrongKey(u"wrong password"_s));
    return *accountKey;
}

Result<QList<QByteArray>> KeySlotFile::dataKeys(const QString& user, const QByteArray& accountKey) const
{
    const Slot* slot = find(user);
    if (!slot)
        return fail(Error::notFound(u"no key slot for this account"_s));
    QList<QByteArray> keys;
    for (auto it = slot->dataKeys.crbegin(); it != slot->dataKeys.crend(); ++it) {
        if (auto key = open(accountKey, it->ciphertext, dataAd(user, it->keyId), it->nonce))
            keys.append(*key);
    }
    if (keys.isEmpty())
        return fail(Error::storageFailure(u"the account's key slot holds no usable data key"_s));
    return keys;
}

Result<void> KeySlotFile::setPassword(const QString& user, const QByteArray& password, const QByteArray& accountKey,
                                      const KdfParams& params)
{
    ensureSodium();
    if (user.isEmpty())
        return fail(Error::invalidInput(u"an account needs a name"_s));
    if (password.isEmpty())
        return fail(Error::invalidInput(u"an empty password is not allowed"_s));
    QByteArray salt(crypto_pwhash_SALTBYTES, Qt::Uninitialized);
    randombytes_buf(salt.data(), size_t(salt.size()));
    auto passwordKey = derive(password, salt, params);
    if (!passwordKey)
        return fail(passwordKey.error());
    Slot* slot = find(user);
    if (!slot) {
        m_slots.append(Slot{});
        slot = &m_slots.last();
        slot->user = user;
    }
    slot->params = params;
    slot->salt = salt;
    slot->accountCiphertext = seal(*passwordKey, accountKey, accountAd(user), &slot->accountNonce);
    wipe(*passwordKey);
    return {};
}

Result<void> KeySlotFile::addDataKey(const QString& user, const QByteArray& accountKey, const QByteArray& dataKey)
{
    Slot* slot = find(user);
    if (!slot)
        return fail(Error::notFound(u"no key slot for this account"_s));
    Wrapped wrapped;
    wrapped.keyId = keyIdOf(dataKey);
    slot->dataKeys.removeIf([&](const Wrapped& w) { return w.keyId == wrapped.keyId; });
    wrapped.ciphertext = seal(accountKey, dataKey, dataAd(user, wrapped.keyId), &wrapped.nonce);
    slot->dataKeys.append(wrapped);
    return {};
}

void KeySlotFile::retainOnlyKey(const QString& keyId)
{
    for (Slot& slot : m_slots)
        slot.dataKeys.removeIf([&](const Wrapped& w) { return w.keyId != keyId; });
    m_recovery.removeIf([&](const Wrapped& w) { return w.keyId != keyId; });
}

void KeySlotFile::removeUser(const QString& user)
{
    m_slots.removeIf([&](const Slot& slot) { return slot.user == user; });
}

Result<void> KeySlotFile::setRecoveryPublicKey(const QByteArray& publicKey)
{
    if (publicKey.size() != crypto_box_PUBLICKEYBYTES)
        return fail(Error::invalidInput(u"a recovery public key has %1 bytes"_s.arg(crypto_box_PUBLICKEYBYTES)));
    m_recoveryPublicKey = publicKey;
    m_recovery.clear();
    return {};
}

Result<void> KeySlotFile::addRecoveryKey(const QByteArray& dataKey)
{
    ensureSodium();
    if (m_recoveryPublicKey.isEmpty())
        return {};
    Wrapped wrapped;
    wrapped.keyId = keyIdOf(dataKey);
    wrapped.ciphertext.resize(dataKey.size() + qsizetype(crypto_box_SEALBYTES));
    if (crypto_box_seal(reinterpret_cast<unsigned char*>(wrapped.ciphertext.data()),
                        reinterpret_cast<const unsigned char*>(dataKey.constData()), quint64(dataKey.size()),
                        reinterpret_cast<const unsigned char*>(m_recoveryPublicKey.constData())) != 0)
        return fail(Error::storageFailure(u"sealing the recovery slot failed"_s));
    m_recovery.removeIf([&](const Wrapped& w) { return w.keyId == wrapped.keyId; });
    m_recovery.append(wrapped);
    return {};
}

Result<QList<QByteArray>> KeySlotFile::recoverDataKeys(const QByteArray& publicKey, const QByteArray& secretKey) const
{
    ensureSodium();
    if (publicKey.size() != crypto_box_PUBLICKEYBYTES || secretKey.size() != crypto_box_SECRETKEYBYTES)
        return fail(Error::invalidInput(u"recovery key pair has the wrong size"_s));
    QList<QByteArray> keys;
    for (auto it = m_recovery.crbegin(); it != m_recovery.crend(); ++it) {
        if (it->ciphertext.size() <= qsizetype(crypto_box_SEALBYTES))
            continue;
        QByteArray key(it->ciphertext.size() - qsizetype(crypto_box_SEALBYTES), Qt::Uninitialized);
        if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(key.data()),
                                 reinterpret_cast<const unsigned char*>(it->ciphertext.constData()),
                                 quint64(it->ciphertext.size()),
                                 reinterpret_cast<const unsigned char*>(publicKey.constData()),
                                 reinterpret_cast<const unsigned char*>(secretKey.constData())) == 0)
            keys.append(key);
    }
    if (keys.isEmpty())
        return fail(Error::wrongKey(u"the recovery slot does not open with this key pair"_s));
    return keys;
}

Result<void> writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temp = target + ".tmp";
    const int fd = ::open(temp.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail(Error::storageFailure(
            u"cannot create %1: %2"_s.arg(QFile::decodeName(temp), QString::fromLocal8Bit(std::strerror(errno)))));
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int saved = errno;
            ::close(fd);
            ::unlink(temp.constData());
            return fail(Error::storageFailure(
                u"cannot write %1: %2"_s.arg(QFile::decodeName(temp), QString::fromLocal8Bit(std::strerror(saved)))));
        }
        written += n;
    }
    if (::fsync(fd) != 0) {
        const int saved = errno;
        ::close(fd);
        ::unlink(temp.constData());
        return fail(Error::storageFailure(
            u"cannot sync %1: %2"_s.arg(QFile::decodeName(temp), QString::fromLocal8Bit(std::strerror(saved)))));
    }
    ::close(fd);
    if (::rename(temp.constData(), target.constData()) != 0) {
        const int saved = errno;
        ::unlink(temp.constData());
        return fail(
            Error::storageFailure(u"cannot replace %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(saved)))));
    }
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    const int dirFd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

} // namespace shiming::store
