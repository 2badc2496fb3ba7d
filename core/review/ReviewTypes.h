#pragma once

#include "core/identity/Validators.h"
#include "core/registration/Registration.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace shiming::review {

/// Where a record stands with the sync, from its outbox row.
enum class SyncState {
    NotQueued, ///< no outbox row (should not happen; shown so it is noticed)
    Waiting,   ///< pending: not sent yet
    Sending,   ///< in a batch HQ has not answered yet
    Answered,  ///< HQ answered (accepted, duplicate or rejected)
};
QString syncStateKey(SyncState state);
std::optional<SyncState> parseSyncState(QStringView key);

/// Audit actions the manager's tools write, next to those of store::audit.
namespace audit {
inline constexpr QStringView WindowOpened = u"manager_window_opened";
inline constexpr QStringView WindowRefused = u"manager_window_refused";
inline constexpr QStringView DocumentShown = u"document_number_shown";
inline constexpr QStringView ReviewApproved = u"review_approved";
inline constexpr QStringView ReviewRejected = u"review_rejected";
inline constexpr QStringView HqRejectionVoided = u"hq_rejection_voided";
inline constexpr QStringView ReportExported = u"report_exported";
inline constexpr QStringView RoleChanged = u"role_changed";
inline constexpr QStringView PasswordReset = u"password_reset";
} // namespace audit

/// What the manager's day list shows. Dates are the counter's local dates, both inclusive. Empty strings and
/// nullopt mean "any".
struct ReviewFilter {
    QDate from;
    QDate to;
    QString clerk;
    std::optional<registration::RecordStatus> status;
    std::optional<registration::FaceBand> band;
    QString packageId;
    std::optional<registration::CustomerType> customerType;
    std::optional<registration::Transaction> transaction;
    std::optional<SyncState> syncState;
    QString documentDigits;         ///< the last characters of the customer's document number (digits or X)
    QString phone;                  ///< the mobile number, whole or its last digits
    bool pendingReviewOnly = false; ///< manual-review band not yet decided by a manager

    static ReviewFilter day(QDate date)
    {
        ReviewFilter filter;
        filter.from = date;
        filter.to = date;
        return filter;
    }
};

enum class ReviewColumn {
    Time,
    Transaction,
    Clerk,
    Customer,
    Document,
    CustomerType,
    Package,
    Number,
    Band,
    Score,
    Sync,
    HqResult
};
inline constexpr int kReviewColumnCount = 12;

struct ReviewSort {
    ReviewColumn column = ReviewColumn::Time;
    bool descending = false;
};

/// One line of the manager's day list. `customerName`, `documentNumber` and `number` are full: mask them for
/// display and exports (maskName, identity::maskDocumentNumber, maskPhoneNumber); the full document number is
/// shown only on an audited action.
struct ReviewRow {
    QString uuid;
    qint64 sequence = 0;
    QDateTime deviceTime;
    QString clerk;
    QString customerName;
    DocumentType documentType = DocumentType::ResidentId;
    QString documentNumber;
    registration::CustomerType customerType = registration::CustomerType::Individual;
    registration::Transaction transaction = registration::Transaction::NewNumber;
    QString packageId;
    QString number;
    registration::FaceBand band = registration::FaceBand::NotCompared;
    double score = 0.0;     ///< cosine
    double threshold = 0.0; ///< pass cosine in force
    int points = -1;        ///< the 0-100 score the clerk saw (-1: not recorded)
    QString overrideBy;
    registration::RecordStatus status = registration::RecordStatus::Committed;
    SyncState syncState = SyncState::NotQueued;
    QString hqReason;
    QString hqReference;
    bool purged = false;

    bool pendingReview() const
    {
        return band == registration::FaceBand::ManualReview && overrideBy.isEmpty() &&
               status != registration::RecordStatus::Voided && status != registration::RecordStatus::Rejected;
    }
};

/// A name masked except the surname (identity::maskName, which HQ's hall reads use too).
using shiming::maskName;

/// A mobile number masked but for its ends: the first 3 and the last 4 digits of an 11-digit number stay
/// ("138****8000"), spaces and hyphens are dropped first. Shorter values keep 2 at each end from 7 characters
/// ("12***67") and nothing below that ("****").
QString maskPhoneNumber(QStringView number);

} // namespace shiming::review
