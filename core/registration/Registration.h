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
    Customer, ///< the person the number is registered to (for organisations: the card's user)
    Guardian, ///< a minor's guardian
    Agent,    ///< 代办人
    Handler,  ///< an organisation's 经办人
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
    CustomerType customerType = CustomerType::Individual;
    QList<PartyDocument> documents; ///< exactly one Customer document; Guardian/Agent/Handler as needed
    std::optional<Organisation> organisation;
    FaceEvidence face;
    QList<MediaItem> media;
    QString packageId;
    QString number; ///< the mobile number
    QString iccid;
    RecordStatus status = RecordStatus::Committed;
    HqOutcome hq;
    QDateTime voidedAt;
    QString voidReason;
    QDateTime purgedAt; ///< set when retention dropped the photos and signature (a stub remains)

    /// The customer's document (role Customer), or nullptr when missing.
    const PartyDocument* customer() const;
    /// Media of one kind, in order.
    QList<const MediaItem*> mediaOfKind(MediaItem::Kind kind) const;

    friend bool operator==(const Registration&, const Registration&) = default;
};

// Stable machine keys for persistence and the sync protocol; parse functions return nullopt on unknown keys.
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
