#include "support/DamagedPage.h"
#include "StoreTestSupport.h"

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::store;
using namespace shiming::testing;

TEST_CASE("A damaged page: the check at sign-in says so, the outbox still hands out every readable record and "
          "sets the unreadable one aside",
          "[store]")
{
    TestOutlet outlet;
    QString lost;
    qint64 page = -1;
    QStringList readable;
    {
        auto authenticator = outlet.authenticator();
        auto session = outlet.login(authenticator);
        OutletStore& store = session->store();
        CHECK_FALSE(store.health().damaged);
        CHECK(store.health().checkedAt.isValid());
        for (int i = 0; i < 2; ++i)
            readable << store.registrations().commit(fullRegistration(u"admin"_s, i)).value().uuid;
        page = middlePageAppendedBy(store, [&] {
            registration::Registration record = fullRegistration(u"admin"_s, 2);
            addLargeAttachment(record, 256 * 1024);
            lost = store.registrations().commit(record).value().uuid;
        });
        for (int i = 3; i < 5; ++i)
            readable << store.registrations().commit(fullRegistration(u"admin"_s, i)).value().uuid;
        REQUIRE(store.database().checkpoint().has_value());
    }
    REQUIRE(page > 0);
    REQUIRE(damagePage(outlet.path, page));

    // Sign-in still works (the first page is fine), and the page check at open names the damage.
    auto authenticator = outlet.authenticator();
    auto session = outlet.login(authenticator);
    OutletStore& store = session->store();
    CHECK(store.health().damaged);
    CHECK(store.health().problem.contains(u"damaged"_s));
    auto full = store.check();
    REQUIRE(full.has_value());
    CHECK_FALSE(full->ok());

    // The outbox itself reads: all five rows go out; only the damaged record's payload fails, as damage.
    auto batch = store.outbox().nextBatch(50, qint64(64) << 20);
    REQUIRE(batch.has_value());
    REQUIRE(batch->items.size() == 5);
    QList<OutboxItem> unreadable;
    for (const OutboxItem& item : batch->items) {
        auto payload = store.outbox().payload(item.recordUuid);
        if (item.recordUuid == lost) {
            REQUIRE_FALSE(payload.has_value());
            CHECK(payload.error().reason() == Reason::DatabaseDamaged);
            unreadable << item;
        } else {
            CHECK(payload.has_value());
        }
    }
    REQUIRE(unreadable.size() == 1);

    // Set aside: out of the batch in flight (which keeps its id for the others) and out of every later batch.
    REQUIRE(store.outbox().setAsideUnreadable(unreadable, u"payload unreadable"_s).has_value());
    auto retry = store.outbox().nextBatch(50, qint64(64) << 20);
    REQUIRE(retry.has_value());
    CHECK(retry->batchId == batch->batchId);
    QStringList members;
    for (const OutboxItem& item : retry->items)
        members << item.recordUuid;
    CHECK(members == readable);
    REQUIRE(store.outbox().releaseBatch(retry->batchId).has_value());
    auto fresh = store.outbox().nextBatch(50, qint64(64) << 20);
    REQUIRE(fresh.has_value());
    CHECK(fresh->items.size() == 4);

    // Unanswered, so still in the queue; listed for HQ until HQ took the report.
    CHECK(store.outbox().queueLength().value() == 5);
    auto waiting = store.outbox().unreadable(10, true);
    REQUIRE(waiting.has_value());
    REQUIRE(waiting->size() == 1);
    CHECK(waiting->first().recordUuid == lost);
    CHECK(waiting->first().seq == unreadable.first().seq);
    CHECK((store.outbox().unreadableCounts().value() == UnreadableCounts{1, 0}));
    REQUIRE(store.outbox().markUnreadableReported({lost}).has_value());
    CHECK(store.outbox().unreadable(10, true).value().isEmpty());
    CHECK(store.outbox().unreadable(10, false).value().first().reportedAt.isValid());
    CHECK((store.outbox().unreadableCounts().value() == UnreadableCounts{1, 1}));
    // The audit log says which record was set aside and why (no personal data in the detail).
    CHECK(store.database()
              .queryInt(u"SELECT count(*) FROM audit WHERE action = 'record_unreadable' AND record_uuid = '"_s + lost +
                        u"'"_s)
              .value() == 1);
}
