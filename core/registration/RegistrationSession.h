#pragma once

#include "core/catalog/Catalog.h"
#include "core/catalog/Iccid.h"
#include "core/catalog/NumberPool.h"
#include "core/common/Clock.h"
#include "core/registration/Policy.h"
#include "core/registration/Registration.h"
#include "core/registration/RegistrationSessionSink.h"

#include <QMap>
#include <QObject>

#include <optional>

namespace shiming::registration {

/// What a session needs from the rest of the counter. Nothing here is owned by the session.
struct SessionServices {
    const Clock* clock = nullptr;
    const Policy* policy = nullptr;
    const catalog::Catalog* catalog = nullptr;
    catalog::NumberPool* pool = nullptr;
    RegistrationSessionSink* sink = nullptr;
    QString outletId;
    QString clerk;
    catalog::SimOperator simOperator = catalog::SimOperator::Unknown; ///< SIM cards of other operators refused
};

/// The steps of one registration, in order.
enum class SessionStep { CustomerType, Documents, Face, Package, Agreement, Summary, Done };

/// "customer_type", "documents", "face", "package", "agreement", "summary", "done".
QString sessionStepKey(SessionStep step);

/// How a document came in: read from the chip (required for chip documents) or typed by the clerk.
enum class DocumentSource { Chip, Manual };

/// One person shown in the registration.
struct SessionPerson {
    IdentityDocument document;
    QByteArray photo; ///< chip photo, or the clerk's photo of the document's photo page
    DocumentSource source = DocumentSource::Chip;
    PolicyDecision decision;
};

/// The state of the face comparison of one person.
enum class FaceState { Pending, Passed, AwaitingReview, Approved, Parked, Failed, Stopped };

struct SessionFace {
    FaceState state = FaceState::Pending;
    FaceEvidence evidence;
    QByteArray livePhoto; ///< the captured photo (JPEG)
    int failures = 0;
};

/// Drives one customer through the steps: transaction and customer type → documents → face → package, number
/// and SIM → agreement and signature → summary and commit.
///
/// The transaction (Transaction) is chosen first with the customer type. A new number is the path above. The
/// others are about a number in service and reuse every step; only what differs is added:
/// - re-verification: the number in service (typed, format-checked) instead of package, number and SIM;
/// - SIM replacement: the number in service and the new SIM's ICCID (checked as for a new number);
/// - transfer: the present holder's document and face first (role CurrentHolder), then the new holder as the
///   customer (with a guardian, agent or handler as the customer type needs), the number in service; the new
///   holder signs the agreement and the fraud-risk notice;
/// - cancellation: the number in service.
/// The per-identity limit blocks a new number and a transfer's new holder; a re-verification only warns (HQ
/// applies it if the number turns out unregistered); a SIM replacement and a cancellation do not count. Each step's
/// data is checked when it is entered, and advance() refuses until the step is complete, with a stable reason code the
/// screen translates. The reserved number is released on cancel() and when the session is destroyed uncommitted.
class RegistrationSession : public QObject {
    Q_OBJECT

public:
    explicit RegistrationSession(SessionServices services, QObject* parent = nullptr);
    ~RegistrationSession() override;

    /// Random id, used to hold the number reservation.
    QString id() const { return m_id; }
    SessionStep step() const { return m_step; }
    static QList<SessionStep> steps();

    /// What the current step still needs; unspecified when it is complete. The reason is one of the session
    /// range of Reason (DocumentMissing, FacePending, ... with the role or attachment key as subject) or the
    /// blocking policy finding of a document (with its figure); SessionCancelled / SessionDone at the end.
    Cause blocker() const;
    bool isStepComplete() const { return !blocker().isSpecified(); }
    /// Moves to the next step when the current one is complete.
    Result<void> advance();
    /// Moves one step back (data entered so far is kept). Fails on the first step and after commit.
    Result<void> back();
    /// Abandons the registration: releases the reserved number; nothing is written.
    void cancel();
    bool isCancelled() const { return m_cancelled; }
    /// The face comparison failed too often: only cancel() is left.
    bool isStopped() const;

    // Step 1
    Transaction transaction() const { return m_transaction; }
    /// Changing the transaction forgets the documents, faces, number, SIM and package chosen before.
    void setTransaction(Transaction transaction);
    CustomerType customerType() const { return m_customerType; }
    /// Changing the type forgets the documents, faces and package chosen for the previous type.
    void setCustomerType(CustomerType type);

    // Step 2
    /// Documents this customer type needs, in the order the clerk collects them.
    QList<DocumentRole> requiredDocuments() const;
    /// Sets the document for `role` and returns the policy verdict (also kept with the person). A chip
    /// document typed by hand is refused (document_not_accepted): since 2015 chip cards must be read.
    PolicyDecision setDocument(DocumentRole role, const IdentityDocument& document, const QByteArray& photo,
                               DocumentSource source);
    void clearDocument(DocumentRole role);
    /// For documents without a chip: the clerk's photo of the document's photo page.
    void setDocumentPhoto(DocumentRole role, const QByteArray& photo);
    const SessionPerson* person(DocumentRole role) const;
    void setOrganisation(const Organisation& organisation);
    std::optional<Organisation> organisation() const { return m_organisation; }

