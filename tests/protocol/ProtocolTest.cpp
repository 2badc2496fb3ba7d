#include "support/CatchQt.h"

#include "core/protocol/Batch.h"
#include "core/protocol/BatchAnswer.h"
#include "core/protocol/CborUtil.h"
#include "core/protocol/CredentialBundle.h"
#include "core/protocol/FeedPage.h"
#include "core/protocol/IdentityHash.h"
#include "core/protocol/RequestSignature.h"
#include "core/protocol/Sha256.h"

#include <QCborArray>
#include <QCborValue>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using namespace shiming::protocol;

namespace {

RecordContent sampleContent(const QString& name = u"阿依古丽·买买提 𠮷"_s)
{
    RecordContent content;
    content.documentType = u"resident_id"_s;
    content.documentNumber = u"11010519491231002X"_s;
    content.name = name;
    content.operatorCode = u"CMCC"_s;
    content.msisdn = u"13800138000"_s;
    content.iccid = u"89860012345678901234"_s;
    content.packageCode = u"P58"_s;
    content.registeredAtMs = 1'790'000'000'000;
    content.clerk = u"clerk01"_s;
    QByteArray jpeg(20 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < jpeg.size(); ++i)
        jpeg[i] = char(i * 7);
    content.photos = {{u"chip"_s, jpeg.left(1024)}, {u"live"_s, jpeg}};
    content.extra.insert(u"address"_s, u"新疆维吾尔自治区"_s);
    return content;
}

Batch sampleBatch(int records)
{
    Batch batch;
    batch.id = QUuid::createUuid();
    batch.outletId = u"OUT-001"_s;
    batch.firstSequence = 1;
    batch.lastSequence = records;
    batch.deviceTimeMs = 1'790'000'000'123;
    for (int i = 0; i < records; ++i)
        batch.records.append(makeRecord(QUuid::createUuid(), i + 1, sampleContent()));
    return batch;
}

} // namespace

TEST_CASE("A batch survives encoding exactly, photos as raw bytes", "[protocol]")
{
    const Batch batch = sampleBatch(3);
    const QByteArray bytes = encodeBatch(batch);
    // Raw bytes, not base64: the encoded batch is barely larger than its photos.
    REQUIRE(bytes.size() < 3 * (21 * 1024 + 1024));
    REQUIRE(bytes.contains(batch.records[0].content.photos[1].jpeg));

    const auto decoded = decodeBatch(bytes);
    REQUIRE(decoded.has_value());
    CHECK(decoded->id == batch.id);
    CHECK(decoded->outletId == batch.outletId);
    CHECK(decoded->lastSequence == 3);
    REQUIRE(decoded->records.size() == 3);
    for (int i = 0; i < 3; ++i) {
        CHECK(decoded->records[i].invalidReason.isEmpty());
        CHECK(decoded->records[i].id == batch.records[i].id);
        CHECK(decoded->records[i].content == batch.records[i].content);
        CHECK(decoded->records[i].content.name == u"阿依古丽·买买提 𠮷"_s);
    }
}

TEST_CASE("An altered record is marked invalid, the rest of the batch stays good", "[protocol]")
{
    Batch batch = sampleBatch(2);
    batch.records[1].content.msisdn = u"13900000000"_s; // changed after hashing
    const auto decoded = decodeBatch(encodeBatch(batch));
    REQUIRE(decoded.has_value());
    CHECK(decoded->records[0].invalidReason.isEmpty());
    CHECK(decoded->records[1].invalidReason == u"content hash mismatch"_s);
}

TEST_CASE("Structurally bad batches are refused", "[protocol]")
{
    CHECK_FALSE(decodeBatch(QByteArray()).has_value());
    CHECK_FALSE(decodeBatch("garbage"_ba).has_value());
    CHECK_FALSE(decodeBatch(QByteArray("\xff\xfe\xfd", 3)).has_value());
    CHECK_FALSE(decodeBatch(QByteArray(kMaxBatchBytes + 1, 'a')).has_value());
    CHECK_FALSE(decodeBatch(encodeBatch(sampleBatch(0))).has_value());
    CHECK_FALSE(decodeBatch(encodeBatch(sampleBatch(int(kMaxRecordsPerBatch) + 1))).has_value());

    Batch repeated = sampleBatch(2);
    repeated.records[1].id = repeated.records[0].id;
    CHECK_FALSE(decodeBatch(encodeBatch(repeated)).has_value());

    Batch noOutlet = sampleBatch(1);
    noOutlet.outletId.clear();
    CHECK_FALSE(decodeBatch(encodeBatch(noOutlet)).has_value());

    // Random mutations never crash and never decode into a record with a wrong hash marked good.
    const QByteArray good = encodeBatch(sampleBatch(2));
    QRandomGenerator random(42);
    for (int round = 0; round < 300; ++round) {
        QByteArray mutated = good;
        for (int flips = 0; flips < 4; ++flips)
            mutated[random.bounded(int(mutated.size()))] = char(random.bounded(256));
        const auto decoded = decodeBatch(mutated);
        if (decoded) {
            for (const SyncRecord& record : decoded->records) {
                if (!record.invalidReason.isEmpty())
                    continue;
                CHECK(sha256(record.contentCbor) == record.contentHash);
                if (record.kind == RecordKind::Registration)
                    CHECK(contentHash(record.content) == record.contentHash);
            }
        }
    }
}

