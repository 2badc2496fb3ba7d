#include "core/auth/LockoutStore.h"

#include "core/store/KeySlots.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace shiming::auth {

namespace {

QJsonObject readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > (1 << 20))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

Result<void> writeFile(const QString& path, const QJsonObject& root)
{
    return store::writeFileAtomically(path, QJsonDocument(root).toJson(QJsonDocument::Compact));
}

} // namespace

QDateTime LockoutStore::lockedUntil(const QString& user, const QDateTime& now) const
{
    const QJsonObject entry = readFile(m_path).value(u"users"_s).toObject().value(user).toObject();
    const QDateTime until = QDateTime::fromString(entry.value(u"lockedUntil"_s).toString(), Qt::ISODateWithMs);
    return until.isValid() && until > now ? until : QDateTime();
}

Result<bool> LockoutStore::recordFailure(const QString& user, const QDateTime& now, const LockoutPolicy& policy)
{
    QJsonObject root = readFile(m_path);
    QJsonObject users = root.value(u"users"_s).toObject();
    QJsonObject entry = users.value(user).toObject();
    const QDateTime until = QDateTime::fromString(entry.value(u"lockedUntil"_s).toString(), Qt::ISODateWithMs);
    int failures = entry.value(u"failures"_s).toInt();
    if (until.isValid() && until <= now)
        failures = 0; // the previous lock has run out: count afresh
    ++failures;
    bool locked = false;
    if (failures >= policy.maxFailures) {
        entry.insert(u"lockedUntil"_s, now.toUTC().addSecs(policy.lockSeconds).toString(Qt::ISODateWithMs));
        failures = 0;
        locked = true;
    }
    entry.insert(u"failures"_s, failures);
    users.insert(user, entry);
    root.insert(u"users"_s, users);
    QJsonArray pending = root.value(u"unaudited"_s).toArray();
    if (pending.size() < 10000)
        pending.append(
            QJsonObject{{u"user"_s, user}, {u"at"_s, now.toUTC().toString(Qt::ISODateWithMs)}, {u"locked"_s, locked}});
    root.insert(u"unaudited"_s, pending);
    if (auto r = writeFile(m_path, root); !r)
        return fail(r.error());
    return locked;
}

Result<void> LockoutStore::reset(const QString& user)
{
    QJsonObject root = readFile(m_path);
    QJsonObject users = root.value(u"users"_s).toObject();
    if (!users.contains(user))
        return {};
    users.remove(user);
    root.insert(u"users"_s, users);
    return writeFile(m_path, root);
}

Result<QList<LockoutStore::Failure>> LockoutStore::takeUnaudited()
{
    QJsonObject root = readFile(m_path);
    const QJsonArray pending = root.value(u"unaudited"_s).toArray();
    QList<Failure> list;
    for (const QJsonValue& value : pending) {
        const QJsonObject o = value.toObject();
        list.append({o.value(u"user"_s).toString(),
                     QDateTime::fromString(o.value(u"at"_s).toString(), Qt::ISODateWithMs),
                     o.value(u"locked"_s).toBool()});
    }
    if (list.isEmpty())
        return list;
    root.remove(u"unaudited"_s);
    if (auto r = writeFile(m_path, root); !r)
        return fail(r.error());
    return list;
}

} // namespace shiming::auth
