#include "core/registration/RegistrationSession.h"

#include "core/common/Logging.h"
#include "core/identity/Validators.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace shiming::registration {

namespace {

// Documents whose data must come from the chip: typing them by hand is not allowed (since 2015-09).
bool hasChip(DocumentType type)
{
    return type == DocumentType::ResidentId || type == DocumentType::ResidencePermit ||
           type == DocumentType::ForeignPermanent;
}

int bandSeverity(FaceBand band)
{
    switch (band) {
    case FaceBand::Pass:
        return 0;
    case FaceBand::ManualReview:
        return 1;
    case FaceBand::NotCompared:
        return 2;
    case FaceBand::Fail:
        return 3;
    }
    return 3;
}

} // namespace

QString sessionStepKey(SessionStep step)
{
    switch (step) {
    case SessionStep::CustomerType:
        return u"customer_type"_s;
    case SessionStep::Documents:
        return u"documents"_s;
    case SessionStep::Face:
        return u"face"_s;
    case SessionStep::Package:
        return u"package"_s;
    case SessionStep::Agreement:
        return u"agreement"_s;
    case SessionStep::Summary:
        return u"summary"_s;
    case SessionStep::Done:
        return u"done"_s;
    }
    return {};
}

RegistrationSession::RegistrationSession(SessionServices services, QObject* parent)
    : QObject(parent)
    , m_services(std::move(services))
    , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    Q_ASSERT(m_services.clock && m_services.policy && m_services.catalog && m_services.pool && m_services.sink);
}

RegistrationSession::~RegistrationSession()
{
    if (!m_committed && m_services.pool)
        m_services.pool->release(m_id);
}

QList<SessionStep> RegistrationSession::steps()
{
    return {SessionStep::CustomerType, SessionStep::Documents, SessionStep::Face,
            SessionStep::Package,      SessionStep::Agreement, SessionStep::Summary};
}

bool RegistrationSession::isStopped() const
{
    for (const SessionFace& face : m_faces) {
        if (face.state == FaceState::Stopped)
            return true;
    }
    return false;
}

Cause RegistrationSession::blocker() const
{
    if (m_cancelled)
        return Cause{Reason::SessionCancelled};
    if (m_step == SessionStep::Done)
        return Cause{Reason::SessionDone};
    return stepBlocker(m_step);
}

