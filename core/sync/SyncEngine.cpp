#include "core/sync/SyncEngine.h"

#include "core/common/Logging.h"
#include "core/protocol/Batch.h"
#include "core/protocol/BatchAnswer.h"
#include "core/protocol/FeedPage.h"
#include "core/registration/Registration.h"
#include "core/store/OutletStore.h"
#include "core/sync/AuditHead.h"
#include "core/sync/FindingQueue.h"
#include "core/sync/HqClient.h"
#include "core/sync/IdentityFigures.h"
#include "core/sync/RecordMapper.h"
#include "core/sync/SyncStatus.h"
#include "core/sync/VoidQueue.h"

#include <QEventLoop>
#include <QHash>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shiming::sync {

namespace {

struct FeedBinding {
    const char* feed;
    QStringView kind;
};

const FeedBinding kFeeds[] = {
    {protocol::feed::Catalog, store::downlink::Packages},  {protocol::feed::NumberPool, store::downlink::NumberPool},
    {protocol::feed::RiskList, store::downlink::RiskList}, {protocol::feed::Accounts, store::downlink::Accounts},
    {protocol::feed::Settings, store::downlink::Settings},
};

QUuid batchUuid(const QString& batchId)
{
    const QUuid parsed = QUuid::fromString(batchId);
    if (!parsed.isNull())
        return parsed;
    // Not a UUID: derive a stable one, so retries keep the same idempotency key.
    static const QUuid ns = QUuid::fromString(u"6f1c2a4e-8d0b-4c53-9a51-3f3c0b7d2e11"_s);
    return QUuid::createUuidV5(ns, batchId);
}

QString refusalText(const HqReply& reply)
{
    const QString code = QString::fromLatin1(reply.body.left(40)).trimmed();
    return u"HQ refused the request (HTTP %1 %2)"_s.arg(reply.status).arg(code);
}

} // namespace

