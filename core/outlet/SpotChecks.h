#pragma once

#include "core/auth/Account.h"
#include "core/common/Error.h"
#include "core/outlet/HqFeeds.h"
#include "core/review/ComplianceSettings.h"
#include "core/review/SpotCheck.h"

#include <QDate>
#include <QDateTime>

namespace shiming::store {
class OutletStore;
}

namespace shiming::outlet {

/// The duty manager's spot check of `day`, for a manager or admin only (a clerk is refused, PolicyRefused):
/// the one drawn already, else drawn now with the settings' share, once the day is over (a past day, or today
/// after closing time: a draw early in the day would check only its first records). Before that it is refused
/// with Reason::SpotCheckTooEarly, nothing drawn.
Result<review::SpotCheck> openSpotCheck(store::OutletStore& store, const auth::Account& account, QDate day,
                                        const review::ComplianceSettings& settings);

/// Marks a record of the day's sample (manager or admin): OK, or a problem with a note.
Result<void> markSpotCheck(store::OutletStore& store, const auth::Account& account, QDate day, const QString& uuid,
                           review::SpotVerdict verdict, const QString& note);

} // namespace shiming::outlet
