#pragma once

#include "core/common/Error.h"
#include "core/review/ComplianceSettings.h"

#include <QString>

#include <functional>

namespace shiming::catalog {
class Catalog;
class NumberPool;
} // namespace shiming::catalog
namespace shiming::face {
class FaceEngine;
}
namespace shiming::registration {
class Policy;
}
namespace shiming::store {
class OutletStore;
}

namespace shiming::outlet {

/// What applying one of HQ's feeds did. A feed that does not make sense is refused whole and what is in force
/// stays (logged in English without personal data; the caller need not say anything to the clerk).
enum class FeedOutcome {
    NotSent,  ///< HQ has not sent this feed: what is configured stays
    Applied,  ///< HQ's values are in force now
    Defaults, ///< HQ withdrew its item: the calibrated defaults are in force again
    Refused,  ///< HQ's feed is nonsense or unreadable: what was in force stays
};

/// HQ's settings feed, its "face" item (passCosine, reviewCosine, quality limits), over the calibrated defaults.
/// Without the item the defaults apply; an item that is not a JSON object of numbers, or is inconsistent, is
/// refused. Applied at sign-in and after each sync pass.
FeedOutcome applyHqFaceSettings(store::OutletStore& store, face::FaceEngine& engine);

/// HQ's settings feed, its "policy" item: the numbers one identity may hold with this outlet's operator,
/// {"per_identity_limit": N} or per operator {"per_identity_limit": {"CMCC": N, "CUCC": N, "CTCC": N}} (an item
/// without this outlet's operator is refused). N is 1 to 5: 一证五号 is the national ceiling, HQ may only lower it.
/// Without the item: `configured` (the policy the outlet started with). Applied at sign-in and after each sync pass.
FeedOutcome applyHqPolicySettings(store::OutletStore& store, registration::Policy& policy, const QString& operatorCode,
                                  int configuredLimit);

/// HQ's settings feed, its "counter" item: {"idle_lock_minutes": N}, 1 to 120 as in outlet.ini, given to
/// `setIdleSeconds`. Without the item: `configuredSeconds` (outlet.ini's). Applied at sign-in and after each pass.
FeedOutcome applyHqIdleLock(store::OutletStore& store, const std::function<void(int)>& setIdleSeconds,
                            int configuredSeconds);

/// HQ's settings feed, its "compliance" item, over the defaults (spot-check share, opening hours, alert
/// thresholds). Read where it is used (the spot check, the alerts); an item that cannot be read or is refused
/// (review::ComplianceSettings::fromJson) gives the defaults, logged.
review::ComplianceSettings hqComplianceSettings(store::OutletStore& store);

/// HQ's catalog and number-pool feeds, once HQ has sent them, replace the configured packages and numbers.
/// Applied at sign-in only: during a registration the session holds its reserved number in the pool. Each feed
/// that does not parse is refused whole. Returns the packages' outcome and the numbers' outcome.
struct CatalogueOutcome {
    FeedOutcome packages = FeedOutcome::NotSent;
    FeedOutcome numbers = FeedOutcome::NotSent;
};
CatalogueOutcome applyHqCatalogue(store::OutletStore& store, catalog::Catalog& catalogue, catalog::NumberPool& pool,
                                  const QString& poolStatePath);

} // namespace shiming::outlet
