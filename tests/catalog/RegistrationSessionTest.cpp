#include "core/registration/RegistrationSession.h"
#include "core/identity/CheckDigits.h"

#include "support/CatchQt.h"
#include "support/FakeSessionServices.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::registration;
using shiming::testing::residentCard;

namespace {

const QDate kToday(2026, 6, 15);
const QString kUscc = u"911101051234567883"_s;

QString validIccid()
{
    const QString body = u"898600123456789012"_s;
    for (int d = 0; d <= 9; ++d) {
        if (identity::luhnValid(QString(body + QString::number(d))))
            return body + QString::number(d);
    }
    return {};
}

/// Everything a session needs, on fakes.
struct Fixture {
    FixedClock clock{QDateTime(kToday, QTime(10, 0))};
    testing::FakeHoldings holdings;
    testing::FakeRiskList risk;
    Policy policy{PolicySettings{}, clock, &holdings, &risk};
    catalog::Catalog catalog;
    catalog::NumberPool pool;
    testing::FakeSink sink;

    Fixture()
    {
        auto loaded = catalog::Catalog::load(QStringLiteral(SHIMING_DEMO_DIR "/catalog.json"));
        REQUIRE(loaded.has_value());
        catalog = *loaded;
        auto opened = catalog::NumberPool::open({{u"13800138000"_s, 0}, {u"13800138001"_s, 0}}, {});
        REQUIRE(opened.has_value());
        pool = std::move(*opened);
    }

    SessionServices services()
    {
        return SessionServices{&clock, &policy,       &catalog,    &pool,
                               &sink,  u"outlet-1"_s, u"clerk1"_s, catalog::SimOperator::ChinaMobile};
    }
};

FaceEvidence evidence(FaceBand band, double score)
{
    FaceEvidence e;
    e.band = band;
    e.score = score;
    e.threshold = 0.5;
    return e;
}

void completeIndividualUpToSummary(RegistrationSession& session)
{
    REQUIRE(session.advance().has_value()); // customer type: individual
    const auto decision = session.setDocument(
        DocumentRole::Customer, residentCard(u"𠮷田·张"_s, QDate(1990, 5, 1), kToday), "BMchip", DocumentSource::Chip);
    REQUIRE(decision.allowed());
    REQUIRE(session.advance().has_value());
    CHECK(session.recordFace(DocumentRole::Customer, evidence(FaceBand::Pass, 0.72), "jpeg") == FaceState::Passed);
    REQUIRE(session.advance().has_value());
    REQUIRE(session.choosePackage(u"changliao-58"_s).has_value());
    REQUIRE(session.reserveNumber(u"13800138000"_s).has_value());
    REQUIRE(session.setIccid(validIccid()).valid());
    REQUIRE(session.advance().has_value());
    session.setAgreementRead(true);
    session.setFraudNoticeRead(true);
    session.setSignature("PNGsig");
    session.setClerkConfirmed(true);
    REQUIRE(session.advance().has_value());
    REQUIRE(session.step() == SessionStep::Summary);
}

} // namespace

TEST_CASE("An individual goes through every step and is committed once", "[catalog][session]")
{
    Fixture f;
    RegistrationSession session(f.services());
    QSignalSpy committed(&session, &RegistrationSession::committed);
    QSignalSpy steps(&session, &RegistrationSession::stepChanged);
    completeIndividualUpToSummary(session);
    CHECK(steps.count() == 5);

    auto stored = session.commit();
    REQUIRE(stored.has_value());
    CHECK(session.step() == SessionStep::Done);
    CHECK(committed.count() == 1);
    REQUIRE(f.sink.records.size() == 1);
    const Registration& record = f.sink.records.first();
    CHECK(record.outletId == u"outlet-1"_s);
    CHECK(record.clerk == u"clerk1"_s);
    CHECK(record.customer()->document.name == u"𠮷田·张"_s);
    CHECK(record.packageId == u"changliao-58"_s);
    CHECK(record.number == u"13800138000"_s);
    CHECK(record.iccid == validIccid());
    CHECK(record.face.band == FaceBand::Pass);
    CHECK(record.mediaOfKind(MediaItem::Kind::Signature).size() == 1);
    CHECK(record.mediaOfKind(MediaItem::Kind::LivePhoto).size() == 1);
    CHECK(record.mediaOfKind(MediaItem::Kind::ChipPhoto).size() == 1);
    CHECK(record.deviceTime == f.clock.now());
    CHECK(f.pool.state(u"13800138000") == catalog::NumberState::Taken);

    // No second commit, no way back.
    CHECK_FALSE(session.commit().has_value());
    CHECK_FALSE(session.back().has_value());
    CHECK(f.sink.records.size() == 1);
}