TEST_CASE("Void records round-trip with a derived id and are checked like registrations", "[protocol]")
{
    const QUuid original = QUuid::createUuid();
    CHECK(voidRecordId(original) == voidRecordId(original));
    CHECK(voidRecordId(original) != original);
    CHECK(voidRecordId(original) != voidRecordId(QUuid::createUuid()));

    VoidContent content{original, 1'790'000'000'000, u"manager01"_s, u"客户取消 𠮷"_s};
    Batch batch = sampleBatch(1);
    batch.records.append(makeVoidRecord(voidRecordId(original), 0, content));
    const auto decoded = decodeBatch(encodeBatch(batch));
    REQUIRE(decoded.has_value());
    REQUIRE(decoded->records.size() == 2);
    CHECK(decoded->records[0].kind == RecordKind::Registration);
    const SyncRecord& v = decoded->records[1];
    CHECK(v.invalidReason.isEmpty());
    CHECK(v.kind == RecordKind::Void);
    CHECK(v.voidContent == content);
    CHECK(v.contentCbor == batch.records[1].contentCbor);
    CHECK(sha256(v.contentCbor) == v.contentHash);

    // Altered after hashing: invalid, the registration beside it stays good.
    batch.records[1].voidContent.original = QUuid::createUuid();
    const auto altered = decodeBatch(encodeBatch(batch));
    REQUIRE(altered.has_value());
    CHECK(altered->records[0].invalidReason.isEmpty());
    CHECK(altered->records[1].invalidReason == u"content hash mismatch"_s);

    // A long note is cut to the field limit and NULs are dropped, so HQ never refuses the void for its note.
    VoidContent wordy{original, 1, u"manager01"_s, QString(300, u'x') + QChar(0)};
    const SyncRecord cut = makeVoidRecord(voidRecordId(original), 0, wordy);
    CHECK(cut.voidContent.reason.size() == 256);
    Batch withCut = sampleBatch(1);
    withCut.records.append(cut);
    const auto decodedCut = decodeBatch(encodeBatch(withCut));
    REQUIRE(decodedCut.has_value());
    CHECK(decodedCut->records[1].invalidReason.isEmpty());
}

