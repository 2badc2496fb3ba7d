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

QList<RecordIdentity> recordIdentities(const QByteArray& identityKey, const protocol::Batch& batch)
{
    QList<RecordIdentity> identities;
    identities.reserve(batch.records.size());
    for (const protocol::SyncRecord& record : batch.records) {
        RecordIdentity& ids = identities.emplace_back();
        if (!record.invalidReason.isEmpty() || record.kind != RecordKind::Registration)
            continue;
        const auto& c = record.content;
        ids.identity = QString::fromLatin1(protocol::identityHash(identityKey, c.documentType, c.documentNumber));
        // The decoder lets only a transfer name a present holder.
        if (!c.holderDocumentNumber.isEmpty()) {
            ids.presentHolder =
                QString::fromLatin1(protocol::identityHash(identityKey, c.holderDocumentType, c.holderDocumentNumber));
        }
    }
    return identities;
}

QString transactionName(const protocol::RecordContent& content)
{
    return content.transaction.isEmpty() ? u"new"_s : content.transaction;
}

namespace {

const QString kAccepted = u"accepted"_s;
const QString kRejected = u"rejected"_s;
const QString kReleased = u"released"_s;
const QString kEnded = u"ended"_s;

/// A row as the batch leaves it so far: one of the ledger's, or one of this batch's registrations.
struct Row {
    LedgerRecord record;     ///< its state now
    QString initialStatus;   ///< a ledger row: as looked up
    QUuid initialReleasedBy; ///< a ledger row: as looked up
    qsizetype decision = -1; ///< this batch's: its index in the decisions
};

/// Who holds what while the batch is decided in order: every record sees the effects of the ones before it.
class BatchState {
public:
    explicit BatchState(const LedgerSnapshot& lookedUp)
        : counts(lookedUp.counts)
    {
        for (auto it = lookedUp.records.cbegin(); it != lookedUp.records.cend(); ++it) {
            rows.insert(it.key(), Row{it.value(), it.value().status, it.value().releasedBy, -1});
            if (it->status == kAccepted)
                hold(it.key(), it.value());
        }
    }

    Row* row(const QUuid& id)
    {
        const auto it = rows.find(id);
        return it == rows.end() ? nullptr : &*it;
    }

    /// The accepted record holding `msisdn`, if any.
    QUuid holderOf(const QString& msisdn) const { return numberHolders.value(msisdn); }
    bool simHeld(const QString& iccid) const { return !iccid.isEmpty() && simHolders.contains(iccid); }
    QUuid simHolderOf(const QString& iccid) const { return simHolders.value(iccid); }
    int count(const QString& key) const { return counts.value(key); }

    /// The row becomes accepted: it holds its number and SIM and counts for its identity.
    void take(const QUuid& id)
    {
        Row& r = rows[id];
        r.record.status = kAccepted;
        r.record.releasedBy = QUuid();
        hold(id, r.record);
        counts[r.record.countKey()] += 1;
        touch(id, r);
    }

    /// An accepted row lets go of its number, SIM and place in the count; a cancellation in force (ended, which
    /// holds nothing) is ended by a void. Either is then `released` by `by`.
    void letGo(const QUuid& id, const QUuid& by)
    {
        Row& r = rows[id];
        if (r.record.status == kAccepted) {
            if (numberHolders.value(r.record.msisdn) == id)
                numberHolders.remove(r.record.msisdn);
            if (!r.record.iccid.isEmpty() && simHolders.value(r.record.iccid) == id)
                simHolders.remove(r.record.iccid);
            // Absent: a count the lookup did not read (never the case for a row it returned as accepted).
            if (const auto c = counts.find(r.record.countKey()); c != counts.end() && *c > 0)
                *c -= 1;
        }
        r.record.status = kReleased;
        r.record.releasedBy = by;
        touch(id, r);
    }

    QHash<QUuid, Row> rows;
    QHash<QString, int> counts;
    QList<QUuid> touched; ///< ledger rows in the order the batch first changed them

private:
    void hold(const QUuid& id, const LedgerRecord& r)
    {
        numberHolders.insert(r.msisdn, id);
        if (!r.iccid.isEmpty())
            simHolders.insert(r.iccid, id);
    }
    void touch(const QUuid& id, const Row& r)
    {
        if (r.decision < 0 && !m_touched.contains(id)) {
            m_touched.insert(id);
            touched.append(id);
        }
    }

