#pragma once
// One damaged page in a real SQLCipher outlet database, for the tests of what the counter does with it: a byte
// flipped on disk makes that page fail its HMAC, exactly as a bad sector or a torn write would.

#include "core/registration/Registration.h"
#include "core/store/OutletStore.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <functional>

namespace shiming::testing {

inline constexpr qint64 kCipherPageBytes = 4096;

/// Runs `write` between two checkpoints and returns the page in the middle of the pages it appended to the
/// file. A large blob's overflow pages are appended in one run, so for a write that stores one large blob the
/// middle page is one of the blob's. -1 when the write appended fewer than 8 pages.
inline qint64 middlePageAppendedBy(store::OutletStore& store, const std::function<void()>& write)
{
    if (!store.database().checkpoint())
        return -1;
    const qint64 before = QFileInfo(store.path()).size() / kCipherPageBytes;
    write();
    if (!store.database().checkpoint())
        return -1;
    const qint64 after = QFileInfo(store.path()).size() / kCipherPageBytes;
    return after - before >= 8 ? before + (after - before) / 2 : -1;
}

/// Flips one byte in the middle of page `page` (0-based) of the closed database file.
inline bool damagePage(const QString& path, qint64 page)
{
    QFile file(path);
    if (page < 1 || !file.open(QIODevice::ReadWrite) || !file.seek(page * kCipherPageBytes + kCipherPageBytes / 2))
        return false;
    char byte = 0;
    if (!file.getChar(&byte) || !file.seek(page * kCipherPageBytes + kCipherPageBytes / 2))
        return false;
    return file.putChar(char(byte ^ 0x5a));
}

/// Adds an attachment of `bytes` random bytes (no other record shares it, so it gets its own blob pages).
inline void addLargeAttachment(registration::Registration& record, int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(data.data()), bytes / 4);
    record.media.append({registration::MediaItem::Kind::Attachment, QStringLiteral("scanned_form"),
                         QStringLiteral("application/pdf"), data});
}

} // namespace shiming::testing
