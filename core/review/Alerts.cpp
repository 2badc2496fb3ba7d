#include "core/review/Alerts.h"

#include "core/identity/Validators.h"

#include <QCryptographicHash>
#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shiming::review {

namespace {

AlertKind kindFromName(const QString& name)
{
    if (name == u"clerk_volume")
        return AlertKind::ClerkVolume;
    if (name == u"outside_hours")
        return AlertKind::OutsideHours;
    if (name == u"face_approvals")
        return AlertKind::FaceApprovals;
    return AlertKind::SameIdentity;
}

/// `uuids` in the order of `rows`.
QStringList inRowOrder(const QList<AlertInput>& rows, const QSet<QString>& uuids)
{
    QStringList ordered;
    for (const AlertInput& row : rows) {
        if (uuids.contains(row.uuid))
            ordered.append(row.uuid);
    }
    return ordered;
}

double median(QList<int> counts)
{
    std::sort(counts.begin(), counts.end());
    const qsizetype n = counts.size();
    if (n == 0)
        return 0.0;
    return n % 2 == 1 ? counts[n / 2] : (counts[n / 2 - 1] + counts[n / 2]) / 2.0;
}

} // namespace

QString alertKindName(AlertKind kind)
{
    switch (kind) {
    case AlertKind::SameIdentity:
        return u"same_identity"_s;
    case AlertKind::ClerkVolume:
        return u"clerk_volume"_s;
    case AlertKind::OutsideHours:
        return u"outside_hours"_s;
    case AlertKind::FaceApprovals:
        return u"face_approvals"_s;
    }
    return {};
}

