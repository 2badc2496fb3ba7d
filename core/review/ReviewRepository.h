#pragma once

#include "core/common/Error.h"
#include "core/review/ReviewTypes.h"
#include "core/store/OutletStore.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace shiming::review {

/// Why a record was voided, read back from the stored void reason (which also goes to HQ with the void, so
/// its form is fixed): a rejected manual review with the manager's reason, a void after HQ's rejection with
/// HQ's reason code and the manager's note, or any other text as written.
struct VoidReason {
    enum class Kind { Other, ReviewRejected, HqRejection };
    Kind kind = Kind::Other;
    QString hqReason; ///< HqRejection: HQ's reason code
    QString text;     ///< the manager's reason or note (Other: the whole stored text)

    static VoidReason parse(const QString& stored);
    QString stored() const;
};

/// The manager's queries on the outlet store, and the decisions taken on records. Every list is bounded: the
/// day list is read in pages (count() + page()), never the whole table; the queues are limited too.
/// Queries use the store's day index (device_date, sequence) and status index; nothing here changes the schema.
class ReviewRepository {
public:
    explicit ReviewRepository(store::OutletStore& store);

    /// How many records match.
    Result<qint64> count(const ReviewFilter& filter);
    /// Records `offset` .. `offset + limit - 1` of the filtered, sorted list (ties in sequence order).
    Result<QList<ReviewRow>> page(const ReviewFilter& filter, ReviewSort sort, qint64 offset, int limit);
    /// One record's row (for refreshing a line after a decision); NotFound for an unknown uuid.
    Result<ReviewRow> row(const QString& uuid);

    /// Manual-review records not decided yet (band manual_review, no manager recorded, not voided), oldest
    /// first, committed on or after `since`.
    Result<QList<ReviewRow>> pendingReviews(QDate since, int limit = 500);
    /// Records HQ rejected and nobody voided yet, newest first.
    Result<QList<ReviewRow>> hqRejections(int limit = 500);

    /// Distinct clerks and packages seen between the dates (for the filter boxes).
    Result<QStringList> clerks(QDate from, QDate to);
    /// Every account's name (the day list's clerk filter offers them all).
    Result<QStringList> accountNames();
    /// The whole record, for the detail pane; audited as record_viewed by `actor`.
    Result<registration::Registration> view(const QString& uuid, const QString& actor);
    Result<QStringList> packages(QDate from, QDate to);

    /// The manager confirms a manual-review record (their credentials were checked by the caller). Records
    /// the manager on the record and writes review_approved with the reason. Refuses a record that is not
    /// pending.
    Result<void> approve(const QString& uuid, const QString& manager, const QString& reason);
    /// The manager rejects a manual-review record: it is voided (its number becomes free again) and
    /// review_rejected is written. Returns the released mobile number.
    Result<QString> reject(const QString& uuid, const QString& manager, const QString& reason);
    /// Voids a record HQ rejected, after the manager dealt with the customer. Returns the released number.
    Result<QString> voidHqRejection(const QString& uuid, const QString& manager, const QString& note);

    /// Writes document_number_shown for `uuid` (the full number was put on screen on request).
    Result<void> auditDocumentShown(const QString& uuid, const QString& actor);

private:
    /// A decision that voids a record: the void's reason and the decision's own audit entry.
    struct VoidingDecision {
        QString voidReason;
        QStringView action;
        QString auditDetail;
    };
    /// Reads the record, asks `decide` (which refuses with an error when this record may not be decided), then
    /// voids it and writes the decision in one transaction. Returns the released mobile number.
    Result<QString> voidWithDecision(const QString& uuid, const QString& manager,
                                     const std::function<Result<VoidingDecision>(const ReviewRow&)>& decide);

    store::OutletStore& m_store;
};

} // namespace shiming::review
