#pragma once

#include "core/auth/Account.h"
#include "core/common/Error.h"
#include "core/sync/HallReader.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>

namespace shiming::store {
class OutletStore;
}

namespace shiming::outlet {

/// A read of the whole hall from HQ, as the manager's hall scope and `shimingctl report daily --scope hall`
/// make it: the answer, and when this counter last reached HQ (for "HQ unreachable, last reached ...").
struct HallRead {
    sync::HallAnswer answer;
    QDateTime lastReachable; ///< the last successful sync pass; invalid when never
};

/// Reads `target` (sync::HallReader's targets) for a manager or admin of this counter: a clerk is refused here,
/// before HQ is asked (PolicyRefused); an outlet not enrolled with HQ fails with what to do. The account's name
/// goes to HQ, which checks it against the hall's accounts and audits the read. Blocking: for the command line.
Result<HallRead> readHallBlocking(store::OutletStore& store, const auth::Account& account, const QByteArray& target,
                                  int timeoutMs = 30000);

/// Notes in this outlet's audit that its manager had HQ reveal a hall record's full fields (HQ audits it too).
Result<void> auditHallReveal(store::OutletStore& store, const auth::Account& account, const QString& uuid);

/// The hall's daily report as HQ computes it (the outlet's report JSON with the hall's totals and `per_counter`),
/// audited here as an export (report_exported, "hall daily report D as json").
Result<QByteArray> hallDailyReportJson(store::OutletStore& store, const auth::Account& account, QDate date);

} // namespace shiming::outlet