TEST_CASE("Each step refuses to advance until complete, with a reason", "[catalog][session]")
{
    Fixture f;
    RegistrationSession session(f.services());
    REQUIRE(session.advance().has_value());
    CHECK(session.blocker() == Cause{Reason::DocumentMissing, u"customer"_s});
    CHECK(session.advance().error().cause == Cause{Reason::DocumentMissing, u"customer"_s});

    session.setDocument(DocumentRole::Customer, residentCard(u"小明"_s, kToday.addYears(-12), kToday), "BM",
                        DocumentSource::Chip);
    CHECK(session.blocker().reason == Reason::GuardianRequired);
    session.setDocument(DocumentRole::Customer, residentCard(u"张三"_s, QDate(1985, 1, 1), kToday), "BM",
                        DocumentSource::Chip);
    CHECK(session.isStepComplete());
    REQUIRE(session.advance().has_value());

    CHECK(session.blocker() == Cause{Reason::FacePending, u"customer"_s});
    session.recordFace(DocumentRole::Customer, evidence(FaceBand::Pass, 0.8), "jpeg");
    REQUIRE(session.advance().has_value());

    CHECK(session.blocker() == Cause{Reason::PackageMissing});
    CHECK_FALSE(session.choosePackage(u"org-office-199"_s).has_value()); // organisations only
    CHECK_FALSE(session.choosePackage(u"xiaoxin-18"_s).has_value());     // 60+
    REQUIRE(session.choosePackage(u"quantian-88"_s).has_value());
    CHECK(session.blocker() == Cause{Reason::NumberMissing});
    REQUIRE(session.reserveNumber(u"13800138001"_s).has_value());
    CHECK(session.blocker() == Cause{Reason::IccidMissing});
    CHECK_FALSE(session.setIccid(u"12345"_s).valid());
    CHECK(session.blocker() == Cause{Reason::IccidMissing});
    CHECK(session.setIccid(u"8986011234567890123"_s).error == u"wrong_operator"_s);
    session.setIccid(validIccid());
    REQUIRE(session.advance().has_value());

    CHECK(session.blocker() == Cause{Reason::AgreementUnread});
    session.setAgreementRead(true);
    CHECK(session.blocker() == Cause{Reason::FraudNoticeUnread});
    session.setFraudNoticeRead(true);
    CHECK(session.blocker() == Cause{Reason::SignatureMissing, u"customer"_s}); // the signer: here the customer
    session.setSignature("png");
    CHECK(session.blocker() == Cause{Reason::ClerkUnconfirmed});
    session.setClerkConfirmed(true);
    REQUIRE(session.advance().has_value());
    CHECK_FALSE(session.advance().has_value()); // the summary ends with commit
}

TEST_CASE("Cancel and destruction release the reserved number, nothing is written", "[catalog][session]")
{
    Fixture f;
    {
        RegistrationSession session(f.services());
        QSignalSpy cancelled(&session, &RegistrationSession::cancelled);
        completeIndividualUpToSummary(session);
        CHECK(f.pool.state(u"13800138000") == catalog::NumberState::Reserved);
        session.cancel();
        CHECK(cancelled.count() == 1);
        CHECK(f.pool.state(u"13800138000") == catalog::NumberState::Free);
        CHECK_FALSE(session.commit().has_value());
        CHECK_FALSE(session.reserveNumber(u"13800138000"_s).has_value());
    }
    {
        RegistrationSession abandoned(f.services());
        completeIndividualUpToSummary(abandoned);
        CHECK(f.pool.state(u"13800138000") == catalog::NumberState::Reserved);
    }
    CHECK(f.pool.state(u"13800138000") == catalog::NumberState::Free);
    CHECK(f.sink.attempts == 0);
}

TEST_CASE("A failed commit keeps the session and its number for another try", "[catalog][session]")
{
    Fixture f;
    RegistrationSession session(f.services());
    completeIndividualUpToSummary(session);
    f.sink.failNext = true;
    auto first = session.commit();
    REQUIRE_FALSE(first.has_value());
    CHECK(first.error().code == Error::Code::StorageFailure);
    CHECK(session.step() == SessionStep::Summary);
    CHECK(f.pool.state(u"13800138000") == catalog::NumberState::Reserved);
    REQUIRE(session.commit().has_value());
    CHECK(f.sink.records.size() == 1);
}