Cause RegistrationSession::stepBlocker(SessionStep step) const
{
    switch (step) {
    case SessionStep::CustomerType:
        return {};
    case SessionStep::Documents: {
        for (DocumentRole role : requiredDocuments()) {
            const SessionPerson* p = person(role);
            if (!p)
                return Cause{Reason::DocumentMissing, documentRoleKey(role)};
            if (const PolicyFinding* finding = p->decision.firstBlocking())
                return Cause{finding->code, {}, finding->figure};
            if (p->photo.isEmpty() && !hasChip(p->document.type))
                return Cause{Reason::DocumentPhotoMissing, documentRoleKey(role)};
        }
        const SessionPerson* customer = person(DocumentRole::Customer);
        for (DocumentRole other : {DocumentRole::Guardian, DocumentRole::Agent, DocumentRole::CurrentHolder}) {
            const SessionPerson* p = person(other);
            if (customer && p && requiredDocuments().contains(other) &&
                p->document.number == customer->document.number && p->document.type == customer->document.type)
                return Cause{policy::SamePerson};
        }
        if (m_customerType == CustomerType::Organisation) {
            if (!m_organisation || m_organisation->name.trimmed().isEmpty())
                return Cause{Reason::OrganisationInvalid};
            const ValidationResult uscc = validate(DocumentType::Uscc, m_organisation->uscc, *m_services.clock);
            if (!uscc.valid())
                return Cause{Reason::OrganisationInvalid};
        }
        return {};
    }
    case SessionStep::Face:
        for (DocumentRole role : faceSubjects()) {
            const SessionFace* f = face(role);
            if (!f)
                return Cause{Reason::FacePending, documentRoleKey(role)};
            switch (f->state) {
            case FaceState::Passed:
            case FaceState::Approved:
            case FaceState::Parked:
                break;
            case FaceState::AwaitingReview:
                return Cause{Reason::FaceReview, documentRoleKey(role)};
            case FaceState::Stopped:
                return Cause{Reason::FaceStopped};
            case FaceState::Pending:
            case FaceState::Failed:
                return Cause{Reason::FacePending, documentRoleKey(role)};
            }
        }
        return {};
    case SessionStep::Package: {
        if (!takesNewNumber(m_transaction)) {
            if (m_number.isEmpty())
                return Cause{Reason::NumberMissing, u"in_service"_s};
            if (takesNewSim(m_transaction)) {
                if (m_iccid.iccid.isEmpty() || !m_iccid.valid())
                    return Cause{Reason::IccidMissing};
                if (!m_iccid.luhnOk && !m_iccidConfirmed)
                    return Cause{Reason::IccidCheckDigit};
            }
            const QStringList missing = missingAttachments();
            if (!missing.isEmpty())
                return Cause{Reason::AttachmentMissing, missing.first()};
            return {};
        }
        const catalog::Package* chosen = package();
        if (!chosen)
            return Cause{Reason::PackageMissing};
        if (catalog::checkEligibility(*chosen, {m_customerType, customerAge()}) != catalog::Ineligibility::None)
            return Cause{Reason::PackageIneligible};
        if (m_number.isEmpty() || m_services.pool->reservedBy(m_number) != m_id)
            return Cause{Reason::NumberMissing};
        if (m_iccid.iccid.isEmpty() || !m_iccid.valid())
            return Cause{Reason::IccidMissing};
        if (!m_iccid.luhnOk && !m_iccidConfirmed)
            return Cause{Reason::IccidCheckDigit};
        const QStringList missing = missingAttachments();
        if (!missing.isEmpty())
            return Cause{Reason::AttachmentMissing, missing.first()};
        return {};
    }
    case SessionStep::Agreement:
        if (!m_agreementRead)
            return Cause{Reason::AgreementUnread};
        if (!m_fraudNoticeRead)
            return Cause{Reason::FraudNoticeUnread};
        if (m_signature.isEmpty())
            return Cause{Reason::SignatureMissing, documentRoleKey(signerFor(m_customerType))};
        if (!m_clerkConfirmed)
            return Cause{Reason::ClerkUnconfirmed};
        return {};
    case SessionStep::Summary:
        // Everything before must still hold (a reservation could have been lost).
        for (SessionStep earlier : steps()) {
            if (earlier == SessionStep::Summary)
                break;
            if (Cause reason = stepBlocker(earlier); reason.isSpecified())
                return reason;
        }
        return {};
    case SessionStep::Done:
        return Cause{Reason::SessionDone};
    }
    return {};
}

Result<void> RegistrationSession::advance()
{
    if (m_step == SessionStep::Summary)
        return fail(Error::invalidInput(u"the summary step ends with commit"_s));
    if (Cause reason = blocker(); reason.isSpecified())
        return fail(Error::because(Error::Code::PolicyRefused, std::move(reason)));
    setStep(static_cast<SessionStep>(static_cast<int>(m_step) + 1));
    return {};
}

Result<void> RegistrationSession::back()
{
    if (m_cancelled || m_step == SessionStep::Done || m_step == SessionStep::CustomerType)
        return fail(Error::invalidInput(u"cannot go back from here"_s));
    setStep(static_cast<SessionStep>(static_cast<int>(m_step) - 1));
    return {};
}

void RegistrationSession::cancel()
{
    if (m_cancelled || m_committed)
        return;
    m_cancelled = true;
    m_services.pool->release(m_id);
    m_number.clear();
    emit cancelled();
}

void RegistrationSession::setStep(SessionStep step)
{
    if (step == m_step)
        return;
    m_step = step;
    emit stepChanged(step);
}

void RegistrationSession::resetFrom(SessionStep step)
{
    if (step <= SessionStep::Documents) {
        m_people.clear();
        m_organisation.reset();
    }
    if (step <= SessionStep::Face)
        m_faces.clear();
    if (step <= SessionStep::Package) {
        m_packageId.clear();
        m_services.pool->release(m_id);
        m_number.clear();
        m_iccid = {};
        m_iccidConfirmed = false;
        m_attachments.clear();
    }
}

void RegistrationSession::setTransaction(Transaction transaction)
{
    if (transaction == m_transaction)
        return;
    m_transaction = transaction;
    resetFrom(SessionStep::Documents);
    emit changed();
}

void RegistrationSession::setCustomerType(CustomerType type)
{
    if (type == m_customerType)
        return;
    m_customerType = type;
    resetFrom(SessionStep::Documents);
    emit changed();
}

