#include "core/catalog/NumberPool.h"

#include "core/common/Logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

using namespace Qt::StringLiterals;

namespace shiming::catalog {

namespace {

constexpr qint64 kMaxStateBytes = 16 * 1024 * 1024;
constexpr int kMaxRangeCount = 100000;

bool isDigits(QStringView text)
{
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace

Result<QList<PoolNumber>> NumberPool::parseJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(Error::invalidInput(u"number pool is not a JSON object"_s));
    const QJsonObject root = document.object();
    QList<PoolNumber> numbers;
    QSet<QString> seen;
    auto add = [&](PoolNumber number, int index) -> Result<void> {
        if (!isMobileNumber(number.number))
            return fail(Error::invalidInput(u"number entry %1 is not an 11-digit mobile number"_s.arg(index)));
        if (number.premiumFen < 0)
            return fail(Error::invalidInput(u"number entry %1 has a negative premium"_s.arg(index)));
        if (seen.contains(number.number))
            return {};
        seen.insert(number.number);
        numbers.append(std::move(number));
        return {};
    };
    int index = 0;
    for (const QJsonValue& value : root.value(u"numbers"_s).toArray()) {
        PoolNumber number;
        if (value.isString()) {
            number.number = value.toString();
        } else {
            number.number = value.toObject().value(u"number"_s).toString();
            number.premiumFen = value.toObject().value(u"premium_fen"_s).toInt(0);
        }
        if (auto ok = add(std::move(number), index); !ok)
            return fail(ok.error());
        ++index;
    }
    for (const QJsonValue& value : root.value(u"ranges"_s).toArray()) {
        const QString from = value.toObject().value(u"from"_s).toString();
        const int count = value.toObject().value(u"count"_s).toInt(0);
        if (!isMobileNumber(from) || count <= 0 || count > kMaxRangeCount)
            return fail(Error::invalidInput(u"range %1 is malformed"_s.arg(index)));
        const qlonglong start = from.toLongLong();
        for (int i = 0; i < count; ++i) {
            if (auto ok = add(PoolNumber{QString::number(start + i), 0}, index); !ok)
                return fail(ok.error());
        }
        ++index;
    }
    return numbers;
}

Result<NumberPool> NumberPool::open(QList<PoolNumber> numbers, const QString& statePath,
                                    const QStringList& alreadyTaken)
{
    NumberPool pool;
    pool.m_statePath = statePath;
    for (PoolNumber& number : numbers) {
        if (pool.m_index.contains(number.number))
            continue;
        pool.m_index.insert(number.number, pool.m_entries.size());
        pool.m_entries.append(Entry{std::move(number), NumberState::Free, {}});
    }
    if (!statePath.isEmpty() && QFile::exists(statePath)) {
        QFile file(statePath);
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error::storageFailure(u"number pool state cannot be read: "_s + file.errorString()));
        if (file.size() > kMaxStateBytes)
            return fail(Error::storageFailure(u"number pool state file is too large"_s));
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
        // A damaged state file must not stop the counter: taken numbers are also known to the store.
        if (!document.isObject())
            qCWarning(lcUi) << "number pool state file is damaged; starting from the store's taken numbers";
        const QJsonObject root = document.object();
        for (const QJsonValue& value : root.value(u"taken"_s).toArray()) {
            auto it = pool.m_index.constFind(value.toString());
            if (it != pool.m_index.constEnd())
                pool.m_entries[*it].state = NumberState::Taken;
        }
        pool.m_releasedOnOpen = int(root.value(u"reserved"_s).toObject().size());
    }
    for (const QString& number : alreadyTaken) {
        auto it = pool.m_index.constFind(number);
        if (it != pool.m_index.constEnd())
            pool.m_entries[*it].state = NumberState::Taken;
    }
    if (pool.m_releasedOnOpen > 0)
        qCInfo(lcUi) << "released" << pool.m_releasedOnOpen << "number reservation(s) left by the previous run";
    if (auto saved = pool.save(); !saved)
        return fail(saved.error());
    return pool;
}

QList<PoolNumber> NumberPool::search(QStringView digits, int limit) const
{
    QList<PoolNumber> endsWith;
    QList<PoolNumber> contains;
    if (!isDigits(digits) || digits.size() > 11 || limit <= 0)
        return {};
    for (const Entry& entry : m_entries) {
        if (entry.state != NumberState::Free)
            continue;
        if (digits.isEmpty() || entry.number.number.endsWith(digits))
            endsWith.append(entry.number);
        else if (entry.number.number.contains(digits))
            contains.append(entry.number);
        if (endsWith.size() >= limit)
            break;
    }
    endsWith += contains;
    if (endsWith.size() > limit)
        endsWith.resize(limit);
    return endsWith;
}

NumberState NumberPool::state(QStringView number) const
{
    auto it = m_index.constFind(number.toString());
    return it == m_index.constEnd() ? NumberState::Unknown : m_entries[*it].state;
}

QString NumberPool::reservedBy(QStringView number) const
{
    auto it = m_index.constFind(number.toString());
    if (it == m_index.constEnd() || m_entries[*it].state != NumberState::Reserved)
        return {};
    return m_entries[*it].session;
}

const PoolNumber* NumberPool::find(QStringView number) const
{
    auto it = m_index.constFind(number.toString());
    return it == m_index.constEnd() ? nullptr : &m_entries[*it].number;
}

Result<void> NumberPool::reserve(QStringView number, const QString& sessionId)
{
    if (sessionId.isEmpty())
        return fail(Error::invalidInput(u"reservation without a session"_s));
    auto it = m_index.constFind(number.toString());
    if (it == m_index.constEnd())
        return fail(Error::notFound(u"number is not in the outlet's pool"_s));
    Entry& entry = m_entries[*it];
    if (entry.state == NumberState::Taken)
        return fail(
            Error::because(Error::Code::PolicyRefused, Cause{Reason::NumberTaken}, u"number is already taken"_s));
    if (entry.state == NumberState::Reserved) {
        if (entry.session == sessionId)
            return {};
        return fail(Error::because(Error::Code::PolicyRefused, Cause{Reason::NumberTaken},
                                   u"number is reserved by another session"_s));
    }
    for (Entry& other : m_entries) {
        if (other.state == NumberState::Reserved && other.session == sessionId) {
            other.state = NumberState::Free;
            other.session.clear();
        }
    }
    entry.state = NumberState::Reserved;
    entry.session = sessionId;
    return save();
}

int NumberPool::release(const QString& sessionId)
{
    int released = 0;
    for (Entry& entry : m_entries) {
        if (entry.state == NumberState::Reserved && entry.session == sessionId) {
            entry.state = NumberState::Free;
            entry.session.clear();
            ++released;
        }
    }
    if (released > 0) {
        if (auto saved = save(); !saved)
            qCWarning(lcUi) << "number pool state not saved:" << saved.error().detail;
    }
    return released;
}

Result<void> NumberPool::markTaken(QStringView number, const QString& sessionId)
{
    auto it = m_index.constFind(number.toString());
    if (it == m_index.constEnd())
        return fail(Error::notFound(u"number is not in the outlet's pool"_s));
    Entry& entry = m_entries[*it];
    if (entry.state != NumberState::Reserved || entry.session != sessionId)
        return fail(Error::policyRefused(u"number is not reserved by this session"_s));
    entry.state = NumberState::Taken;
    entry.session.clear();
    return save();
}

int NumberPool::freeCount() const
{
    int count = 0;
    for (const Entry& entry : m_entries)
        count += entry.state == NumberState::Free ? 1 : 0;
    return count;
}

Result<void> NumberPool::save() const
{
    if (m_statePath.isEmpty())
        return {};
    QJsonArray taken;
    QJsonObject reserved;
    for (const Entry& entry : m_entries) {
        if (entry.state == NumberState::Taken)
            taken.append(entry.number.number);
        else if (entry.state == NumberState::Reserved)
            reserved.insert(entry.number.number, entry.session);
    }
    QSaveFile file(m_statePath);
    if (!file.open(QIODevice::WriteOnly))
        return fail(Error::storageFailure(u"number pool state cannot be written: "_s + file.errorString()));
    file.write(QJsonDocument(QJsonObject{{u"taken"_s, taken}, {u"reserved"_s, reserved}}).toJson());
    if (!file.commit())
        return fail(Error::storageFailure(u"number pool state cannot be written: "_s + file.errorString()));
    return {};
}

bool isMobileNumber(QStringView text)
{
    if (text.size() != 11 || text.front() != u'1')
        return false;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace shiming::catalog
