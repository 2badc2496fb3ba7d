// core/review on a real SQLCipher file: filters, sorting and paging of the day list, decisions, the daily
// report's figures and exports, the audit query and account administration.
#include "ReviewTestSupport.h"

#include "core/identity/Validators.h"
#include "core/review/AccountAdmin.h"
#include "core/review/AuditQuery.h"
#include "core/review/DailyReport.h"
#include "core/review/ReviewRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace shiming;
using namespace shiming::review;
using namespace shiming::review::test;
using namespace shiming::registration;

TEST_CASE("names are masked except the surname keeping whole code points and middle dots", "[review]")
{
    CHECK(maskName(u"张三丰") == u"张**"_s);
    CHECK(maskName(u"𠮷") == u"𠮷"_s);
    CHECK(maskName(u"𠮷野家") == u"𠮷**"_s);
    CHECK(maskName(u"王𠮷") == u"王*"_s);
    CHECK(maskName(u"阿依古丽·买买提") == u"阿***·***"_s);
    CHECK(maskName(u"") == QString());
    // A lone surrogate (invalid UTF-16) is one masked character, not a crash.
    CHECK(maskName(QString(QString(QChar(0xD800)) + u"李"_s)) == QString(QChar(0xD800)) + u"*"_s);
}

TEST_CASE("mobile numbers are masked but for the first 3 and the last 4 digits", "[review]")
{
    CHECK(maskPhoneNumber(u"13812348888") == u"138****8888"_s);
    CHECK(maskPhoneNumber(u"138 1234 8888") == u"138****8888"_s);
    CHECK(maskPhoneNumber(u"138-1234-8888") == u"138****8888"_s);
    CHECK(maskPhoneNumber(u"8613812348888") == u"861******8888"_s);
    CHECK(maskPhoneNumber(u"1234567") == u"12***67"_s);
    CHECK(maskPhoneNumber(u"123456") == u"******"_s);
    CHECK(maskPhoneNumber(u"") == QString());
}

TEST_CASE("day list counts filters and searches", "[review]")
{
    Outlet outlet;
    ReviewRepository repository(outlet.store());
    ReviewFilter filter = ReviewFilter::day(outlet.today);
    CHECK(repository.count(filter).value() == 30);
    CHECK(repository.count(ReviewFilter::day(outlet.yesterday)).value() == 5);
    ReviewFilter both;
    both.from = outlet.yesterday;
    both.to = outlet.today;
    CHECK(repository.count(both).value() == 35);

    SECTION("clerk, band, type, status, sync")
    {
        filter.clerk = u"clerk1"_s;
        CHECK(repository.count(filter).value() == 20);
        filter.band = FaceBand::ManualReview;
        CHECK(repository.count(filter).value() == 3);
        filter.band.reset();
        filter.clerk.clear();
        filter.pendingReviewOnly = true;
        CHECK(repository.count(filter).value() == 2);
        filter.pendingReviewOnly = false;
        filter.customerType = CustomerType::Agent;
        CHECK(repository.count(filter).value() == 3);
        filter.customerType.reset();
        filter.status = RecordStatus::Voided;
        CHECK(repository.count(filter).value() == 1);
        both.status = RecordStatus::Rejected;
        CHECK(repository.count(both).value() == 1);
        both.status.reset();
        both.syncState = SyncState::Answered;
        CHECK(repository.count(both).value() == 5);
        both.syncState = SyncState::Waiting;
        CHECK(repository.count(both).value() == 30);
    }
    SECTION("search by the last digits of the document number and by phone number")
    {
        filter.documentDigits = outlet.rareNameNumber.right(6);
        auto rows = repository.page(filter, {}, 0, 50);
        REQUIRE(rows);
        REQUIRE(!rows->isEmpty());
        bool found = false;
        for (const ReviewRow& row : std::as_const(*rows)) {
            CHECK(row.documentNumber.endsWith(outlet.rareNameNumber.right(6)));
            found = found || row.uuid == outlet.rareNameUuid;
        }
        CHECK(found);
        CHECK(repository.count(filter).value() == rows->size());
        filter.documentDigits.clear();
        filter.phone = outlet.rareNamePhone;
        rows = repository.page(filter, {}, 0, 50);
        REQUIRE(rows);
        REQUIRE(rows->size() == 1);
        CHECK(rows->first().uuid == outlet.rareNameUuid);
        CHECK(rows->first().customerName == u"𠮷"_s);
        filter.phone = outlet.rareNamePhone.right(4);
        CHECK(repository.count(filter).value() >= 1);
    }
    SECTION("hostile search text matches nothing and breaks nothing")
    {
        for (const QString& text :
             {u"%"_s, u"_"_s, u"' OR 1=1 --"_s, u"\\"_s, QString(QChar(0xD800)), u"𠮷"_s, QString(5000, u'9')}) {
            filter.documentDigits = text;
            auto count = repository.count(filter);
            REQUIRE(count);
            CHECK(*count == 0);
            filter.documentDigits.clear();
            filter.phone = text;
            count = repository.count(filter);
            REQUIRE(count);
            CHECK(*count == 0);
            filter.phone.clear();
        }
    }
}

