#include "core/outlet/SpotChecks.h"

#include "core/outlet/ManagerAccess.h"
#include "core/store/OutletStore.h"

using namespace Qt::StringLiterals;

namespace shiming::outlet {

Result<review::SpotCheck> openSpotCheck(store::OutletStore& store, const auth::Account& account, QDate day,
                                        const review::ComplianceSettings& settings)
{
    if (auto allowed = requireManager(account, u"spot-checks the day"); !allowed)
        return fail(allowed.error());
    review::SpotCheckRepository checks(store);
    auto existing = checks.load(day);
    if (!existing)
        return fail(existing.error());
    if (*existing)
        return std::move(**existing);
    const QDateTime now = store.clock().now();
    const bool over = day < now.date() || (day == now.date() && now.time() >= settings.closesAt);
    if (!over)
        return fail(Error::because(Error::Code::PolicyRefused,
                                   Cause{Reason::SpotCheckTooEarly, settings.closesAt.toString(u"HH:mm"_s)},
                                   u"the spot check of a day is drawn once the hall has closed"_s));
    return checks.draw(day, settings.spotCheckShare, account.name);
}

Result<void> markSpotCheck(store::OutletStore& store, const auth::Account& account, QDate day, const QString& uuid,
                           review::SpotVerdict verdict, const QString& note)
{
    if (auto allowed = requireManager(account, u"marks the spot check"); !allowed)
        return allowed;
    return review::SpotCheckRepository(store).mark(day, uuid, verdict, note, account.name);
}

} // namespace shiming::outlet
