#include "core/registration/Registration.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace shiming::registration {

namespace {

template <typename Enum, std::size_t N>
QString keyOf(const std::array<std::pair<Enum, QStringView>, N>& table, Enum value)
{
    for (const auto& [e, key] : table) {
        if (e == value)
            return key.toString();
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> parseKey(const std::array<std::pair<Enum, QStringView>, N>& table, QStringView key)
{
    for (const auto& [e, k] : table) {
        if (k.compare(key, Qt::CaseInsensitive) == 0)
            return e;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<CustomerType, QStringView>, 4> kCustomerTypes{{
    {CustomerType::Individual, u"individual"},
    {CustomerType::Minor, u"minor"},
    {CustomerType::Agent, u"agent"},
    {CustomerType::Organisation, u"organisation"},
}};

constexpr std::array<std::pair<DocumentRole, QStringView>, 5> kRoles{{
    {DocumentRole::Customer, u"customer"},
    {DocumentRole::Guardian, u"guardian"},
    {DocumentRole::Agent, u"agent"},
    {DocumentRole::Handler, u"handler"},
    {DocumentRole::CurrentHolder, u"current_holder"},
}};

constexpr std::array<std::pair<Transaction, QStringView>, 5> kTransactions{{
    {Transaction::NewNumber, u"new"},
    {Transaction::Reverification, u"reverify"},
    {Transaction::SimReplacement, u"sim_replace"},
    {Transaction::Transfer, u"transfer"},
    {Transaction::Cancellation, u"cancel"},
}};

constexpr std::array<std::pair<FaceBand, QStringView>, 4> kBands{{
    {FaceBand::NotCompared, u"not_compared"},
    {FaceBand::Pass, u"pass"},
    {FaceBand::ManualReview, u"manual_review"},
    {FaceBand::Fail, u"fail"},
}};

constexpr std::array<std::pair<LivenessResult, QStringView>, 4> kLiveness{{
    {LivenessResult::NotChecked, u"not_checked"},
    {LivenessResult::Live, u"live"},
    {LivenessResult::Spoof, u"spoof"},
    {LivenessResult::Inconclusive, u"inconclusive"},
}};

constexpr std::array<std::pair<RecordStatus, QStringView>, 5> kStatuses{{
    {RecordStatus::Committed, u"committed"},
    {RecordStatus::Sent, u"sent"},
    {RecordStatus::Accepted, u"accepted"},
    {RecordStatus::Rejected, u"rejected"},
    {RecordStatus::Voided, u"voided"},
}};

constexpr std::array<std::pair<MediaItem::Kind, QStringView>, 5> kMediaKinds{{
    {MediaItem::Kind::ChipPhoto, u"chip_photo"},
    {MediaItem::Kind::LivePhoto, u"live_photo"},
    {MediaItem::Kind::HandlerPhoto, u"handler_photo"},
    {MediaItem::Kind::Signature, u"signature"},
    {MediaItem::Kind::Attachment, u"attachment"},
}};

} // namespace

const PartyDocument* Registration::customer() const
{
    return document(DocumentRole::Customer);
}

const PartyDocument* Registration::document(DocumentRole role) const
{
    for (const PartyDocument& party : documents) {
        if (party.role == role)
            return &party;
    }
    return nullptr;
}

QList<const MediaItem*> Registration::mediaOfKind(MediaItem::Kind kind) const
{
    QList<const MediaItem*> items;
    for (const MediaItem& item : media) {
        if (item.kind == kind)
            items.append(&item);
    }
    return items;
}

QString transactionKey(Transaction transaction)
{
    return keyOf(kTransactions, transaction);
}
std::optional<Transaction> parseTransaction(QStringView key)
{
    return parseKey(kTransactions, key);
}
QString customerTypeKey(CustomerType type)
{
    return keyOf(kCustomerTypes, type);
}
std::optional<CustomerType> parseCustomerType(QStringView key)
{
    return parseKey(kCustomerTypes, key);
}
DocumentRole signerFor(CustomerType type)
{
    switch (type) {
    case CustomerType::Individual:
        return DocumentRole::Customer;
    case CustomerType::Minor:
        return DocumentRole::Guardian;
    case CustomerType::Agent:
        return DocumentRole::Agent;
    case CustomerType::Organisation:
        return DocumentRole::Handler;
    }
    return DocumentRole::Customer;
}

QString documentRoleKey(DocumentRole role)
{
    return keyOf(kRoles, role);
}
std::optional<DocumentRole> parseDocumentRole(QStringView key)
{
    return parseKey(kRoles, key);
}
QString faceBandKey(FaceBand band)
{
    return keyOf(kBands, band);
}
std::optional<FaceBand> parseFaceBand(QStringView key)
{
    return parseKey(kBands, key);
}
QString livenessKey(LivenessResult result)
{
    return keyOf(kLiveness, result);
}
std::optional<LivenessResult> parseLiveness(QStringView key)
{
    return parseKey(kLiveness, key);
}
QString recordStatusKey(RecordStatus status)
{
    return keyOf(kStatuses, status);
}
std::optional<RecordStatus> parseRecordStatus(QStringView key)
{
    return parseKey(kStatuses, key);
}
QString mediaKindKey(MediaItem::Kind kind)
{
    return keyOf(kMediaKinds, kind);
}
std::optional<MediaItem::Kind> parseMediaKind(QStringView key)
{
    return parseKey(kMediaKinds, key);
}

} // namespace shiming::registration
