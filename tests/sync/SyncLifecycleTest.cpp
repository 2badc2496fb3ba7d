// Re-verification, SIM replacement, transfer and cancellation from a real outlet store through the real sync
// engine to a real shiming-hq: what HQ accepts and refuses, what its ledger then holds, and what the outlet
// learns from the answers (statuses, reasons, the manager's HQ-rejections queue, the per-identity figure).
#include "SyncTestSupport.h"
#include "support/CatchQt.h"

#include "core/review/ReviewRepository.h"
#include "core/sync/IdentityFigures.h"

#include <pqxx/pqxx>

#include <QFile>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;
using registration::Transaction;

namespace {

/// One row of HQ's `records` table, as the lifecycle tests read it.
struct LedgerRow {
    QString status;
    QString reason;
    QString transaction;
    QString replaces;   ///< the row it superseded; empty when none
    QString releasedBy; ///< the record that superseded (or the void that released) it; empty when none
    QString identity;   ///< identity_hmac
    QString msisdn;
    QString iccid;
};

QHash<QString, LedgerRow> ledger(const std::string& url)
{
    QHash<QString, LedgerRow> rows;
    pqxx::connection connection(url);
    pqxx::read_transaction tx(connection);
    const auto text = [](const pqxx::field& field) {
        return field.is_null() ? QString() : QString::fromStdString(field.as<std::string>());
    };
    for (const auto& row :
         tx.exec("SELECT record_uuid::text, status, reason, transaction, replaces::text, released_by::text, "
                 "identity_hmac, msisdn, iccid FROM records"))
        rows.insert(text(row[0]), {text(row[1]), text(row[2]), text(row[3]), text(row[4]), text(row[5]), text(row[6]),
                                   text(row[7]), text(row[8])});
    return rows;
}

/// The record holding `number` at HQ (its accepted row), or "" when nobody does.
std::string holderAtHq(const std::string& url, int serial)
{
    return PgCluster::scalar(url, "SELECT string_agg(record_uuid::text, ',') FROM records WHERE status = 'accepted' "
                                  "AND msisdn = '" +
                                      numberOf(serial).toStdString() + "'");
}

/// HQ's count of active numbers of the identity (there is one operator in these tests).
int countAtHq(const std::string& url, const QString& identityKey)
{
    return std::stoi(
        PgCluster::scalar(url, "SELECT count(*) FROM records WHERE status = 'accepted' AND identity_hmac = '" +
                                   identityKey.toStdString() + "'"));
}

/// The outlet's stored HQ figure for the identity; nullopt when HQ never sent one.
std::optional<int> figureAt(TestOutlet& outlet, int identity)
{
    const auto figure = sync::identityFigure(outlet.store(), outlet.identityKeyOf(identity));
    REQUIRE(figure.has_value());
    return figure->has_value() ? std::optional<int>((*figure)->count) : std::nullopt;
}

registration::IdentityHoldings holdingsAt(TestOutlet& outlet, int identity)
{
    auto held = sync::identityHoldings(outlet.store(), outlet.bundle().identityKey, DocumentType::ResidentId,
                                       identityNumber(identity));
    REQUIRE(held.has_value());
    return *held;
}

sync::SyncReport pass(TestOutlet& outlet)
{
    const sync::SyncReport report = outlet.engine().runBlocking();
    INFO("sync error: " << report.error.toStdString());
    REQUIRE(report.ok);
    return report;
}

/// HQ's decision on a row as the outlet keeps it: a lifecycle record superseding an accepted row (released by a
/// record of the ledger) or ending it (a cancellation in force) does not change what was decided about either.
QString decisionOf(const LedgerRow& row, const QHash<QString, LedgerRow>& rows)
{
    if (row.status == u"ended"_s || (row.status == u"released"_s && rows.contains(row.releasedBy)))
        return u"accepted"_s;
    return row.status;
}

/// Every record of the outlets is in HQ's ledger exactly once (the ledger's key is the record id, so: as many rows as
/// records), with the decision and the reason the outlet holds.
void checkAgrees(const std::string& url, const QList<TestOutlet*>& outlets)
{
    const auto rows = ledger(url);
    qsizetype total = 0;
    for (TestOutlet* outlet : outlets) {
        CHECK(outlet->store().outbox().queueLength().value_or(-1) == 0);
        const auto mine = outlet->statuses();
        total += mine.size();
        for (auto it = mine.cbegin(); it != mine.cend(); ++it) {
            INFO("record " << it.key().toStdString());
            REQUIRE(rows.contains(it.key()));
            CHECK(it.value().first == decisionOf(rows.value(it.key()), rows));
            CHECK(it.value().second == rows.value(it.key()).reason);
        }
    }
    CHECK(rows.size() == total);
}

void copyDatabase(const QString& from, const QString& to)
{
    for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        QFile::remove(to + suffix);
        if (QFile::exists(from + suffix))
            REQUIRE(QFile::copy(from + suffix, to + suffix));
    }
}

} // namespace

