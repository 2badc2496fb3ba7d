#include "hq/LedgerDecision.h"

#include "core/protocol/IdentityHash.h"

using namespace Qt::StringLiterals;

namespace shiming::hq {

using protocol::RecordKind;
using protocol::RecordOutcome;

QString identityOperatorKey(const QString& identity, const QString& operatorCode)
{
    return identity + u'|' + operatorCode;
}

QStringList recordIdentities(const QByteArray& identityKey, const protocol::Batch& batch)
{
    QStringList identities;
    identities.reserve(batch.records.size());
    for (const protocol::SyncRecord& record : batch.records) {
        const auto& c = record.content;
        identities << (record.invalidReason.isEmpty() && record.kind == RecordKind::Registration
                           ? QString::fromLatin1(protocol::identityHash(identityKey, c.documentType, c.documentNumber))
                           : QString());
    }
    return identities;
}

BatchDecision decideBatch(const protocol::Batch& batch, const QStringList& identities, const LedgerSnapshot& lookedUp)
{
    Q_ASSERT(identities.size() == batch.records.size());
    // The state the records change for the ones after them (copies of the lookup's, shared until written).
    QSet<QString> takenNumbers = lookedUp.takenNumbers;
    QSet<QString> takenSims = lookedUp.takenSims;
    QHash<QString, int> counts = lookedUp.counts;
    QSet<QUuid> releasedHere; // originals in the ledger released by a void of this batch

    BatchDecision result;
    QList<RecordDecision>& decisions = result.records;
    decisions.reserve(batch.records.size());
    // A registration notes where it sits in `decisions` so that a void later in the same batch can release it.
    QHash<QUuid, qsizetype> decidedHere;
    int nextReference = 0;
    for (qsizetype i = 0; i < batch.records.size(); ++i) {
        const protocol::SyncRecord& record = batch.records[i];
        RecordDecision& decision = decisions.emplace_back();
        decision.record = &record;
        decision.identity = identities[i];
        decision.answer.recordId = record.id;
        const auto it = lookedUp.known.constFind(record.id);
        // A finding refused INVALID by an HQ before findings existed (kept as an invalid registration row) is
        // taken now: the outlet sends it again after the upgrade, under the same id.
        const bool refusedBeforeFindings = it != lookedUp.known.cend() && record.kind == RecordKind::Finding &&
                                           record.invalidReason.isEmpty() && it->kind == RecordKind::Registration &&
                                           it->answer.reason == QLatin1StringView(protocol::reason::Invalid);
        if (it != lookedUp.known.cend() && !refusedBeforeFindings) {
            if (it->hash == record.contentHash && it->kind == record.kind) {
                decision.answer = it->answer;
                decision.answer.outcome = RecordOutcome::Duplicate;
                if (record.kind == RecordKind::Registration && !decision.identity.isEmpty()) {
                    decision.answer.identityCount =
                        counts.value(identityOperatorKey(decision.identity, record.content.operatorCode));
                } else if (const auto found = lookedUp.originals.constFind(record.voidContent.original);
                           record.kind == RecordKind::Void && found != lookedUp.originals.cend() &&
                           found->outletId == batch.outletId) {
                    decision.answer.identityCount = counts.value(found->countKey); // a repeated void
                }
            } else {
                decision.answer.outcome = decision.answer.original = RecordOutcome::Rejected;
                decision.answer.reason = QString::fromLatin1(protocol::reason::UuidConflict);
                decision.answer.hqTimeMs = lookedUp.hqTimeMs;
            }
            continue;
        }
        decision.insert = true;
        decision.answer.hqTimeMs = lookedUp.hqTimeMs;
        decision.answer.hqReference = u"HQ%1"_s.arg(lookedUp.references.value(nextReference++), 10, 10, QChar(u'0'));
        const auto reject = [&](const char* code) {
            decision.answer.outcome = decision.answer.original = RecordOutcome::Rejected;
            decision.answer.reason = QString::fromLatin1(code);
        };
        const auto accept = [&] {
            decision.answer.outcome = decision.answer.original = RecordOutcome::Accepted;
        };
        if (!record.invalidReason.isEmpty()) {
            reject(protocol::reason::Invalid);
            continue;
        }
        if (record.kind == RecordKind::Finding) {
            accept(); // the hall's own finding, kept for HQ's compliance staff; nothing in the ledger changes
            continue;
        }
        if (record.kind == RecordKind::Void) {
            const QUuid target = record.voidContent.original;
            if (const auto here = decidedHere.constFind(target); here != decidedHere.cend()) {
                RecordDecision& original = decisions[*here];
                const auto& c = original.record->content;
                if (original.answer.original == RecordOutcome::Accepted && original.releasedBy.isNull()) {
                    original.releasedBy = record.id;
                    counts[identityOperatorKey(original.identity, c.operatorCode)] -= 1;
                    takenNumbers.remove(c.msisdn);
                    takenSims.remove(c.iccid);
                }
                if (!original.identity.isEmpty())
                    decision.answer.identityCount =
                        counts.value(identityOperatorKey(original.identity, c.operatorCode));
                accept();
                continue;
            }
            const auto found = lookedUp.originals.constFind(target);
            if (found == lookedUp.originals.cend() || found->outletId != batch.outletId) {
                reject(protocol::reason::UnknownRecord);
                continue;
            }
            if (found->status == u"accepted"_s && !releasedHere.contains(target)) {
                releasedHere.insert(target);
                result.releases.append({target, record.id});
                if (const auto count = counts.find(found->countKey); count != counts.end())
                    *count -= 1;
                takenNumbers.remove(found->msisdn);
                takenSims.remove(found->iccid);
            }
            decision.answer.identityCount = counts.value(found->countKey);
            accept(); // released now, earlier, or never counted (rejected): the void is recorded either way
            continue;
        }
        decidedHere.insert(record.id, i);
        const auto& c = record.content;
        const QString countKey = identityOperatorKey(decision.identity, c.operatorCode);
        if (lookedUp.risky.contains(decision.identity)) {
            reject(protocol::reason::RiskList);
        } else if (takenNumbers.contains(c.msisdn)) {
            reject(protocol::reason::NumberTaken);
        } else if (takenSims.contains(c.iccid)) {
            reject(protocol::reason::IccidInUse);
        } else if (counts.value(countKey) >= kNumbersPerIdentity) {
            reject(protocol::reason::IdLimit);
        } else {
            accept();
            takenNumbers.insert(c.msisdn);
            takenSims.insert(c.iccid);
            counts[countKey] += 1;
        }
        decision.answer.identityCount = counts.value(countKey);
    }

    result.answer.batchId = batch.id;
    result.answer.hqTimeMs = lookedUp.hqTimeMs;
    result.answer.answers.reserve(decisions.size());
    for (const RecordDecision& decision : std::as_const(decisions))
        result.answer.answers.append(decision.answer);
    return result;
}

} // namespace shiming::hq