QList<DocumentRole> RegistrationSession::requiredDocuments() const
{
    // A transfer starts with the present holder, verified before the number changes hands.
    QList<DocumentRole> roles;
    if (m_transaction == Transaction::Transfer)
        roles << DocumentRole::CurrentHolder;
    switch (m_customerType) {
    case CustomerType::Individual:
        return roles << DocumentRole::Customer;
    case CustomerType::Minor:
        return roles << DocumentRole::Customer << DocumentRole::Guardian;
    case CustomerType::Agent:
        return roles << DocumentRole::Customer << DocumentRole::Agent;
    case CustomerType::Organisation:
        // The handler comes in person; the card's responsible user is recorded as the customer.
        return roles << DocumentRole::Handler << DocumentRole::Customer;
    }
    return roles << DocumentRole::Customer;
}

PolicyDecision RegistrationSession::setDocument(DocumentRole role, const IdentityDocument& document,
                                                const QByteArray& photo, DocumentSource source)
{
    SessionPerson entry;
    entry.document = document;
    entry.photo = photo;
    entry.source = source;
    entry.decision = m_services.policy->check(document, role, m_customerType);
    if (role == DocumentRole::Customer)
        applyTransactionToLimit(entry.decision);
    if (source == DocumentSource::Manual && hasChip(document.type)) {
        entry.decision.findings.prepend(
            PolicyFinding{policy::DocumentNotAccepted, u"chip documents must be read by the reader"_s, true, 0});
    }
    m_people.insert(role, entry);
    m_faces.remove(role);
    if (role == DocumentRole::Customer && package() &&
        catalog::checkEligibility(*package(), {m_customerType, customerAge()}) != catalog::Ineligibility::None)
        m_packageId.clear();
    emit changed();
    return entry.decision;
}

void RegistrationSession::clearDocument(DocumentRole role)
{
    m_people.remove(role);
    m_faces.remove(role);
    emit changed();
}

void RegistrationSession::setDocumentPhoto(DocumentRole role, const QByteArray& photo)
{
    auto it = m_people.find(role);
    if (it == m_people.end())
        return;
    it->photo = photo;
    m_faces.remove(role);
    emit changed();
}

const SessionPerson* RegistrationSession::person(DocumentRole role) const
{
    auto it = m_people.constFind(role);
    return it == m_people.constEnd() ? nullptr : &*it;
}

void RegistrationSession::setOrganisation(const Organisation& organisation)
{
    m_organisation = organisation;
    emit changed();
}

QList<DocumentRole> RegistrationSession::faceSubjects() const
{
    QList<DocumentRole> roles;
    if (m_transaction == Transaction::Transfer)
        roles << DocumentRole::CurrentHolder;
    switch (m_customerType) {
    case CustomerType::Individual:
        return roles << DocumentRole::Customer;
    case CustomerType::Minor:
        return roles << DocumentRole::Customer << DocumentRole::Guardian;
    case CustomerType::Agent:
        return roles << DocumentRole::Agent;
    case CustomerType::Organisation:
        return roles << DocumentRole::Handler;
    }
    return roles << DocumentRole::Customer;
}

FaceState RegistrationSession::recordFace(DocumentRole role, const FaceEvidence& evidence, const QByteArray& livePhoto)
{
    SessionFace& f = m_faces[role];
    if (f.state == FaceState::Stopped)
        return f.state;
    f.evidence = evidence;
    f.livePhoto = livePhoto;
    switch (evidence.band) {
    case FaceBand::Pass:
        f.state = FaceState::Passed;
        break;
    case FaceBand::ManualReview:
    case FaceBand::NotCompared:
        f.state = FaceState::AwaitingReview;
        break;
    case FaceBand::Fail:
        ++f.failures;
        f.state = f.failures >= m_services.policy->settings().maxFaceAttempts ? FaceState::Stopped : FaceState::Failed;
        if (f.state == FaceState::Stopped)
            qCInfo(lcUi) << "face comparison failed" << f.failures << "times; registration stopped";
        break;
    }
    emit changed();
    return f.state;
}

Result<void> RegistrationSession::approveFaceReview(DocumentRole role, const QString& manager)
{
    auto it = m_faces.find(role);
    if (it == m_faces.end() || it->state != FaceState::AwaitingReview)
        return fail(Error::invalidInput(u"no face comparison awaits review"_s));
    if (manager.isEmpty())
        return fail(Error::invalidInput(u"approval without a manager"_s));
    it->state = FaceState::Approved;
    it->evidence.overrideBy = manager;
    emit changed();
    return {};
}

Result<void> RegistrationSession::parkFaceReview(DocumentRole role)
{
    auto it = m_faces.find(role);
    if (it == m_faces.end() || it->state != FaceState::AwaitingReview)
        return fail(Error::invalidInput(u"no face comparison awaits review"_s));
    it->state = FaceState::Parked;
    emit changed();
    return {};
}