TEST_CASE("Lifecycle: re-verification, SIM replacement, transfer and cancellation are accepted and move the number",
          "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet outlet(u"OUT-L"_s, hq, 31);
    constexpr int a = 21, b = 22, n = 700;
    const QString keyA = outlet.identityKeyOf(a);
    const QString keyB = outlet.identityKeyOf(b);
    REQUIRE(keyA != keyB);

    const QString registered = outlet.commit(a, n);
    CHECK(pass(outlet).accepted == 1);
    auto rows = ledger(url);
    CHECK(rows.value(registered).status == u"accepted"_s);
    CHECK(rows.value(registered).transaction == u"new"_s);
    CHECK(rows.value(registered).identity == keyA);
    CHECK(countAtHq(url, keyA) == 1);

    // Re-verification by the holder: the new row holds the number and keeps the holder's SIM; the count stays.
    const QString reverified = outlet.commitTransaction(Transaction::Reverification, a, n);
    sync::SyncReport report = pass(outlet);
    CHECK(report.accepted == 1);
    CHECK(report.rejected == 0);
    rows = ledger(url);
    CHECK(rows.value(reverified).status == u"accepted"_s);
    CHECK(rows.value(reverified).transaction == u"reverify"_s);
    CHECK(rows.value(reverified).replaces == registered);
    CHECK(rows.value(reverified).iccid == iccidOf(n));
    CHECK(rows.value(registered).status == u"released"_s);
    CHECK(rows.value(registered).releasedBy == reverified);
    CHECK(holderAtHq(url, n) == reverified.toStdString());
    CHECK(countAtHq(url, keyA) == 1);
    CHECK(figureAt(outlet, a) == std::optional<int>(1));

    // The SIM is held until it is replaced: a new number with it is refused before and accepted after.
    const QString tooEarly = outlet.commitTransaction(Transaction::NewNumber, 23, n + 10, -1, n);
    const QString replaced = outlet.commitTransaction(Transaction::SimReplacement, a, n, -1, n + 1);
    const QString oldSim = outlet.commitTransaction(Transaction::NewNumber, 23, n + 11, -1, n);
    const QString newSim = outlet.commitTransaction(Transaction::NewNumber, 24, n + 12, -1, n + 1);
    report = pass(outlet);
    CHECK(report.accepted == 2);
    CHECK(report.rejected == 2);
    auto mine = outlet.statuses();
    CHECK(mine.value(tooEarly) == qMakePair(u"rejected"_s, u"ICCID_IN_USE"_s));
    CHECK(mine.value(replaced) == qMakePair(u"accepted"_s, QString()));
    CHECK(mine.value(oldSim) == qMakePair(u"accepted"_s, QString()));
    CHECK(mine.value(newSim) == qMakePair(u"rejected"_s, u"ICCID_IN_USE"_s)); // the replacement holds the new one
    rows = ledger(url);
    CHECK(rows.value(replaced).status == u"accepted"_s);
    CHECK(rows.value(replaced).transaction == u"sim_replace"_s);
    CHECK(rows.value(replaced).replaces == reverified);
    CHECK(rows.value(replaced).iccid == iccidOf(n + 1));
    CHECK(rows.value(reverified).status == u"released"_s);
    CHECK(rows.value(reverified).releasedBy == replaced);
    CHECK(rows.value(oldSim).iccid == iccidOf(n));
    CHECK(holderAtHq(url, n) == replaced.toStdString());
    CHECK(countAtHq(url, keyA) == 1);

    // Transfer from A to B: B's row holds the number with the SIM in it; A loses the place, B gains one.
    const QString transferred = outlet.commitTransaction(Transaction::Transfer, b, n, a);
    report = pass(outlet);
    CHECK(report.accepted == 1);
    CHECK(report.rejected == 0);
    rows = ledger(url);
    CHECK(rows.value(transferred).status == u"accepted"_s);
    CHECK(rows.value(transferred).transaction == u"transfer"_s);
    CHECK(rows.value(transferred).replaces == replaced);
    CHECK(rows.value(transferred).identity == keyB);
    CHECK(rows.value(transferred).iccid == iccidOf(n + 1));
    CHECK(rows.value(replaced).status == u"released"_s);
    CHECK(rows.value(replaced).releasedBy == transferred);
    CHECK(holderAtHq(url, n) == transferred.toStdString());
    CHECK(countAtHq(url, keyA) == 0);
    CHECK(countAtHq(url, keyB) == 1);
    CHECK(figureAt(outlet, b) == std::optional<int>(1)); // the answer's figure is the new holder's
    // ... and the present holder's, lowered: A is not kept at a count HQ no longer has.
    CHECK(figureAt(outlet, a) == std::optional<int>(0));
    CHECK(holdingsAt(outlet, a).effective() == 0);
    // The outlet's own count follows the number: its latest record here is B's.
    CHECK(holdingsAt(outlet, a).outletCount == 0);
    CHECK(holdingsAt(outlet, b).outletCount == 1);

    // Cancellation by B: nobody holds the number, B's count drops, and the number can be registered again.
    const QString cancelled = outlet.commitTransaction(Transaction::Cancellation, b, n);
    report = pass(outlet);
    CHECK(report.accepted == 1);
    rows = ledger(url);
    CHECK(rows.value(cancelled).status == u"ended"_s);
    CHECK(rows.value(cancelled).transaction == u"cancel"_s);
    CHECK(rows.value(cancelled).replaces == transferred);
    CHECK(rows.value(transferred).status == u"released"_s);
    CHECK(rows.value(transferred).releasedBy == cancelled);
    CHECK(holderAtHq(url, n).empty());
    CHECK(countAtHq(url, keyB) == 0);
    CHECK(figureAt(outlet, b) == std::optional<int>(0));
    CHECK(holdingsAt(outlet, b).effective() == 0);
    const QString again = outlet.commitTransaction(Transaction::NewNumber, 25, n, -1, n + 20);
    CHECK(pass(outlet).accepted == 1);
    CHECK(holderAtHq(url, n) == again.toStdString());

    checkAgrees(url, {&outlet});
    CHECK(PgCluster::scalar(url, "SELECT count(*) FROM records WHERE status = 'released'") == "4");
    CHECK(PgCluster::scalar(url, "SELECT count(*) FROM records WHERE status = 'ended'") == "1");
}

