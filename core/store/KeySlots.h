#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace shiming::store {

/// Argon2id cost. production() is tuned so that one derivation takes about 0.4 s on the counter PCs
/// (measured: opslimit 3, 256 MiB). weakForTests() exists only so test suites stay fast; it must be
/// asked for explicitly (KeySlotFile never picks it on its own).
struct KdfParams {
    quint64 opsLimit = 3;
    quint64 memLimitBytes = quint64(256) << 20;

    static KdfParams production() { return {}; }
    static KdfParams weakForTests() { return {1, quint64(8) << 20}; }
    friend bool operator==(const KdfParams&, const KdfParams&) = default;
};

/// Wipes a buffer that held a key or password (libsodium's sodium_memzero, which the optimiser keeps).
void wipe(QByteArray& secret);

/// 32 random bytes from libsodium.
QByteArray randomKey();

/// Short public identifier of a data key (keyed BLAKE2b, 16 bytes, hex): tells slots apart without
/// revealing anything about the key.
QString keyIdOf(const QByteArray& dataKey);

/// The key slot file that sits beside the database (`<db>.keys`), like LUKS key slots. Per account it holds
/// a random account key wrapped with a key derived from the account's password (Argon2id), and the
/// database's data key wrapped with that account key (XChaCha20-Poly1305, the account name as associated
/// data so slots cannot be swapped). The account keys themselves are also kept inside the encrypted database,
/// which lets a rekey rewrap every slot without knowing the passwords. An optional recovery slot holds the data
/// key sealed to HQ's X25519 public key (crypto_box_seal).
///
/// During a rekey a slot may briefly hold two data keys (old and new); unlocking tries each until one opens
/// the database, so a crash at any point of the rekey leaves an openable database.
class KeySlotFile {
public:
    static QString pathFor(const QString& databasePath) { return databasePath + QStringLiteral(".keys"); }

    /// Loads and parses; NotFound when the file is missing, StorageFailure when it is damaged.
    static Result<KeySlotFile> load(const QString& path);
    /// Writes atomically: temporary file, fsync, rename over the old file, fsync the directory.
    Result<void> save(const QString& path) const;

    QString outletId() const { return m_outletId; }
    void setOutletId(const QString& outletId) { m_outletId = outletId; }
    /// The database's SQLCipher salt (first 16 bytes of the file), to tell "this slot file belongs to another
    /// database" apart from a damaged database.
    QByteArray databaseSalt() const { return m_databaseSalt; }
    void setDatabaseSalt(const QByteArray& salt) { m_databaseSalt = salt; }

    QStringList users() const;
    bool hasUser(const QString& user) const;

    /// Derives the password key (Argon2id, the slot's stored parameters) and unwraps the account key.
    /// WrongKey when the password is wrong; NotFound when the account has no slot.
    Result<QByteArray> unlockAccountKey(const QString& user, const QByteArray& password) const;
    /// The data keys this account's slot holds, newest first (normally one).
    Result<QList<QByteArray>> dataKeys(const QString& user, const QByteArray& accountKey) const;

    /// Creates or replaces the account's password wrap (new salt) keeping its data keys.
    Result<void> setPassword(const QString& user, const QByteArray& password, const QByteArray& accountKey,
                             const KdfParams& params);
    /// Adds `dataKey` (wrapped with `accountKey`) as the newest key of the account's slot.
    Result<void> addDataKey(const QString& user, const QByteArray& accountKey, const QByteArray& dataKey);
    /// Keeps only the data key `keyId` in every slot and the recovery slot.
    void retainOnlyKey(const QString& keyId);
    void removeUser(const QString& user);

    /// Sets HQ's public key (32 bytes, X25519) for the recovery slot.
    Result<void> setRecoveryPublicKey(const QByteArray& publicKey);
    QByteArray recoveryPublicKey() const { return m_recoveryPublicKey; }
    /// Seals `dataKey` to the recovery public key (no-op without one).
    Result<void> addRecoveryKey(const QByteArray& dataKey);
    /// HQ side: opens the recovery slot with HQ's key pair; newest key first.
    Result<QList<QByteArray>> recoverDataKeys(const QByteArray& publicKey, const QByteArray& secretKey) const;

private:
    struct Wrapped {
        QString keyId;
        QByteArray nonce;
        QByteArray ciphertext;
    };
    struct Slot {
        QString user;
        KdfParams params;
        QByteArray salt;
        QByteArray accountNonce;
        QByteArray accountCiphertext;
        QList<Wrapped> dataKeys;
    };
    const Slot* find(const QString& user) const;
    Slot* find(const QString& user);

    QString m_outletId;
    QByteArray m_databaseSalt;
    QList<Slot> m_slots;
    QByteArray m_recoveryPublicKey;
    QList<Wrapped> m_recovery; ///< nonce unused; ciphertext is the sealed box
};

/// Replaces `path` with `bytes` atomically and durably (write temp, fsync, rename, fsync directory).
Result<void> writeFileAtomically(const QString& path, const QByteArray& bytes);

} // namespace shiming::store
