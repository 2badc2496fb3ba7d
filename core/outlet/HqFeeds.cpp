#include "core/outlet/HqFeeds.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/NumberPool.h"
#include "core/common/Logging.h"
#include "core/face/FaceEngine.h"
#include "core/face/FaceSettings.h"
#include "core/store/DownlinkRepository.h"
#include "core/store/OutletStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

} // namespace

FeedOutcome applyHqFaceSettings(store::OutletStore& store, face::FaceEngine& engine)
{
    auto item = store.downlink().item(store::downlink::Settings.toString(), u"face"_s);
    if (!item) {
        qCWarning(lcOutlet) << "HQ's settings cannot be read:" << item.error().detail;
        return FeedOutcome::Refused;
    }
    face::FaceSettings settings;
    if (*item) {
        const QJsonDocument json = QJsonDocument::fromJson((*item)->payload);
        auto pushed = json.isObject() ? face::FaceSettings::fromMap(json.object().toVariantMap())
                                      : Result<face::FaceSettings>(fail(Error::invalidInput(u"not a JSON object"_s)));
        if (!pushed) {
            qCWarning(lcOutlet) << "HQ's face settings refused, the ones in force stay:" << pushed.error().detail;
            return FeedOutcome::Refused;
        }
        settings = *pushed;
    }
    if (settings.passCosine != engine.settings().passCosine || settings.reviewCosine != engine.settings().reviewCosine)
        qCInfo(lcOutlet) << "face thresholds now pass" << settings.passCosine << "review" << settings.reviewCosine
                         << (*item ? "(from HQ)" : "(calibrated defaults)");
    engine.setSettings(settings);
    return *item ? FeedOutcome::Applied : FeedOutcome::Defaults;
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