TEST_CASE("Back keeps the data, changing the customer type forgets it", "[catalog][session]")
{
    Fixture f;
    RegistrationSession session(f.services());
    CHECK_FALSE(session.back().has_value());
    completeIndividualUpToSummary(session);
    REQUIRE(session.back().has_value());
    REQUIRE(session.back().has_value());
    CHECK(session.step() == SessionStep::Package);
    CHECK(session.number() == u"13800138000"_s);
    REQUIRE(session.back().has_value());
    REQUIRE(session.back().has_value());
    REQUIRE(session.back().has_value());
    CHECK(session.step() == SessionStep::CustomerType);
    session.setCustomerType(CustomerType::Minor);
    CHECK(session.person(DocumentRole::Customer) == nullptr);
    CHECK(session.number().isEmpty());
    CHECK(f.pool.state(u"13800138000") == catalog::NumberState::Free);
}

TEST_CASE("Face review: a manager approves, or the registration is parked, failures stop it", "[catalog][session]")
{
    Fixture f;
    RegistrationSession session(f.services());
    REQUIRE(session.advance().has_value());
    session.setDocument(DocumentRole::Customer, residentCard(u"张三"_s, QDate(1985, 1, 1), kToday), "BM",
                        DocumentSource::Chip);
    REQUIRE(session.advance().has_value());

    CHECK(session.recordFace(DocumentRole::Customer, evidence(FaceBand::ManualReview, 0.45), "a") ==
          FaceState::AwaitingReview);
    CHECK(session.blocker() == Cause{Reason::FaceReview, u"customer"_s});
    CHECK_FALSE(session.approveFaceReview(DocumentRole::Customer, QString()).has_value());
    REQUIRE(session.approveFaceReview(DocumentRole::Customer, u"manager1"_s).has_value());
    CHECK(session.isStepComplete());
    CHECK(session.buildRegistration().face.overrideBy == u"manager1"_s);
    CHECK(session.buildRegistration().face.band == FaceBand::ManualReview);

    // Models unavailable: NotCompared also goes to a manager; parking lets the clerk continue.
    session.recordFace(DocumentRole::Customer, evidence(FaceBand::NotCompared, 0.0), "b");
    REQUIRE(session.parkFaceReview(DocumentRole::Customer).has_value());
    CHECK(session.isStepComplete());
    CHECK(session.buildRegistration().face.overrideBy.isEmpty());
    CHECK_FALSE(session.parkFaceReview(DocumentRole::Customer).has_value());

    // Three failures stop the registration.
    CHECK(session.faceAttemptsLeft(DocumentRole::Customer) == 3);
    CHECK(session.recordFace(DocumentRole::Customer, evidence(FaceBand::Fail, 0.1), "c") == FaceState::Failed);
    CHECK(session.faceAttemptsLeft(DocumentRole::Customer) == 2);
    CHECK(session.recordFace(DocumentRole::Customer, evidence(FaceBand::Fail, 0.1), "c") == FaceState::Failed);
    CHECK(session.recordFace(DocumentRole::Customer, evidence(FaceBand::Fail, 0.1), "c") == FaceState::Stopped);
    CHECK(session.isStopped());
    CHECK(session.blocker() == Cause{Reason::FaceStopped});
    CHECK(session.recordFace(DocumentRole::Customer, evidence(FaceBand::Pass, 0.9), "d") == FaceState::Stopped);
}

