#include "core/sync/IdentityFigures.h"

#include "core/protocol/IdentityHash.h"
#include "core/store/OutletStore.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace shiming::sync {

namespace {

std::optional<IdentityFigure> parseFigure(const QByteArray& payload)
{
    const QJsonDocument document = QJsonDocument::fromJson(payload);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject body = document.object();
    const QJsonValue count = body.value(u"count"_s);
    const QJsonValue time = body.value(u"hqTime"_s);
    if (!count.isDouble() || !time.isDouble() || count.toDouble() < 0 || count.toDouble() > 1'000'000)
        return std::nullopt;
    return IdentityFigure{count.toInt(), qint64(time.toDouble())};
}

} // namespace

QString identityFigureKey(const QByteArray& identityKey, const QString& documentType, const QString& documentNumber)
{
    if (identityKey.isEmpty())
        return {};
    return QString::fromLatin1(protocol::identityHash(identityKey, documentType, documentNumber.trimmed()));
}

Result<int> storeIdentityFigures(store::OutletStore& store, const QList<IdentityFigureUpdate>& figures, qint64 hqTimeMs)
{
    // The last figure per identity in answer order is where HQ stood after the batch.
    QHash<QString, int> last;
    QStringList order;
    for (const IdentityFigureUpdate& figure : figures) {
        if (figure.key.isEmpty() || figure.count < 0)
            continue;
        if (!last.contains(figure.key))
            order << figure.key;
        last.insert(figure.key, figure.count);
    }
    if (order.isEmpty())
        return 0;
    int written = 0;
    const QString kind = IdentityCountKind.toString();
    auto applied = store.inTransaction([&]() -> Result<void> {
        for (const QString& key : std::as_const(order)) {
            auto stored = store.downlink().item(kind, key);
            if (!stored)
                return fail(stored.error());
            if (stored->has_value()) {
                const auto previous = parseFigure((*stored)->payload);
                if (previous && previous->hqTimeMs > hqTimeMs)
                    continue; // HQ said something newer already (an older batch's answer applied late)
            }
            QJsonObject body;
            body.insert(u"count"_s, last.value(key));
            body.insert(u"hqTime"_s, double(hqTimeMs));
            store::DownlinkItem row;
            row.kind = kind;
            row.key = key;
            row.payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
            row.version = QString::number(hqTimeMs);
            row.updatedAt = store.clock().now();
            if (auto r = store.downlink().upsert(row); !r)
                return r;
            ++written;
        }
        return {};
    });
    if (!applied)
        return fail(applied.error());
    return written;
}

Result<std::optional<IdentityFigure>> identityFigure(store::OutletStore& store, const QString& key)
{
    if (key.isEmpty())
        return std::optional<IdentityFigure>{};
    auto stored = store.downlink().item(IdentityCountKind.toString(), key);
    if (!stored)
        return fail(stored.error());
    if (!stored->has_value())
        return std::optional<IdentityFigure>{};
    return parseFigure((*stored)->payload);
}

Result<registration::IdentityHoldings> identityHoldings(store::OutletStore& store, const QByteArray& identityKey,
                                                        DocumentType type, const QString& number)
{
    registration::IdentityHoldings holdings;
    auto count = store.registrations().countForDocumentNumber(number);
    if (!count)
        return fail(count.error());
    holdings.outletCount = *count;
    // Without a figure from HQ, counting all of them as not yet seen by HQ errs on the safe side.
    holdings.pendingAtHq = *count;
    auto figure = identityFigure(store, identityFigureKey(identityKey, documentTypeKey(type), number));
    if (!figure)
        return fail(figure.error());
    if (!figure->has_value())
        return holdings;
    // Committed, or sent and waiting: HQ's figure cannot include them (those that may add a number; a pending
    // cancellation is not taken off before HQ has it).
    auto stmt = store.database().prepare(uR"(SELECT count(*) FROM registrations r
        JOIN documents d ON d.registration_id = r.id
        WHERE d.role = 'customer' AND d.number = ? AND r.status IN ('committed', 'sent')
          AND r.transaction_type IN ('new', 'reverify', 'transfer'))"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, number);
    if (auto row = stmt->step(); !row)
        return fail(row.error());
    holdings.hqCount = (*figure)->count;
    holdings.pendingAtHq = int(stmt->int64(0));
    return holdings;
}

} // namespace shiming::sync
