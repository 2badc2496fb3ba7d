#include "core/outlet/ComplianceAlerts.h"

#include "core/common/Logging.h"
#include "core/outlet/HqFeeds.h"
#include "core/outlet/ManagerAccess.h"
#include "core/store/OutletStore.h"

using namespace Qt::StringLiterals;

namespace shiming::outlet {

Result<QList<review::Alert>> dayAlerts(store::OutletStore& store, const auth::Account& account, QDate day,
                                       const review::ComplianceSettings& settings)
{
    if (auto allowed = requireManager(account, u"reviews the day's alerts"); !allowed)
        return fail(allowed.error());
    return review::AlertRepository(store).refresh(day, settings);
}

Result<void> acknowledgeAlert(store::OutletStore& store, const auth::Account& account, qint64 id, const QString& note)
{
    if (auto allowed = requireManager(account, u"acknowledges an alert"); !allowed)
        return allowed;
    return review::AlertRepository(store).acknowledge(id, note, account.name);
}

void raiseAlertsAfterCommit(store::OutletStore& store, QDate day)
{
    if (auto raised = review::AlertRepository(store).refresh(day, hqComplianceSettings(store)); !raised)
        qCWarning(lcOutlet) << "alerts not evaluated after the registration:" << raised.error().detail;
}

} // namespace shiming::outlet
