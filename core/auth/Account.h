#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace shiming::auth {

/// What an account may do. Clerks register; managers also review, override, void, export and manage clerks;
/// admins also manage managers, rekey and configure.
enum class Role { Clerk, Manager, Admin };

QString roleKey(Role role); ///< "clerk", "manager", "admin"
std::optional<Role> parseRole(QStringView key);
/// True when `role` includes everything `needed` may do.
bool roleAtLeast(Role role, Role needed);

/// A logged-in (or verified) account.
struct Account {
    QString name;
    QString displayName;
    Role role = Role::Clerk;
};

} // namespace shiming::auth
