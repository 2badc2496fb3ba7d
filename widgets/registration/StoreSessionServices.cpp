#include "widgets/registration/StoreSessionServices.h"

#include "core/common/Logging.h"
#include "core/store/OutletStore.h"

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

registration::IdentityHoldings StoreSessionServices::holdings(DocumentType, const QString& number) const
{
    registration::IdentityHoldings holdings;
    store::OutletStore* outlet = m_store();
    if (!outlet)
        return holdings;
    auto count = outlet->registrations().countForDocumentNumber(number);
    if (!count) {
        qCWarning(lcUi) << "holdings unknown:" << count.error().detail;
        return holdings;
    }
    holdings.outletCount = *count;
    holdings.pendingAtHq = *count;
    return holdings;
}

} // namespace shiming