const SessionFace* RegistrationSession::face(DocumentRole role) const
{
    auto it = m_faces.constFind(role);
    return it == m_faces.constEnd() ? nullptr : &*it;
}

int RegistrationSession::faceAttemptsLeft(DocumentRole role) const
{
    const SessionFace* f = face(role);
    return qMax(0, m_services.policy->settings().maxFaceAttempts - (f ? f->failures : 0));
}

void RegistrationSession::applyTransactionToLimit(PolicyDecision& decision) const
{
    switch (m_transaction) {
    case Transaction::NewNumber:
    case Transaction::Transfer:
        return; // a number more for this identity: the limit blocks
    case Transaction::Reverification:
        // The number may be this customer's already (nothing more to count) or unregistered (HQ counts it):
        // the counter cannot tell, so it warns and HQ decides.
        for (PolicyFinding& finding : decision.findings) {
            if (finding.code == policy::IdentityLimit)
                finding.blocking = false;
        }
        return;
    case Transaction::SimReplacement:
    case Transaction::Cancellation:
        decision.findings.removeIf([](const PolicyFinding& f) {
            return f.code == policy::IdentityLimit || f.code == policy::IdentityLimitNear;
        });
        return;
    }
}

int RegistrationSession::customerAge() const
{
    if (m_customerType == CustomerType::Organisation)
        return -1;
    const SessionPerson* customer = person(DocumentRole::Customer);
    return customer ? customer->decision.age : -1;
}

QList<catalog::Package> RegistrationSession::eligiblePackages() const
{
    return m_services.catalog->eligible({m_customerType, customerAge()});
}

Result<void> RegistrationSession::choosePackage(const QString& packageId)
{
    const catalog::Package* chosen = m_services.catalog->find(packageId);
    if (!chosen)
        return fail(Error::notFound(u"package not in the catalog"_s));
    if (catalog::checkEligibility(*chosen, {m_customerType, customerAge()}) != catalog::Ineligibility::None)
        return fail(Error::policyRefused(u"package not offered to this customer"_s));
    m_packageId = packageId;
    emit changed();
    return {};
}

const catalog::Package* RegistrationSession::package() const
{
    return m_packageId.isEmpty() ? nullptr : m_services.catalog->find(m_packageId);
}

QList<catalog::PoolNumber> RegistrationSession::searchNumbers(QStringView digits, int limit) const
{
    QList<catalog::PoolNumber> found = m_services.pool->search(digits, limit);
    return found;
}

Result<void> RegistrationSession::setServiceNumber(const QString& number)
{
    if (m_cancelled || m_committed)
        return fail(Error::invalidInput(u"session is over"_s));
    if (takesNewNumber(m_transaction))
        return fail(Error::invalidInput(u"a new number is chosen from the pool"_s));
    QString digits = number.trimmed();
    digits.remove(u' ').remove(u'-');
    if (!catalog::isMobileNumber(digits)) {
        m_number.clear();
        emit changed();
        return fail(Error::because(Error::Code::InvalidInput, Cause{Reason::NumberInvalid}));
    }
    m_number = digits;
    emit changed();
    return {};
}

Result<void> RegistrationSession::reserveNumber(const QString& number)
{
    if (m_cancelled || m_committed)
        return fail(Error::invalidInput(u"session is over"_s));
    if (!takesNewNumber(m_transaction))
        return fail(Error::invalidInput(u"this transaction is about a number in service"_s));
    auto reserved = m_services.pool->reserve(number, m_id);
    if (!reserved)
        return reserved;
    m_number = number;
    emit changed();
    return {};
}

int RegistrationSession::numberFeeFen() const
{
    if (!takesNewNumber(m_transaction))
        return 0; // a number in service costs no selection fee
    const catalog::PoolNumber* entry = m_number.isEmpty() ? nullptr : m_services.pool->find(m_number);
    return entry ? entry->premiumFen : 0;
}

catalog::IccidCheck RegistrationSession::setIccid(QStringView scanned, bool acceptWithoutCheckDigit)
{
    m_iccid = catalog::checkIccid(scanned, m_services.simOperator);
    m_iccidConfirmed = acceptWithoutCheckDigit && m_iccid.valid() && !m_iccid.luhnOk;
    if (m_iccid.valid()) {
        auto used = m_services.sink->iccidInUse(m_iccid.iccid);
        if (!used || *used) {
            if (!used)
                qCWarning(lcUi) << "ICCID check failed:" << used.error().detail;
            m_iccid.error = used ? u"in_use"_s : u"unchecked"_s;
            m_iccidConfirmed = false;
        }
    }
    emit changed();
    return m_iccid;
}

