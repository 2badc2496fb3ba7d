// HQ's per-identity figures as the outlet keeps them: newest by HQ's time, the last of a batch, never a garbled one.
#include "support/CatchQt.h"

#include "core/common/Clock.h"
#include "core/protocol/IdentityHash.h"
#include "core/registration/Registration.h"
#include "core/store/KeySlots.h"
#include "core/store/OutletStore.h"
#include "core/sync/IdentityFigures.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace shiming;

namespace {

std::optional<int> countOf(store::OutletStore& store, const QString& key)
{
    auto figure = sync::identityFigure(store, key);
    REQUIRE(figure.has_value());
    return figure->has_value() ? std::optional<int>((*figure)->count) : std::nullopt;
}

} // namespace

TEST_CASE("Identity figures: the last of a batch wins, an older answer never overwrites, garbage reads as none",
          "[sync]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    SystemClock clock;
    auto created = store::OutletStore::create(dir.filePath(u"outlet.db"_s), u"OUT-F"_s, store::randomKey(), clock);
    REQUIRE(created.has_value());
    store::OutletStore& store = **created;
    const QByteArray identityKey(32, '\x42');
    const QString type = documentTypeKey(DocumentType::ResidentId);
    const QString x = sync::identityFigureKey(identityKey, type, u"11010519491231002X"_s);
    const QString y = sync::identityFigureKey(identityKey, type, u"110105194912310037"_s);

    // The key is HQ's HMAC: case and surrounding blanks do not matter, the number never shows.
    CHECK(x == QString::fromLatin1(protocol::identityHash(identityKey, type, u"11010519491231002X"_s)));
    CHECK(sync::identityFigureKey(identityKey, type, u" 11010519491231002x "_s) == x);
    CHECK_FALSE(x.contains(u"110105"_s));
    CHECK(sync::identityFigureKey({}, type, u"11010519491231002X"_s).isEmpty()); // not enrolled: no key

    CHECK_FALSE(countOf(store, x).has_value());
    CHECK(sync::storeIdentityFigures(store, {}, 1000) == 0);

    // One batch: X answered three times (1, 2, then 3) and Y once; an entry without a key is skipped.
    CHECK(sync::storeIdentityFigures(store, {{x, 1}, {y, 4}, {x, 2}, {QString(), 9}, {x, 3}}, 1000) == 2);
    CHECK(countOf(store, x) == std::optional<int>(3));
    CHECK(countOf(store, y) == std::optional<int>(4));

    // An older answer applied late changes nothing; the same time (a replayed answer) or a newer one does.
    CHECK(sync::storeIdentityFigures(store, {{x, 1}}, 999) == 0);
    CHECK(countOf(store, x) == std::optional<int>(3));
    CHECK(sync::storeIdentityFigures(store, {{x, 3}}, 1000) == 1);
    CHECK(sync::storeIdentityFigures(store, {{x, 0}}, 2000) == 1);
    CHECK(countOf(store, x) == std::optional<int>(0));
    CHECK(countOf(store, y) == std::optional<int>(4));

    // A payload that is not a figure reads as none and the next answer replaces it.
    for (const QByteArray& garbage : {QByteArray("not json"), QByteArray(R"({"count":-1,"hqTime":5})"),
                                      QByteArray(R"({"count":"4","hqTime":5})"), QByteArray("[]"), QByteArray()}) {
        store::DownlinkItem item;
        item.kind = sync::IdentityCountKind.toString();
        item.key = y;
        item.payload = garbage;
        item.version = u"1"_s;
        REQUIRE(store.downlink().upsert(item).has_value());
        CHECK_FALSE(countOf(store, y).has_value());
    }
    CHECK(sync::storeIdentityFigures(store, {{y, 2}}, 1) == 1);
    CHECK(countOf(store, y) == std::optional<int>(2));

    // Without any figure the holdings are the outlet's own records only.
    auto held = sync::identityHoldings(store, identityKey, DocumentType::ResidentId, u"110105199001010011"_s);
    REQUIRE(held.has_value());
    CHECK(held->hqCount == -1);
    CHECK(held->outletCount == 0);
    CHECK(held->effective() == 0);
}