SyncEngine::SyncEngine(store::OutletStore& store, HqClient& client, QString operatorCode, Options options,
                       QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
    , m_operatorCode(std::move(operatorCode))
    , m_options(options)
{}

bool SyncEngine::run(std::function<void(const SyncReport&)> done)
{
    if (m_running)
        return false;
    m_running = true;
    m_report = SyncReport{};
    m_done = std::move(done);
    // HQ's per-identity figures are stored under the identity's HMAC with the bundle's identity key.
    m_identityKey = m_client.identityKey();
    // Voids first, so a number released at the counter before a new registration is released at HQ before
    // that registration is decided; then the outbox; then voids of records HQ answered in this pass.
    m_uploadsDone = false;
    m_findingsTried.clear();
    const QDateTime lastCheck = m_store.health().checkedAt;
    if (!lastCheck.isValid() || lastCheck.secsTo(m_store.clock().now()) >= m_options.pageCheckSeconds) {
        if (auto health = m_store.checkPages(); !health) {
            m_report.storageDamaged = true;
            m_report.storageProblem = health.error().detail;
        }
    }
    if (!m_report.storageDamaged) {
        m_report.storageDamaged = m_store.health().damaged;
        m_report.storageProblem = m_store.health().problem;
    }
    uploadVoids();
    return true;
}

SyncReport SyncEngine::runBlocking()
{
    QEventLoop loop;
    SyncReport result;
    bool finished = false;
    if (!run([&](const SyncReport& report) {
            result = report;
            finished = true;
            loop.quit();
        })) {
        result.ok = false;
        result.error = u"a sync pass is already running"_s;
        return result;
    }
    if (!finished)
        loop.exec();
    return result;
}

void SyncEngine::uploadNext()
{
    const auto next = m_store.outbox().nextBatch(m_options.maxRecords, m_options.maxBytes);
    if (!next) {
        finish(false, u"outbox unreadable: "_s + next.error().detail);
        return;
    }
    if (next->isEmpty()) {
        reportUnreadable();
        return;
    }
    protocol::Batch batch;
    batch.id = batchUuid(next->batchId);
    batch.outletId = m_client.outletId();
    batch.firstSequence = next->items.first().seq;
    batch.lastSequence = next->items.last().seq;
    batch.deviceTimeMs = m_store.clock().now().toMSecsSinceEpoch();
    QList<store::OutboxItem> unreadable;
    QString unreadableWhy;
    for (const store::OutboxItem& item : next->items) {
        const auto record = m_store.outbox().payload(item.recordUuid);
        if (!record && record.error().reason() == Reason::DatabaseDamaged) {
            // One damaged record must not hold back the others: set it aside and report it to HQ by id.
            unreadable.append(item);
            unreadableWhy = record.error().detail;
            continue;
        }
        if (!record) {
            finish(false, u"record payload unreadable: "_s + record.error().detail);
            return;
        }
        auto content = toRecordContent(*record, m_operatorCode);
        if (!content) {
            finish(false, content.error().detail);
            return;
        }
        batch.records.append(protocol::makeRecord(QUuid::fromString(item.recordUuid), item.seq, std::move(*content)));
    }
    if (!unreadable.isEmpty()) {
        qCWarning(lcSync).noquote() << unreadable.size()
                                    << "records cannot be read (damaged database), set aside:" << unreadableWhy;
        if (auto r = m_store.outbox().setAsideUnreadable(unreadable, unreadableWhy); !r) {
            finish(false, u"unreadable records could not be set aside: "_s + r.error().detail);
            return;
        }
        m_report.unreadable += int(unreadable.size());
        m_report.storageDamaged = true;
        if (batch.records.isEmpty()) {
            uploadNext(); // nothing readable was left in this batch: the next one
            return;
        }
        batch.firstSequence = batch.records.first().sequence;
        batch.lastSequence = batch.records.last().sequence;
    }
    if (!attachAuditHead(batch))
        return;
    const QByteArray body = protocol::encodeBatch(batch);
    const QString batchId = next->batchId;
    const int count = int(batch.records.size());
    QHash<QUuid, QString> members; // record → its identity's HMAC (the key of HQ's per-identity figure)
    QHash<QUuid, QString> holders; // a transfer → its present holder's, whose figure the answer lowers
    for (const auto& record : batch.records) {
        members.insert(record.id,
                       identityFigureKey(m_identityKey, record.content.documentType, record.content.documentNumber));
        if (!record.content.holderDocumentNumber.isEmpty())
            holders.insert(record.id, identityFigureKey(m_identityKey, record.content.holderDocumentType,
                                                        record.content.holderDocumentNumber));
    }
    qCDebug(lcSync) << "sending batch" << batchId << "records" << count << (next->retry ? "(retry)" : "");
    m_client.post("/v1/batches", body,
                  [this, batchId, count, members, holders, expected = batch.id](const HqReply& reply) {
                      const auto answer = readAnswer(reply, expected, [this, batchId] {
                          // HQ holds this id for another outlet: give the records a fresh batch.
                          (void)m_store.outbox().releaseBatch(batchId);
                      });
                      if (!answer)
                          return;
                      QList<store::OutboxResult> results;
                      QList<IdentityFigureUpdate> figures;
                      int accepted = 0, rejected = 0;
                      for (const protocol::RecordAnswer& a : answer->answers) {
                          if (!members.contains(a.recordId))
                              continue;
                          if (a.identityCount)
                              figures.append({members.value(a.recordId), *a.identityCount});
                          if (a.holderIdentityCount && holders.contains(a.recordId))
                              figures.append({holders.value(a.recordId), *a.holderIdentityCount});
                          store::OutboxResult result;
                          result.recordUuid = a.recordId.toString(QUuid::WithoutBraces);
                          result.hqReference = a.hqReference;
                          result.hqTime = QDateTime::fromMSecsSinceEpoch(a.hqTimeMs, Qt::UTC);
                          if (a.outcome == protocol::RecordOutcome::Accepted) {
                              result.outcome = store::OutboxResult::Outcome::Accepted;
                          } else if (a.outcome == protocol::RecordOutcome::Duplicate && a.isAccepted()) {
                              result.outcome = store::OutboxResult::Outcome::Duplicate;
                          } else {
                              result.outcome = store::OutboxResult::Outcome::Rejected;
                              result.reasonCode = a.reason;
                          }
                          (result.outcome == store::OutboxResult::Outcome::Rejected ? rejected : accepted) += 1;
                          results.append(result);
                      }
                      if (!storeAnswers(figures, answer->hqTimeMs,
                                        [&] { return m_store.outbox().applyResults(batchId, results); }))
                          return;
                      m_report.sent += count;
                      m_report.accepted += accepted;
                      m_report.rejected += rejected;
                      m_report.batches += 1;
                      if (rejected > 0) {
                          const auto total = m_store.syncState().value(QString::fromLatin1(state::RejectedTotal));
                          const qint64 before = (total && total->has_value()) ? (*total)->toLongLong() : 0;
                          (void)m_store.syncState().setValue(QString::fromLatin1(state::RejectedTotal),
                                                             QByteArray::number(before + rejected));
                      }
                      emit recordsAnswered(accepted, rejected);
                      uploadNext();
                  });
}

void SyncEngine::reportUnreadable()
{
    const auto waiting = m_store.outbox().unreadable(int(protocol::kMaxUnreadablePerBatch), true);
    if (!waiting) {
        finish(false, u"unreadable records could not be listed: "_s + waiting.error().detail);
        return;
    }
    if (waiting->isEmpty()) {
        uploadVoids();
        return;
    }
    protocol::Batch batch;
    QList<QByteArray> ids;
    QStringList uuids;
    for (const store::UnreadableRecord& record : *waiting) {
        const QUuid id = QUuid::fromString(record.recordUuid);
        batch.unreadable.append({id, record.seq});
        ids << id.toRfc4122();
        uuids << record.recordUuid;
    }
    // The id follows from the reported ids: a resend after a lost answer is a replay of the same report.
    std::sort(ids.begin(), ids.end());
    static const QUuid ns = QUuid::fromString(u"0c8f1d52-7e3a-4b69-8d20-5f41a9c6e7b3"_s);
    batch.id = QUuid::createUuidV5(ns, ids.join());
    batch.outletId = m_client.outletId();
    batch.firstSequence = waiting->first().seq;
    batch.lastSequence = waiting->last().seq;
    batch.deviceTimeMs = m_store.clock().now().toMSecsSinceEpoch();
    if (!attachAuditHead(batch))
        return;
    qCDebug(lcSync) << "reporting" << uuids.size() << "unreadable records";
    m_client.post(
        "/v1/batches", protocol::encodeBatch(batch), [this, uuids, expected = batch.id](const HqReply& reply) {
            if (!readAnswer(reply, expected, [] {}))
                return;
            if (auto r = m_store.outbox().markUnreadableReported(uuids); !r) {
                finish(false, u"HQ's receipt of the unreadable records could not be stored: "_s + r.error().detail);
                return;
            }
            m_report.unreadableReported += int(uuids.size());
            m_report.batches += 1;
            reportUnreadable();
        });
}

std::optional<protocol::BatchAnswer> SyncEngine::readAnswer(const HqReply& reply, const QUuid& expected,
                                                            const std::function<void()>& onBatchIdConflict)
{
    if (reply.isTransportFailure()) {
        m_report.offline = true;
        finish(false, reply.timedOut ? u"HQ did not answer in time"_s : u"HQ unreachable: "_s + reply.transportError);
        return std::nullopt;
    }
    m_report.reachedHq = true;
    if (reply.status == 409 && reply.body.startsWith("BATCH_ID_CONFLICT")) {
        onBatchIdConflict();
        finish(false, refusalText(reply));
        return std::nullopt;
    }
    if (reply.status == 401 || reply.status == 403) {
        m_report.retryable = false;
        finish(false, refusalText(reply));
        return std::nullopt;
    }
    if (reply.status != 200) {
        finish(false, refusalText(reply));
        return std::nullopt;
    }
    auto answer = protocol::decodeBatchAnswer(reply.body);
    if (!answer || answer->batchId != expected) {
        finish(false, u"HQ's answer could not be read"_s);
        return std::nullopt;
    }
    return std::move(*answer);
}

bool SyncEngine::attachAuditHead(protocol::Batch& batch)
{
    auto head = readAuditHead(m_store);
    if (!head) {
        finish(false, u"audit log unreadable: "_s + head.error().detail);
        return false;
    }
    batch.audit = *head;
    return true;
}

bool SyncEngine::derivedBatch(protocol::Batch& batch, const QList<protocol::SyncRecord>& records)
{
    batch.id = protocol::derivedBatchId(records);
    batch.outletId = m_client.outletId();
    batch.deviceTimeMs = m_store.clock().now().toMSecsSinceEpoch();
    batch.records = records;
    return attachAuditHead(batch);
}

void SyncEngine::uploadVoids()
{
    VoidQueue queue(m_store);
    auto voids = queue.pending(m_options.maxRecords);
    if (!voids) {
        finish(false, u"voids unreadable: "_s + voids.error().detail);
        return;
    }
    if (voids->isEmpty()) {
        if (!m_uploadsDone) {
            m_uploadsDone = true; // voids of records answered before this pass went first; now the outbox
            uploadNext();
        } else {
            uploadFindings();
        }
        return;
    }
    protocol::Batch batch;
    if (!derivedBatch(batch, *voids))
        return;
    qCDebug(lcSync) << "sending voids" << batch.id << "records" << batch.records.size();
    m_client.post("/v1/batches", protocol::encodeBatch(batch),
                  [this, records = *voids, expected = batch.id](const HqReply& reply) {
                      // A conflicting id cannot be helped by a fresh one here (it is derived): just report it.
                      const auto answer = readAnswer(reply, expected, [] {});
                      if (!answer)
                          return;
                      if (!storeAnswers(voidFigures(records, answer->answers), answer->hqTimeMs,
                                        [&] { return VoidQueue(m_store).applyResults(records, answer->answers); }))
                          return;
                      m_report.voids += int(records.size());
                      m_report.batches += 1;
                      uploadVoids();
                  });
}

void SyncEngine::uploadFindings()
{
    FindingQueue queue(m_store, m_client.outletId());
    auto findings = queue.pending(m_options.maxRecords, m_findingsTried);
    if (!findings) {
        finish(false, u"compliance findings unreadable: "_s + findings.error().detail);
        return;
    }
    if (findings->isEmpty()) {
        if (m_options.feeds)
            fetchFeed(0);
        else
            finish(true, {});
        return;
    }
    for (const protocol::SyncRecord& record : std::as_const(*findings))
        m_findingsTried.insert(record.id);
    protocol::Batch batch;
    if (!derivedBatch(batch, *findings))
        return;
    qCDebug(lcSync) << "sending compliance findings" << batch.id << "records" << batch.records.size();
    m_client.post("/v1/batches", protocol::encodeBatch(batch),
                  [this, records = *findings, expected = batch.id](const HqReply& reply) {
                      const auto answer = readAnswer(reply, expected, [] {});
                      if (!answer)
                          return;
                      const auto marked =
                          FindingQueue(m_store, m_client.outletId()).applyResults(records, answer->answers);
                      if (!marked) {
                          finish(false, u"answers could not be stored: "_s + marked.error().detail);
                          return;
                      }
                      m_report.findings += *marked;
                      m_report.batches += 1;
                      uploadFindings();
                  });
}

QList<IdentityFigureUpdate> SyncEngine::voidFigures(const QList<protocol::SyncRecord>& voids,
                                                    const QList<protocol::RecordAnswer>& answers)
{
    QList<IdentityFigureUpdate> figures;
    if (m_identityKey.isEmpty())
        return figures;
    QHash<QUuid, QUuid> originals; // void record → the registration it releases
    for (const protocol::SyncRecord& record : voids)
        originals.insert(record.id, record.voidContent.original);
    for (const protocol::RecordAnswer& a : answers) {
        const auto original = originals.constFind(a.recordId);
        if (!a.identityCount || original == originals.cend())
            continue;
        // The registration is still in the outlet's database (voided, not deleted): its customer document.
        const auto registration = m_store.registrations().load(original->toString(QUuid::WithoutBraces), false);
        const registration::PartyDocument* customer = registration ? registration->customer() : nullptr;
        if (!customer)
            continue;
        figures.append(
            {identityFigureKey(m_identityKey, documentTypeKey(customer->document.type), customer->document.number),
             *a.identityCount});
    }
    return figures;
}

bool SyncEngine::storeAnswers(const QList<IdentityFigureUpdate>& figures, qint64 hqTimeMs,
                              const std::function<Result<void>()>& applyAnswers)
{
    // HQ's per-identity figures and its answers commit together: a pass that stops leaves neither.
    auto stored = m_store.inTransaction([&]() -> Result<void> {
        if (auto r = storeIdentityFigures(m_store, figures, hqTimeMs); !r)
            return fail(Error{r.error().code, u"HQ's identity figures: "_s + r.error().detail, r.error().cause});
        return applyAnswers();
    });
    if (!stored) {
        finish(false, u"answers could not be stored: "_s + stored.error().detail);
        return false;
    }
    return true;
}

void SyncEngine::fetchFeed(int index)
{
    if (index >= int(std::size(kFeeds))) {
        finish(true, {});
        return;
    }
    const FeedBinding binding = kFeeds[index];
    const QString cursorKey = QString::fromLatin1(state::CursorPrefix) + QString::fromLatin1(binding.feed);
    const auto stored = m_store.syncState().value(cursorKey);
    if (!stored) {
        finish(false, stored.error().detail);
        return;
    }
    const qint64 cursor = stored->has_value() ? (*stored)->toLongLong() : 0;
    const QByteArray target = "/v1/feeds/" + QByteArray(binding.feed) + "?cursor=" + QByteArray::number(cursor);
    m_client.get(target, [this, index, binding, cursorKey](const HqReply& reply) {
        if (reply.isTransportFailure()) {
            m_report.offline = true;
            finish(false, u"HQ unreachable: "_s + reply.transportError);
            return;
        }
        m_report.reachedHq = true;
        if (reply.status != 200) {
            finish(false, refusalText(reply));
            return;
        }
        const auto page = protocol::decodeFeedPage(reply.body);
        if (!page || page->feed != QLatin1StringView(binding.feed)) {
            finish(false, u"HQ's feed page could not be read"_s);
            return;
        }
        const auto applied = m_store.inTransaction([&]() -> Result<void> {
            for (const protocol::FeedItem& item : page->items) {
                const QString kind = binding.kind.toString();
                if (item.removed) {
                    if (auto r = m_store.downlink().remove(kind, item.key); !r)
                        return r;
                    continue;
                }
                store::DownlinkItem row;
                row.kind = kind;
                row.key = item.key;
                row.payload = QJsonDocument(item.body.toJsonObject()).toJson(QJsonDocument::Compact);
                row.version = QString::number(item.sequence);
                row.updatedAt = m_store.clock().now();
                if (auto r = m_store.downlink().upsert(row); !r)
                    return r;
            }
            return m_store.syncState().setValue(cursorKey, QByteArray::number(page->cursor));
        });
        if (!applied) {
            finish(false, u"feed could not be stored: "_s + applied.error().detail);
            return;
        }
        m_report.feedItems += int(page->items.size());
        fetchFeed(page->more ? index : index + 1);
    });
}

void SyncEngine::finish(bool ok, const QString& error)
{
    m_report.ok = ok;
    m_report.error = error;
    const auto pending = m_store.outbox().queueLength();
    m_report.pending = pending ? *pending : -1;
    const QByteArray now = m_store.clock().now().toUTC().toString(Qt::ISODateWithMs).toUtf8();
    auto& stateRepository = m_store.syncState();
    (void)stateRepository.setValue(QString::fromLatin1(state::LastAttempt), now);
    if (ok) {
        (void)stateRepository.setValue(QString::fromLatin1(state::LastSuccess), now);
        (void)stateRepository.remove(QString::fromLatin1(state::LastError));
        (void)stateRepository.setValue(QString::fromLatin1(state::Online), "1");
    } else {
        qCWarning(lcSync).noquote() << "sync pass failed:" << error;
        (void)stateRepository.setValue(QString::fromLatin1(state::LastError), error.toUtf8());
        (void)stateRepository.setValue(QString::fromLatin1(state::LastErrorAt), now);
        // Offline only when HQ could not be reached; a failure on the outlet's side says nothing about the link.
        if (m_report.offline || m_report.reachedHq)
            (void)stateRepository.setValue(QString::fromLatin1(state::Online), m_report.offline ? "0" : "1");
    }
    m_running = false;
    auto done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(m_report);
}

} // namespace shiming::sync
