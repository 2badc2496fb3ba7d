#pragma once

#include "core/common/Error.h"
#include "core/review/ComplianceSettings.h"
#include "core/store/OutletStore.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace shiming::review {

/// The unusual patterns a hall reviews (thresholds in ComplianceSettings).
enum class AlertKind {
    SameIdentity,  ///< one identity with several numbers in a short time at this outlet
    ClerkVolume,   ///< a clerk's day far above the median of the outlet's clerks
    OutsideHours,  ///< registrations outside the hall's opening hours
    FaceApprovals, ///< many manual face approvals by one manager in a day
};
/// "same_identity", "clerk_volume", "outside_hours", "face_approvals".
QString alertKindName(AlertKind kind);

struct Alert {
    qint64 id = 0; ///< 0 until stored
    QDate day;
    AlertKind kind = AlertKind::SameIdentity;
    QString key;     ///< unique within the day: the kind and what it is about
    QString subject; ///< what it is about, for the screen: a clerk's or manager's account, a masked document number
    int figure = 0;  ///< the count behind it (numbers, registrations, approvals)
    double reference = 0.0; ///< ClerkVolume: the median it is compared with
    QStringList records;    ///< the registrations behind it, in their order
    QDateTime raisedAt;
    QString acknowledgedBy;
    QDateTime acknowledgedAt;
    QString note; ///< the manager's words on acknowledging (encrypted database only)

    bool acknowledged() const { return !acknowledgedBy.isEmpty(); }
};

/// One registration as the rules read it.
struct AlertInput {
    QString uuid;
    QDateTime time; ///< the counter's time
    QString clerk;
    QString identity;       ///< the customer's document, "type:number" (empty: none)
    QString maskedIdentity; ///< its number masked, for the screen
    QString approvedBy;     ///< the manager who approved a manual face review (empty: none)
};

/// The rules on `day`'s registrations (and, for SameIdentity, those of the hours before it in `rows`):
/// - SameIdentity: an identity with at least sameIdentityNumbers registrations within sameIdentityHours, one of
///   them on `day`;
/// - ClerkVolume: a clerk's count on `day` above clerkVolumeFactor x the median count of the clerks who worked
///   that day (never with one clerk);
/// - OutsideHours: registrations before opensAt or from closesAt on (local time);
/// - FaceApprovals: more than faceApprovalsPerManager manual face approvals by one manager.
/// Pure: the same rows and settings give the same alerts.
QList<Alert> evaluateAlerts(const QList<AlertInput>& rows, QDate day, const ComplianceSettings& settings);

namespace audit {
inline constexpr QStringView AlertRaised = u"alert_raised";
inline constexpr QStringView AlertAcknowledged = u"alert_acknowledged";
} // namespace audit

/// The alerts in the outlet store (table alerts). Role checks are the caller's (core/outlet/Alerts).
class AlertRepository {
public:
    explicit AlertRepository(store::OutletStore& store);

    /// The registrations the rules read for `day`: that day's and those of `lookbackHours` before it, not voided.
    Result<QList<AlertInput>> inputs(QDate day, int lookbackHours);
    /// Evaluates the rules on `day` and stores what fires: a new alert is inserted and audited (alert_raised,
    /// kind and figure only); one raised before keeps its acknowledgement and gets the records it has now. An
    /// alert that no longer fires (a record voided since) stays: it was raised. Returns the day's alerts.
    Result<QList<Alert>> refresh(QDate day, const ComplianceSettings& settings);
    /// The day's alerts, unacknowledged first, then in the order they were raised.
    Result<QList<Alert>> list(QDate day);
    /// The manager acknowledges an alert with a note (required); audited as alert_acknowledged (never the note).
    Result<void> acknowledge(qint64 id, const QString& note, const QString& manager);

private:
    store::OutletStore& m_store;
};

} // namespace shiming::review
