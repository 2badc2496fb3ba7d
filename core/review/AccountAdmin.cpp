#include "core/review/AccountAdmin.h"

#include "core/review/ReviewTypes.h"

using namespace Qt::StringLiterals;
using namespace shiming::auth;

namespace shiming::review {

Result<Role> AccountAdmin::checkTarget(const QString& name)
{
    auto target = m_actor.store().accounts().get(name);
    if (!target)
        return fail(target.error());
    const Role actorRole = m_actor.account().role;
    const Role targetRole = parseRole(target->role).value_or(Role::Admin);
    if (name == m_actor.account().name)
        return fail(Error::policyRefused(u"use the password change for your own account"_s));
    if (actorRole == Role::Clerk || (actorRole == Role::Manager && targetRole != Role::Clerk))
        return fail(Error::because(Error::Code::PolicyRefused, Cause{Reason::RoleRefused},
                                   u"a manager acts on clerks; only an admin acts on managers"_s));
    if (!target->active)
        return fail(
            Error::because(Error::Code::PolicyRefused, Cause{Reason::AccountDisabled}, u"the account is disabled"_s));
    return targetRole;
}

Result<QList<store::AccountRecord>> AccountAdmin::accounts()
{
    return m_actor.store().accounts().all();
}

Result<void> AccountAdmin::resetPassword(const QString& name, const QByteArray& newPassword)
{
    if (auto r = auth::checkNewPassword(newPassword); !r)
        return r;
    if (auto r = checkTarget(name); !r)
        return fail(r.error());
    store::OutletStore& store = m_actor.store();
    auto target = store.accounts().get(name);
    if (!target)
        return fail(target.error());
    const QString slotPath = store::KeySlotFile::pathFor(store.path());
    auto slotFile = store::KeySlotFile::load(slotPath);
    if (!slotFile)
        return fail(slotFile.error());
    if (!slotFile->hasUser(name))
        return fail(Error::notFound(u"the account has no key slot"_s));
    // The account key is kept inside the database, so the slot can be rewrapped without the old password.
    if (auto r = slotFile->setPassword(name, newPassword, target->accountKey, m_kdf); !r)
        return r;
    if (auto r = slotFile->save(slotPath); !r)
        return r;
    return store.inTransaction([&]() -> Result<void> {
        if (auto r = store.accounts().setPasswordChanged(name); !r)
            return r;
        if (auto r = store.audit().append(audit::PasswordReset, m_actor.account().name, {}, u"account %1"_s.arg(name));
            !r)
            return fail(r.error());
        return {};
    });
}

Result<void> AccountAdmin::changeRole(const QString& name, Role role)
{
    auto current = checkTarget(name);
    if (!current)
        return fail(current.error());
    if (m_actor.account().role != Role::Admin && role != Role::Clerk)
        return fail(Error::because(Error::Code::PolicyRefused, Cause{Reason::RoleRefused},
                                   u"only an admin makes managers and admins"_s));
    if (*current == role)
        return {};
    store::OutletStore& store = m_actor.store();
    return store.inTransaction([&]() -> Result<void> {
        auto stmt = store.database().prepare(u"UPDATE accounts SET role = ? WHERE name = ?"_s);
        if (!stmt)
            return fail(stmt.error());
        stmt->bind(1, roleKey(role)).bind(2, name);
        if (auto r = stmt->run(); !r)
            return r;
        if (auto r = store.audit().append(audit::RoleChanged, m_actor.account().name, {},
                                          u"account %1: %2 -> %3"_s.arg(name, roleKey(*current), roleKey(role)));
            !r)
            return fail(r.error());
        return {};
    });
}

} // namespace shiming::review