TEST_CASE("Finding records round-trip with an id derived from outlet, finding and state", "[protocol]")
{
    FindingContent content;
    content.type = u"spot_check"_s;
    content.day = u"2026-12-05"_s;
    content.key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    content.state = u"problem"_s;
    content.subject = u"clerk01"_s;
    content.records = {content.key};
    content.actor = u"manager01"_s;
    content.note = u"签名与证件不符 𠮷 · 复核"_s;
    content.atMs = 1'790'000'000'000;
    const SyncRecord record = makeFindingRecord(u"OUT-A"_s, content);
    CHECK(record.id == findingRecordId(u"OUT-A"_s, content));
    CHECK(record.id != findingRecordId(u"OUT-B"_s, content)); // record ids are HQ-wide
    FindingContent later = content;
    later.atMs += 1;
    CHECK(findingRecordId(u"OUT-A"_s, later) != record.id); // a changed verdict is a record of its own

    Batch batch = sampleBatch(1);
    batch.records.append(record);
    const auto decoded = decodeBatch(encodeBatch(batch));
    REQUIRE(decoded.has_value());
    const SyncRecord& f = decoded->records[1];
    CHECK(f.invalidReason.isEmpty());
    CHECK(f.kind == RecordKind::Finding);
    CHECK(f.findingContent == content);
    CHECK(f.contentCbor == record.contentCbor);
    CHECK(derivedBatchId({record}) == derivedBatchId({f}));

    // A note longer than the wire's limit is cut, NULs dropped: the finding never fails for its note.
    FindingContent wordy = content;
    wordy.note = QString(3000, u'x') + QChar(0);
    CHECK(makeFindingRecord(u"OUT-A"_s, wordy).findingContent.note.size() == kMaxFindingNoteLength);

    // Unknown types or states, a day that is not a date, a record that is not a uuid: invalid, the rest good.
    const auto invalidWith = [&](auto change) {
        FindingContent bad = content;
        change(bad);
        Batch b = sampleBatch(1);
        b.records.append(makeFindingRecord(u"OUT-A"_s, bad));
        const auto d = decodeBatch(encodeBatch(b));
        REQUIRE(d.has_value());
        CHECK(d->records[0].invalidReason.isEmpty());
        return !d->records[1].invalidReason.isEmpty();
    };
    CHECK(invalidWith([](FindingContent& c) { c.type = u"gossip"_s; }));
    CHECK(invalidWith([](FindingContent& c) { c.state = u"raised"_s; })); // a spot check is ok or problem
    CHECK(invalidWith([](FindingContent& c) { c.day = u"2026-13-01"_s; }));
    CHECK(invalidWith([](FindingContent& c) { c.records = {u"not-a-uuid"_s}; }));
    CHECK(invalidWith([](FindingContent& c) { c.key.clear(); }));
    CHECK_FALSE(invalidWith([](FindingContent& c) {
        c.type = u"alert"_s;
        c.state = u"acknowledged"_s;
    }));
}

TEST_CASE("Unknown record kinds and NUL characters make a record invalid", "[protocol]")
{
    QCborMap map = QCborValue::fromCbor(encodeBatch(sampleBatch(2))).toMap();
    QCborArray records = map.value(u"records"_s).toArray();
    QCborMap first = records[0].toMap();
    first.insert(u"kind"_s, u"deregistration"_s);
    records[0] = first;
    map.insert(u"records"_s, records);
    const auto decoded = decodeBatch(QCborValue(map).toCbor());
    REQUIRE(decoded.has_value());
    CHECK(decoded->records[0].invalidReason == u"unknown record kind"_s);
    CHECK(decoded->records[1].invalidReason.isEmpty());

    Batch nul = sampleBatch(1);
    RecordContent content = sampleContent();
    content.msisdn = u"138"_s + QChar(0) + u"00138000"_s;
    nul.records[0] = makeRecord(QUuid::createUuid(), 1, content);
    const auto decodedNul = decodeBatch(encodeBatch(nul));
    REQUIRE(decodedNul.has_value());
    CHECK_FALSE(decodedNul->records[0].invalidReason.isEmpty());
}

TEST_CASE("Records of every real-name transaction round-trip, a new number's encoding is as before", "[protocol]")
{
    const RecordContent number = sampleContent();
    // The encoder before transactions existed, key for key: a new number's hash must not change with them.
    QCborMap before;
    for (const auto& [key, value] :
         std::initializer_list<std::pair<const char*, QCborValue>>{{"docType", number.documentType},
                                                                   {"docNumber", number.documentNumber},
                                                                   {"name", number.name},
                                                                   {"operator", number.operatorCode},
                                                                   {"msisdn", number.msisdn},
                                                                   {"iccid", number.iccid},
                                                                   {"package", number.packageCode},
                                                                   {"registeredAt", number.registeredAtMs},
                                                                   {"clerk", number.clerk}})
        before.insert(QLatin1StringView(key), value);
    QCborArray photos;
    for (const RecordPhoto& photo : number.photos)
        photos.append(QCborMap{{u"kind"_s, photo.kind}, {u"jpeg"_s, photo.jpeg}});
    before.insert(u"photos"_s, photos);
    before.insert(u"extra"_s, number.extra);
    const SyncRecord newNumber = makeRecord(QUuid::createUuid(), 1, number);
    CHECK_FALSE(encodeContent(number).contains(u"txn"_s));
    CHECK_FALSE(encodeContent(number).contains(u"holderDocType"_s));
    CHECK(newNumber.contentCbor == QCborValue(before).toCbor());
    CHECK(newNumber.contentHash == sha256(QCborValue(before).toCbor()));

    Batch batch = sampleBatch(0);
    batch.records << newNumber;
    for (const QString& transaction : {u"reverify"_s, u"sim_replace"_s, u"transfer"_s, u"cancel"_s}) {
        RecordContent content = sampleContent();
        content.transaction = transaction;
        content.iccid = transaction == u"sim_replace"_s ? u"89860012345678900000"_s : QString();
        if (transaction == u"transfer"_s) {
            content.holderDocumentType = u"passport"_s;
            content.holderDocumentNumber = u"E12345678"_s;
        }
        batch.records << makeRecord(QUuid::createUuid(), batch.records.size() + 1, content);
        CHECK(encodeContent(content).value(u"txn"_s).toString() == transaction);
        CHECK(encodeContent(content).contains(u"holderDocType"_s) == (transaction == u"transfer"_s));
        CHECK(batch.records.back().contentHash != newNumber.contentHash);
    }
    batch.lastSequence = batch.records.size();
    const auto decoded = decodeBatch(encodeBatch(batch));
    REQUIRE(decoded.has_value());
    REQUIRE(decoded->records.size() == 5);
    for (qsizetype i = 0; i < batch.records.size(); ++i) {
        INFO("record " << i);
        CHECK(decoded->records[i].invalidReason.isEmpty());
        CHECK(decoded->records[i].content == batch.records[i].content);
        CHECK(decoded->records[i].contentHash == batch.records[i].contentHash);
    }
    CHECK(decoded->records[0].content.transaction.isEmpty());
    CHECK(decoded->records[3].content.holderDocumentNumber == u"E12345678"_s);
    CHECK(decoded->records[4].content.transaction == u"cancel"_s);
}

