#pragma once

#include "core/common/Error.h"
#include "core/store/OutletStore.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace shiming::review {

/// What the duty manager found on a sampled record.
enum class SpotVerdict { Unchecked, Ok, Problem };
/// "unchecked", "ok", "problem".
QString spotVerdictName(SpotVerdict verdict);

struct SpotCheckItem {
    QString uuid;
    QString clerk;
    qint64 sequence = 0;
    SpotVerdict verdict = SpotVerdict::Unchecked;
    QString note; ///< the manager's words on a problem (stored in the encrypted database only)
    QString checkedBy;
    QDateTime checkedAt;
};

/// One day's spot check: drawn once, by whom and when, with the seed that makes the draw reproducible.
struct SpotCheck {
    QDate day;
    QDateTime drawnAt;
    QString drawnBy;
    double share = 0.0;
    QByteArray seed;            ///< 32 random bytes, also in the audit entry spot_check_drawn (hex)
    int population = 0;         ///< the day's records that could be drawn (not voided, not purged)
    QList<SpotCheckItem> items; ///< in the day's order

    int checked() const;
    int problems() const;
};

/// A record that can be drawn.
struct SpotCandidate {
    QString uuid;
    QString clerk;
};

/// The sample of `population` under `seed`: records ranked by HMAC-SHA256(seed, uuid), the first
/// ceil(share x n) of them, then for each clerk with none sampled that clerk's best-ranked record. The same
/// population and seed always give the same sample, so an auditor recomputes it from the audit entry's seed;
/// the seed is drawn only when the day is drawn, so nobody can tell beforehand which records will be checked.
/// Returns the sampled uuids in the population's order.
QStringList drawSample(const QList<SpotCandidate>& population, const QByteArray& seed, double share);

namespace audit {
inline constexpr QStringView SpotCheckDrawn = u"spot_check_drawn";
inline constexpr QStringView SpotCheckMarked = u"spot_check_marked";
} // namespace audit

/// The spot checks in the outlet store (tables spot_checks, spot_check_items). Role checks are the caller's
/// (core/outlet/SpotChecks).
class SpotCheckRepository {
public:
    explicit SpotCheckRepository(store::OutletStore& store);

    /// The day's spot check, or nothing when it has not been drawn.
    Result<std::optional<SpotCheck>> load(QDate day);
    /// The day's records that can be drawn, in their order.
    Result<QList<SpotCandidate>> population(QDate day);
    /// Draws the day's sample with a fresh random seed and records it with the audit entry spot_check_drawn
    /// (share, population, sample size, seed), in one transaction. A day is drawn once: a second draw is refused
    /// (PolicyRefused) and the first one stays.
    Result<SpotCheck> draw(QDate day, double share, const QString& manager);
    /// Marks a sampled record OK, or a problem with a note (required). A verdict can be changed; each marking is
    /// audited as spot_check_marked with the verdict (never the note). A record not in the day's sample is
    /// refused (NotFound).
    Result<void> mark(QDate day, const QString& uuid, SpotVerdict verdict, const QString& note, const QString& manager);

private:
    store::OutletStore& m_store;
};

} // namespace shiming::review
