#pragma once

#include "core/auth/Account.h"
#include "core/common/Error.h"
#include "core/review/Alerts.h"
#include "core/review/ComplianceSettings.h"

#include <QDate>

namespace shiming::store {
class OutletStore;
}

namespace shiming::outlet {

/// The day's alerts for a manager or admin (a clerk is refused): the rules evaluated again on the outlet's data
/// now (review::AlertRepository::refresh), then listed.
Result<QList<review::Alert>> dayAlerts(store::OutletStore& store, const auth::Account& account, QDate day,
                                       const review::ComplianceSettings& settings);

/// A manager or admin acknowledges an alert with a note.
Result<void> acknowledgeAlert(store::OutletStore& store, const auth::Account& account, qint64 id, const QString& note);

/// After a registration is stored: the rules on its day with HQ's compliance settings. A failure is logged and
/// never fails the registration (the manager's window evaluates again when it opens).
void raiseAlertsAfterCommit(store::OutletStore& store, QDate day);

} // namespace shiming::outlet