TEST_CASE("An unknown transaction, a transfer without its holder or a holder elsewhere makes a record invalid",
          "[protocol]")
{
    const auto withTransaction = [](const QString& transaction, bool holder) {
        RecordContent content = sampleContent();
        content.transaction = transaction;
        if (holder) {
            content.holderDocumentType = u"resident_id"_s;
            content.holderDocumentNumber = u"110105194912310038"_s;
        }
        return makeRecord(QUuid::createUuid(), 1, content);
    };
    Batch batch = sampleBatch(0);
    batch.records << withTransaction(u"port_out"_s, false) << withTransaction(u"transfer"_s, false)
                  << withTransaction(u"cancel"_s, true) << withTransaction(u"reverify"_s, true)
                  << withTransaction(u"transfer"_s, true);
    RecordContent noNumber = sampleContent();
    noNumber.transaction = u"cancel"_s;
    noNumber.msisdn.clear();
    batch.records << makeRecord(QUuid::createUuid(), 1, noNumber);
    batch.lastSequence = batch.records.size();
    // A new number naming a holder, hashed as sent: the holder is no part of a new number.
    QCborMap map = QCborValue::fromCbor(encodeBatch(batch)).toMap();
    QCborArray records = map.value(u"records"_s).toArray();
    QCborMap record = records[0].toMap();
    QCborMap content = encodeContent(sampleContent());
    content.insert(u"holderDocType"_s, u"resident_id"_s);
    content.insert(u"holderDocNumber"_s, u"110105194912310038"_s);
    record.insert(u"uuid"_s, cbor::uuidValue(QUuid::createUuid()));
    record.insert(u"content"_s, content);
    record.insert(u"hash"_s, sha256(QCborValue(content).toCbor()));
    records.append(record);
    map.insert(u"records"_s, records);

    const auto decoded = decodeBatch(QCborValue(map).toCbor());
    REQUIRE(decoded.has_value());
    REQUIRE(decoded->records.size() == 7);
    CHECK(decoded->records[0].invalidReason == u"record of an unknown transaction"_s);
    CHECK(decoded->records[1].invalidReason == u"a transfer names its present holder, nothing else does"_s);
    CHECK(decoded->records[2].invalidReason == u"a transfer names its present holder, nothing else does"_s);
    CHECK(decoded->records[3].invalidReason == u"a transfer names its present holder, nothing else does"_s);
    CHECK(decoded->records[4].invalidReason.isEmpty());
    CHECK(decoded->records[5].invalidReason == u"a transaction on a number in service names the number"_s);
    CHECK_FALSE(decoded->records[6].invalidReason.isEmpty());
}

