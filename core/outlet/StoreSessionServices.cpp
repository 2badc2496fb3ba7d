#include "core/outlet/StoreSessionServices.h"

#include "core/common/Logging.h"
#include "core/outlet/ComplianceAlerts.h"
#include "core/protocol/BatchAnswer.h"
#include "core/protocol/IdentityHash.h"
#include "core/store/OutletStore.h"
#include "core/sync/IdentityFigures.h"
#include "core/sync/SyncCredentials.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {

// The enrolment bundle's identity key; empty when the outlet is not enrolled (HQ never sent figures or a risk
// list then). A store or bundle that cannot be read is a failure, not "not enrolled".
Result<QByteArray> identityKeyOf(store::OutletStore& outlet)
{
    auto credentials = sync::loadCredentials(outlet);
    if (!credentials) {
        if (credentials.error().code == Error::Code::NotFound)
            return QByteArray();
        return fail(credentials.error());
    }
    return credentials->bundle.identityKey;
}

// The policy's input could not be read: logged (no personal data, the detail names only the store's part) and
// passed on, so the policy refuses the document.
Error refusedBecause(const char* what, const Error& error)
{
    qCWarning(lcOutlet) << what << "unreadable, the document is refused:" << error.detail;
    return error;
}

struct OpenIdentity {
    store::OutletStore* outlet = nullptr;
    QByteArray identityKey; // empty: not enrolled
};

Result<OpenIdentity> openIdentity(store::OutletStore* outlet)
{
    if (!outlet)
        return fail(Error::storageFailure(u"no open store (signed out or locked)"_s));
    auto identityKey = identityKeyOf(*outlet);
    if (!identityKey)
        return fail(refusedBecause("enrolment", identityKey.error()));
    return OpenIdentity{outlet, *identityKey};
}

} // namespace

Result<registration::Registration>
StoreSessionServices::commitRegistration(const registration::Registration& registration)
{
    store::OutletStore* outlet = m_store();
    if (!outlet)
        return fail(Error::storageFailure(u"no open store (signed out or locked)"_s));
    auto committed = outlet->registrations().commit(registration);
    if (committed)
        outlet::raiseAlertsAfterCommit(*outlet, committed->deviceTime.toLocalTime().date());
    return committed;
}

Result<bool> StoreSessionServices::iccidInUse(const QString& iccid) const
{
    store::OutletStore* outlet = m_store();
    if (!outlet)
        return fail(Error::storageFailure(u"no open store (signed out or locked)"_s));
    return outlet->registrations().iccidInUse(iccid);
}

Result<registration::IdentityHoldings> StoreSessionServices::holdings(DocumentType type, const QString& number) const
{
    // HQ's figure is keyed by the identity's HMAC under the enrolment bundle's key; not enrolled: local only.
    auto open = openIdentity(m_store());
    if (!open)
        return fail(open.error());
    store::OutletStore* outlet = open->outlet;
    auto counted = sync::identityHoldings(*outlet, open->identityKey, type, number);
    if (!counted)
        return fail(refusedBecause("holdings", counted.error()));
    registration::IdentityHoldings holdings = *counted;

    // A record of this identity HQ refused with ID_LIMIT that no manager has voided yet: HQ counted the limit then.
    auto limited =
        outlet->registrations().hasOpenHqRejection(type, number, QString::fromLatin1(protocol::reason::IdLimit));
    if (!limited)
        return fail(refusedBecause("HQ rejections", limited.error()));
    if (*limited)
        holdings.hqCount = qMax(holdings.hqCount, m_limit);
    return holdings;
}

Result<bool> StoreSessionServices::contains(DocumentType type, const QString& number) const
{
    auto open = openIdentity(m_store());
    if (!open)
        return fail(open.error());
    if (open->identityKey.isEmpty())
        return false; // not enrolled: HQ never sent a risk list
    const QString key =
        QString::fromLatin1(protocol::identityHash(open->identityKey, documentTypeKey(type), number.trimmed()));
    auto item = open->outlet->downlink().item(store::downlink::RiskList.toString(), key);
    if (!item)
        return fail(refusedBecause("risk list", item.error()));
    if (!item->has_value())
        return false;
    const QJsonObject body = QJsonDocument::fromJson((*item)->payload).object();
    return body.value(u"listed"_s).toBool(true);
}

} // namespace shiming