    // Step 3
    /// Whose face is compared: the customer, a minor's guardian too, the agent, or the organisation's handler.
    QList<DocumentRole> faceSubjects() const;
    /// Records a comparison. Pass passes; ManualReview (and NotCompared, when face comparison is unavailable)
    /// awaits a manager; Fail counts towards PolicySettings::maxFaceAttempts, then the session stops.
    FaceState recordFace(DocumentRole role, const FaceEvidence& evidence, const QByteArray& livePhoto);
    /// A manager confirmed the person on the spot (credentials checked by the caller).
    Result<void> approveFaceReview(DocumentRole role, const QString& manager);
    /// No manager at hand: the registration continues and is stored as pending manager review.
    Result<void> parkFaceReview(DocumentRole role);
    const SessionFace* face(DocumentRole role) const;
    int faceAttemptsLeft(DocumentRole role) const;

    // Step 4
    /// For a transaction on a number in service: the number (spaces and dashes dropped). Refused with
    /// NumberInvalid (and nothing kept) unless it is a mobile number; a new number is chosen from the pool instead.
    Result<void> setServiceNumber(const QString& number);
    QList<catalog::Package> eligiblePackages() const;
    Result<void> choosePackage(const QString& packageId);
    const catalog::Package* package() const;
    QList<catalog::PoolNumber> searchNumbers(QStringView digits, int limit = 60) const;
    Result<void> reserveNumber(const QString& number);
    QString number() const { return m_number; }
    /// The one-off fee of the reserved number (a selected "lucky" number), 0 for an ordinary one.
    int numberFeeFen() const;
    /// Checks and keeps the scanned ICCID. A card bound to another registration is refused ("in_use", or
    /// "unchecked" when the store cannot say). A card whose last digit is not a Luhn check digit blocks the step
    /// (IccidCheckDigit) until it is scanned again with `acceptWithoutCheckDigit`: the clerk compared the
    /// number printed on the card (some cards carry no check digit).
    catalog::IccidCheck setIccid(QStringView scanned, bool acceptWithoutCheckDigit = false);
    QString iccid() const { return m_iccid.valid() ? m_iccid.iccid : QString(); }
    /// Attachments the customer type and the chosen package need; missingAttachments() those not yet given.
    QStringList requiredAttachments() const;
    QStringList missingAttachments() const;
    void setAttachment(const QString& key, const MediaItem& item);
    bool hasAttachment(const QString& key) const { return m_attachments.contains(key); }
    /// The attachment given for `key` (null: none yet).
    const MediaItem* attachment(const QString& key) const
    {
        const auto it = m_attachments.constFind(key);
        return it == m_attachments.cend() ? nullptr : &*it;
    }

    // Step 5
    void setAgreementRead(bool read);
    void setFraudNoticeRead(bool read);
    bool agreementRead() const { return m_agreementRead; }
    bool fraudNoticeRead() const { return m_fraudNoticeRead; }
    /// The customer's signature as a PNG; empty clears it.
    void setSignature(const QByteArray& png);
    QByteArray signature() const { return m_signature; }
    void setClerkConfirmed(bool confirmed);
    bool clerkConfirmed() const { return m_clerkConfirmed; }

    // Step 6
    /// The record as it would be stored now.
    Registration buildRegistration() const;
    /// Writes the registration through the sink (one transaction), marks the number taken, and ends the
    /// session (step Done). Only from the summary step.
    Result<Registration> commit();
    /// The stored record after commit().
    const std::optional<Registration>& committedRecord() const { return m_committed; }

signals:
    void stepChanged(shiming::registration::SessionStep step);
    /// Any data changed (documents, faces, package, ...): screens and the customer display refresh.
    void changed();
    void committed(const shiming::registration::Registration& registration);
    void cancelled();

private:
    int customerAge() const;
    /// The limit findings as the transaction needs them (see the class comment).
    void applyTransactionToLimit(PolicyDecision& decision) const;
    Cause stepBlocker(SessionStep step) const;
    void resetFrom(SessionStep step);
    void setStep(SessionStep step);

    SessionServices m_services;
    QString m_id;
    SessionStep m_step = SessionStep::CustomerType;
    Transaction m_transaction = Transaction::NewNumber;
    CustomerType m_customerType = CustomerType::Individual;
    QMap<DocumentRole, SessionPerson> m_people;
    std::optional<Organisation> m_organisation;
    QMap<DocumentRole, SessionFace> m_faces;
    QString m_packageId;
    QString m_number;
    catalog::IccidCheck m_iccid;
    bool m_iccidConfirmed = false; ///< a card without a check digit accepted by the clerk
    QMap<QString, MediaItem> m_attachments;
    bool m_agreementRead = false;
    bool m_fraudNoticeRead = false;
    QByteArray m_signature;
    bool m_clerkConfirmed = false;
    bool m_cancelled = false;
    std::optional<Registration> m_committed;
};

} // namespace shiming::registration

Q_DECLARE_METATYPE(shiming::registration::SessionStep)
