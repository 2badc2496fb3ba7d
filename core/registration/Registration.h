#pragma once

#include "core/identity/IdentityDocument.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace shiming::registration {

/// Who the registration is for. Persisted by key (customerTypeKey), never by number.
enum class CustomerType {
    Individual,   ///< a person registering for themselves
    Minor,        ///< a minor, with a guardian present
    Agent,        ///< 代办: someone acting for the customer shows both documents
    Organisation, ///< a company (USCC), through its handler (经办人)
};

/// The part a document plays in a registration.
enum class DocumentRole {
    Customer,      ///< the person the number is registered to (for organisations: the card's user); in a
                   ///< transfer the new holder
    Guardian,      ///< a minor's guardian
    Agent,         ///< 代办人
    Handler,       ///< an organisation's 经办人
    CurrentHolder, ///< a transfer's present holder (过户 原机主), verified like the customer
};

/// The real-name transaction a record is. Persisted by key (transactionKey), never by number.
enum class Transaction {
    NewNumber, ///< 新入网: a new number and SIM registered to the customer
    Reverification, ///< 实名补登记 / 二次实名核验: a number in service verified (or first registered) to its holder
    SimReplacement, ///< 补换卡: a new SIM for a number in service, its holder verified
    Transfer,       ///< 过户: a number in service moves from its verified holder to a verified new holder
    Cancellation,   ///< 销户: a number in service ended by its verified holder
};

/// Face comparison decision band (DOMAIN.md §4).
enum class FaceBand { NotCompared, Pass, ManualReview, Fail };

enum class LivenessResult { NotChecked, Live, Spoof, Inconclusive };

/// The record's life: committed at the counter, sent to HQ, then accepted or rejected by HQ; voided by a manager.
enum class RecordStatus { Committed, Sent, Accepted, Rejected, Voided };

/// One identity document as read (or typed), with the part it plays. The fields are kept exactly as read.
struct PartyDocument {
    DocumentRole role = DocumentRole::Customer;
    IdentityDocument document;

    friend bool operator==(const PartyDocument&, const PartyDocument&) = default;
};

/// An image or scan attached to a registration (photos, signature, letters). `bytes` are the encoded file
/// (JPEG/PNG) exactly as captured.
struct MediaItem {
    enum class Kind { ChipPhoto, LivePhoto, HandlerPhoto, Signature, Attachment };
    Kind kind = Kind::LivePhoto;
    QString label;    ///< attachments: "authorisation_letter", "commitment_letter", ...; free for others
    QString mimeType; ///< "image/jpeg", "image/png", "application/pdf"
    QByteArray bytes;

    friend bool operator==(const MediaItem&, const MediaItem&) = default;
};

/// The organisation a registration is made for (customer type Organisation).
struct Organisation {
    QString uscc; ///< 统一社会信用代码, 18 characters
    QString name;

    friend bool operator==(const Organisation&, const Organisation&) = default;
};

/// Evidence of the face comparison, kept with the record.
struct FaceEvidence {
    FaceBand band = FaceBand::NotCompared;
    double score = 0.0;     ///< similarity (cosine) 0..1
    double threshold = 0.0; ///< the pass threshold in force
    LivenessResult liveness = LivenessResult::NotChecked;
    double livenessScore = 0.0;
    double quality = 0.0; ///< capture quality 0..1
    QString overrideBy;   ///< manager who confirmed a manual-review band, if any
    /// The 0-100 score the clerk saw (face::scoreForCosine with the thresholds then in force), the one figure
    /// the counter and the manager both show; -1 when not compared or recorded before schema version 5.
    int points = -1;

    friend bool operator==(const FaceEvidence&, const FaceEvidence&) = default;
};

/// HQ's answer about a record.
struct HqOutcome {
    QString reasonCode; ///< rejection reason ("identity_limit", ...); empty when accepted
    QString reference;  ///< HQ's reference for the record
    QDateTime at;       ///< when HQ decided

    friend bool operator==(const HqOutcome&, const HqOutcome&) = default;
};

/// Everything a counter records about one registration: the aggregate the store persists (with its outbox
/// row, in one transaction), the UI shows, and the sync uploads. `uuid` is the record's identity everywhere;
/// `sequence` is the outlet's monotonic counter, assigned by the store at commit.
struct Registration {
    QString uuid;        ///< assigned by the store when empty
    qint64 sequence = 0; ///< assigned by the store
    QString outletId;
    QString clerk;        ///< account name of the clerk who committed
    QDateTime deviceTime; ///< counter time at commit (with offset)
    Transaction transaction = Transaction::NewNumber;
    CustomerType customerType = CustomerType::Individual;
    /// exactly one Customer document; Guardian/Agent/Handler as needed; a transfer's CurrentHolder
    QList<PartyDocument> documents;
    std::optional<Organisation> organisation;
    FaceEvidence face;
    QList<MediaItem> media;
    QString packageId;
    QString number; ///< the mobile number: new, or the number in service the transaction is about
    QString iccid;  ///< the new SIM (new numbers, SIM replacement); empty for the other transactions
    RecordStatus status = RecordStatus::Committed;
    HqOutcome hq;
    QDateTime voidedAt;
    QString voidReason;
    QDateTime purgedAt; ///< set when retention dropped the photos and signature (a stub remains)

    /// The customer's document (role Customer), or nullptr when missing.
    const PartyDocument* customer() const;
    /// The document of `role`, or nullptr.
    const PartyDocument* document(DocumentRole role) const;
    /// Media of one kind, in order.
    QList<const MediaItem*> mediaOfKind(MediaItem::Kind kind) const;

    friend bool operator==(const Registration&, const Registration&) = default;
};

// Stable machine keys for persistence and the sync protocol; parse functions return nullopt on unknown keys.
QString transactionKey(Transaction transaction); ///< "new", "reverify", "sim_replace", "transfer", "cancel"
std::optional<Transaction> parseTransaction(QStringView key);
/// Whether the transaction takes a new number from the pool (only a new registration does).
inline bool takesNewNumber(Transaction t)
{
    return t == Transaction::NewNumber;
}
/// Whether the transaction scans a new SIM (a new registration, a SIM replacement).
inline bool takesNewSim(Transaction t)
{
    return t == Transaction::NewNumber || t == Transaction::SimReplacement;
}
QString customerTypeKey(CustomerType type);
std::optional<CustomerType> parseCustomerType(QStringView key);
QString documentRoleKey(DocumentRole role);
/// Who signs the agreement for a customer of `type`: the customer, a minor's guardian, the agent, or the
/// organisation's handler.
DocumentRole signerFor(CustomerType type);
std::optional<DocumentRole> parseDocumentRole(QStringView key);
QString faceBandKey(FaceBand band);
std::optional<FaceBand> parseFaceBand(QStringView key);
QString livenessKey(LivenessResult result);
std::optional<LivenessResult> parseLiveness(QStringView key);
QString recordStatusKey(RecordStatus status);
std::optional<RecordStatus> parseRecordStatus(QStringView key);
QString mediaKindKey(MediaItem::Kind kind);
std::optional<MediaItem::Kind> parseMediaKind(QStringView key);
// Document types are stored by core/identity's documentTypeKey() / parseDocumentType().

} // namespace shiming::registration