TEST_CASE("The audit head travels with a batch and a malformed one refuses the batch", "[protocol]")
{
    Batch batch = sampleBatch(1);
    CHECK_FALSE(decodeBatch(encodeBatch(batch))->audit.has_value());
    batch.audit = AuditHead{4711, QByteArray(32, '\x5a')};
    const auto decoded = decodeBatch(encodeBatch(batch));
    REQUIRE(decoded.has_value());
    REQUIRE(decoded->audit.has_value());
    CHECK(*decoded->audit == *batch.audit);

    batch.audit = AuditHead{-1, QByteArray(32, 'a')};
    CHECK_FALSE(decodeBatch(encodeBatch(batch)).has_value());
    batch.audit = AuditHead{1, QByteArray(65, 'a')};
    CHECK_FALSE(decodeBatch(encodeBatch(batch)).has_value());
    QCborMap map = QCborValue::fromCbor(encodeBatch(sampleBatch(1))).toMap();
    map.insert(u"audit"_s, u"head"_s);
    CHECK_FALSE(decodeBatch(QCborValue(map).toCbor()).has_value());
}

TEST_CASE("Batch answers round-trip including duplicates of rejected records", "[protocol]")
{
    BatchAnswer answer;
    answer.batchId = QUuid::createUuid();
    answer.hqTimeMs = 123456;
    answer.answers.append({QUuid::createUuid(), RecordOutcome::Accepted, RecordOutcome::Accepted, {}, u"HQ-1"_s, 5});
    answer.answers.append({QUuid::createUuid(), RecordOutcome::Duplicate, RecordOutcome::Rejected,
                           QString::fromLatin1(reason::IdLimit), u"HQ-2"_s, 6});
    const auto decoded = decodeBatchAnswer(encodeBatchAnswer(answer));
    REQUIRE(decoded.has_value());
    CHECK(decoded->batchId == answer.batchId);
    REQUIRE(decoded->answers.size() == 2);
    CHECK(decoded->answers[0].isAccepted());
    CHECK(decoded->answers[1].outcome == RecordOutcome::Duplicate);
    CHECK_FALSE(decoded->answers[1].isAccepted());
    CHECK(decoded->answers[1].reason == u"ID_LIMIT"_s);
    CHECK(decoded->answers[1].hqReference == u"HQ-2"_s);
    CHECK_FALSE(decodeBatchAnswer("nope"_ba).has_value());
}

TEST_CASE("HQ's per-identity figure travels with an answer and may be absent", "[protocol]")
{
    BatchAnswer answer;
    answer.batchId = QUuid::createUuid();
    answer.hqTimeMs = 1000;
    RecordAnswer accepted{QUuid::createUuid(), RecordOutcome::Accepted, RecordOutcome::Accepted, {}, u"HQ1"_s, 1000};
    accepted.identityCount = 4;
    RecordAnswer zero{QUuid::createUuid(),
                      RecordOutcome::Rejected,
                      RecordOutcome::Rejected,
                      QString::fromLatin1(reason::RiskList),
                      u"HQ2"_s,
                      1000};
    zero.identityCount = 0;
    const RecordAnswer silent{QUuid::createUuid(),
                              RecordOutcome::Rejected,
                              RecordOutcome::Rejected,
                              QString::fromLatin1(reason::Invalid),
                              u"HQ3"_s,
                              1000};
    accepted.holderIdentityCount = 2; // a transfer: the present holder's figure too
    answer.answers = {accepted, zero, silent};
    const auto decoded = decodeBatchAnswer(encodeBatchAnswer(answer));
    REQUIRE(decoded.has_value());
    REQUIRE(decoded->answers.size() == 3);
    CHECK(decoded->answers[0].identityCount == std::optional<int>(4));
    CHECK(decoded->answers[0].holderIdentityCount == std::optional<int>(2));
    CHECK_FALSE(decoded->answers[1].holderIdentityCount.has_value());
    CHECK(decoded->answers[1].identityCount == std::optional<int>(0)); // zero is a figure, not an absence
    CHECK_FALSE(decoded->answers[2].identityCount.has_value());

    SECTION("an answer from an HQ that sends no figures still decodes")
    {
        QCborMap entry;
        entry.insert(u"uuid"_s, QCborValue(accepted.recordId.toRfc4122()));
        entry.insert(u"outcome"_s, u"accepted"_s);
        entry.insert(u"original"_s, u"accepted"_s);
        entry.insert(u"reason"_s, QString());
        entry.insert(u"ref"_s, u"HQ1"_s);
        entry.insert(u"time"_s, 1000);
        QCborMap map;
        map.insert(u"v"_s, 1);
        map.insert(u"batch"_s, QCborValue(answer.batchId.toRfc4122()));
        map.insert(u"hqTime"_s, 1000);
        map.insert(u"answers"_s, QCborArray{entry});
        const auto old = decodeBatchAnswer(QCborValue(map).toCbor());
        REQUIRE(old.has_value());
        REQUIRE(old->answers.size() == 1);
        CHECK(old->answers[0].isAccepted());
        CHECK_FALSE(old->answers[0].identityCount.has_value());

        // A figure that is not a count refuses the answer rather than being read as some number.
        for (const QCborValue& bad :
             {QCborValue(-1), QCborValue(u"4"_s), QCborValue(qint64(1) << 40), QCborValue(4.5)}) {
            for (const QString& key : {u"idCount"_s, u"holderIdCount"_s}) {
                QCborMap badEntry = entry;
                badEntry.insert(key, bad);
                map.insert(u"answers"_s, QCborArray{badEntry});
                CHECK_FALSE(decodeBatchAnswer(QCborValue(map).toCbor()).has_value());
            }
        }
    }
}