TEST_CASE("day list sorts by every column in pages without repeating a row", "[review]")
{
    Outlet outlet;
    ReviewRepository repository(outlet.store());
    const ReviewFilter filter = ReviewFilter::day(outlet.today);
    for (int column = 0; column < kReviewColumnCount; ++column) {
        for (bool descending : {false, true}) {
            QSet<QString> seen;
            QList<ReviewRow> all;
            for (qint64 offset = 0;; offset += 7) {
                auto page = repository.page(filter, {ReviewColumn(column), descending}, offset, 7);
                REQUIRE(page);
                for (const ReviewRow& row : std::as_const(*page)) {
                    CHECK(!seen.contains(row.uuid));
                    seen.insert(row.uuid);
                    all.append(row);
                }
                if (page->size() < 7)
                    break;
            }
            CHECK(seen.size() == 30);
            if (ReviewColumn(column) == ReviewColumn::Clerk) {
                for (qsizetype i = 1; i < all.size(); ++i)
                    CHECK((descending ? all[i - 1].clerk >= all[i].clerk : all[i - 1].clerk <= all[i].clerk));
            }
            if (ReviewColumn(column) == ReviewColumn::Time) {
                for (qsizetype i = 1; i < all.size(); ++i)
                    CHECK((descending ? all[i - 1].sequence > all[i].sequence : all[i - 1].sequence < all[i].sequence));
            }
        }
    }
    CHECK(!repository.page(filter, {}, -1, 5));
}

TEST_CASE("pending review approve records the manager and reject voids and releases the number", "[review]")
{
    Outlet outlet;
    ReviewRepository repository(outlet.store());
    auto pending = repository.pendingReviews(outlet.yesterday);
    REQUIRE(pending);
    REQUIRE(pending->size() == 2);
    CHECK(pending->at(0).uuid == outlet.pendingUuid);

    CHECK(repository.approve(outlet.pendingUuid, u"boss"_s, u""_s).error().code == Error::Code::InvalidInput);
    REQUIRE(repository.approve(outlet.pendingUuid, u"boss"_s, u"same person, older photo"_s));
    auto row = repository.row(outlet.pendingUuid);
    REQUIRE(row);
    CHECK(row->overrideBy == u"boss"_s);
    CHECK(!row->pendingReview());
    CHECK(outlet.auditCount(audit::ReviewApproved.toString(), outlet.pendingUuid) == 1);
    // Decided once: a second decision is refused.
    CHECK(repository.approve(outlet.pendingUuid, u"boss"_s, u"again"_s).error().code == Error::Code::PolicyRefused);
    CHECK(repository.reject(outlet.pendingUuid, u"boss"_s, u"again"_s).error().code == Error::Code::PolicyRefused);

    const QString number = repository.row(outlet.pendingUuid2)->number;
    auto released = repository.reject(outlet.pendingUuid2, u"boss"_s, u"not the person on the card"_s);
    REQUIRE(released);
    CHECK(*released == number);
    row = repository.row(outlet.pendingUuid2);
    CHECK(row->status == RecordStatus::Voided);
    CHECK(outlet.auditCount(audit::ReviewRejected.toString(), outlet.pendingUuid2) == 1);
    CHECK(outlet.auditCount(u"record_voided"_s, outlet.pendingUuid2) == 1);
    CHECK(repository.pendingReviews(outlet.yesterday)->isEmpty());
    // A record that never was in review cannot be decided.
    CHECK(repository.approve(outlet.rareNameUuid, u"boss"_s, u"x"_s).error().code == Error::Code::PolicyRefused);
    CHECK(repository.approve(u"no-such-uuid"_s, u"boss"_s, u"x"_s).error().code == Error::Code::NotFound);
    REQUIRE(outlet.store().audit().verify()->intact);
}

