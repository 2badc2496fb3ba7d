#include "core/catalog/NumberPool.h"

#include "support/CatchQt.h"

#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::catalog;

namespace {

QList<PoolNumber> someNumbers()
{
    return {{u"13800138000"_s, 0}, {u"13800138001"_s, 0}, {u"13800138888"_s, 88800}, {u"15800158123"_s, 0}};
}

} // namespace

TEST_CASE("The pool parses numbers and ranges and refuses malformed entries", "[catalog]")
{
    QFile file(QStringLiteral(SHIMING_DEMO_DIR "/catalog.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    auto numbers = NumberPool::parseJson(file.readAll());
    REQUIRE(numbers.has_value());
    CHECK(numbers->size() == 3 + 80 + 40 - 0); // the explicit numbers do not overlap the ranges
    CHECK(numbers->first().premiumFen == 88800);

    CHECK_FALSE(NumberPool::parseJson("nope").has_value());
    CHECK_FALSE(NumberPool::parseJson(R"({"numbers": ["1380013800"]})").has_value());
    CHECK_FALSE(NumberPool::parseJson(R"({"numbers": ["23800138000"]})").has_value());
    CHECK_FALSE(NumberPool::parseJson(R"({"numbers": ["1380013800x"]})").has_value());
    CHECK_FALSE(NumberPool::parseJson(R"({"ranges": [{"from": "13800138000", "count": 0}]})").has_value());
    CHECK_FALSE(NumberPool::parseJson(R"({"ranges": [{"from": "13800138000", "count": 1000000}]})").has_value());
    auto empty = NumberPool::parseJson("{}");
    REQUIRE(empty.has_value());
    CHECK(empty->isEmpty());
}

TEST_CASE("Search finds free numbers by digits, endings first", "[catalog]")
{
    auto pool = NumberPool::open(someNumbers(), {});
    REQUIRE(pool.has_value());
    const auto found = pool->search(u"8888");
    REQUIRE(found.size() == 1);
    CHECK(found.first().number == u"13800138888"_s);
    const auto ending = pool->search(u"123");
    REQUIRE(ending.size() == 1);
    CHECK(ending.first().number == u"15800158123"_s);
    const auto ordered = pool->search(u"0013");
    // "0013" appears inside all 1380013xxxx numbers; none ends with it.
    CHECK(ordered.size() == 3);
    CHECK(pool->search(u"").size() == 4);
    CHECK(pool->search(u"abc").isEmpty());
    CHECK(pool->search(u"8", 2).size() == 2);
}

TEST_CASE("A number is held by one session and released on cancel", "[catalog]")
{
    auto pool = NumberPool::open(someNumbers(), {});
    REQUIRE(pool.has_value());
    REQUIRE(pool->reserve(u"13800138000", u"s1"_s).has_value());
    CHECK(pool->state(u"13800138000") == NumberState::Reserved);
    CHECK(pool->reservedBy(u"13800138000") == u"s1"_s);
    CHECK(pool->search(u"38000").isEmpty());

    auto other = pool->reserve(u"13800138000", u"s2"_s);
    REQUIRE_FALSE(other.has_value());
    CHECK(other.error().code == Error::Code::PolicyRefused);
    CHECK(pool->reserve(u"13800138000", u"s1"_s).has_value()); // idempotent

    // Choosing another number gives the first one back.
    REQUIRE(pool->reserve(u"13800138001", u"s1"_s).has_value());
    CHECK(pool->state(u"13800138000") == NumberState::Free);

    CHECK(pool->release(u"s1"_s) == 1);
    CHECK(pool->state(u"13800138001") == NumberState::Free);
    CHECK(pool->freeCount() == 4);

    CHECK(pool->reserve(u"19999999999", u"s1"_s).error().code == Error::Code::NotFound);
    CHECK_FALSE(pool->reserve(u"13800138000", QString()).has_value());
}

TEST_CASE("Taken numbers stay taken and reservations are released on restart", "[catalog]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString state = dir.filePath(u"pool-state.json"_s);
    {
        auto pool = NumberPool::open(someNumbers(), state);
        REQUIRE(pool.has_value());
        REQUIRE(pool->reserve(u"13800138000", u"s1"_s).has_value());
        REQUIRE(pool->markTaken(u"13800138000", u"s1"_s).has_value());
        REQUIRE(pool->reserve(u"13800138001", u"s2"_s).has_value());
        CHECK_FALSE(pool->markTaken(u"13800138888", u"s2"_s).has_value()); // not reserved by s2
        // The process dies here with s2's reservation on file.
    }
    auto reopened = NumberPool::open(someNumbers(), state, {u"15800158123"_s});
    REQUIRE(reopened.has_value());
    CHECK(reopened->releasedOnOpen() == 1);
    CHECK(reopened->state(u"13800138000") == NumberState::Taken);
    CHECK(reopened->state(u"13800138001") == NumberState::Free);
    CHECK(reopened->state(u"15800158123") == NumberState::Taken); // the store's word counts
    CHECK(reopened->freeCount() == 2);

    // A damaged state file does not stop the counter.
    QFile damaged(state);
    REQUIRE(damaged.open(QIODevice::WriteOnly));
    damaged.write("\x00\xff garbage");
    damaged.close();
    auto afterDamage = NumberPool::open(someNumbers(), state, {u"13800138000"_s});
    REQUIRE(afterDamage.has_value());
    CHECK(afterDamage->state(u"13800138000") == NumberState::Taken);
}
