#include "core/outlet/ManagerAccess.h"

#include "core/auth/Authenticator.h"
#include "core/auth/Session.h"
#include "core/common/Logging.h"
#include "core/outlet/SignIn.h"
#include "core/review/ReviewTypes.h"
#include "core/store/OutletStore.h"

using namespace Qt::StringLiterals;

namespace shiming::outlet {

Result<void> requireManager(const auth::Account& account, QStringView what)
{
    if (auth::roleAtLeast(account.role, auth::Role::Manager))
        return {};
    return fail(Error::because(Error::Code::PolicyRefused, Cause{Reason::ManagerRequired},
                               u"only a manager or an admin "_s + what));
}

Result<void> openManagerView(auth::Session& session)
{
    const auth::Account& account = session.account();
    store::AuditLog& log = session.store().audit();
    if (auto allowed = requireManager(account, u"may open the manager's window"); !allowed) {
        (void)log.append(review::audit::WindowRefused, account.name, {}, u"role %1"_s.arg(auth::roleKey(account.role)));
        qCInfo(lcOutlet) << "manager window refused to a clerk";
        return allowed;
    }
    if (auto r = log.append(review::audit::WindowOpened, account.name); !r)
        return fail(r.error());
    return {};
}

Result<std::unique_ptr<auth::Session>> signInForManagerView(auth::Authenticator& authenticator, const QString& user,
                                                            QByteArray password)
{
    auto session = signIn(authenticator, user, std::move(password));
    if (!session)
        return fail(session.error());
    if (auto opened = openManagerView(**session); !opened)
        return fail(opened.error());
    return std::move(*session);
}

} // namespace shiming::outlet