TEST_CASE("a reject whose decision cannot be written leaves the record unvoided", "[review]")
{
    Outlet outlet;
    ReviewRepository repository(outlet.store());
    // Make the second write of the decision fail (as a full disk would), after the void was written.
    REQUIRE(outlet.store().database().exec(
        u"CREATE TEMP TRIGGER refuse_decision BEFORE INSERT ON audit WHEN NEW.action = 'review_rejected' "
        u"BEGIN SELECT RAISE(ABORT, 'disk full'); END;"_s));
    CHECK(!repository.reject(outlet.pendingUuid2, u"boss"_s, u"not the person on the card"_s));
    auto row = repository.row(outlet.pendingUuid2);
    REQUIRE(row);
    CHECK(row->status != RecordStatus::Voided);
    CHECK(row->pendingReview());
    CHECK(outlet.auditCount(u"record_voided"_s, outlet.pendingUuid2) == 0);
    REQUIRE(outlet.store().database().exec(u"DROP TRIGGER refuse_decision;"_s));
    REQUIRE(repository.reject(outlet.pendingUuid2, u"boss"_s, u"not the person on the card"_s));
    CHECK(repository.row(outlet.pendingUuid2)->status == RecordStatus::Voided);
    REQUIRE(outlet.store().audit().verify()->intact);
}

TEST_CASE("HQ rejections queue and voiding a rejected record", "[review]")
{
    Outlet outlet;
    ReviewRepository repository(outlet.store());
    auto rejections = repository.hqRejections();
    REQUIRE(rejections);
    REQUIRE(rejections->size() == 1);
    CHECK(rejections->first().uuid == outlet.rejectedUuid);
    CHECK(rejections->first().hqReason == u"identity_limit"_s);
    CHECK(repository.voidHqRejection(outlet.pendingUuid, u"boss"_s, u"x"_s).error().code == Error::Code::PolicyRefused);
    auto number = repository.voidHqRejection(outlet.rejectedUuid, u"boss"_s, u"customer cancelled another number"_s);
    REQUIRE(number);
    CHECK(!number->isEmpty());
    CHECK(repository.hqRejections()->isEmpty());
    CHECK(outlet.auditCount(audit::HqRejectionVoided.toString(), outlet.rejectedUuid) == 1);
}

TEST_CASE("daily report figures", "[review]")
{
    Outlet outlet;
    auto report = DailyReport::build(outlet.store(), outlet.today);
    REQUIRE(report);
    CHECK(report->registrations == 29);
    CHECK(report->voided == 1);
    CHECK(report->unsynced == 29);
    CHECK(report->pendingReview == 2);
    CHECK(report->compared == 28);
    CHECK(report->passed == 24);
    CHECK(report->averageSeconds == Approx(240.0));
    REQUIRE(report->perClerk.size() == 2);
    CHECK(report->perClerk[0].key == u"clerk1"_s);
    CHECK(report->perClerk[0].registrations == 20);
    CHECK(report->perClerk[1].registrations == 9);
    CHECK(report->perClerk[1].voided == 1);
    REQUIRE(report->perBand.size() == 4);
    CHECK(report->perBand[0].key == u"pass"_s);
    CHECK(report->perBand[0].registrations == 24);
    CHECK(report->perBand[1].registrations == 3);
    qint64 types = 0;
    for (const ReportLine& line : std::as_const(report->perCustomerType))
        types += line.registrations;
    CHECK(types == 29);
    int hours = 0;
    for (int n : std::as_const(report->perHour))
        hours += n;
    CHECK(hours == 29);

    auto yesterday = DailyReport::build(outlet.store(), outlet.yesterday);
    REQUIRE(yesterday);
    CHECK(yesterday->registrations == 5);
    CHECK(yesterday->hqAccepted == 4);
    CHECK(yesterday->hqRejected == 1);
    CHECK(yesterday->unsynced == 0);
    auto empty = DailyReport::build(outlet.store(), QDate(2020, 1, 1));
    REQUIRE(empty);
    CHECK(empty->registrations == 0);
    CHECK(empty->passRate() == 0.0);
    CHECK(!DailyReport::build(outlet.store(), QDate()));
}