TEST_CASE("Feed pages round-trip", "[protocol]")
{
    FeedPage page;
    page.feed = QString::fromLatin1(feed::Settings);
    page.cursor = 42;
    page.more = true;
    QCborMap body;
    body.insert(u"value"_s, 0.62);
    page.items.append({41, u"face.passThreshold"_s, false, body});
    page.items.append({42, u"old"_s, true, {}});
    const auto decoded = decodeFeedPage(encodeFeedPage(page));
    REQUIRE(decoded.has_value());
    CHECK(decoded->feed == u"settings"_s);
    CHECK(decoded->cursor == 42);
    CHECK(decoded->more);
    REQUIRE(decoded->items.size() == 2);
    CHECK(decoded->items[0].body.value(u"value"_s).toDouble() == 0.62);
    CHECK(decoded->items[1].removed);
    CHECK_FALSE(decodeFeedPage(QByteArray()).has_value());
}

TEST_CASE("Request signatures detect every altered field", "[protocol]")
{
    const QByteArray key = "0123456789abcdef0123456789abcdef";
    signature::Fields fields{"POST", "/v1/batches", u"OUT-001"_s, 1000, signature::newNonce()};
    REQUIRE(signature::isWellFormedNonce(fields.nonce));
    const QByteArray body = "body";
    const QByteArray sig = signature::sign(key, fields, body);
    CHECK(signature::verify(key, fields, body, sig));
    CHECK_FALSE(signature::verify(key, fields, "bodY", sig));
    CHECK_FALSE(signature::verify("another key another key another", fields, body, sig));
    auto other = fields;
    other.timeMs = 1001;
    CHECK_FALSE(signature::verify(key, other, body, sig));
    other = fields;
    other.outletId = u"OUT-002"_s;
    CHECK_FALSE(signature::verify(key, other, body, sig));
    other = fields;
    other.target = "/v1/batches?x";
    CHECK_FALSE(signature::verify(key, other, body, sig));
    CHECK_FALSE(signature::verify(key, fields, body, sig.left(10)));
    CHECK_FALSE(signature::isWellFormedNonce("XYZ"));
}

TEST_CASE("Identity hashes ignore case and never contain the number", "[protocol]")
{
    const QByteArray key = "k1k1k1k1k1k1k1k1";
    const QByteArray a = identityHash(key, u"resident_id"_s, u"11010519491231002x"_s);
    CHECK(a == identityHash(key, u"resident_id"_s, u" 11010519491231002X"_s));
    CHECK(a != identityHash("k2k2k2k2k2k2k2k2", u"resident_id"_s, u"11010519491231002X"_s));
    CHECK(a != identityHash(key, u"passport"_s, u"11010519491231002X"_s));
    CHECK_FALSE(a.contains("110105"));
}

TEST_CASE("Credential bundles round-trip and refuse incomplete files", "[protocol]")
{
    CredentialBundle bundle;
    bundle.outletId = u"OUT-9"_s;
    bundle.certificatePem = "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n";
    bundle.privateKeyPem = "key";
    bundle.caCertificatePem = "ca";
    bundle.requestKey = QByteArray(32, '\x01');
    bundle.identityKey = QByteArray(32, '\x02');
    bundle.serial = u"abcd"_s;
    const auto decoded = CredentialBundle::fromJson(bundle.toJson());
    REQUIRE(decoded.has_value());
    CHECK(decoded->requestKey == bundle.requestKey);
    CHECK(decoded->certificatePem == bundle.certificatePem);
    CHECK_FALSE(CredentialBundle::fromJson("{}").has_value());
    CHECK_FALSE(CredentialBundle::fromJson("\xff\xfe").has_value());
}
