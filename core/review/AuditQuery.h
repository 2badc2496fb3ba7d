#pragma once

#include "core/common/Error.h"
#include "core/store/AuditLog.h"
#include "core/store/OutletStore.h"

#include <QDate>
#include <QList>

namespace shiming::review {

/// What the audit viewer shows. Empty/invalid means "any"; dates are local, inclusive.
struct AuditFilter {
    QString actor;
    QString action;
    QString recordUuid;
    QDate from;
    QDate to;
};

/// The audit viewer's reads: filtered pages of the chain, newest first (keyset paging on the id, so a deep
/// page costs as much as the first), and a record's history.
class AuditQuery {
public:
    explicit AuditQuery(store::OutletStore& store)
        : m_store(store)
    {}

    /// Up to `limit` entries matching `filter` with id < `beforeId` (0: from the newest), newest first.
    Result<QList<store::AuditEntry>> page(const AuditFilter& filter, qint64 beforeId, int limit);
    /// Every entry about one record, oldest first. `notBefore` (the record's commit time, when known) lets the
    /// search start there instead of reading the whole log: the audit table has no index on the record
    /// (see docs/manager.md), but its ids grow with time, so the starting id is found by bisection. A day of
    /// margin covers a counter clock that was set back.
    Result<QList<store::AuditEntry>> history(const QString& recordUuid, const QDateTime& notBefore = {},
                                             int limit = 1000);
    /// The first entry id written at or after `at` (bisection over ids; 1 when `at` is invalid).
    Result<qint64> firstIdAtOrAfter(const QDateTime& at);
    /// Distinct actions and actors present (for the filter boxes).
    Result<QStringList> actions();
    Result<QStringList> actors();
    /// Walks the whole chain and says whether it is intact (and where it breaks).
    Result<store::AuditReport> verify();

private:
    store::OutletStore& m_store;
};

} // namespace shiming::review
