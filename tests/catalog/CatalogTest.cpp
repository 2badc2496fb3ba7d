#include "core/catalog/Catalog.h"

#include "support/CatchQt.h"

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::catalog;
using registration::CustomerType;

TEST_CASE("The demo catalogue loads and offers the common packages", "[catalog]")
{
    auto catalog = Catalog::load(QStringLiteral(SHIMING_DEMO_DIR "/catalog.json"));
    REQUIRE(catalog.has_value());
    REQUIRE(catalog->find(u"changliao-58") != nullptr);
    CHECK(catalog->find(u"changliao-58")->name == u"畅聊无忧 58元"_s);
    CHECK(catalog->find(u"changliao-58")->monthlyFeeFen == 5800);
    CHECK(catalog->find(u"wuxian-128")->minutes == -1);
    const Package* telemarketing = catalog->find(u"org-telemarketing-299");
    REQUIRE(telemarketing != nullptr);
    CHECK(telemarketing->requiredAttachments.contains(u"security_commitment"_s));
    CHECK(telemarketing->requiredAttachments.contains(u"call_script"_s));
    CHECK(catalog->find(u"nope") == nullptr);
}

TEST_CASE("Eligibility filters by customer type, age and organisation-only packages", "[catalog]")
{
    auto catalog = Catalog::load(QStringLiteral(SHIMING_DEMO_DIR "/catalog.json"));
    REQUIRE(catalog.has_value());
    auto ids = [&](EligibilityQuery query) {
        QStringList list;
        for (const Package& p : catalog->eligible(query))
            list.append(p.id);
        return list;
    };
    const QStringList adult = ids({CustomerType::Individual, 35});
    CHECK(adult.contains(u"changliao-58"_s));
    CHECK_FALSE(adult.contains(u"campus-29"_s));  // max age 25
    CHECK_FALSE(adult.contains(u"xiaoxin-18"_s)); // min age 60
    CHECK_FALSE(adult.contains(u"org-office-199"_s));

    const QStringList elder = ids({CustomerType::Individual, 72});
    CHECK(elder.contains(u"xiaoxin-18"_s));

    const QStringList minor = ids({CustomerType::Minor, 12});
    CHECK(minor.contains(u"campus-29"_s));
    CHECK_FALSE(minor.contains(u"wuxian-128"_s)); // individual and agent only

    const QStringList organisation = ids({CustomerType::Organisation, -1});
    CHECK(organisation == QStringList{u"org-office-199"_s, u"org-telemarketing-299"_s});

    Package youth;
    youth.maxAge = 25;
    CHECK(checkEligibility(youth, {CustomerType::Individual, 26}) == Ineligibility::TooOld);
    CHECK(checkEligibility(youth, {CustomerType::Individual, 25}) == Ineligibility::None);
    Package org;
    org.organisationOnly = true;
    CHECK(checkEligibility(org, {CustomerType::Individual, 30}) == Ineligibility::OrganisationOnly);
    CHECK(ineligibilityKey(Ineligibility::TooYoung) == u"too_young"_s);
}

TEST_CASE("Bad catalogue files give clear errors, never a crash", "[catalog]")
{
    CHECK_FALSE(Catalog::fromJson({}).has_value());
    CHECK_FALSE(Catalog::fromJson("garbage \xff\xfe").has_value());
    CHECK_FALSE(Catalog::fromJson("[]").has_value());
    CHECK_FALSE(Catalog::fromJson(R"({"packages": 3})").has_value());
    CHECK_FALSE(Catalog::fromJson(R"({"packages": [1]})").has_value());
    CHECK_FALSE(Catalog::fromJson(R"({"packages": [{"id": "a"}]})").has_value());
    CHECK_FALSE(Catalog::fromJson(R"({"packages": [{"id": "a", "name": "A"}]})").has_value()); // no fee
    CHECK_FALSE(Catalog::fromJson(R"({"packages": [{"id": "a", "name": "A", "monthly_fee_fen": -1}]})").has_value());
    auto duplicate = Catalog::fromJson(R"({"packages": [{"id": "a", "name": "A", "monthly_fee_fen": 1},
                                                        {"id": "a", "name": "B", "monthly_fee_fen": 2}]})");
    REQUIRE_FALSE(duplicate.has_value());
    CHECK(duplicate.error().detail.contains(u"duplicate"_s));
    auto badType = Catalog::fromJson(
        R"({"packages": [{"id": "a", "name": "A", "monthly_fee_fen": 1, "customer_types": ["alien"]}]})");
    CHECK_FALSE(badType.has_value());
    CHECK_FALSE(Catalog::fromJson(QByteArray(5 * 1024 * 1024, '{')).has_value());
    CHECK_FALSE(Catalog::load(u"/nonexistent/catalog.json"_s).has_value());

    // Names outside the BMP survive.
    auto exotic = Catalog::fromJson(R"({"packages": [{"id": "x", "name": "𠮷祥卡·特惠", "monthly_fee_fen": 100}]})");
    REQUIRE(exotic.has_value());
    CHECK(exotic->packages().first().name == u"𠮷祥卡·特惠"_s);
}

TEST_CASE("Fees print as yuan with two decimals", "[catalog]")
{
    CHECK(formatYuan(5800) == u"58.00"_s);
    CHECK(formatYuan(5) == u"0.05"_s);
    CHECK(formatYuan(12345) == u"123.45"_s);
    CHECK(formatYuan(-150) == u"-1.50"_s);
}