TEST_CASE("Minor with guardian: both documents and both faces", "[catalog][session]")
{
    Fixture f;
    RegistrationSession session(f.services());
    session.setCustomerType(CustomerType::Minor);
    CHECK(session.requiredDocuments() == QList<DocumentRole>{DocumentRole::Customer, DocumentRole::Guardian});
    REQUIRE(session.advance().has_value());
    session.setDocument(DocumentRole::Customer, residentCard(u"小明"_s, kToday.addYears(-12), kToday, 125), "BM",
                        DocumentSource::Chip);
    CHECK(session.blocker() == Cause{Reason::DocumentMissing, u"guardian"_s});
    // The minor cannot be their own guardian.
    session.setDocument(DocumentRole::Guardian, residentCard(u"小明"_s, kToday.addYears(-12), kToday, 125), "BM",
                        DocumentSource::Chip);
    CHECK(session.blocker().reason == Reason::GuardianTooYoung);
    session.setDocument(DocumentRole::Guardian, residentCard(u"张父"_s, QDate(1980, 2, 2), kToday, 131), "BM",
                        DocumentSource::Chip);
    REQUIRE(session.advance().has_value());
    session.recordFace(DocumentRole::Customer, evidence(FaceBand::Pass, 0.8), "m");
    CHECK(session.blocker() == Cause{Reason::FacePending, u"guardian"_s});
    session.recordFace(DocumentRole::Guardian, evidence(FaceBand::Pass, 0.7), "g");
    REQUIRE(session.advance().has_value());
    QStringList offered;
    for (const auto& package : session.eligiblePackages())
        offered.append(package.id);
    CHECK(offered.contains(u"campus-29"_s));
    CHECK_FALSE(offered.contains(u"wuxian-128"_s));
    const Registration record = session.buildRegistration();
    CHECK(record.documents.size() == 2);
    CHECK(record.mediaOfKind(MediaItem::Kind::HandlerPhoto).size() == 1); // the guardian's live photo
}

TEST_CASE("Chip documents cannot be typed, manual documents need a photo of the photo page", "[catalog][session]")
{
    Fixture f;
    RegistrationSession session(f.services());
    REQUIRE(session.advance().has_value());
    const auto typed = session.setDocument(DocumentRole::Customer, residentCard(u"张三"_s, QDate(1985, 1, 1), kToday),
                                           {}, DocumentSource::Manual);
    CHECK(typed.has(policy::DocumentNotAccepted));
    CHECK_FALSE(typed.allowed());

    IdentityDocument permit;
    permit.type = DocumentType::HkMoPermit;
    permit.name = u"陈大文"_s;
    permit.englishName = u"CHAN, TAI MAN"_s;
    permit.sexCode = u"1"_s;
    permit.birthDate = QDate(1988, 8, 8);
    permit.number = u"H12345678"_s;
    permit.validFrom = kToday.addYears(-1);
    permit.validTo = kToday.addYears(9);
    const auto manual = session.setDocument(DocumentRole::Customer, permit, {}, DocumentSource::Manual);
    INFO((manual.findings.isEmpty() ? std::string("no findings")
                                    : reasonName(manual.findings.first().code).toStdString()));
    CHECK(manual.allowed());
    CHECK(session.blocker() == Cause{Reason::DocumentPhotoMissing, u"customer"_s});
    session.setDocumentPhoto(DocumentRole::Customer, "jpeg-of-photo-page");
    CHECK(session.isStepComplete());
}

TEST_CASE("Organisations need a valid USCC, both documents and the package's attachments", "[catalog][session]")
{
    Fixture f;
    RegistrationSession session(f.services());
    session.setCustomerType(CustomerType::Organisation);
    REQUIRE(session.advance().has_value());
    session.setDocument(DocumentRole::Handler, residentCard(u"经办人"_s, QDate(1980, 1, 1), kToday, 137), "BM",
                        DocumentSource::Chip);
    session.setDocument(DocumentRole::Customer, residentCard(u"使用人"_s, QDate(1982, 1, 1), kToday, 139), "BM",
                        DocumentSource::Chip);
    CHECK(session.blocker() == Cause{Reason::OrganisationInvalid});
    session.setOrganisation(Organisation{u"911101051234567880"_s, u"示例科技有限公司"_s});
    CHECK(session.blocker() == Cause{Reason::OrganisationInvalid});
    session.setOrganisation(Organisation{kUscc, u"示例科技有限公司"_s});
    CHECK(session.isStepComplete());
    REQUIRE(session.advance().has_value());
    CHECK(session.faceSubjects() == QList<DocumentRole>{DocumentRole::Handler});
    session.recordFace(DocumentRole::Handler, evidence(FaceBand::Pass, 0.8), "h");
    REQUIRE(session.advance().has_value());

    REQUIRE(session.choosePackage(u"org-telemarketing-299"_s).has_value());
    REQUIRE(session.reserveNumber(u"13800138000"_s).has_value());
    session.setIccid(validIccid());
    CHECK(session.requiredAttachments() ==
          QStringList{u"business_licence"_s, u"authorisation_letter"_s, u"call_script"_s, u"security_commitment"_s});
    CHECK(session.blocker() == Cause{Reason::AttachmentMissing, u"business_licence"_s});
    for (const QString& key : session.requiredAttachments())
        session.setAttachment(key, MediaItem{MediaItem::Kind::Attachment, {}, u"image/jpeg"_s, "scan"});
    CHECK(session.isStepComplete());
    const Registration record = session.buildRegistration();
    REQUIRE(record.organisation.has_value());
    CHECK(record.organisation->uscc == kUscc);
    CHECK(record.mediaOfKind(MediaItem::Kind::Attachment).size() == 4);
}