TEST_CASE("daily report JSON and masked CSV", "[review]")
{
    Outlet outlet;
    auto report = DailyReport::build(outlet.store(), outlet.today);
    REQUIRE(report);
    const QJsonObject json = QJsonDocument::fromJson(report->toJson()).object();
    CHECK(json.value(u"registrations"_s).toInteger() == 29);
    CHECK(json.value(u"date"_s).toString() == u"2026-11-28"_s);
    CHECK(json.value(u"per_clerk"_s).toArray().size() == 2);
    CHECK(json.value(u"per_hour"_s).toArray().size() == 24);

    const QString csv = QString::fromUtf8(report->toCsv(&outlet.store()));
    CHECK(csv.contains(u"registrations,29"_s));
    CHECK(csv.contains(u"clerk1,20,0"_s));
    // The day's records are there, masked: no full document number, no full name.
    CHECK(csv.count(u'\n') > 30 + 20);
    CHECK(!csv.contains(outlet.rareNameNumber));
    CHECK(csv.contains(maskDocumentNumber(outlet.rareNameNumber)));
    CHECK(csv.contains(u"阿***·***"_s));
    CHECK(!csv.contains(u"阿依古丽"_s));
    CHECK(csv.contains(u",𠮷,"_s));
    // No full mobile number either: the first 3 and the last 4 digits.
    REQUIRE(outlet.rareNamePhone.size() == 11);
    CHECK(!csv.contains(outlet.rareNamePhone));
    CHECK(csv.contains(u","_s + outlet.rareNamePhone.left(3) + u"****"_s + outlet.rareNamePhone.right(4) + u","_s));
    CHECK(csvCell(u"=cmd()"_s) == u"'=cmd()"_s);
    CHECK(csvCell(u"a,\"b\""_s) == u"\"a,\"\"b\"\"\""_s);
}

TEST_CASE("audit query filters and keyset pages", "[review]")
{
    Outlet outlet;
    AuditQuery query(outlet.store());
    auto created = query.page({{}, u"record_created"_s, {}, {}, {}}, 0, 10);
    REQUIRE(created);
    CHECK(created->size() == 10);
    qint64 total = 0;
    qint64 before = 0;
    while (true) {
        auto page = query.page({{}, u"record_created"_s, {}, {}, {}}, before, 8);
        REQUIRE(page);
        for (const store::AuditEntry& e : std::as_const(*page)) {
            CHECK(e.action == u"record_created"_s);
            if (before > 0)
                CHECK(e.id < before);
        }
        total += page->size();
        if (page->size() < 8)
            break;
        before = page->last().id;
    }
    CHECK(total == 35);
    auto history = query.history(outlet.rejectedUuid);
    REQUIRE(history);
    QStringList actions;
    for (const store::AuditEntry& e : std::as_const(*history))
        actions.append(e.action);
    CHECK(actions == QStringList{u"record_created"_s, u"hq_result"_s});
    // Starting from the record's time finds the same entries; starting after them finds none.
    auto fromCommit = query.history(outlet.rejectedUuid, outlet.clock.now());
    REQUIRE(fromCommit);
    CHECK(fromCommit->size() == 2);
    CHECK(query.history(outlet.rejectedUuid, outlet.clock.now().addDays(3))->isEmpty());
    CHECK(query.firstIdAtOrAfter({}).value() == 1);
    const qint64 past = query.firstIdAtOrAfter(QDateTime(QDate(2000, 1, 1), QTime(0, 0))).value();
    CHECK(past == 1);
    const qint64 future = query.firstIdAtOrAfter(QDateTime(QDate(2100, 1, 1), QTime(0, 0))).value();
    CHECK(future == outlet.store().database().queryInt(u"SELECT max(id) FROM audit"_s).value() + 1);
    auto byActor = query.page({u"boss"_s, {}, {}, {}, {}}, 0, 100);
    REQUIRE(byActor);
    REQUIRE(!byActor->isEmpty());
    for (const store::AuditEntry& e : std::as_const(*byActor))
        CHECK(e.actor == u"boss"_s);
    CHECK(query.page({{}, {}, {}, QDate(2030, 1, 1), {}}, 0, 100)->isEmpty());
    CHECK(query.page({{}, {}, {}, outlet.today, outlet.today}, 0, 1000)->size() > 30);
}

TEST_CASE("accounts password reset and role change within the manager's rights", "[review]")
{
    Outlet outlet;
    auto boss = outlet.login(u"boss"_s);
    AccountAdmin admin(*boss, store::KdfParams::weakForTests());
    REQUIRE(admin.resetPassword(u"clerk1"_s, "new password 9"));
    CHECK(!outlet.authenticator->login(u"clerk1"_s, kPassword));
    CHECK(outlet.authenticator->login(u"clerk1"_s, "new password 9"));
    CHECK(admin.resetPassword(u"clerk1"_s, "short").error().code == Error::Code::InvalidInput);
    CHECK(admin.resetPassword(u"admin"_s, "new password 9").error().code == Error::Code::PolicyRefused);
    CHECK(admin.resetPassword(u"boss"_s, "new password 9").error().code == Error::Code::PolicyRefused);
    CHECK(admin.changeRole(u"clerk2"_s, auth::Role::Manager).error().code == Error::Code::PolicyRefused);
    CHECK(admin.resetPassword(u"nobody"_s, "new password 9").error().code == Error::Code::NotFound);

    AccountAdmin root(*outlet.admin, store::KdfParams::weakForTests());
    REQUIRE(root.changeRole(u"clerk2"_s, auth::Role::Manager));
    CHECK(outlet.store().accounts().get(u"clerk2"_s)->role == u"manager"_s);
    CHECK(outlet.auditCount(audit::RoleChanged.toString()) == 1);
    CHECK(outlet.auditCount(audit::PasswordReset.toString()) == 1);
    auto promoted = outlet.login(u"clerk2"_s);
    CHECK(promoted->account().role == auth::Role::Manager);
    REQUIRE(outlet.store().audit().verify()->intact);
}

