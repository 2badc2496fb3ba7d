#include "core/sync/SyncStatus.h"

#include "core/store/OutletStore.h"
#include "core/sync/FindingQueue.h"
#include "core/sync/VoidQueue.h"

using namespace Qt::StringLiterals;

namespace shiming::sync {

namespace {

QString iso(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime readTime(store::SyncStateRepository& repository, const char* key)
{
    const auto value = repository.value(QString::fromLatin1(key));
    if (!value || !value->has_value())
        return {};
    return QDateTime::fromString(QString::fromUtf8(**value), Qt::ISODateWithMs);
}

QString readText(store::SyncStateRepository& repository, const char* key)
{
    const auto value = repository.value(QString::fromLatin1(key));
    if (!value || !value->has_value())
        return {};
    return QString::fromUtf8(**value);
}

} // namespace

QJsonObject SyncStatus::toJson() const
{
    QJsonObject object;
    object.insert(u"pending"_s, queueLength);
    object.insert(u"oldestUnsent"_s, oldestUnsent ? QJsonValue(iso(*oldestUnsent)) : QJsonValue());
    object.insert(u"lastSuccess"_s, lastSuccess.isValid() ? QJsonValue(iso(lastSuccess)) : QJsonValue());
    object.insert(u"lastAttempt"_s, lastAttempt.isValid() ? QJsonValue(iso(lastAttempt)) : QJsonValue());
    object.insert(u"lastError"_s, lastError.isEmpty() ? QJsonValue() : QJsonValue(lastError));
    object.insert(u"lastErrorAt"_s, lastErrorAt.isValid() ? QJsonValue(iso(lastErrorAt)) : QJsonValue());
    object.insert(u"online"_s, online);
    object.insert(u"rejected"_s, rejectedTotal);
    object.insert(u"voidsPending"_s, voidsWaiting);
    object.insert(u"findingsPending"_s, findingsWaiting);
    object.insert(
        u"storage"_s,
        QJsonObject{{u"damaged"_s, storageDamaged},
                    {u"problem"_s, storageProblem.isEmpty() ? QJsonValue() : QJsonValue(storageProblem)},
                    {u"checkedAt"_s, storageCheckedAt.isValid() ? QJsonValue(iso(storageCheckedAt)) : QJsonValue()}});
    object.insert(u"unreadable"_s, unreadable);
    object.insert(u"unreadableReported"_s, unreadableReported);
    return object;
}

Result<SyncStatus> readSyncStatus(store::OutletStore& store)
{
    SyncStatus status;
    const auto length = store.outbox().queueLength();
    if (!length)
        return fail(length.error());
    status.queueLength = *length;
    const auto oldest = store.outbox().oldestUnsent();
    if (!oldest)
        return fail(oldest.error());
    status.oldestUnsent = *oldest;
    auto& repository = store.syncState();
    status.lastSuccess = readTime(repository, state::LastSuccess);
    status.lastAttempt = readTime(repository, state::LastAttempt);
    status.lastErrorAt = readTime(repository, state::LastErrorAt);
    status.lastError = readText(repository, state::LastError);
    status.online = readText(repository, state::Online) != "0"_L1;
    status.rejectedTotal = readText(repository, state::RejectedTotal).toLongLong();
    const auto voids = VoidQueue(store).waiting();
    if (!voids)
        return fail(voids.error());
    status.voidsWaiting = *voids;
    const auto findings = FindingQueue::waiting(store);
    if (!findings)
        return fail(findings.error());
    status.findingsWaiting = *findings;
    const store::StoreHealth& health = store.health();
    status.storageDamaged = health.damaged;
    status.storageProblem = health.problem;
    status.storageCheckedAt = health.checkedAt;
    const auto unreadable = store.outbox().unreadableCounts();
    if (!unreadable)
        return fail(unreadable.error());
    status.unreadable = unreadable->total;
    status.unreadableReported = unreadable->reported;
    // Records set aside are damage too, even where the page check has not run since (another connection).
    status.storageDamaged = status.storageDamaged || status.unreadable > 0;
    return status;
}

} // namespace shiming::sync
