#include "core/review/SpotCheck.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace shiming::review {

namespace {

constexpr int kSeedBytes = 32;

SpotVerdict verdictFromName(const QString& name)
{
    if (name == u"ok")
        return SpotVerdict::Ok;
    if (name == u"problem")
        return SpotVerdict::Problem;
    return SpotVerdict::Unchecked;
}

} // namespace

QString spotVerdictName(SpotVerdict verdict)
{
    switch (verdict) {
    case SpotVerdict::Ok:
        return u"ok"_s;
    case SpotVerdict::Problem:
        return u"problem"_s;
    case SpotVerdict::Unchecked:
        break;
    }
    return u"unchecked"_s;
}

int SpotCheck::checked() const
{
    return int(std::count_if(items.cbegin(), items.cend(),
                             [](const SpotCheckItem& item) { return item.verdict != SpotVerdict::Unchecked; }));
}

int SpotCheck::problems() const
{
    return int(std::count_if(items.cbegin(), items.cend(),
                             [](const SpotCheckItem& item) { return item.verdict == SpotVerdict::Problem; }));
}

QStringList drawSample(const QList<SpotCandidate>& population, const QByteArray& seed, double share)
{
    struct Ranked {
        QByteArray rank;
        int index;
    };
    QList<Ranked> ranked;
    ranked.reserve(population.size());
    for (int i = 0; i < population.size(); ++i)
        ranked.append(
            {QMessageAuthenticationCode::hash(population[i].uuid.toUtf8(), seed, QCryptographicHash::Sha256), i});
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.rank < b.rank; });
    const int wanted = population.isEmpty() ? 0 : int(std::ceil(share * population.size() - 1e-9));
    QSet<int> chosen;
    QSet<QString> clerksSampled;
    for (int i = 0; i < wanted && i < ranked.size(); ++i) {
        chosen.insert(ranked[i].index);
        clerksSampled.insert(population[ranked[i].index].clerk);
    }
    // Every clerk who worked that day: their best-ranked record when the share drew none of theirs.
    for (const Ranked& r : std::as_const(ranked)) {
        const QString& clerk = population[r.index].clerk;
        if (!clerksSampled.contains(clerk)) {
            clerksSampled.insert(clerk);
            chosen.insert(r.index);
        }
    }
    QStringList sample;
    for (int i = 0; i < population.size(); ++i) {
        if (chosen.contains(i))
            sample.append(population[i].uuid);
    }
    return sample;
}

SpotCheckRepository::SpotCheckRepository(store::OutletStore& store)
    : m_store(store)
{}

Result<QList<SpotCandidate>> SpotCheckRepository::population(QDate day)
{
    auto stmt = m_store.database().prepare(u"SELECT uuid, clerk FROM registrations WHERE device_date = ? AND "
                                           u"voided_at IS NULL AND purged_at IS NULL ORDER BY sequence"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, day.toString(Qt::ISODate));
    QList<SpotCandidate> candidates;
    if (auto r = store::forEachRow(*stmt, [&](store::Statement& s) { candidates.append({s.text(0), s.text(1)}); }); !r)
        return fail(r.error());
    return candidates;
}

Result<std::optional<SpotCheck>> SpotCheckRepository::load(QDate day)
{
    auto head = m_store.database().prepare(
        u"SELECT drawn_at, drawn_by, share, seed, population FROM spot_checks WHERE day = ?"_s);
    if (!head)
        return fail(head.error());
    head->bind(1, day.toString(Qt::ISODate));
    auto found = head->step();
    if (!found)
        return fail(found.error());
    if (!*found)
        return std::optional<SpotCheck>();
    SpotCheck check;
    check.day = day;
    check.drawnAt = head->dateTime(0);
    check.drawnBy = head->text(1);
    check.share = head->real(2);
    check.seed = head->blob(3);
    check.population = int(head->int64(4));

    auto items = m_store.database().prepare(
        u"SELECT i.record_uuid, r.clerk, r.sequence, i.verdict, i.note, i.checked_by, i.checked_at "
        u"FROM spot_check_items i LEFT JOIN registrations r ON r.uuid = i.record_uuid "
        u"WHERE i.day = ? ORDER BY r.sequence"_s);
    if (!items)
        return fail(items.error());
    items->bind(1, day.toString(Qt::ISODate));
    if (auto r = store::forEachRow(*items,
                                   [&](store::Statement& s) {
                                       check.items.append({s.text(0), s.text(1), s.int64(2), verdictFromName(s.text(3)),
                                                           s.text(4), s.text(5), s.dateTime(6)});
                                   });
        !r)
        return fail(r.error());
    return std::optional<SpotCheck>(std::move(check));
}