    QHash<QString, QUuid> numberHolders;
    QHash<QString, QUuid> simHolders;
    QSet<QUuid> m_touched;
};

} // namespace

BatchDecision decideBatch(const protocol::Batch& batch, const QList<RecordIdentity>& identities,
                          const LedgerSnapshot& lookedUp)
{
    Q_ASSERT(identities.size() == batch.records.size());
    BatchState state(lookedUp);

    BatchDecision result;
    QList<RecordDecision>& decisions = result.records;
    decisions.reserve(batch.records.size());
    int nextReference = 0;
    for (qsizetype i = 0; i < batch.records.size(); ++i) {
        const protocol::SyncRecord& record = batch.records[i];
        RecordDecision& decision = decisions.emplace_back();
        decision.record = &record;
        decision.identity = identities[i].identity;
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
                        state.count(identityOperatorKey(decision.identity, record.content.operatorCode));
                } else if (const Row* original = state.row(record.voidContent.original);
                           record.kind == RecordKind::Void && original && original->record.outletId == batch.outletId) {
                    decision.answer.identityCount = state.count(original->record.countKey()); // a repeated void
                }
            } else {
                decision.answer.outcome = decision.answer.original = RecordOutcome::Rejected;
                decision.answer.reason = QString::fromLatin1(protocol::reason::UuidConflict);
                decision.answer.hqTimeMs = lookedUp.hqTimeMs;
            }
            continue;
        }
        decision.insert = true;
        decision.status = kRejected;
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
            const Row* original = state.row(target);
            if (!original || original->record.outletId != batch.outletId) {
                reject(protocol::reason::UnknownRecord);
                continue;
            }
            const QString countKey = original->record.countKey();
            const QUuid replaced = original->record.replaces;
            const bool inForce = original->record.status == kAccepted || original->record.status == kEnded;
            if (inForce)
                state.letGo(target, record.id);
            // Undoing a lifecycle record gives the row it superseded back its number, unless that row was voided
            // itself, or its number or SIM went to someone else meanwhile, or its identity filled its places.
            if (const Row* old = state.row(replaced);
                inForce && old && old->record.status == kReleased && old->record.releasedBy == target &&
                !old->record.voided && state.holderOf(old->record.msisdn).isNull() &&
                !state.simHeld(old->record.iccid) && state.count(old->record.countKey()) < kNumbersPerIdentity) {
                state.take(replaced);
            }
            state.rows[target].record.voided = true;
            decision.answer.identityCount = state.count(countKey);
            accept(); // let go now, earlier, or never held (rejected): the void is recorded either way
            continue;
        }

        const auto& c = record.content;
        const RecordIdentity& ids = identities[i];
        const QString countKey = identityOperatorKey(ids.identity, c.operatorCode);
        Row decided;
        decided.record.outletId = batch.outletId;
        decided.record.status = kRejected;
        decided.record.identity = ids.identity;
        decided.record.operatorCode = c.operatorCode;
        decided.record.msisdn = c.msisdn;
        decided.record.iccid = c.iccid;
        decided.record.transaction = transactionName(c);
        decided.decision = i;
        state.rows.insert(record.id, decided);
        const QUuid holderId = state.holderOf(c.msisdn);
        const LedgerRecord* holder = holderId.isNull() ? nullptr : &state.rows[holderId].record;
        const bool inService = holder && holder->operatorCode == c.operatorCode;
        const bool sameHolder = holder && holder->identity == ids.identity;
        const auto takeAsNew = [&] {
            accept();
            state.take(record.id);
        };
        // The record supersedes the holder: the holder is released, the record holds the number with `iccid`
        // (or, for a cancellation, nothing: `ended`).
        const auto supersede = [&](const QString& iccid, bool holds) {
            accept();
            Row& row = state.rows[record.id];
            row.record.iccid = iccid;
            row.record.replaces = holderId;
            state.letGo(holderId, record.id);
            if (holds)
                state.take(record.id);
            else
                state.rows[record.id].record.status = kEnded;
        };
        const QString& transaction = c.transaction;
        if (transaction.isEmpty()) {
            if (lookedUp.risky.contains(ids.identity))
                reject(protocol::reason::RiskList);
            else if (holder)
                reject(protocol::reason::NumberTaken);
            else if (state.simHeld(c.iccid))
                reject(protocol::reason::IccidInUse);
            else if (state.count(countKey) >= kNumbersPerIdentity)
                reject(protocol::reason::IdLimit);
            else
                takeAsNew();
        } else if (transaction == u"reverify"_s) {
            if (holder) {
                if (!inService || !sameHolder)
                    reject(protocol::reason::NotHolder);
                else
                    supersede(holder->iccid, true); // the SIM stays
            } else {
                // HQ never had the number (registered before HQ, or lost): the re-verification registers it, as
                // a new number would be, without a SIM (the outlet names none).
                state.rows[record.id].record.iccid.clear();
                if (lookedUp.risky.contains(ids.identity))
                    reject(protocol::reason::RiskList);
                else if (state.count(countKey) >= kNumbersPerIdentity)
                    reject(protocol::reason::IdLimit);
                else
                    takeAsNew();
            }
        } else if (transaction == u"sim_replace"_s) {
            if (c.iccid.isEmpty())
                reject(protocol::reason::Invalid); // a replacement names its new SIM
            else if (!inService)
                reject(protocol::reason::NumberNotInService);
            else if (!sameHolder)
                reject(protocol::reason::NotHolder);
            else if (state.simHeld(c.iccid) && state.simHolderOf(c.iccid) != holderId)
                reject(protocol::reason::IccidInUse);
            else
                supersede(c.iccid, true);
        } else if (transaction == u"transfer"_s) {
            if (!inService)
                reject(protocol::reason::NumberNotInService);
            else if (ids.presentHolder.isEmpty() || holder->identity != ids.presentHolder)
                reject(protocol::reason::NotHolder);
            else if (lookedUp.risky.contains(ids.identity))
                reject(protocol::reason::RiskList);
            else if (!sameHolder && state.count(countKey) >= kNumbersPerIdentity)
                reject(protocol::reason::IdLimit);
            else
                supersede(holder->iccid, true);
        } else if (transaction == u"cancel"_s) {
            if (!inService)
                reject(protocol::reason::NumberNotInService);
            else if (!sameHolder)
                reject(protocol::reason::NotHolder);
            else
                supersede(holder->iccid, false);
        } else {
            reject(protocol::reason::Invalid); // the decoder knows no other; never trust that here
        }
        decision.answer.identityCount = state.count(countKey);
        // A transfer lowers the present holder's count too: the counter that keeps a figure for that identity
        // learns it here, not only at that identity's next record.
        if (transaction == u"transfer"_s && !ids.presentHolder.isEmpty())
            decision.answer.holderIdentityCount = state.count(identityOperatorKey(ids.presentHolder, c.operatorCode));
    }

    // The rows as the whole batch leaves them: this batch's are written so, the ledger's changed at most once.
    for (RecordDecision& decision : decisions) {
        if (!decision.insert || !decision.record->invalidReason.isEmpty() ||
            decision.record->kind != RecordKind::Registration)
            continue;
        const LedgerRecord& row = state.rows[decision.record->id].record;
        decision.status = row.status;
        decision.iccid = row.iccid;
        decision.replaces = row.replaces;
        decision.releasedBy = row.releasedBy;
    }
    for (const QUuid& id : std::as_const(state.touched)) {
        const Row& row = state.rows[id];
        if (row.record.status == row.initialStatus && row.record.releasedBy == row.initialReleasedBy)
            continue; // released and restored again within the batch: as it was
        if (row.record.status == kAccepted)
            result.restores.append(id);
        else
            result.releases.append({id, row.record.releasedBy, row.initialStatus});
    }

    result.answer.batchId = batch.id;
    result.answer.hqTimeMs = lookedUp.hqTimeMs;
    result.answer.answers.reserve(decisions.size());
    for (const RecordDecision& decision : std::as_const(decisions))
        result.answer.answers.append(decision.answer);
    return result;
}

} // namespace shiming::hq
