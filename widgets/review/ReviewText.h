#pragma once

#include "core/review/ReviewTypes.h"

#include <QCoreApplication>

namespace shiming::review {

/// Translated names of the keys the manager sees (customer types, bands, statuses, sync states).
class ReviewText {
    Q_DECLARE_TR_FUNCTIONS(ReviewText)

public:
    static QString customerType(registration::CustomerType type);
    static QString transaction(registration::Transaction transaction);
    static QString band(registration::FaceBand band);
    static QString status(registration::RecordStatus status);
    static QString syncState(SyncState state);
    static QString hqReason(const QString& code);
    /// A stored void reason in the manager's language (the manager's own words kept as typed).
    static QString voidReason(const QString& stored);
    static QString nextStep(const QString& code);
    /// An audit action ("record_viewed", "override_refused", ...) in the manager's words; an unknown one as is.
    static QString auditAction(const QString& action);
};

} // namespace shiming::review
