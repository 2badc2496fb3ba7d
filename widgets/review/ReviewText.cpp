#include "widgets/review/ReviewText.h"

#include "core/outlet/ClerkText.h"
#include "core/review/ReviewRepository.h"

using namespace Qt::StringLiterals;
using namespace shiming::registration;

namespace shiming::review {

QString ReviewText::transaction(registration::Transaction transaction)
{
    return ClerkText::transaction(transaction);
}

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
    // HQ's codes as the sync stores them (protocol::reason), and the lower-case names of older records.
    if (code == u"ID_LIMIT"_s || code == u"identity_limit"_s)
        return tr("Nationwide limit of five numbers per identity reached");
    if (code == u"RISK_LIST"_s || code == u"risk_list"_s)
        return tr("Identity on the fraud-risk list");
    if (code == u"INVALID"_s || code == u"document_invalid"_s)
        return tr("Document could not be verified");
    if (code == u"NUMBER_TAKEN"_s || code == u"duplicate_number"_s)
        return tr("Number already registered elsewhere");
    if (code == u"ICCID_IN_USE"_s)
        return tr("SIM card already registered to another number");
    if (code == u"NOT_HOLDER"_s)
        return tr("The customer is not the holder of this number at HQ");
    if (code == u"NUMBER_NOT_IN_SERVICE"_s)
        return tr("The number is not in service with this operator at HQ");
    if (code == u"UUID_CONFLICT"_s || code == u"UNKNOWN_RECORD"_s)
        return tr("HQ could not match this record (%1)").arg(code);
    return code;
}

QString ReviewText::nextStep(const QString& code)
{
    if (code == u"ID_LIMIT"_s || code == u"identity_limit"_s)
        return tr("Contact the customer: another number held under this identity must be cancelled before this one "
                  "can be kept. Otherwise void this record.");
    if (code == u"RISK_LIST"_s || code == u"risk_list"_s)
        return tr("Do not activate the number. Void this record and follow the anti-fraud procedure.");
    if (code == u"INVALID"_s || code == u"document_invalid"_s)
        return tr("Ask the customer to come back with a valid document, then void this record.");
    if (code == u"NUMBER_TAKEN"_s || code == u"duplicate_number"_s)
        return tr("Void this record and register the customer with another number.");
    if (code == u"ICCID_IN_USE"_s)
        return tr("Void this record and give the customer another SIM card.");
    if (code == u"NOT_HOLDER"_s)
        return tr("Nothing was changed on the number. Only its holder (for a transfer: the present holder) can do "
                  "this; void this record and ask the holder to come in person.");
    if (code == u"NUMBER_NOT_IN_SERVICE"_s)
        return tr("Nothing was changed. Check the number with the customer; void this record.");
    return tr("Check the reason with HQ support, then void the record or keep it.");
}

QString ReviewText::voidReason(const QString& stored)
{
    const VoidReason reason = VoidReason::parse(stored);
    switch (reason.kind) {
    case VoidReason::Kind::ReviewRejected:
        return tr("Manual review rejected: %1").arg(reason.text);
    case VoidReason::Kind::HqRejection:
        return tr("Rejected by HQ (%1): %2").arg(hqReason(reason.hqReason), reason.text);
    case VoidReason::Kind::Other:
        break;
    }
    return reason.text;
}

QString ReviewText::auditAction(const QString& action)
{
    if (action == u"db_initialised")
        return tr("Database set up");
    if (action == u"login")
        return tr("Signed in");
    if (action == u"login_failed")
        return tr("Sign-in failed");
    if (action == u"account_locked")
        return tr("Account locked");
    if (action == u"logout")
        return tr("Signed out");
    if (action == u"account_added")
        return tr("Account added");
    if (action == u"account_disabled")
        return tr("Account disabled");
    if (action == u"password_changed")
        return tr("Password changed");
    if (action == u"record_created")
        return tr("Registration stored");
    if (action == u"record_viewed")
        return tr("Record viewed");
    if (action == u"record_exported")
        return tr("Records exported");
    if (action == u"record_voided")
        return tr("Record voided");
    if (action == u"hq_result")
        return tr("HQ answer received");
    if (action == u"override")
        return tr("Manager confirmed");
    if (action == u"override_refused")
        return tr("Manager confirmation refused");
    if (action == u"purge")
        return tr("Photos removed (retention)");
    if (action == u"rekey")
        return tr("Database key changed");
    if (action == u"record_unreadable")
        return tr("Record unreadable (damaged database), reported to HQ");
    if (action == u"manager_window_opened")
        return tr("Manager window opened");
    if (action == u"manager_window_refused")
        return tr("Manager window refused");
    if (action == u"document_number_shown")
        return tr("Full document number shown");
    if (action == u"review_approved")
        return tr("Manual review approved");
    if (action == u"review_rejected")
        return tr("Manual review rejected");
    if (action == u"hq_rejection_voided")
        return tr("HQ rejection voided");
    if (action == u"report_exported")
        return tr("Daily report exported");
    if (action == u"role_changed")
        return tr("Role changed");
    if (action == u"password_reset")
        return tr("Password reset");
    return action;
}

} // namespace shiming::review
