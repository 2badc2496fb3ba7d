#pragma once

#include "core/common/Error.h"

#include <QJsonObject>
#include <QTime>

namespace shiming::review {

/// The hall's daily compliance routine as HQ sets it (the settings feed's "compliance" item), with the defaults
/// that apply without one. Every value has a range; an item with any value out of it is refused whole.
///
///     {"spot_check_share": 0.1,
///      "opening_hours": {"open": "08:30", "close": "21:00"},
///      "alerts": {"same_identity_numbers": 2, "same_identity_hours": 24, "clerk_volume_factor": 3.0,
///                 "face_approvals_per_manager": 5}}
struct ComplianceSettings {
    /// The share of a day's records the duty manager checks (0.01 to 1; at least one record per clerk).
    double spotCheckShare = 0.10;
    /// The hall's opening hours (counter time). A day's spot check is drawn once the hall has closed.
    QTime opensAt{8, 30};
    QTime closesAt{21, 0};
    /// One identity with this many numbers (2 to 5) within `sameIdentityHours` (1 to 168) at this outlet.
    int sameIdentityNumbers = 2;
    int sameIdentityHours = 24;
    /// A clerk's day above this many times (1.5 to 20) the median of the outlet's clerks that day.
    double clerkVolumeFactor = 3.0;
    /// More manual face approvals than this (1 to 100) by one manager in one day.
    int faceApprovalsPerManager = 5;

    /// Reads HQ's item over the defaults: keys left out keep their default; an unknown key, a value of the wrong
    /// type or out of range, or opening hours that do not open before they close refuse the whole item
    /// (InvalidInput, English detail naming the key).
    static Result<ComplianceSettings> fromJson(const QJsonObject& object);
};

} // namespace shiming::review
