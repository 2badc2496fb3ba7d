#include "core/registration/Policy.h"

#include "support/CatchQt.h"
#include "support/FakeSessionServices.h"

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::registration;
using shiming::testing::residentCard;

namespace {

const QDate kToday(2026, 6, 15);

FixedClock clockAtToday()
{
    return FixedClock(QDateTime(kToday, QTime(10, 0)));
}

} // namespace

TEST_CASE("Age bands: under 10 refused, 10-15 with a guardian, 16 and over alone", "[catalog][policy]")
{
    FixedClock clock = clockAtToday();
    Policy policy({}, clock);

    auto individual = [&](int years) {
        return policy.check(residentCard(u"张三"_s, kToday.addYears(-years).addDays(-1), kToday),
                            DocumentRole::Customer, CustomerType::Individual);
    };
    CHECK(individual(9).has(policy::UnderMinimumAge));
    CHECK_FALSE(individual(9).allowed());
    CHECK(individual(10).has(policy::GuardianRequired));
    CHECK(individual(15).has(policy::GuardianRequired));
    CHECK(individual(16).allowed());
    CHECK(individual(16).age == 16);
    CHECK(individual(80).allowed());

    auto minor = [&](int years) {
        return policy.check(residentCard(u"小明"_s, kToday.addYears(-years).addDays(-1), kToday),
                            DocumentRole::Customer, CustomerType::Minor);
    };
    CHECK(minor(9).has(policy::UnderMinimumAge));
    CHECK(minor(12).allowed());
    CHECK(minor(17).allowed());
    CHECK(minor(18).has(policy::NotAMinor));

    // The day before the tenth birthday is still nine.
    const auto almostTen = policy.check(residentCard(u"小红"_s, kToday.addYears(-10).addDays(1), kToday),
                                        DocumentRole::Customer, CustomerType::Minor);
    CHECK(almostTen.has(policy::UnderMinimumAge));

    // Bands are configurable per province.
    PolicySettings stricter;
    stricter.minimumAge = 12;
    stricter.adultAloneAge = 18;
    Policy strict(stricter, clock);
    CHECK(
        strict.check(residentCard(u"李四"_s, kToday.addYears(-11), kToday), DocumentRole::Customer, CustomerType::Minor)
            .has(policy::UnderMinimumAge));
    CHECK(strict
              .check(residentCard(u"李四"_s, kToday.addYears(-17), kToday), DocumentRole::Customer,
                     CustomerType::Individual)
              .has(policy::GuardianRequired));
}

TEST_CASE("Guardians and agents must be adults, 户口簿 is for minors only", "[catalog][policy]")
{
    FixedClock clock = clockAtToday();
    Policy policy({}, clock);
    const auto youngGuardian = policy.check(residentCard(u"王五"_s, kToday.addYears(-17), kToday),
                                            DocumentRole::Guardian, CustomerType::Minor);
    CHECK(youngGuardian.has(policy::GuardianTooYoung));
    CHECK(policy.check(residentCard(u"王五"_s, kToday.addYears(-40), kToday), DocumentRole::Agent, CustomerType::Agent)
              .allowed());

    IdentityDocument household = residentCard(u"小明"_s, kToday.addYears(-12), kToday);
    household.type = DocumentType::HouseholdRegister;
    household.validFrom = {};
    household.validTo = {};
    household.validToLongTerm = true;
    CHECK_FALSE(policy.check(household, DocumentRole::Customer, CustomerType::Minor).has(policy::DocumentNotAccepted));
    IdentityDocument adultHousehold = household;
    adultHousehold.birthDate = kToday.addYears(-30);
    adultHousehold.number = testing::residentIdNumber(u"110105"_s, adultHousehold.birthDate, 123);
    CHECK(policy.check(adultHousehold, DocumentRole::Customer, CustomerType::Individual)
              .has(policy::DocumentNotAccepted));
}