TEST_CASE("Lifecycle: refusals reach the outlet with HQ's reason and the manager's HQ-rejections queue", "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet outlet(u"OUT-R"_s, hq, 32);
    constexpr int holder = 31, stranger = 32, full = 33, n = 800;
    const QString held = outlet.commit(holder, n);
    for (int i = 0; i < 5; ++i)
        outlet.commit(full, 810 + i);
    CHECK(pass(outlet).accepted == 6);

    const QString replacement = outlet.commitTransaction(Transaction::SimReplacement, stranger, n, -1, n + 1);
    const QString wrongHolder = outlet.commitTransaction(Transaction::Transfer, stranger, n, full);
    const QString overLimit = outlet.commitTransaction(Transaction::Transfer, full, n, holder);
    const QString strangerCancels = outlet.commitTransaction(Transaction::Cancellation, stranger, n);
    const QString notInService = outlet.commitTransaction(Transaction::Cancellation, holder, 820);
    const sync::SyncReport report = pass(outlet);
    CHECK(report.sent == 5);
    CHECK(report.accepted == 0);
    CHECK(report.rejected == 5);

    const QHash<QString, std::pair<QString, Transaction>> expected{
        {replacement, {u"NOT_HOLDER"_s, Transaction::SimReplacement}},
        {wrongHolder, {u"NOT_HOLDER"_s, Transaction::Transfer}},
        {overLimit, {u"ID_LIMIT"_s, Transaction::Transfer}},
        {strangerCancels, {u"NOT_HOLDER"_s, Transaction::Cancellation}},
        {notInService, {u"NUMBER_NOT_IN_SERVICE"_s, Transaction::Cancellation}},
    };
    const auto mine = outlet.statuses();
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        INFO("record " << it.key().toStdString());
        CHECK(mine.value(it.key()) == qMakePair(u"rejected"_s, it.value().first));
    }
    CHECK(mine.value(held) == qMakePair(u"accepted"_s, QString()));
    checkAgrees(url, {&outlet});

    // Nothing moved: the holder keeps the number and its SIM, the full identity stays at five.
    CHECK(holderAtHq(url, n) == held.toStdString());
    CHECK(ledger(url).value(held).status == u"accepted"_s);
    CHECK(ledger(url).value(held).iccid == iccidOf(n));
    CHECK(countAtHq(url, outlet.identityKeyOf(holder)) == 1);
    CHECK(countAtHq(url, outlet.identityKeyOf(full)) == 5);
    CHECK(figureAt(outlet, full) == std::optional<int>(5)); // the refused transfer's answer: the new holder's figure
    CHECK(PgCluster::scalar(url, "SELECT count(*) FROM records WHERE status = 'released'") == "0");

    // The manager sees each of them, with HQ's reason and what the transaction was.
    review::ReviewRepository repository(outlet.store());
    const auto rejections = repository.hqRejections();
    REQUIRE(rejections.has_value());
    CHECK(rejections->size() == expected.size());
    for (const review::ReviewRow& row : *rejections) {
        INFO("record " << row.uuid.toStdString());
        REQUIRE(expected.contains(row.uuid));
        CHECK(row.hqReason == expected.value(row.uuid).first);
        CHECK(row.transaction == expected.value(row.uuid).second);
        CHECK(row.status == registration::RecordStatus::Rejected);
    }
}

