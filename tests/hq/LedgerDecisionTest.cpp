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

QString iccidOf(int serial)
{
    return u"898601%1"_s.arg(serial, 14, 10, QChar(u'0'));
}

/// A lifecycle record of person `who` on number `serial`: `iccid` as the outlet sends it (a replacement's new
/// SIM, else empty); a transfer's document is the new holder's (`who`) and `holder` the present one's.
SyncRecord lifecycle(const QString& transaction, int who, int serial, const QString& iccid = {}, int holder = -1,
                     const QString& operatorCode = u"CMCC"_s)
{
    protocol::RecordContent content = registration(who, serial, operatorCode).content;
    content.transaction = transaction;
    content.iccid = iccid;
    if (holder >= 0) {
        content.holderDocumentType = u"resident_id"_s;
        content.holderDocumentNumber = registration(holder, serial).content.documentNumber;
    }
    return protocol::makeRecord(QUuid::createUuid(), serial, content);
}

/// The count key of a registration's identity and operator, as the lookup returns it.
QString countKeyOf(const SyncRecord& record)
{
    const auto& c = record.content;
    return identityOperatorKey(
        QString::fromLatin1(protocol::identityHash(kIdentityKey, c.documentType, c.documentNumber)), c.operatorCode);
}

/// The identity HMAC of a registration's document (the new holder's, for a transfer).
QString identityOf(const SyncRecord& record)
{
    return countKeyOf(record).section(u'|', 0, 0);
}

/// `record` as a row of the ledger: `status`, of `outlet`.
LedgerRecord inLedger(const SyncRecord& record, const QString& status = u"accepted"_s, const QString& outlet = kOutlet)
{
    const auto& c = record.content;
    LedgerRecord row;
    row.outletId = outlet;
    row.status = status;
    row.identity = identityOf(record);
    row.operatorCode = c.operatorCode;
    row.msisdn = c.msisdn;
    row.iccid = c.iccid;
    row.transaction = c.transaction.isEmpty() ? u"new"_s : c.transaction;
    return row;
}

