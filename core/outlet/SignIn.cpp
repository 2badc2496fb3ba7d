#include "core/outlet/SignIn.h"

#include "core/auth/Authenticator.h"
#include "core/store/KeySlots.h"

namespace shiming::outlet {

Result<std::unique_ptr<auth::Session>> signIn(auth::Authenticator& authenticator, const QString& user,
                                              QByteArray password)
{
    auto session = authenticator.login(user, password);
    store::wipe(password);
    return session;
}

} // namespace shiming::outlet