TEST_CASE("Lifecycle: a cancellation gives the identity a place again, without it the next number is ID_LIMIT",
          "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet outlet(u"OUT-C"_s, hq, 33);
    constexpr int customer = 41;
    const QString key = outlet.identityKeyOf(customer);
    QStringList five;
    for (int i = 0; i < 5; ++i)
        five << outlet.commit(customer, 900 + i);
    CHECK(pass(outlet).accepted == 5);
    CHECK(figureAt(outlet, customer) == std::optional<int>(5));

    // Five held: a sixth is refused.
    const QString refused = outlet.commit(customer, 905);
    CHECK(pass(outlet).rejected == 1);
    CHECK(outlet.statuses().value(refused) == qMakePair(u"rejected"_s, u"ID_LIMIT"_s));

    // The customer cancels one. Until HQ has the cancellation its figure of five stands at the counter.
    const QString cancellation = outlet.commitTransaction(Transaction::Cancellation, customer, 902);
    registration::IdentityHoldings held = holdingsAt(outlet, customer);
    CHECK(held.outletCount == 4);
    CHECK(held.effective() == 5);
    CHECK(pass(outlet).accepted == 1);
    CHECK(outlet.statuses().value(cancellation) == qMakePair(u"accepted"_s, QString()));
    CHECK(ledger(url).value(five[2]).status == u"released"_s);
    CHECK(ledger(url).value(five[2]).releasedBy == cancellation);
    CHECK(countAtHq(url, key) == 4);
    CHECK(figureAt(outlet, customer) == std::optional<int>(4)); // the cancellation's answer: the count after it
    held = holdingsAt(outlet, customer);
    CHECK(held.pendingAtHq == 0);
    CHECK(held.effective() == 4);

    // Now the sixth fits, and then the next one is over the limit again.
    const QString sixth = outlet.commit(customer, 906);
    const QString seventh = outlet.commit(customer, 907);
    const sync::SyncReport report = pass(outlet);
    CHECK(report.accepted == 1);
    CHECK(report.rejected == 1);
    CHECK(outlet.statuses().value(sixth) == qMakePair(u"accepted"_s, QString()));
    CHECK(outlet.statuses().value(seventh) == qMakePair(u"rejected"_s, u"ID_LIMIT"_s));
    CHECK(countAtHq(url, key) == 5);
    CHECK(figureAt(outlet, customer) == std::optional<int>(5));
    checkAgrees(url, {&outlet});
}