/// Someone else's accepted row (another outlet's) holding `msisdn` and `iccid`.
LedgerRecord heldElsewhere(const QString& msisdn, const QString& iccid)
{
    LedgerRecord row;
    row.outletId = u"OUT-B"_s;
    row.status = u"accepted"_s;
    row.identity = u"someone-else"_s;
    row.operatorCode = u"CMCC"_s;
    row.msisdn = msisdn;
    row.iccid = iccid;
    return row;
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
    snapshot.records.insert(QUuid::createUuid(), heldElsewhere(numberTaken.content.msisdn, u"89860100000000000999"_s));
    snapshot.records.insert(QUuid::createUuid(), heldElsewhere(u"13900000999"_s, simTaken.content.iccid));
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
    snapshot.records.insert(seen.id, inLedger(seen));

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
    snapshot.records.insert(original.id, inLedger(original));
    snapshot.counts.insert(countKeyOf(original), 5);

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
    snapshot.records.insert(foreign.id, inLedger(foreign, u"accepted"_s, u"OUT-B"_s));
    snapshot.records.insert(released.id, inLedger(released, u"released"_s));
    snapshot.counts.insert(countKeyOf(released), 3);

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

/// The row a decision writes for a registration of the batch.
void checkRow(const RecordDecision& decision, const QString& status, const QString& iccid, const QUuid& replaces,
              const QUuid& releasedBy = {})
{
    CHECK(decision.status == status);
    CHECK(decision.iccid == iccid);
    CHECK(decision.replaces == replaces);
    CHECK(decision.releasedBy == releasedBy);
}

void checkRelease(const Release& release, const QUuid& original, const QUuid& by, const QString& from = u"accepted"_s)
{
    CHECK(release.original == original);
    CHECK(release.by == by);
    CHECK(release.from == from);
}

TEST_CASE("A re-verification by the holder keeps the number and its SIM, anyone else is NOT_HOLDER",
          "[hq][decision][lifecycle]")
{
    const SyncRecord held = registration(30, 1);
    LedgerSnapshot snapshot = emptyLedger();
    snapshot.records.insert(held.id, inLedger(held));
    snapshot.counts.insert(countKeyOf(held), 3);
    const SyncRecord other = lifecycle(u"reverify"_s, 31, 1);
    const SyncRecord otherOperator = lifecycle(u"reverify"_s, 30, 1, {}, -1, u"CUCC"_s);
    const SyncRecord mine = lifecycle(u"reverify"_s, 30, 1);
    const SyncRecord sameNumber = registration(32, 2);
    SyncRecord sameSim = registration(32, 3);
    sameSim.content.msisdn = u"13900000777"_s;
    sameSim.content.iccid = held.content.iccid;
    protocol::Batch batch = batchOf({other, otherOperator, mine, sameNumber, sameSim});
    batch.records[3].content.msisdn = held.content.msisdn;
    const BatchDecision decision = decide(batch, snapshot);
    const auto& answers = decision.answer.answers;
    checkRejected(answers[0], protocol::reason::NotHolder, 0);
    checkRejected(answers[1], protocol::reason::NotHolder, 0); // the holder's identity, another operator
    checkAccepted(answers[2], 3);                              // the count is unchanged
    checkRow(decision.records[0], u"rejected"_s, QString(), QUuid());
    checkRow(decision.records[2], u"accepted"_s, held.content.iccid, held.id); // the SIM stays
    checkRejected(answers[3], protocol::reason::NumberTaken, 0);               // the new row holds the number
    checkRejected(answers[4], protocol::reason::IccidInUse, 0);                // ... and the SIM
    REQUIRE(decision.releases.size() == 1);
    checkRelease(decision.releases[0], held.id, mine.id);
    CHECK(decision.restores.isEmpty());
}

TEST_CASE("A re-verification of a number HQ does not hold registers it without a SIM, as a new number",
          "[hq][decision][lifecycle]")
{
    const SyncRecord first = lifecycle(u"reverify"_s, 33, 2, iccidOf(2)); // a SIM named anyway is not taken
    const SyncRecord second = lifecycle(u"reverify"_s, 33, 3);
    const SyncRecord full = lifecycle(u"reverify"_s, 34, 4);
    const SyncRecord risky = lifecycle(u"reverify"_s, 35, 5);
    SyncRecord sim = registration(36, 9); // the SIM the first one named
    sim.content.iccid = iccidOf(2);
    LedgerSnapshot snapshot = emptyLedger();
    snapshot.counts.insert(countKeyOf(full), 5);
    snapshot.risky.insert(identityOf(risky));
    const protocol::Batch batch = batchOf({first, second, full, risky, sim});
    const BatchDecision decision = decide(batch, snapshot);
    const auto& answers = decision.answer.answers;
    checkAccepted(answers[0], 1);
    checkAccepted(answers[1], 2); // two numbers without a SIM: no SIM is in use twice
    checkRow(decision.records[0], u"accepted"_s, QString(), QUuid());
    checkRow(decision.records[1], u"accepted"_s, QString(), QUuid());
    checkRejected(answers[2], protocol::reason::IdLimit, 5);
    checkRejected(answers[3], protocol::reason::RiskList, 0);
    checkAccepted(answers[4], 1);
    CHECK(decision.releases.isEmpty());
}

TEST_CASE("A SIM replacement moves the number to the new SIM and frees the old one", "[hq][decision][lifecycle]")
{
    const SyncRecord held = registration(37, 10);
    const SyncRecord other = registration(38, 11);
    LedgerSnapshot snapshot = emptyLedger();
    snapshot.records.insert(held.id, inLedger(held));
    snapshot.records.insert(other.id, inLedger(other, u"accepted"_s, u"OUT-B"_s));
    snapshot.counts.insert(countKeyOf(held), 2);
    const SyncRecord notInService = lifecycle(u"sim_replace"_s, 37, 12, iccidOf(90));
    const SyncRecord otherOperator = lifecycle(u"sim_replace"_s, 37, 10, iccidOf(91), -1, u"CUCC"_s);
    const SyncRecord notHolder = lifecycle(u"sim_replace"_s, 39, 10, iccidOf(92));
    const SyncRecord simInUse = lifecycle(u"sim_replace"_s, 37, 10, other.content.iccid);
    const SyncRecord noSim = lifecycle(u"sim_replace"_s, 37, 10);
    const SyncRecord replaced = lifecycle(u"sim_replace"_s, 37, 10, iccidOf(93));
    SyncRecord oldSim = registration(40, 94);
    oldSim.content.iccid = held.content.iccid;
    const SyncRecord newSim = registration(40, 93);
    const protocol::Batch batch =
        batchOf({notInService, otherOperator, notHolder, simInUse, noSim, replaced, oldSim, newSim});
    const BatchDecision decision = decide(batch, snapshot);
    const auto& answers = decision.answer.answers;
    checkRejected(answers[0], protocol::reason::NumberNotInService, 2);
    checkRejected(answers[1], protocol::reason::NumberNotInService, 0); // in service with another operator
    checkRejected(answers[2], protocol::reason::NotHolder, 0);
    checkRejected(answers[3], protocol::reason::IccidInUse, 2);
    checkRejected(answers[4], protocol::reason::Invalid, 2); // a replacement names its new SIM
    checkAccepted(answers[5], 2);
    checkRow(decision.records[5], u"accepted"_s, iccidOf(93), held.id);
    checkAccepted(answers[6], 1);                               // the old SIM is free
    checkRejected(answers[7], protocol::reason::IccidInUse, 1); // the new one is held
    REQUIRE(decision.releases.size() == 1);
    checkRelease(decision.releases[0], held.id, replaced.id);
}

TEST_CASE("A transfer moves the number between the holders' counts, a new holder at five is ID_LIMIT",
          "[hq][decision][lifecycle]")
{
    const SyncRecord held = registration(41, 20); // person 41 holds it, with one more number
    const SyncRecord full = registration(43, 29); // person 43 holds five
    LedgerSnapshot snapshot = emptyLedger();
    snapshot.records.insert(held.id, inLedger(held));
    snapshot.records.insert(full.id, inLedger(full));
    snapshot.counts.insert(countKeyOf(held), 2);
    snapshot.counts.insert(countKeyOf(full), 5);
    const SyncRecord notInService = lifecycle(u"transfer"_s, 42, 21, {}, 41);
    const SyncRecord notHolder = lifecycle(u"transfer"_s, 42, 20, {}, 45);
    const SyncRecord toRisky = lifecycle(u"transfer"_s, 44, 20, {}, 41);
    snapshot.risky.insert(identityOf(toRisky));
    const SyncRecord toFull = lifecycle(u"transfer"_s, 43, 20, {}, 41);
    const SyncRecord transfer = lifecycle(u"transfer"_s, 42, 20, {}, 41);
    const SyncRecord back = lifecycle(u"transfer"_s, 41, 20, {}, 41); // 41 is no longer the holder
    const SyncRecord another = registration(41, 22);
    const SyncRecord toSelf = lifecycle(u"transfer"_s, 43, 29, {}, 43); // at five: the count does not change
    const protocol::Batch batch = batchOf({notInService, notHolder, toRisky, toFull, transfer, back, another, toSelf});
    const BatchDecision decision = decide(batch, snapshot);
    const auto& answers = decision.answer.answers;
    checkRejected(answers[0], protocol::reason::NumberNotInService, 0);
    checkRejected(answers[1], protocol::reason::NotHolder, 0);
    checkRejected(answers[2], protocol::reason::RiskList, 0);
    checkRejected(answers[3], protocol::reason::IdLimit, 5);
    checkAccepted(answers[4], 1);                                   // the new holder's count
    CHECK(answers[4].holderIdentityCount == std::optional<int>(1)); // and the present holder's, 2 -> 1
    CHECK(answers[3].holderIdentityCount == std::optional<int>(2)); // refused: the holder keeps both
    CHECK_FALSE(answers[6].holderIdentityCount.has_value());        // a new number names no holder
    checkRow(decision.records[4], u"accepted"_s, held.content.iccid, held.id);
    CHECK(decision.records[4].identity == identityOf(transfer));
    checkRejected(answers[5], protocol::reason::NotHolder, 1); // the old holder's count went 2 -> 1
    checkAccepted(answers[6], 2);
    checkAccepted(answers[7], 5);
    checkRow(decision.records[7], u"accepted"_s, full.content.iccid, full.id);
    REQUIRE(decision.releases.size() == 2);
    checkRelease(decision.releases[0], held.id, transfer.id);
    checkRelease(decision.releases[1], full.id, toSelf.id);
}

TEST_CASE("A cancellation holds nothing and frees a place: the identity takes a fifth number again",
          "[hq][decision][lifecycle]")
{
    const SyncRecord held = registration(46, 30);
    LedgerSnapshot snapshot = emptyLedger();
    snapshot.records.insert(held.id, inLedger(held));
    snapshot.counts.insert(countKeyOf(held), 5);
    const SyncRecord fifthBefore = registration(46, 35);
    const SyncRecord notInService = lifecycle(u"cancel"_s, 46, 36);
    const SyncRecord notHolder = lifecycle(u"cancel"_s, 47, 30);
    const SyncRecord cancel = lifecycle(u"cancel"_s, 46, 30);
    const SyncRecord again = lifecycle(u"cancel"_s, 46, 30);
    const SyncRecord fifth = registration(46, 37);
    const SyncRecord sixth = registration(46, 38);
    const SyncRecord reuse = registration(48, 30); // the cancelled number and its SIM
    const protocol::Batch batch = batchOf({fifthBefore, notInService, notHolder, cancel, again, fifth, sixth, reuse});
    const BatchDecision decision = decide(batch, snapshot);
    const auto& answers = decision.answer.answers;
    checkRejected(answers[0], protocol::reason::IdLimit, 5);
    checkRejected(answers[1], protocol::reason::NumberNotInService, 5);
    checkRejected(answers[2], protocol::reason::NotHolder, 0);
    checkAccepted(answers[3], 4);
    checkRow(decision.records[3], u"ended"_s, held.content.iccid, held.id);
    checkRejected(answers[4], protocol::reason::NumberNotInService, 4);
    checkAccepted(answers[5], 5);
    checkRejected(answers[6], protocol::reason::IdLimit, 5);
    checkAccepted(answers[7], 1);
    REQUIRE(decision.releases.size() == 1);
    checkRelease(decision.releases[0], held.id, cancel.id);
}

TEST_CASE("Lifecycle records see the records before them in the same batch", "[hq][decision][lifecycle]")
{
    const SyncRecord tooEarly = lifecycle(u"sim_replace"_s, 49, 40, iccidOf(95));
    const SyncRecord number = registration(49, 40);
    const SyncRecord replacement = lifecycle(u"sim_replace"_s, 49, 40, iccidOf(96));
    const SyncRecord transfer = lifecycle(u"transfer"_s, 50, 40, {}, 49);
    const SyncRecord byOldHolder = lifecycle(u"cancel"_s, 49, 40);
    const SyncRecord byNewHolder = lifecycle(u"cancel"_s, 50, 40);
    const protocol::Batch batch = batchOf({tooEarly, number, replacement, transfer, byOldHolder, byNewHolder});
    const BatchDecision decision = decide(batch, emptyLedger());
    const auto& answers = decision.answer.answers;
    checkRejected(answers[0], protocol::reason::NumberNotInService, 0);
    checkAccepted(answers[1], 1);
    checkAccepted(answers[2], 1);
    checkAccepted(answers[3], 1);
    checkRejected(answers[4], protocol::reason::NotHolder, 0);
    checkAccepted(answers[5], 0);
    checkRow(decision.records[1], u"released"_s, number.content.iccid, QUuid(), replacement.id);
    checkRow(decision.records[2], u"released"_s, iccidOf(96), number.id, transfer.id);
    checkRow(decision.records[3], u"released"_s, iccidOf(96), replacement.id, byNewHolder.id);
    checkRow(decision.records[5], u"ended"_s, iccidOf(96), transfer.id);
    CHECK(decision.releases.isEmpty()); // nothing in the ledger changes but the new rows
    CHECK(decision.restores.isEmpty());
}

TEST_CASE("A void of a transfer gives the number back to the old holder", "[hq][decision][lifecycle]")
{
    const SyncRecord old = registration(51, 50);
    const SyncRecord transfer = lifecycle(u"transfer"_s, 52, 50, {}, 51);
    LedgerRecord oldRow = inLedger(old, u"released"_s);
    oldRow.releasedBy = transfer.id;
    LedgerRecord transferRow = inLedger(transfer);
    transferRow.iccid = old.content.iccid;
    transferRow.replaces = old.id;
    LedgerSnapshot snapshot = emptyLedger();
    snapshot.records.insert(old.id, oldRow);
    snapshot.records.insert(transfer.id, transferRow);
    snapshot.counts.insert(countKeyOf(old), 1);
    snapshot.counts.insert(countKeyOf(transfer), 1);
    const SyncRecord voided = voidOf(transfer.id);
    const SyncRecord sameNumber = registration(53, 60);
    protocol::Batch batch = batchOf({voided, sameNumber, registration(51, 51)});
    batch.records[1].content.msisdn = old.content.msisdn;
    const BatchDecision decision = decide(batch, snapshot);
    const auto& answers = decision.answer.answers;
    checkAccepted(answers[0], 0);                                // the new holder's count after the void
    checkRejected(answers[1], protocol::reason::NumberTaken, 0); // the old holder has it again
    checkAccepted(answers[2], 3);                                // ... in its count: 1 + the number + this one
    REQUIRE(decision.releases.size() == 1);
    checkRelease(decision.releases[0], transfer.id, voided.id);
    REQUIRE(decision.restores.size() == 1);
    CHECK(decision.restores[0] == old.id);

    // The old holder filled its places meanwhile: the void only ends the transfer.
    LedgerSnapshot full = snapshot;
    full.counts.insert(countKeyOf(old), 5);
    const protocol::Batch onlyVoid = batchOf({voided, registration(53, 50)});
    const BatchDecision ended = decide(onlyVoid, full);
    checkAccepted(ended.answer.answers[0], 0);
    checkAccepted(ended.answer.answers[1], 1); // the number is free
    CHECK(ended.restores.isEmpty());
    REQUIRE(ended.releases.size() == 1);

    // The old row was voided itself: it stays released.
    LedgerSnapshot voidedOld = snapshot;
    voidedOld.records[old.id].voided = true;
    CHECK(decide(onlyVoid, voidedOld).restores.isEmpty());
}

TEST_CASE("A void of a cancellation restores the number unless it went to someone else", "[hq][decision][lifecycle]")
{
    LedgerSnapshot snapshot = emptyLedger();
    const auto cancelled = [&](int who, int serial) {
        const SyncRecord old = registration(who, serial);
        const SyncRecord cancel = lifecycle(u"cancel"_s, who, serial);
        LedgerRecord oldRow = inLedger(old, u"released"_s);
        oldRow.releasedBy = cancel.id;
        LedgerRecord cancelRow = inLedger(cancel, u"ended"_s);
        cancelRow.iccid = old.content.iccid;
        cancelRow.replaces = old.id;
        snapshot.records.insert(old.id, oldRow);
        snapshot.records.insert(cancel.id, cancelRow);
        snapshot.counts.insert(countKeyOf(old), 4);
        return std::pair{old, cancel};
    };
    const auto [free, freeCancel] = cancelled(54, 61);
    const auto [taken, takenCancel] = cancelled(55, 62);
    const SyncRecord newHolder = registration(56, 62);
    snapshot.records.insert(newHolder.id, inLedger(newHolder, u"accepted"_s, u"OUT-B"_s));
    const protocol::Batch batch = batchOf({voidOf(freeCancel.id), voidOf(takenCancel.id)});
    const BatchDecision decision = decide(batch, snapshot);
    const auto& answers = decision.answer.answers;
    checkAccepted(answers[0], 5); // the number counts again
    checkAccepted(answers[1], 4); // the number went to someone else: only the cancellation ends
    REQUIRE(decision.releases.size() == 2);
    checkRelease(decision.releases[0], freeCancel.id, batch.records[0].id, u"ended"_s);
    checkRelease(decision.releases[1], takenCancel.id, batch.records[1].id, u"ended"_s);
    REQUIRE(decision.restores.size() == 1);
    CHECK(decision.restores[0] == free.id);
}

TEST_CASE("A void of a SIM replacement whose old SIM went to someone else only ends the replacement",
          "[hq][decision][lifecycle]")
{
    const SyncRecord old = registration(61, 90);
    const SyncRecord replacement = lifecycle(u"sim_replace"_s, 61, 90, iccidOf(91));
    SyncRecord simTaker = registration(62, 92);
    simTaker.content.iccid = old.content.iccid; // took the SIM the replacement freed
    LedgerRecord oldRow = inLedger(old, u"released"_s);
    oldRow.releasedBy = replacement.id;
    LedgerRecord replacementRow = inLedger(replacement);
    replacementRow.replaces = old.id;
    LedgerSnapshot snapshot = emptyLedger();
    snapshot.records.insert(old.id, oldRow);
    snapshot.records.insert(replacement.id, replacementRow);
    snapshot.records.insert(simTaker.id, inLedger(simTaker, u"accepted"_s, u"OUT-B"_s));
    snapshot.counts.insert(countKeyOf(old), 1);
    SyncRecord number = registration(63, 90);
    number.content.iccid = iccidOf(99);
    const protocol::Batch batch = batchOf({voidOf(replacement.id), number});
    const BatchDecision decision = decide(batch, snapshot);
    checkAccepted(decision.answer.answers[0], 0);
    checkAccepted(decision.answer.answers[1], 1); // the number is free: nobody holds it
    CHECK(decision.restores.isEmpty());
    REQUIRE(decision.releases.size() == 1);
    checkRelease(decision.releases[0], replacement.id, batch.records[0].id);
}

TEST_CASE("A lifecycle record and its void in one batch change a ledger row at most once", "[hq][decision][lifecycle]")
{
    const SyncRecord held = registration(57, 70);
    LedgerSnapshot snapshot = emptyLedger();
    snapshot.records.insert(held.id, inLedger(held));
    snapshot.counts.insert(countKeyOf(held), 1);
    const SyncRecord transfer = lifecycle(u"transfer"_s, 58, 70, {}, 57);
    const SyncRecord voided = voidOf(transfer.id);

    const protocol::Batch undone = batchOf({transfer, voided});
    const BatchDecision decision = decide(undone, snapshot);
    checkAccepted(decision.answer.answers[0], 1);
    checkAccepted(decision.answer.answers[1], 0);
    checkRow(decision.records[0], u"released"_s, held.content.iccid, held.id, voided.id);
    CHECK(decision.releases.isEmpty()); // released, then restored: as it was
    CHECK(decision.restores.isEmpty());

    const SyncRecord reverified = lifecycle(u"reverify"_s, 57, 70);
    const protocol::Batch thenReverified = batchOf({transfer, voided, reverified});
    const BatchDecision twice = decide(thenReverified, snapshot);
    checkAccepted(twice.answer.answers[2], 1); // the old holder holds it again and re-verifies it
    REQUIRE(twice.releases.size() == 1);
    checkRelease(twice.releases[0], held.id, reverified.id);
    CHECK(twice.restores.isEmpty());
}

TEST_CASE("A resent lifecycle record is a duplicate and moves nothing", "[hq][decision][lifecycle]")
{
    const SyncRecord old = registration(59, 80);
    const SyncRecord transfer = lifecycle(u"transfer"_s, 60, 80, {}, 59);
    LedgerRecord oldRow = inLedger(old, u"released"_s);
    oldRow.releasedBy = transfer.id;
    LedgerRecord transferRow = inLedger(transfer);
    transferRow.iccid = old.content.iccid;
    transferRow.replaces = old.id;
    LedgerSnapshot snapshot = emptyLedger();
    snapshot.records.insert(old.id, oldRow);
    snapshot.records.insert(transfer.id, transferRow);
    snapshot.counts.insert(countKeyOf(transfer), 1);
    KnownRecord known;
    known.hash = transfer.contentHash;
    known.answer.recordId = transfer.id;
    known.answer.original = RecordOutcome::Accepted;
    known.answer.hqReference = u"HQ0000000007"_s;
    snapshot.known.insert(transfer.id, known);
    const protocol::Batch batch = batchOf({transfer});
    const BatchDecision decision = decide(batch, snapshot);
    CHECK(decision.answer.answers[0].outcome == RecordOutcome::Duplicate);
    CHECK(decision.answer.answers[0].identityCount == 1);
    CHECK_FALSE(decision.records[0].insert);
    CHECK(decision.releases.isEmpty());
    CHECK(decision.restores.isEmpty());
}

} // namespace
} // namespace shiming::hq