Result<SpotCheck> SpotCheckRepository::draw(QDate day, double share, const QString& manager)
{
    if (!day.isValid() || !(share > 0.0 && share <= 1.0))
        return fail(Error::invalidInput(u"a spot check needs a day and a share above 0 and at most 1"_s));
    auto result = m_store.inTransaction([&]() -> Result<void> {
        auto existing = load(day);
        if (!existing)
            return fail(existing.error());
        if (*existing)
            return fail(Error::policyRefused(u"the spot check of %1 was drawn already, by %2 at %3; it is not drawn "
                                             u"again"_s.arg(day.toString(Qt::ISODate), (*existing)->drawnBy,
                                                            (*existing)->drawnAt.toString(Qt::ISODate))));
        auto candidates = population(day);
        if (!candidates)
            return fail(candidates.error());
        QByteArray seed(kSeedBytes, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(seed.data()), kSeedBytes / 4);
        const QStringList sample = drawSample(*candidates, seed, share);

        auto head = m_store.database().prepare(u"INSERT INTO spot_checks (day, drawn_at, drawn_by, share, seed, "
                                               u"population) VALUES (?, ?, ?, ?, ?, ?)"_s);
        if (!head)
            return fail(head.error());
        head->bind(1, day.toString(Qt::ISODate))
            .bind(2, m_store.clock().now())
            .bind(3, manager)
            .bind(4, share)
            .bind(5, seed)
            .bind(6, qint64(candidates->size()));
        if (auto r = head->run(); !r)
            return r;
        auto item = m_store.database().prepare(u"INSERT INTO spot_check_items (day, record_uuid) VALUES (?, ?)"_s);
        if (!item)
            return fail(item.error());
        for (const QString& uuid : sample) {
            item->reset();
            item->bind(1, day.toString(Qt::ISODate)).bind(2, uuid);
            if (auto r = item->run(); !r)
                return r;
        }
        return asVoid(m_store.audit().append(
            audit::SpotCheckDrawn, manager, {},
            u"day %1, share %2, population %3, sampled %4, seed %5"_s.arg(day.toString(Qt::ISODate))
                .arg(share)
                .arg(candidates->size())
                .arg(sample.size())
                .arg(QString::fromLatin1(seed.toHex()))));
    });
    if (!result)
        return fail(result.error());
    auto drawn = load(day);
    if (!drawn)
        return fail(drawn.error());
    return std::move(**drawn);
}

Result<void> SpotCheckRepository::mark(QDate day, const QString& uuid, SpotVerdict verdict, const QString& note,
                                       const QString& manager)
{
    if (verdict == SpotVerdict::Unchecked)
        return fail(Error::invalidInput(u"a spot check marks a record OK or a problem"_s));
    if (verdict == SpotVerdict::Problem && note.trimmed().isEmpty())
        return fail(Error::invalidInput(u"a problem needs a note saying what is wrong"_s));
    return m_store.inTransaction([&]() -> Result<void> {
        auto stmt = m_store.database().prepare(u"UPDATE spot_check_items SET verdict = ?, note = ?, checked_by = ?, "
                                               u"checked_at = ?, sent_at = NULL WHERE day = ? AND record_uuid = ?"_s);
        if (!stmt)
            return fail(stmt.error());
        stmt->bind(1, spotVerdictName(verdict))
            .bind(2, verdict == SpotVerdict::Problem ? note.trimmed() : QString())
            .bind(3, manager)
            .bind(4, m_store.clock().now())
            .bind(5, day.toString(Qt::ISODate))
            .bind(6, uuid);
        if (auto r = stmt->run(); !r)
            return r;
        if (m_store.database().changes() == 0)
            return fail(Error::notFound(u"the record is not in the spot check of %1"_s.arg(day.toString(Qt::ISODate))));
        return asVoid(m_store.audit().append(audit::SpotCheckMarked, manager, uuid, spotVerdictName(verdict)));
    });
}

} // namespace shiming::review
