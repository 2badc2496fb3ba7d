#include "widgets/review/ReviewText.h"

using namespace Qt::StringLiterals;
using namespace shiming::registration;

namespace shiming::review {

QString ReviewText::customerType(CustomerType type)
{
    switch (type) {
    case CustomerType::Individual:
        return tr("Individual");
    case CustomerType::Minor:
        return tr("Minor");
    case CustomerType::Agent:
        return tr("Agent");
    case CustomerType::Organisation:
        return tr("Organisation");
    }
    return {};
}

QString ReviewText::band(FaceBand band)
{
    switch (band) {
    case FaceBand::NotCompared:
        return tr("Not compared");
    case FaceBand::Pass:
        return tr("Pass");
    case FaceBand::ManualReview:
        return tr("Manual review");
    case FaceBand::Fail:
        return tr("Fail");
    }
    return {};
}

QString ReviewText::status(RecordStatus status)
{
    switch (status) {
    case RecordStatus::Committed:
        return tr("Committed");
    case RecordStatus::Sent:
        return tr("Sent");
    case RecordStatus::Accepted:
        return tr("Accepted by HQ");
    case RecordStatus::Rejected:
        return tr("Rejected by HQ");
    case RecordStatus::Voided:
        return tr("Voided");
    }
    return {};
}

QString ReviewText::syncState(SyncState state)
{
    switch (state) {
    case SyncState::NotQueued:
        return tr("Not queued");
    case SyncState::Waiting:
        return tr("Waiting");
    case SyncState::Sending:
        return tr("Sending");
    case SyncState::Answered:
        return tr("Answered");
    }
    return {};
}

QString ReviewText::hqReason(const QString& code)
{
    if (code == u"identity_limit"_s)
        return tr("Nationwide limit of five numbers per identity reached");
    if (code == u"risk_list"_s)
        return tr("Identity on the fraud-risk list");
    if (code == u"document_invalid"_s)
        return tr("Document could not be verified");
    if (code == u"duplicate_number"_s)
        return tr("Number already registered elsewhere");
    return code;
}

QString ReviewText::nextStep(const QString& code)
{
    if (code == u"identity_limit"_s)
        return tr("Contact the customer: another number held under this identity must be cancelled before this one "
                  "can be kept. Otherwise void this record.");
    if (code == u"risk_list"_s)
        return tr("Do not activate the number. Void this record and follow the anti-fraud procedure.");
    if (code == u"document_invalid"_s)
        return tr("Ask the customer to come back with a valid document, then void this record.");
    if (code == u"duplicate_number"_s)
        return tr("Void this record and register the customer with another number.");
    return tr("Check the reason with HQ support, then void the record or keep it.");
}

} // namespace shiming::review