QStringList RegistrationSession::requiredAttachments() const
{
    QStringList keys = catalog::attachmentsForCustomerType(m_customerType);
    if (const catalog::Package* chosen = package()) {
        for (const QString& key : chosen->requiredAttachments) {
            if (!keys.contains(key))
                keys.append(key);
        }
    }
    return keys;
}

QStringList RegistrationSession::missingAttachments() const
{
    QStringList missing;
    for (const QString& key : requiredAttachments()) {
        if (!m_attachments.contains(key))
            missing.append(key);
    }
    return missing;
}

void RegistrationSession::setAttachment(const QString& key, const MediaItem& item)
{
    MediaItem stored = item;
    stored.kind = MediaItem::Kind::Attachment;
    stored.label = key;
    if (stored.bytes.isEmpty())
        m_attachments.remove(key);
    else
        m_attachments.insert(key, stored);
    emit changed();
}

void RegistrationSession::setAgreementRead(bool read)
{
    m_agreementRead = read;
    emit changed();
}

void RegistrationSession::setFraudNoticeRead(bool read)
{
    m_fraudNoticeRead = read;
    emit changed();
}

void RegistrationSession::setSignature(const QByteArray& png)
{
    m_signature = png;
    emit changed();
}

void RegistrationSession::setClerkConfirmed(bool confirmed)
{
    m_clerkConfirmed = confirmed;
    emit changed();
}

Registration RegistrationSession::buildRegistration() const
{
    Registration record;
    record.outletId = m_services.outletId;
    record.clerk = m_services.clerk;
    record.deviceTime = m_services.clock->now();
    record.transaction = m_transaction;
    record.customerType = m_customerType;
    for (DocumentRole role : requiredDocuments()) {
        if (const SessionPerson* p = person(role)) {
            record.documents.append(PartyDocument{role, p->document});
            if (!p->photo.isEmpty())
                record.media.append(MediaItem{MediaItem::Kind::ChipPhoto, documentRoleKey(role),
                                              p->photo.startsWith("BM") ? u"image/bmp"_s : u"image/jpeg"_s, p->photo});
        }
    }
    if (m_customerType == CustomerType::Organisation)
        record.organisation = m_organisation;

    // The record keeps one face evidence: the weakest of the people compared, so that a manager sees it.
    bool first = true;
    for (DocumentRole role : faceSubjects()) {
        const SessionFace* f = face(role);
        if (!f)
            continue;
        if (first || bandSeverity(f->evidence.band) > bandSeverity(record.face.band)) {
            record.face = f->evidence;
            if (f->state == FaceState::Parked)
                record.face.overrideBy.clear();
        }
        first = false;
        if (!f->livePhoto.isEmpty()) {
            const bool customerFace = role == DocumentRole::Customer;
            record.media.append(MediaItem{customerFace ? MediaItem::Kind::LivePhoto : MediaItem::Kind::HandlerPhoto,
                                          documentRoleKey(role), u"image/jpeg"_s, f->livePhoto});
        }
    }
    for (const MediaItem& item : m_attachments)
        record.media.append(item);
    if (!m_signature.isEmpty())
        record.media.append(MediaItem{MediaItem::Kind::Signature, u"customer"_s, u"image/png"_s, m_signature});
    record.packageId = takesNewNumber(m_transaction) ? m_packageId : QString();
    record.number = m_number;
    record.iccid = takesNewSim(m_transaction) ? iccid() : QString();
    record.status = RecordStatus::Committed;
    return record;
}

Result<Registration> RegistrationSession::commit()
{
    if (m_cancelled || m_committed)
        return fail(Error::invalidInput(u"session is over"_s));
    if (m_step != SessionStep::Summary)
        return fail(Error::invalidInput(u"commit only from the summary"_s));
    if (Cause reason = stepBlocker(SessionStep::Summary); reason.isSpecified())
        return fail(Error::because(Error::Code::PolicyRefused, std::move(reason)));
    auto stored = m_services.sink->commitRegistration(buildRegistration());
    if (!stored)
        return fail(stored.error());
    m_committed = *stored;
    if (takesNewNumber(m_transaction)) {
        if (auto taken = m_services.pool->markTaken(m_number, m_id); !taken)
            qCWarning(lcUi) << "number pool not updated after commit:" << taken.error().detail;
    }
    setStep(SessionStep::Done);
    emit committed(*m_committed);
    return *stored;
}

} // namespace shiming::registration
