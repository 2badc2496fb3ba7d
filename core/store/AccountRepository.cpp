#include "core/store/AccountRepository.h"

using namespace Qt::StringLiterals;

namespace shiming::store {

namespace {
const QString kColumns =
    u"name, display_name, role, account_key, active, created_at, created_by, password_changed_at"_s;

AccountRecord readAccount(const Statement& s)
{
    return {s.text(0), s.text(1), s.text(2), s.blob(3), s.int64(4) != 0, s.dateTime(5), s.text(6), s.dateTime(7)};
}
} // namespace

Result<void> AccountRepository::add(const AccountRecord& account)
{
    if (account.name.isEmpty() || account.accountKey.size() != 32)
        return fail(Error::invalidInput(u"an account needs a name and a 32-byte account key"_s));
    if (account.role != u"clerk"_s && account.role != u"manager"_s && account.role != u"admin"_s)
        return fail(Error::invalidInput(u"unknown role (clerk, manager or admin)"_s));
    auto stmt = m_db.prepare(u"INSERT INTO accounts ("_s + kColumns + u") VALUES (?,?,?,?,?,?,?,?)"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, account.name).bind(2, account.displayName.isNull() ? u""_s : account.displayName);
    stmt->bind(3, account.role).bind(4, account.accountKey).bind(5, account.active ? 1 : 0);
    stmt->bind(6, account.createdAt.isValid() ? account.createdAt : m_clock.now()).bind(7, account.createdBy);
    stmt->bind(8, account.passwordChangedAt.isValid() ? account.passwordChangedAt : m_clock.now());
    if (auto r = stmt->run(); !r) {
        if (r.error().detail.contains(u"UNIQUE"_s))
            return fail(Error::invalidInput(u"an account with this name exists"_s));
        return r;
    }
    return {};
}

Result<AccountRecord> AccountRepository::get(const QString& name)
{
    auto stmt = m_db.prepare(u"SELECT "_s + kColumns + u" FROM accounts WHERE name = ?"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, name);
    auto row = stmt->step();
    if (!row)
        return fail(row.error());
    if (!*row)
        return fail(Error::notFound(u"no such account"_s));
    return readAccount(*stmt);
}

Result<QList<AccountRecord>> AccountRepository::all()
{
    auto stmt = m_db.prepare(u"SELECT "_s + kColumns + u" FROM accounts ORDER BY name"_s);
    if (!stmt)
        return fail(stmt.error());
    QList<AccountRecord> list;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return fail(row.error());
        if (!*row)
            break;
        list.append(readAccount(*stmt));
    }
    return list;
}

Result<void> AccountRepository::setActive(const QString& name, bool active)
{
    auto stmt = m_db.prepare(u"UPDATE accounts SET active = ? WHERE name = ?"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, active ? 1 : 0).bind(2, name);
    if (auto r = stmt->run(); !r)
        return r;
    if (m_db.changes() != 1)
        return fail(Error::notFound(u"no such account"_s));
    return {};
}

Result<void> AccountRepository::setPasswordChanged(const QString& name)
{
    auto stmt = m_db.prepare(u"UPDATE accounts SET password_changed_at = ? WHERE name = ?"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, m_clock.now()).bind(2, name);
    return stmt->run();
}

} // namespace shiming::store