TEST_CASE("The signer is named: customer, a minor's guardian, the agent, the organisation's handler", "[catalog]")
{
    CHECK(signerFor(CustomerType::Individual) == DocumentRole::Customer);
    CHECK(signerFor(CustomerType::Minor) == DocumentRole::Guardian);
    CHECK(signerFor(CustomerType::Agent) == DocumentRole::Agent);
    CHECK(signerFor(CustomerType::Organisation) == DocumentRole::Handler);
}

namespace {

/// Agreement and signature, then the summary.
void signAndSummarise(RegistrationSession& session)
{
    session.setAgreementRead(true);
    session.setFraudNoticeRead(true);
    session.setSignature("PNGsig");
    session.setClerkConfirmed(true);
    REQUIRE(session.advance().has_value());
    REQUIRE(session.step() == SessionStep::Summary);
}

} // namespace

TEST_CASE("Lifecycle transactions reuse the steps, only the number step differs", "[catalog][session]")
{
    Fixture f;
    const IdentityDocument holder = residentCard(u"𠮷田·张"_s, QDate(1990, 5, 1), kToday);
    for (const Transaction t : {Transaction::Reverification, Transaction::SimReplacement, Transaction::Cancellation}) {
        CAPTURE(transactionKey(t));
        RegistrationSession session(f.services());
        session.setTransaction(t);
        REQUIRE(session.advance().has_value());
        CHECK(session.requiredDocuments() == QList<DocumentRole>{DocumentRole::Customer});
        REQUIRE(session.setDocument(DocumentRole::Customer, holder, "BMchip", DocumentSource::Chip).allowed());
        REQUIRE(session.advance().has_value());
        session.recordFace(DocumentRole::Customer, evidence(FaceBand::Pass, 0.7), "jpeg");
        REQUIRE(session.advance().has_value());
        // No package and no number from the pool: the number in service, format-checked.
        CHECK(session.blocker() == Cause{Reason::NumberMissing, u"in_service"_s});
        CHECK_FALSE(session.reserveNumber(u"13800138000"_s).has_value());
        const auto bad = session.setServiceNumber(u"2380013800"_s);
        REQUIRE_FALSE(bad.has_value());
        CHECK(bad.error().cause.reason == Reason::NumberInvalid);
        CHECK(session.number().isEmpty());
        REQUIRE(session.setServiceNumber(u"139 0013-9000"_s).has_value());
        CHECK(session.number() == u"13900139000"_s);
        if (t == Transaction::SimReplacement) {
            CHECK(session.blocker().reason == Reason::IccidMissing);
            REQUIRE(session.setIccid(validIccid()).valid());
        }
        REQUIRE(session.advance().has_value());
        signAndSummarise(session);
        REQUIRE(session.commit().has_value());
        const Registration& record = f.sink.records.last();
        CHECK(record.transaction == t);
        CHECK(record.number == u"13900139000"_s);
        CHECK(record.packageId.isEmpty());
        CHECK(record.iccid == (t == Transaction::SimReplacement ? validIccid() : QString()));
        CHECK(f.pool.state(u"13800138000") == catalog::NumberState::Free); // the pool is untouched
    }
}