TEST_CASE("Lifecycle: a re-verification of a number HQ never saw registers it, by another identity it is NOT_HOLDER",
          "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet outlet(u"OUT-V"_s, hq, 34);
    constexpr int holder = 51, other = 52, n = 950;
    const QString keyHolder = outlet.identityKeyOf(holder);
    const QString keyOther = outlet.identityKeyOf(other);

    const QString first = outlet.commitTransaction(Transaction::Reverification, holder, n);
    CHECK(pass(outlet).accepted == 1);
    CHECK(outlet.statuses().value(first) == qMakePair(u"accepted"_s, QString()));
    auto rows = ledger(url);
    CHECK(rows.value(first).status == u"accepted"_s);
    CHECK(rows.value(first).transaction == u"reverify"_s);
    CHECK(rows.value(first).replaces.isEmpty());
    CHECK(rows.value(first).iccid.isEmpty()); // HQ knows no SIM of it
    CHECK(holderAtHq(url, n) == first.toStdString());
    CHECK(countAtHq(url, keyHolder) == 1);
    CHECK(figureAt(outlet, holder) == std::optional<int>(1));

    // Someone else's re-verification is refused; the holder's own supersedes the first; the number is taken; and
    // a second number without a SIM is no conflict with the first.
    const QString stranger = outlet.commitTransaction(Transaction::Reverification, other, n);
    const QString again = outlet.commitTransaction(Transaction::Reverification, holder, n);
    const QString taken = outlet.commit(53, n);
    const QString otherNumber = outlet.commitTransaction(Transaction::Reverification, other, n + 1);
    const sync::SyncReport report = pass(outlet);
    CHECK(report.accepted == 2);
    CHECK(report.rejected == 2);
    const auto mine = outlet.statuses();
    CHECK(mine.value(stranger) == qMakePair(u"rejected"_s, u"NOT_HOLDER"_s));
    CHECK(mine.value(again) == qMakePair(u"accepted"_s, QString()));
    CHECK(mine.value(taken) == qMakePair(u"rejected"_s, u"NUMBER_TAKEN"_s));
    CHECK(mine.value(otherNumber) == qMakePair(u"accepted"_s, QString()));
    rows = ledger(url);
    CHECK(rows.value(again).replaces == first);
    CHECK(rows.value(first).status == u"released"_s);
    CHECK(holderAtHq(url, n) == again.toStdString());
    CHECK(countAtHq(url, keyHolder) == 1);
    CHECK(countAtHq(url, keyOther) == 1);
    checkAgrees(url, {&outlet});
}