TEST_CASE("Expired and invalid documents are refused with the reason", "[catalog][policy]")
{
    FixedClock clock = clockAtToday();
    Policy policy({}, clock);
    IdentityDocument expired = residentCard(u"赵六"_s, QDate(1980, 3, 1), kToday);
    expired.validFrom = kToday.addYears(-20);
    expired.validTo = kToday.addDays(-1);
    const auto decision = policy.check(expired, DocumentRole::Customer, CustomerType::Individual);
    CHECK(decision.has(policy::DocumentExpired));
    REQUIRE(decision.firstBlocking() != nullptr);
    CHECK(decision.firstBlocking()->code == policy::DocumentExpired);

    IdentityDocument wrongCheck = residentCard(u"赵六"_s, QDate(1980, 3, 1), kToday);
    wrongCheck.number.chop(1);
    wrongCheck.number.append(wrongCheck.number.endsWith(u'0') ? u'1' : u'0');
    CHECK(policy.check(wrongCheck, DocumentRole::Customer, CustomerType::Individual).has(policy::DocumentInvalid));

    IdentityDocument soon = residentCard(u"赵六"_s, QDate(1980, 3, 1), kToday);
    soon.validTo = kToday.addDays(10);
    const auto soonDecision = policy.check(soon, DocumentRole::Customer, CustomerType::Individual);
    CHECK(soonDecision.allowed());
    CHECK(soonDecision.has(policy::DocumentExpiresSoon));

    IdentityDocument notPersonal = soon;
    notPersonal.type = DocumentType::Uscc;
    CHECK(policy.check(notPersonal, DocumentRole::Customer, CustomerType::Individual).has(policy::DocumentNotAccepted));
}

TEST_CASE("Per-identity limit counts the outlet's records and HQ's last figure", "[catalog][policy]")
{
    FixedClock clock = clockAtToday();
    testing::FakeHoldings holdings;
    testing::FakeRiskList risk;
    Policy policy({}, clock, &holdings, &risk);
    const IdentityDocument card = residentCard(u"阿依古丽·买买提"_s, QDate(1990, 1, 1), kToday);

    CHECK(policy.check(card, DocumentRole::Customer, CustomerType::Individual).allowed());

    holdings.table.insert(card.number, IdentityHoldings{4, 0, -1});
    auto near = policy.check(card, DocumentRole::Customer, CustomerType::Individual);
    CHECK(near.allowed());
    CHECK(near.has(policy::IdentityLimitNear));

    holdings.table.insert(card.number, IdentityHoldings{5, 0, -1});
    CHECK(policy.check(card, DocumentRole::Customer, CustomerType::Individual).has(policy::IdentityLimit));

    // HQ says 4 nationwide; two of this outlet's records are not yet counted there: 6.
    holdings.table.insert(card.number, IdentityHoldings{2, 2, 4});
    const auto overHq = policy.check(card, DocumentRole::Customer, CustomerType::Individual);
    CHECK(overHq.has(policy::IdentityLimit));
    CHECK(overHq.firstBlocking()->figure == 6);
    CHECK(overHq.holdings.hqCount == 4);

    // A stale HQ figure never lowers the outlet's own count.
    CHECK(IdentityHoldings{5, 0, 1}.effective() == 5);

    // Agents are not limited by their own holdings, but risk lists apply to everyone.
    CHECK(policy.check(card, DocumentRole::Agent, CustomerType::Agent).allowed());
    risk.numbers.insert(card.number);
    CHECK(policy.check(card, DocumentRole::Agent, CustomerType::Agent).has(policy::RiskListed));
    holdings.table.clear();
    CHECK(policy.check(card, DocumentRole::Customer, CustomerType::Individual).has(policy::RiskListed));
}

TEST_CASE("Policy fails closed: holdings or a risk list that cannot be read refuse the document", "[catalog][policy]")
{
    FixedClock clock = clockAtToday();
    testing::FakeHoldings holdings;
    testing::FakeRiskList risk;
    Policy policy({}, clock, &holdings, &risk);
    const IdentityDocument card = residentCard(u"𠮷田"_s, QDate(1990, 1, 1), kToday);
    REQUIRE(policy.check(card, DocumentRole::Customer, CustomerType::Individual).allowed());

    holdings.unreadable = true;
    const auto noHoldings = policy.check(card, DocumentRole::Customer, CustomerType::Individual);
    CHECK_FALSE(noHoldings.allowed());
    REQUIRE(noHoldings.firstBlocking());
    CHECK(noHoldings.firstBlocking()->code == policy::PolicyUnavailable);
    CHECK_FALSE(noHoldings.firstBlocking()->detail.contains(card.number)); // no personal data in the detail
    // An agent's holdings are not asked, so only the risk list can refuse them.
    CHECK(policy.check(card, DocumentRole::Agent, CustomerType::Agent).allowed());

    holdings.unreadable = false;
    risk.unreadable = true;
    CHECK(policy.check(card, DocumentRole::Customer, CustomerType::Individual).has(policy::PolicyUnavailable));
    CHECK(policy.check(card, DocumentRole::Agent, CustomerType::Agent).has(policy::PolicyUnavailable));
}
