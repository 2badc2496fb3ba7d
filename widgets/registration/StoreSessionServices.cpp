#include "widgets/registration/StoreSessionServices.h"

#include "core/common/Logging.h"
#include "core/protocol/BatchAnswer.h"
#include "core/protocol/IdentityHash.h"
#include "core/review/ReviewRepository.h"
#include "core/store/OutletStore.h"
#include "core/sync/IdentityFigures.h"
#include "core/sync/SyncCredentials.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace shiming {

Result<registration::Registration>
StoreSessionServices::commitRegistration(const registration::Registration& registration)
{
    store::OutletStore* outlet = m_store();
    if (!outlet)
        return fail(Error::storageFailure(u"no open store (signed out or locked)"_s));
    return outlet->registrations().commit(registration);
}

registration::IdentityHoldings StoreSessionServices::holdings(DocumentType type, const QString& number) const
{
    store::OutletStore* outlet = m_store();
    if (!outlet)
        return {};
    // HQ's figure is keyed by the identity's HMAC under the enrolment bundle's key; not enrolled: local only.
    auto credentials = sync::loadCredentials(*outlet);
    const QByteArray identityKey = credentials ? credentials->bundle.identityKey : QByteArray();
    auto counted = sync::identityHoldings(*outlet, identityKey, type, number);
    if (!counted) {
        qCWarning(lcUi) << "holdings unknown:" << counted.error().detail;
        return {};
    }
    registration::IdentityHoldings holdings = *counted;

    review::ReviewRepository review(*outlet);
    auto rejected = review.hqRejections();
    if (!rejected) {
        qCWarning(lcUi) << "HQ rejections unreadable:" << rejected.error().detail;
        return holdings;
    }
    const QString wanted = number.trimmed().toUpper();
    for (const review::ReviewRow& row : *rejected) {
        if (row.hqReason == QLatin1StringView(protocol::reason::IdLimit) && row.documentType == type &&
            row.documentNumber.trimmed().toUpper() == wanted) {
            holdings.hqCount = qMax(holdings.hqCount, m_limit); // a floor: HQ counted the limit then
            break;
        }
    }
    return holdings;
}

bool StoreSessionServices::contains(DocumentType type, const QString& number) const
{
    store::OutletStore* outlet = m_store();
    if (!outlet)
        return false;
    auto credentials = sync::loadCredentials(*outlet);
    if (!credentials || credentials->bundle.identityKey.isEmpty())
        return false; // not enrolled: HQ never sent a risk list
    const QString key = QString::fromLatin1(protocol::identityHash(
        credentials->bundle.identityKey, registration::documentTypeStorageKey(type), number.trimmed()));
    auto item = outlet->downlink().item(store::downlink::RiskList.toString(), key);
    if (!item) {
        qCWarning(lcUi) << "risk list unreadable:" << item.error().detail;
        return false;
    }
    if (!item->has_value())
        return false;
    const QJsonObject body = QJsonDocument::fromJson((*item)->payload).object();
    return body.value(u"listed"_s).toBool(true);
}

} // namespace shiming