TEST_CASE("Chaos: a transfer moves the number between the two identities' counts exactly once", "[sync][slow]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url, {},
                 u"seed=20261130,fail-before=0.15,fail-after=0.15,slow=0.1,slow-ms=1500,reset=0.1,reset-before=0.1"_s);
    REQUIRE(hq.start());
    TestOutlet a(u"OUT-A"_s, hq, 41); // where the numbers were registered
    TestOutlet b(u"OUT-B"_s, hq, 42); // where the transfer and the other lifecycle records are made
    sync::SyncEngine::Options small;
    small.maxRecords = 3;
    small.feeds = false;
    for (TestOutlet* outlet : {&a, &b})
        outlet->configure(QUrl(hq.url()), small, 1000);
    const auto drainAll = [](TestOutlet& outlet) {
        int failed = 0;
        for (int round = 0; round < 300 && outlet.store().outbox().queueLength().value_or(1) != 0; ++round)
            failed += outlet.engine().runBlocking().ok ? 0 : 1;
        return failed;
    };
    constexpr int from = 61, to = 62;
    const QString keyFrom = a.identityKeyOf(from);
    const QString keyTo = a.identityKeyOf(to);

    for (int i = 0; i < 3; ++i)
        a.commit(from, 1100 + i);
    for (int i = 0; i < 2; ++i)
        a.commit(to, 1200 + i);
    a.commitMany(10, 3000);
    int failed = drainAll(a);
    REQUIRE(a.store().outbox().queueLength().value_or(1) == 0);
    const int fromBefore = countAtHq(url, keyFrom);
    const int toBefore = countAtHq(url, keyTo);
    REQUIRE(fromBefore == 3);
    REQUIRE(toBefore == 2);

    // The transfer among other traffic, with a re-verification and a SIM replacement of the old holder's other
    // numbers (which must not move the counts).
    b.commitMany(6, 4000);
    const QString transfer = b.commitTransaction(Transaction::Transfer, to, 1100, from);
    b.commitTransaction(Transaction::Reverification, from, 1101);
    b.commitTransaction(Transaction::SimReplacement, from, 1102, -1, 1110);
    b.commitMany(6, 4100);
    // A copy of B before any of it was sent: restored later, every batch goes again.
    b.close();
    QTemporaryDir backupDir;
    const QString backup = backupDir.filePath(u"backup.db"_s);
    copyDatabase(b.databasePath(), backup);
    b.reopen();
    b.configure(QUrl(hq.url()), small, 1000);
    failed += drainAll(b);
    INFO("failed passes: " << failed);
    CHECK(failed >= 3); // the faults really interrupted it
    REQUIRE(b.store().outbox().queueLength().value_or(1) == 0);

    const auto check = [&] {
        checkAgrees(url, {&a, &b});
        for (const auto& status : b.statuses())
            CHECK(status.first == u"accepted"_s);
        CHECK(countAtHq(url, keyFrom) == fromBefore - 1);
        CHECK(countAtHq(url, keyTo) == toBefore + 1);
        CHECK(holderAtHq(url, 1100) == transfer.toStdString());
        CHECK(PgCluster::scalar(url, "SELECT count(*) FROM records WHERE transaction = 'transfer'") == "1");
        CHECK(PgCluster::scalar(url, "SELECT count(*) FROM records WHERE status = 'released'") == "3");
        CHECK(figureAt(b, to) == std::optional<int>(toBefore + 1));
        CHECK(figureAt(b, from) == std::optional<int>(fromBefore - 1)); // the present holder's, from the answer
    };
    check();

    // B's copy comes back and syncs through a healthy HQ: HQ answers each record with its first answer.
    hq.stop();
    HqProcess healthy(url, hq.stateDir());
    REQUIRE(healthy.start());
    b.close();
    copyDatabase(backup, b.databasePath());
    b.reopen();
    b.configure(QUrl(healthy.url()), small);
    CHECK(b.store().outbox().queueLength().value_or(0) == 15);
    drainAll(b);
    REQUIRE(b.store().outbox().queueLength().value_or(1) == 0);
    check();
}