TEST_CASE("A transfer verifies the present holder and the new holder, who signs", "[catalog][session]")
{
    Fixture f;
    RegistrationSession session(f.services());
    session.setTransaction(Transaction::Transfer);
    REQUIRE(session.advance().has_value());
    CHECK(session.requiredDocuments() == QList<DocumentRole>{DocumentRole::CurrentHolder, DocumentRole::Customer});
    CHECK(session.faceSubjects() == QList<DocumentRole>{DocumentRole::CurrentHolder, DocumentRole::Customer});
    const IdentityDocument holder = residentCard(u"王·老"_s, QDate(1970, 1, 1), kToday);
    const IdentityDocument buyer = residentCard(u"𠮷新"_s, QDate(1995, 3, 3), kToday);
    REQUIRE(session.setDocument(DocumentRole::CurrentHolder, holder, "BMone", DocumentSource::Chip).allowed());
    CHECK(session.blocker() == Cause{Reason::DocumentMissing, u"customer"_s});
    // The same person on both sides is no transfer.
    session.setDocument(DocumentRole::Customer, holder, "BMone", DocumentSource::Chip);
    CHECK(session.blocker().reason == policy::SamePerson);
    // The new holder at the limit is refused, as for a new number.
    f.holdings.table.insert(buyer.number, IdentityHoldings{5, 0, 5});
    CHECK(session.setDocument(DocumentRole::Customer, buyer, "BMtwo", DocumentSource::Chip).has(policy::IdentityLimit));
    CHECK(session.blocker().reason == policy::IdentityLimit);
    f.holdings.table.insert(buyer.number, IdentityHoldings{4, 0, 4});
    REQUIRE(session.setDocument(DocumentRole::Customer, buyer, "BMtwo", DocumentSource::Chip).allowed());
    REQUIRE(session.advance().has_value());
    session.recordFace(DocumentRole::CurrentHolder, evidence(FaceBand::Pass, 0.7), "jpeg-holder");
    CHECK(session.blocker() == Cause{Reason::FacePending, u"customer"_s});
    session.recordFace(DocumentRole::Customer, evidence(FaceBand::Pass, 0.8), "jpeg-buyer");
    REQUIRE(session.advance().has_value());
    REQUIRE(session.setServiceNumber(u"13900139001"_s).has_value());
    REQUIRE(session.advance().has_value());
    CHECK(signerFor(session.customerType()) == DocumentRole::Customer); // the new holder signs
    signAndSummarise(session);
    REQUIRE(session.commit().has_value());
    const Registration& record = f.sink.records.last();
    CHECK(record.transaction == Transaction::Transfer);
    CHECK(record.customer()->document.number == buyer.number);
    REQUIRE(record.document(DocumentRole::CurrentHolder));
    CHECK(record.document(DocumentRole::CurrentHolder)->document.name == u"王·老"_s);
    CHECK(record.mediaOfKind(MediaItem::Kind::HandlerPhoto).size() == 1); // the holder's live photo
    CHECK(record.mediaOfKind(MediaItem::Kind::LivePhoto).size() == 1);
}

TEST_CASE("The limit: a warning for a re-verification, nothing for a replacement or a cancellation", "[catalog]")
{
    Fixture f;
    const IdentityDocument full = residentCard(u"满额"_s, QDate(1980, 2, 2), kToday);
    f.holdings.table.insert(full.number, IdentityHoldings{5, 0, 5});
    const auto decisionFor = [&](Transaction t) {
        RegistrationSession session(f.services());
        session.setTransaction(t);
        REQUIRE(session.advance().has_value());
        return session.setDocument(DocumentRole::Customer, full, "BM", DocumentSource::Chip);
    };
    CHECK_FALSE(decisionFor(Transaction::NewNumber).allowed());
    const PolicyDecision reverify = decisionFor(Transaction::Reverification);
    CHECK(reverify.allowed());
    CHECK(reverify.has(policy::IdentityLimit)); // shown as a warning: HQ decides
    for (const Transaction t : {Transaction::SimReplacement, Transaction::Cancellation}) {
        const PolicyDecision d = decisionFor(t);
        CHECK(d.allowed());
        CHECK_FALSE(d.has(policy::IdentityLimit));
    }
}

TEST_CASE("Changing the transaction forgets the documents and the number", "[catalog][session]")
{
    Fixture f;
    RegistrationSession session(f.services());
    session.setTransaction(Transaction::Cancellation);
    REQUIRE(session.advance().has_value());
    session.setDocument(DocumentRole::Customer, residentCard(u"张三"_s, QDate(1990, 5, 1), kToday), "BM",
                        DocumentSource::Chip);
    REQUIRE(session.back().has_value());
    session.setTransaction(Transaction::NewNumber);
    CHECK(session.person(DocumentRole::Customer) == nullptr);
    CHECK(session.setServiceNumber(u"13900139000"_s).has_value() == false); // a new number comes from the pool
}