QList<Alert> evaluateAlerts(const QList<AlertInput>& rows, QDate day, const ComplianceSettings& settings)
{
    QList<Alert> alerts;
    // Each row's local time once: the rules below ask for it several times per row.
    QHash<const AlertInput*, QDateTime> local;
    local.reserve(rows.size());
    for (const AlertInput& row : rows)
        local.insert(&row, row.time.toLocalTime());
    const auto onDay = [&](const AlertInput& row) {
        return local.value(&row).date() == day;
    };

    // One identity, several numbers within the window that ends at one of the day's registrations.
    QMap<QString, QList<const AlertInput*>> byIdentity;
    for (const AlertInput& row : rows) {
        if (!row.identity.isEmpty())
            byIdentity[row.identity].append(&row);
    }
    const qint64 window = qint64(settings.sameIdentityHours) * 3600;
    for (auto it = byIdentity.cbegin(); it != byIdentity.cend(); ++it) {
        QSet<QString> behind;
        int most = 0;
        for (const AlertInput* last : it.value()) {
            if (!onDay(*last))
                continue;
            QSet<QString> inWindow;
            for (const AlertInput* other : it.value()) {
                const qint64 before = other->time.secsTo(last->time);
                if (before >= 0 && before < window)
                    inWindow.insert(other->uuid);
            }
            if (inWindow.size() >= settings.sameIdentityNumbers) {
                behind.unite(inWindow);
                most = std::max(most, int(inWindow.size()));
            }
        }
        if (behind.isEmpty())
            continue;
        Alert alert;
        alert.day = day;
        alert.kind = AlertKind::SameIdentity;
        // Keyed by a digest, not the number: the key is also what the audit and HQ see.
        alert.key = u"same_identity:"_s +
                    QString::fromLatin1(
                        QCryptographicHash::hash(it.key().toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
        alert.subject = it.value().first()->maskedIdentity;
        alert.figure = most;
        alert.records = inRowOrder(rows, behind);
        alerts.append(alert);
    }

    // A clerk's day against the median of the clerks who worked that day.
    QMap<QString, QSet<QString>> byClerk;
    for (const AlertInput& row : rows) {
        if (onDay(row))
            byClerk[row.clerk].insert(row.uuid);
    }
    if (byClerk.size() >= 2) {
        QList<int> counts;
        for (const QSet<QString>& records : std::as_const(byClerk))
            counts.append(int(records.size()));
        const double middle = median(counts);
        for (auto it = byClerk.cbegin(); it != byClerk.cend(); ++it) {
            if (it.value().size() > settings.clerkVolumeFactor * middle) {
                Alert alert;
                alert.day = day;
                alert.kind = AlertKind::ClerkVolume;
                alert.key = u"clerk_volume:"_s + it.key();
                alert.subject = it.key();
                alert.figure = int(it.value().size());
                alert.reference = middle;
                alert.records = inRowOrder(rows, it.value());
                alerts.append(alert);
            }
        }
    }

    // Outside the opening hours.
    QSet<QString> outside;
    for (const AlertInput& row : rows) {
        const QTime at = local.value(&row).time();
        if (onDay(row) && (at < settings.opensAt || at >= settings.closesAt))
            outside.insert(row.uuid);
    }
    if (!outside.isEmpty()) {
        Alert alert;
        alert.day = day;
        alert.kind = AlertKind::OutsideHours;
        alert.key = u"outside_hours"_s;
        alert.subject = u"%1-%2"_s.arg(settings.opensAt.toString(u"HH:mm"_s), settings.closesAt.toString(u"HH:mm"_s));
        alert.figure = int(outside.size());
        alert.records = inRowOrder(rows, outside);
        alerts.append(alert);
    }

    // Manual face approvals by one manager.
    QMap<QString, QSet<QString>> byManager;
    for (const AlertInput& row : rows) {
        if (onDay(row) && !row.approvedBy.isEmpty())
            byManager[row.approvedBy].insert(row.uuid);
    }
    for (auto it = byManager.cbegin(); it != byManager.cend(); ++it) {
        if (it.value().size() > settings.faceApprovalsPerManager) {
            Alert alert;
            alert.day = day;
            alert.kind = AlertKind::FaceApprovals;
            alert.key = u"face_approvals:"_s + it.key();
            alert.subject = it.key();
            alert.figure = int(it.value().size());
            alert.records = inRowOrder(rows, it.value());
            alerts.append(alert);
        }
    }
    return alerts;
}

AlertRepository::AlertRepository(store::OutletStore& store)
    : m_store(store)
{}

Result<QList<AlertInput>> AlertRepository::inputs(QDate day, int lookbackHours)
{
    const QDate from = day.addDays(-((lookbackHours + 23) / 24));
    auto stmt = m_store.database().prepare(
        uR"sql(SELECT r.uuid, r.device_time, r.clerk, d.type, d.number, r.override_by, r.face_band
FROM registrations r LEFT JOIN documents d ON d.registration_id = r.id AND d.role = 'customer'
WHERE r.device_date BETWEEN ? AND ? AND r.voided_at IS NULL ORDER BY r.sequence)sql"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, from.toString(Qt::ISODate)).bind(2, day.toString(Qt::ISODate));
    QList<AlertInput> rows;
    auto read = store::forEachRow(*stmt, [&](store::Statement& s) {
        AlertInput row;
        row.uuid = s.text(0);
        row.time = s.dateTime(1);
        row.clerk = s.text(2);
        const QString number = s.text(4);
        if (!number.isEmpty()) {
            row.identity = s.text(3) + u':' + number;
            row.maskedIdentity = maskDocumentNumber(number);
        }
        if (s.text(6) == u"manual_review"_s)
            row.approvedBy = s.text(5);
        rows.append(row);
    });
    if (!read)
        return fail(read.error());
    return rows;
}

Result<QList<Alert>> AlertRepository::refresh(QDate day, const ComplianceSettings& settings)
{
    auto rows = inputs(day, settings.sameIdentityHours);
    if (!rows)
        return fail(rows.error());
    const QList<Alert> firing = evaluateAlerts(*rows, day, settings);
    auto stored = m_store.inTransaction([&]() -> Result<void> {
        for (const Alert& alert : firing) {
            auto existing = m_store.database().prepare(
                u"SELECT id, figure, reference, records FROM alerts WHERE day = ? AND alert_key = ?"_s);
            if (!existing)
                return fail(existing.error());
            existing->bind(1, day.toString(Qt::ISODate)).bind(2, alert.key);
            auto found = existing->step();
            if (!found)
                return fail(found.error());
            if (*found) {
                // After most commits nothing changed: no write on the counter's path then.
                const QString records = alert.records.join(u',');
                if (existing->int64(1) >= alert.figure && existing->real(2) == alert.reference &&
                    existing->text(3) == records)
                    continue;
                auto update = m_store.database().prepare(
                    u"UPDATE alerts SET figure = max(figure, ?), reference = ?, records = ? WHERE id = ?"_s);
                if (!update)
                    return fail(update.error());
                update->bind(1, qint64(alert.figure))
                    .bind(2, alert.reference)
                    .bind(3, records)
                    .bind(4, existing->int64(0));
                if (auto r = update->run(); !r)
                    return r;
                continue;
            }
            auto insert = m_store.database().prepare(
                u"INSERT INTO alerts (day, kind, alert_key, subject, figure, reference, records, raised_at) "
                u"VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
            if (!insert)
                return fail(insert.error());
            insert->bind(1, day.toString(Qt::ISODate))
                .bind(2, alertKindName(alert.kind))
                .bind(3, alert.key)
                .bind(4, alert.subject)
                .bind(5, qint64(alert.figure))
                .bind(6, alert.reference)
                .bind(7, alert.records.join(u','))
                .bind(8, m_store.clock().now());
            if (auto r = insert->run(); !r)
                return r;
            if (auto r = m_store.audit().append(
                    audit::AlertRaised, u"system"_s, {},
                    u"day %1, %2, figure %3"_s.arg(day.toString(Qt::ISODate), alertKindName(alert.kind))
                        .arg(alert.figure));
                !r)
                return fail(r.error());
        }
        return {};
    });
    if (!stored)
        return fail(stored.error());
    return list(day);
}

Result<QList<Alert>> AlertRepository::list(QDate day)
{
    auto stmt = m_store.database().prepare(
        u"SELECT id, kind, alert_key, subject, figure, reference, records, raised_at, acknowledged_by, "
        u"acknowledged_at, note FROM alerts WHERE day = ? ORDER BY acknowledged_by IS NOT NULL, id"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, day.toString(Qt::ISODate));
    QList<Alert> alerts;
    auto read = store::forEachRow(*stmt, [&](store::Statement& s) {
        Alert alert;
        alert.id = s.int64(0);
        alert.day = day;
        alert.kind = kindFromName(s.text(1));
        alert.key = s.text(2);
        alert.subject = s.text(3);
        alert.figure = int(s.int64(4));
        alert.reference = s.real(5);
        alert.records = s.text(6).split(u',', Qt::SkipEmptyParts);
        alert.raisedAt = s.dateTime(7);
        alert.acknowledgedBy = s.text(8);
        alert.acknowledgedAt = s.dateTime(9);
        alert.note = s.text(10);
        alerts.append(alert);
    });
    if (!read)
        return fail(read.error());
    return alerts;
}

Result<void> AlertRepository::acknowledge(qint64 id, const QString& note, const QString& manager)
{
    if (note.trimmed().isEmpty())
        return fail(Error::invalidInput(u"an acknowledgement needs a note saying what was found"_s));
    return m_store.inTransaction([&]() -> Result<void> {
        auto stmt = m_store.database().prepare(u"UPDATE alerts SET acknowledged_by = ?, acknowledged_at = ?, note = ? "
                                               u"WHERE id = ? AND acknowledged_by IS NULL"_s);
        if (!stmt)
            return fail(stmt.error());
        stmt->bind(1, manager).bind(2, m_store.clock().now()).bind(3, note.trimmed()).bind(4, id);
        if (auto r = stmt->run(); !r)
            return r;
        if (m_store.database().changes() == 0)
            return fail(Error::notFound(u"no unacknowledged alert %1"_s.arg(id)));
        return asVoid(m_store.audit().append(audit::AlertAcknowledged, manager, {}, u"alert %1"_s.arg(id)));
    });
}

} // namespace shiming::review
