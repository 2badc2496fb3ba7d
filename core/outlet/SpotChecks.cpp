#include "core/outlet/SpotChecks.h"

#include "core/common/Logging.h"
#include "core/outlet/ManagerAccess.h"
#include "core/store/DownlinkRepository.h"
#include "core/store/OutletStore.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace shiming::outlet {

review::ComplianceSettings hqComplianceSettings(store::OutletStore& store)
{
    auto item = store.downlink().item(store::downlink::Settings.toString(), u"compliance"_s);
    if (!item) {
        qCWarning(lcOutlet) << "HQ's compliance settings cannot be read, the defaults apply:" << item.error().detail;
        return {};
    }
    if (!*item)
        return {};
    const QJsonDocument json = QJsonDocument::fromJson((*item)->payload);
    auto settings = json.isObject()
                        ? review::ComplianceSettings::fromJson(json.object())
                        : Result<review::ComplianceSettings>(fail(Error::invalidInput(u"not a JSON object"_s)));
    if (!settings) {
        qCWarning(lcOutlet) << "HQ's compliance settings refused, the defaults apply:" << settings.error().detail;
        return {};
    }
    return *settings;
}

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
