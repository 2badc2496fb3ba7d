#include "core/outlet/HqFeeds.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/NumberPool.h"
#include "core/common/Logging.h"
#include "core/face/FaceEngine.h"
#include "core/face/FaceSettings.h"
#include "core/registration/Policy.h"
#include "core/store/DownlinkRepository.h"
#include "core/store/OutletStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace shiming::outlet {

namespace {

// The JSON objects of a downlink kind's items, each with `keyField` set to the item's key when it lacks one.
QJsonArray downlinkObjects(store::OutletStore& store, QStringView kind, const QString& keyField)
{
    QJsonArray objects;
    auto items = store.downlink().items(kind.toString());
    if (!items)
        return objects;
    for (const store::DownlinkItem& item : std::as_const(*items)) {
        QJsonObject object = QJsonDocument::fromJson(item.payload).object();
        if (!object.contains(keyField))
            object.insert(keyField, item.key);
        objects.append(object);
    }
    return objects;
}

/// HQ's settings item `key` as a JSON object: empty optional when HQ has not sent it; an error when it cannot be
/// read or is not an object.
Result<std::optional<QJsonObject>> settingsObject(store::OutletStore& store, const QString& key)
{
    auto item = store.downlink().item(store::downlink::Settings.toString(), key);
    if (!item)
        return fail(item.error());
    if (!*item)
        return std::optional<QJsonObject>();
    const QJsonDocument json = QJsonDocument::fromJson((*item)->payload);
    if (!json.isObject())
        return fail(Error::invalidInput(u"not a JSON object"_s));
    return std::optional<QJsonObject>(json.object());
}

/// A whole number in [low, high] (JSON numbers are doubles: 5.0 is 5, 5.5 is not a number of anything).
std::optional<int> wholeNumber(const QJsonValue& value, int low, int high)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number != std::floor(number) || number < low || number > high)
        return std::nullopt;
    return int(number);
}

} // namespace

FeedOutcome applyHqPolicySettings(store::OutletStore& store, registration::Policy& policy, const QString& operatorCode,
                                  int configuredLimit)
{
    auto object = settingsObject(store, u"policy"_s);
    if (!object) {
        qCWarning(lcOutlet) << "HQ's policy settings refused, the ones in force stay:" << object.error().detail;
        return FeedOutcome::Refused;
    }
    int limit = configuredLimit;
    if (*object) {
        QJsonValue value = (**object).value(u"per_identity_limit"_s);
        if (value.isObject())
            value = value.toObject().value(operatorCode);
        const auto pushed = wholeNumber(value, 1, 5);
        if (!pushed) {
            qCWarning(lcOutlet) << "HQ's policy settings refused, the ones in force stay: per_identity_limit for"
                                << operatorCode << "is not a whole number from 1 to 5";
            return FeedOutcome::Refused;
        }
        limit = *pushed;
    }
    registration::PolicySettings settings = policy.settings();
    if (settings.perIdentityLimit != limit)
        qCInfo(lcOutlet) << "numbers per identity now" << limit << (*object ? "(from HQ)" : "(configured)");
    settings.perIdentityLimit = limit;
    policy.setSettings(settings);
    return *object ? FeedOutcome::Applied : FeedOutcome::Defaults;
}

FeedOutcome applyHqIdleLock(store::OutletStore& store, const std::function<void(int)>& setIdleSeconds,
                            int configuredSeconds)
{
    auto object = settingsObject(store, u"counter"_s);
    if (!object) {
        qCWarning(lcOutlet) << "HQ's counter settings refused, the ones in force stay:" << object.error().detail;
        return FeedOutcome::Refused;
    }
    int seconds = configuredSeconds;
    if (*object) {
        const auto minutes = wholeNumber((**object).value(u"idle_lock_minutes"_s), 1, 120);
        if (!minutes) {
            qCWarning(lcOutlet) << "HQ's counter settings refused, the ones in force stay: idle_lock_minutes is not"
                                   " a whole number from 1 to 120";
            return FeedOutcome::Refused;
        }
        seconds = *minutes * 60;
    }
    setIdleSeconds(seconds);
    return *object ? FeedOutcome::Applied : FeedOutcome::Defaults;
}

FeedOutcome applyHqFaceSettings(store::OutletStore& store, face::FaceEngine& engine)
{
    auto object = settingsObject(store, u"face"_s);
    if (!object) {
        qCWarning(lcOutlet) << "HQ's face settings refused, the ones in force stay:" << object.error().detail;
        return FeedOutcome::Refused;
    }
    face::FaceSettings settings;
    if (*object) {
        auto pushed = face::FaceSettings::fromMap((**object).toVariantMap());
        if (!pushed) {
            qCWarning(lcOutlet) << "HQ's face settings refused, the ones in force stay:" << pushed.error().detail;
            return FeedOutcome::Refused;
        }
        settings = *pushed;
    }
    if (settings.passCosine != engine.settings().passCosine || settings.reviewCosine != engine.settings().reviewCosine)
        qCInfo(lcOutlet) << "face thresholds now pass" << settings.passCosine << "review" << settings.reviewCosine
                         << (*object ? "(from HQ)" : "(calibrated defaults)");
    engine.setSettings(settings);
    return *object ? FeedOutcome::Applied : FeedOutcome::Defaults;
}

review::ComplianceSettings hqComplianceSettings(store::OutletStore& store)
{
    auto object = settingsObject(store, u"compliance"_s);
    if (!object) {
        qCWarning(lcOutlet) << "HQ's compliance settings refused, the defaults apply:" << object.error().detail;
        return {};
    }
    if (!*object)
        return {};
    auto settings = review::ComplianceSettings::fromJson(**object);
    if (!settings) {
        qCWarning(lcOutlet) << "HQ's compliance settings refused, the defaults apply:" << settings.error().detail;
        return {};
    }
    return *settings;
}

CatalogueOutcome applyHqCatalogue(store::OutletStore& store, catalog::Catalog& catalogue, catalog::NumberPool& pool,
                                  const QString& poolStatePath)
{
    CatalogueOutcome outcome;
    const QJsonArray packages = downlinkObjects(store, store::downlink::Packages, u"id"_s);
    if (!packages.isEmpty()) {
        auto parsed = catalog::Catalog::fromJson(QJsonDocument(QJsonObject{{u"packages"_s, packages}}).toJson());
        if (parsed) {
            catalogue = std::move(*parsed);
            outcome.packages = FeedOutcome::Applied;
            qCInfo(lcOutlet) << "packages from HQ's catalog feed:" << packages.size();
        } else {
            outcome.packages = FeedOutcome::Refused;
            qCWarning(lcOutlet) << "HQ's catalog feed refused, the packages in force stay:" << parsed.error().detail;
        }
    }
    const QJsonArray numbers = downlinkObjects(store, store::downlink::NumberPool, u"number"_s);
    if (!numbers.isEmpty()) {
        auto parsed = catalog::NumberPool::parseJson(QJsonDocument(QJsonObject{{u"numbers"_s, numbers}}).toJson());
        auto opened = parsed ? catalog::NumberPool::open(*parsed, poolStatePath)
                             : Result<catalog::NumberPool>(fail(parsed.error()));
        if (opened) {
            pool = std::move(*opened);
            outcome.numbers = FeedOutcome::Applied;
            qCInfo(lcOutlet) << "numbers from HQ's number-pool leases:" << numbers.size();
        } else {
            outcome.numbers = FeedOutcome::Refused;
            qCWarning(lcOutlet) << "HQ's number-pool leases refused, the numbers in force stay:"
                                << opened.error().detail;
        }
    }
    return outcome;
}

} // namespace shiming::outlet