TEST_CASE("void reasons: the stored form HQ receives reads back into its parts", "[review]")
{
    const VoidReason rejected{VoidReason::Kind::ReviewRejected, {}, u"不是本人 𠮷"_s};
    CHECK(rejected.stored() == u"manual review rejected: 不是本人 𠮷"_s);
    const VoidReason back = VoidReason::parse(rejected.stored());
    CHECK(back.kind == VoidReason::Kind::ReviewRejected);
    CHECK(back.text == u"不是本人 𠮷"_s);
    const VoidReason hq = VoidReason::parse(
        VoidReason{VoidReason::Kind::HqRejection, u"identity_limit"_s, u"customer informed"_s}.stored());
    CHECK(hq.kind == VoidReason::Kind::HqRejection);
    CHECK(hq.hqReason == u"identity_limit"_s);
    CHECK(hq.text == u"customer informed"_s);
    const VoidReason typed = VoidReason::parse(u"wrong SIM (typed): rejected by HQ ("_s);
    CHECK(typed.kind == VoidReason::Kind::Other);
    CHECK(typed.text == u"wrong SIM (typed): rejected by HQ ("_s);
}

TEST_CASE("The day list filters and sorts by transaction, and the report counts each", "[review]")
{
    Outlet outlet;
    ReviewRepository repository(outlet.store());
    auto day = repository.page(ReviewFilter::day(outlet.today), {}, 0, 100);
    REQUIRE(day.has_value());
    REQUIRE(day->size() >= 3);
    // Two of today's numbers come back: one changes hands, one is cancelled.
    store::DemoDataGenerator generator(7, 2);
    auto first = outlet.store().registrations().load(day->at(0).uuid);
    auto second = outlet.store().registrations().load(day->at(1).uuid);
    REQUIRE(first.has_value());
    REQUIRE(second.has_value());
    const QDateTime evening(outlet.today, QTime(17, 0));
    QList<Registration> later{generator.transaction(*first, Transaction::Transfer, u"clerk1"_s, evening),
                              generator.transaction(*second, Transaction::Cancellation, u"clerk1"_s, evening)};
    REQUIRE(outlet.store().registrations().commitMany(later));
    const Registration& transfer = later[0];

    ReviewFilter filter = ReviewFilter::day(outlet.today);
    filter.transaction = Transaction::Transfer;
    auto transfers = repository.page(filter, {}, 0, 100);
    REQUIRE(transfers.has_value());
    REQUIRE(transfers->size() == 1);
    CHECK(transfers->first().uuid == transfer.uuid);
    CHECK(transfers->first().transaction == Transaction::Transfer);
    CHECK(transfers->first().number == first->number);
    CHECK(transfers->first().customerName == transfer.customer()->document.name); // the new holder
    filter.transaction = Transaction::NewNumber;
    CHECK(repository.count(filter).value() == repository.count(ReviewFilter::day(outlet.today)).value() - 2);
    // Sorted by transaction, descending: the key order puts the transfer first ("transfer" > "new" > "cancel").
    auto sorted = repository.page(ReviewFilter::day(outlet.today), {ReviewColumn::Transaction, true}, 0, 1);
    REQUIRE(sorted.has_value());
    CHECK(sorted->first().transaction == Transaction::Transfer);

    auto report = DailyReport::build(outlet.store(), outlet.today);
    REQUIRE(report.has_value());
    QHash<QString, qint64> perTransaction;
    for (const ReportLine& line : report->perTransaction)
        perTransaction.insert(line.key, line.registrations);
    CHECK(perTransaction.value(u"transfer"_s) == 1);
    CHECK(perTransaction.value(u"cancel"_s) == 1);
    CHECK(perTransaction.value(u"new"_s) == report->registrations - 2);
    const QJsonObject json = QJsonDocument::fromJson(report->toJson()).object();
    CHECK(json.value(u"per_transaction"_s).toArray().size() == 3);
}
