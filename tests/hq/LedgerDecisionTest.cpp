// The ledger's decisions on their own: batches and lookup snapshots built in memory, no PostgreSQL.

#include "support/CatchQt.h"

#include "core/protocol/IdentityHash.h"
#include "hq/LedgerDecision.h"

using namespace Qt::StringLiterals;

namespace shiming::hq {
namespace {

using protocol::RecordOutcome;
using protocol::SyncRecord;

const QByteArray kIdentityKey(32, 'k');
const QString kOutlet = u"OUT-A"_s;
constexpr qint64 kHqTime = 1'800'000'000'000;

/// A registration of person `who` (their own document) with number and SIM `serial`.
SyncRecord registration(int who, int serial, const QString& operatorCode = u"CMCC"_s)
{
    protocol::RecordContent content;
    content.documentType = u"resident_id"_s;
    content.documentNumber = u"11010519900101%1"_s.arg(who, 4, 10, QChar(u'0'));
    content.operatorCode = operatorCode;
    content.msisdn = u"139%1"_s.arg(serial, 8, 10, QChar(u'0'));
    content.iccid = u"898601%1"_s.arg(serial, 14, 10, QChar(u'0'));
    content.registeredAtMs = kHqTime - 60'000;
    return protocol::makeRecord(QUuid::createUuid(), serial, content);
}

SyncRecord voidOf(const QUuid& original)
{
    protocol::VoidContent content;
    content.original = original;
    content.voidedAtMs = kHqTime - 1'000;
    content.actor = u"manager"_s;
    return protocol::makeVoidRecord(protocol::voidRecordId(original), 0, content);
}

/// The count key of a registration's identity and operator, as the lookup returns it.
QString countKeyOf(const SyncRecord& record)
{
    const auto& c = record.content;
    return identityOperatorKey(
        QString::fromLatin1(protocol::identityHash(kIdentityKey, c.documentType, c.documentNumber)), c.operatorCode);
}

/// A lookup that found nothing in the ledger: HQ's time and fresh references 101, 102, ...
LedgerSnapshot emptyLedger()
{
    LedgerSnapshot snapshot;
    snapshot.hqTimeMs = kHqTime;
    for (qint64 ref = 101; ref <= 150; ++ref)
        snapshot.references << ref;
    return snapshot;
}

protocol::Batch batchOf(const QList<SyncRecord>& records)
{
    protocol::Batch batch;
    batch.id = QUuid::createUuid();
    batch.outletId = kOutlet;
    batch.records = records;
    return batch;
}

/// The decision points into `batch`: the caller keeps it.
BatchDecision decide(const protocol::Batch& batch, const LedgerSnapshot& snapshot)
{
    const BatchDecision decision = decideBatch(batch, recordIdentities(kIdentityKey, batch), snapshot);
    REQUIRE(decision.records.size() == batch.records.size());
    REQUIRE(decision.answer.answers.size() == batch.records.size());
    for (qsizetype i = 0; i < batch.records.size(); ++i) {
        CHECK(decision.records[i].record == &batch.records[i]);
        CHECK(decision.answer.answers[i].recordId == batch.records[i].id);
    }
    CHECK(decision.answer.batchId == batch.id);
    CHECK(decision.answer.hqTimeMs == kHqTime);
    return decision;
}

void checkAccepted(const protocol::RecordAnswer& answer, int identityCount)
{
    CHECK(answer.outcome == RecordOutcome::Accepted);
    CHECK(answer.original == RecordOutcome::Accepted);
    CHECK(answer.reason.isEmpty());
    CHECK(answer.identityCount == identityCount);
}

void checkRejected(const protocol::RecordAnswer& answer, const char* reason, std::optional<int> identityCount)
{
    CHECK(answer.outcome == RecordOutcome::Rejected);
    CHECK(answer.original == RecordOutcome::Rejected);
    CHECK(answer.reason == QString::fromLatin1(reason));
    CHECK(answer.identityCount == identityCount);
}

TEST_CASE("A fresh identity gets five numbers, counted 1 to 5, and ID_LIMIT at the sixth", "[hq][decision]")
{
    QList<SyncRecord> records;
    for (int serial = 1; serial <= 6; ++serial)
        records << registration(7, serial);
    const protocol::Batch batch = batchOf(records);
    const BatchDecision decision = decide(batch, emptyLedger());
    const auto& answers = decision.answer.answers;
    for (int i = 0; i < 5; ++i) {
        INFO("record " << i);
        checkAccepted(answers[i], i + 1);
        CHECK(answers[i].recordId == records[i].id);
        CHECK(answers[i].hqReference == u"HQ%1"_s.arg(101 + i, 10, 10, QChar(u'0')));
        CHECK(answers[i].hqTimeMs == kHqTime);
    }
    checkRejected(answers[5], protocol::reason::IdLimit, 5);
    CHECK(answers[5].hqReference == u"HQ0000000106"_s); // a refused record is written too, with its reference
    for (const RecordDecision& record : decision.records) {
        CHECK(record.insert);
        CHECK(record.releasedBy.isNull());
        CHECK(record.identity == countKeyOf(records[0]).section(u'|', 0, 0));
    }
    CHECK(decision.releases.isEmpty());
}

TEST_CASE("The count starts from the ledger's, per identity and per operator", "[hq][decision]")
{
    const SyncRecord cmcc = registration(8, 1, u"CMCC"_s);
    const SyncRecord cucc = registration(8, 2, u"CUCC"_s);
    const SyncRecord cmccAgain = registration(8, 3, u"CMCC"_s);
    const SyncRecord other = registration(9, 4, u"CMCC"_s);
    LedgerSnapshot snapshot = emptyLedger();
    snapshot.counts.insert(countKeyOf(cmcc), 4);
    snapshot.counts.insert(countKeyOf(cucc), 1);
    const protocol::Batch batch = batchOf({cmcc, cucc, cmccAgain, other});
    const BatchDecision decision = decide(batch, snapshot);
    const auto& answers = decision.answer.answers;
    checkAccepted(answers[0], 5);
    checkAccepted(answers[1], 2); // another operator: its own count
    checkRejected(answers[2], protocol::reason::IdLimit, 5);
    checkAccepted(answers[3], 1); // another identity
}

TEST_CASE("A number or SIM active elsewhere, or an identity on the risk list, is refused", "[hq][decision]")
{
    const SyncRecord numberTaken = registration(10, 1);
    const SyncRecord simTaken = registration(10, 2);
    const SyncRecord risky = registration(11, 3);
    const SyncRecord fine = registration(10, 4);
    LedgerSnapshot snapshot = emptyLedger();
    snapshot.takenNumbers.insert(numberTaken.content.msisdn);
    snapshot.takenSims.insert(simTaken.content.iccid);
    snapshot.risky.insert(countKeyOf(risky).section(u'|', 0, 0));
    snapshot.counts.insert(countKeyOf(numberTaken), 2);
    const protocol::Batch batch = batchOf({numberTaken, simTaken, risky, fine});
    const BatchDecision decision = decide(batch, snapshot);
    const auto& answers = decision.answer.answers;
    checkRejected(answers[0], protocol::reason::NumberTaken, 2);
    checkRejected(answers[1], protocol::reason::IccidInUse, 2);
    checkRejected(answers[2], protocol::reason::RiskList, 0);
    checkAccepted(answers[3], 3);
    CHECK(decision.records[0].insert);
}

TEST_CASE("The same SIM or number twice in one batch: the first wins", "[hq][decision]")
{
    const SyncRecord first = registration(12, 1);
    SyncRecord sameSim = registration(13, 2);
    SyncRecord sameNumber = registration(14, 3);
    sameSim.content.iccid = first.content.iccid;
    sameNumber.content.msisdn = first.content.msisdn;
    const protocol::Batch batch = batchOf({first, sameSim, sameNumber});
    const BatchDecision decision = decide(batch, emptyLedger());
    const auto& answers = decision.answer.answers;
    checkAccepted(answers[0], 1);
    checkRejected(answers[1], protocol::reason::IccidInUse, 0);
    checkRejected(answers[2], protocol::reason::NumberTaken, 0);
}

TEST_CASE("A record id from an earlier batch is a duplicate with its first answer", "[hq][decision]")
{
    const SyncRecord seen = registration(15, 1);
    const SyncRecord altered = registration(15, 2);
    const SyncRecord fresh = registration(15, 3);
    LedgerSnapshot snapshot = emptyLedger();
    KnownRecord earlier;
    earlier.hash = seen.contentHash;
    earlier.answer.recordId = seen.id;
    earlier.answer.original = RecordOutcome::Accepted;
    earlier.answer.hqReference = u"HQ0000000042"_s;
    earlier.answer.hqTimeMs = kHqTime - 86'400'000;
    snapshot.known.insert(seen.id, earlier);
    KnownRecord other = earlier;
    other.hash = QByteArray(32, 'x'); // the same id with other content
    other.answer.recordId = altered.id;
    snapshot.known.insert(altered.id, other);
    snapshot.counts.insert(countKeyOf(seen), 1);
    snapshot.takenNumbers.insert(seen.content.msisdn);

    const protocol::Batch batch = batchOf({seen, altered, fresh});
    const BatchDecision decision = decide(batch, snapshot);
    const auto& answers = decision.answer.answers;
    CHECK(answers[0].outcome == RecordOutcome::Duplicate);
    CHECK(answers[0].original == RecordOutcome::Accepted);
    CHECK(answers[0].hqReference == u"HQ0000000042"_s);
    CHECK(answers[0].hqTimeMs == kHqTime - 86'400'000);
    CHECK(answers[0].identityCount == 1);
    CHECK_FALSE(decision.records[0].insert);

    checkRejected(answers[1], protocol::reason::UuidConflict, std::nullopt);
    CHECK(answers[1].hqTimeMs == kHqTime);
    CHECK(answers[1].hqReference.isEmpty());
    CHECK_FALSE(decision.records[1].insert); // the original stays

    checkAccepted(answers[2], 2);
    CHECK(answers[2].hqReference == u"HQ0000000101"_s); // known ids use no reference
    CHECK(decision.records[2].insert);
}

TEST_CASE("A void frees the number, SIM and place of a registration earlier in the batch", "[hq][decision]")
{
    QList<SyncRecord> records;
    for (int serial = 1; serial <= 5; ++serial)
        records << registration(16, serial);
    SyncRecord sameNumberBefore = registration(17, 6);
    sameNumberBefore.content.msisdn = records[4].content.msisdn;
    const SyncRecord voided = voidOf(records[4].id);
    SyncRecord reuse = registration(16, 7); // the same identity, the voided number and SIM
    reuse.content.msisdn = records[4].content.msisdn;
    reuse.content.iccid = records[4].content.iccid;
    records << sameNumberBefore << voided << reuse;

    const protocol::Batch batch = batchOf(records);
    const BatchDecision decision = decide(batch, emptyLedger());
    const auto& answers = decision.answer.answers;
    checkAccepted(answers[4], 5);
    checkRejected(answers[5], protocol::reason::NumberTaken, 0); // before the void: still taken
    checkAccepted(answers[6], 4);                                // the void, with the figure after the release
    checkAccepted(answers[7], 5);
    CHECK(decision.records[4].releasedBy == voided.id);
    CHECK(decision.records[4].answer.outcome == RecordOutcome::Accepted); // answered accepted, written released
    CHECK(decision.records[7].releasedBy.isNull());
    CHECK(decision.releases.isEmpty()); // nothing in the ledger to update
}

TEST_CASE("A void releases a registration in the ledger for the records after it", "[hq][decision]")
{
    const SyncRecord original = registration(18, 1);
    SyncRecord before = registration(18, 2);
    before.content.msisdn = original.content.msisdn;
    SyncRecord after = registration(18, 3); // the same identity, the released number and SIM
    after.content.msisdn = original.content.msisdn;
    after.content.iccid = original.content.iccid;
    const SyncRecord voided = voidOf(original.id);
    LedgerSnapshot snapshot = emptyLedger();
    snapshot.originals.insert(original.id, VoidedOriginal{kOutlet, u"accepted"_s, countKeyOf(original),
                                                          original.content.msisdn, original.content.iccid});
    snapshot.counts.insert(countKeyOf(original), 5);
    snapshot.takenNumbers.insert(original.content.msisdn);
    snapshot.takenSims.insert(original.content.iccid);

    const protocol::Batch batch = batchOf({before, voided, after});
    const BatchDecision decision = decide(batch, snapshot);
    const auto& answers = decision.answer.answers;
    checkRejected(answers[0], protocol::reason::NumberTaken, 5);
    checkAccepted(answers[1], 4);
    checkAccepted(answers[2], 5);
    REQUIRE(decision.releases.size() == 1);
    CHECK(decision.releases[0].original == original.id);
    CHECK(decision.releases[0].by == voided.id);
}

TEST_CASE("A void of an unknown, another outlet's or an already released registration", "[hq][decision]")
{
    const SyncRecord foreign = registration(19, 1);
    const SyncRecord released = registration(19, 2);
    LedgerSnapshot snapshot = emptyLedger();
    snapshot.originals.insert(foreign.id, VoidedOriginal{u"OUT-B"_s, u"accepted"_s, countKeyOf(foreign),
                                                         foreign.content.msisdn, foreign.content.iccid});
    snapshot.originals.insert(released.id, VoidedOriginal{kOutlet, u"released"_s, countKeyOf(released),
                                                          released.content.msisdn, released.content.iccid});
    snapshot.counts.insert(countKeyOf(released), 3);
    snapshot.takenNumbers.insert(foreign.content.msisdn);

    const protocol::Batch batch =
        batchOf({voidOf(QUuid::createUuid()), voidOf(foreign.id), voidOf(released.id), registration(20, 1)});
    const BatchDecision decision = decide(batch, snapshot);
    const auto& answers = decision.answer.answers;
    checkRejected(answers[0], protocol::reason::UnknownRecord, std::nullopt);
    checkRejected(answers[1], protocol::reason::UnknownRecord, std::nullopt);
    checkAccepted(answers[2], 3);                                // recorded, nothing to release
    checkRejected(answers[3], protocol::reason::NumberTaken, 0); // the other outlet's number stays taken
    CHECK(decision.releases.isEmpty());
    for (const RecordDecision& record : decision.records)
        CHECK(record.insert);
}

TEST_CASE("An invalid record is refused INVALID and takes nothing", "[hq][decision]")
{
    SyncRecord invalid = registration(21, 1);
    invalid.invalidReason = u"hash mismatch"_s;
    SyncRecord invalidVoid = voidOf(QUuid::createUuid());
    invalidVoid.invalidReason = u"malformed"_s;
    const SyncRecord sameNumber = registration(21, 1);

    const protocol::Batch batch = batchOf({invalid, invalidVoid, sameNumber});
    const BatchDecision decision = decide(batch, emptyLedger());
    const auto& answers = decision.answer.answers;
    checkRejected(answers[0], protocol::reason::Invalid, std::nullopt);
    checkRejected(answers[1], protocol::reason::Invalid, std::nullopt);
    CHECK(answers[0].hqReference == u"HQ0000000101"_s);
    CHECK(decision.records[0].insert);
    CHECK(decision.records[0].identity.isEmpty());
    checkAccepted(answers[2], 1);
}

TEST_CASE("A finding is taken as it is and changes nothing in the ledger", "[hq][decision]")
{
    const SyncRecord first = registration(22, 1);
    protocol::FindingContent content;
    content.type = u"alert"_s;
    content.day = u"2026-12-05"_s;
    content.key = u"same_identity:0123456789abcdef"_s;
    content.state = u"raised"_s;
    content.figure = 2;
    content.records = {first.id.toString(QUuid::WithoutBraces)};
    content.atMs = kHqTime - 5'000;
    const SyncRecord finding = protocol::makeFindingRecord(kOutlet, content);
    const SyncRecord sameNumber = registration(23, 1);

    const protocol::Batch batch = batchOf({first, finding, sameNumber});
    const BatchDecision decision = decide(batch, emptyLedger());
    const auto& answers = decision.answer.answers;
    checkAccepted(answers[0], 1);
    CHECK(answers[1].outcome == RecordOutcome::Accepted);
    CHECK_FALSE(answers[1].identityCount.has_value());
    CHECK(answers[1].hqReference == u"HQ0000000102"_s);
    CHECK(decision.records[1].insert);
    CHECK(decision.records[1].identity.isEmpty());
    CHECK(decision.releases.isEmpty());
    checkRejected(answers[2], protocol::reason::NumberTaken, 0); // the finding released nothing

    // Sent again: a duplicate with its first answer; under the same id with other content: UUID_CONFLICT.
    LedgerSnapshot known = emptyLedger();
    KnownRecord k;
    k.kind = protocol::RecordKind::Finding;
    k.hash = finding.contentHash;
    k.answer = answers[1];
    known.known.insert(finding.id, k);
    const protocol::Batch again = batchOf({finding});
    const BatchDecision repeated = decide(again, known);
    CHECK(repeated.answer.answers[0].outcome == RecordOutcome::Duplicate);
    CHECK(repeated.answer.answers[0].hqReference == u"HQ0000000102"_s);
    CHECK_FALSE(repeated.records[0].insert);
    SyncRecord altered = finding;
    altered.contentHash = QByteArray(32, 'z');
    const protocol::Batch conflicting = batchOf({altered});
    checkRejected(decide(conflicting, known).answer.answers[0], protocol::reason::UuidConflict, std::nullopt);

    // An HQ before findings refused it INVALID and kept an invalid row: after the upgrade it is taken.
    LedgerSnapshot beforeFindings = emptyLedger();
    KnownRecord invalidRow;
    invalidRow.kind = protocol::RecordKind::Registration;
    invalidRow.answer.recordId = finding.id;
    invalidRow.answer.original = RecordOutcome::Rejected;
    invalidRow.answer.reason = QString::fromLatin1(protocol::reason::Invalid);
    beforeFindings.known.insert(finding.id, invalidRow);
    const BatchDecision upgraded = decide(again, beforeFindings);
    CHECK(upgraded.answer.answers[0].outcome == RecordOutcome::Accepted);
    CHECK(upgraded.records[0].insert);
}

} // namespace
} // namespace shiming::hq
