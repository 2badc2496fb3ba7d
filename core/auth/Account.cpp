#include "core/auth/Account.h"

using namespace Qt::StringLiterals;

namespace shiming::auth {

QString roleKey(Role role)
{
    switch (role) {
    case Role::Clerk:
        return u"clerk"_s;
    case Role::Manager:
        return u"manager"_s;
    case Role::Admin:
        return u"admin"_s;
    }
    return u"clerk"_s;
}

std::optional<Role> parseRole(QStringView key)
{
    if (key == u"clerk")
        return Role::Clerk;
    if (key == u"manager")
        return Role::Manager;
    if (key == u"admin")
        return Role::Admin;
    return std::nullopt;
}

bool roleAtLeast(Role role, Role needed)
{
    return int(role) >= int(needed);
}

} // namespace shiming::auth
