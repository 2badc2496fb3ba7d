#include "core/review/ComplianceSettings.h"

#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace shiming::review {

namespace {

Result<void> unknownKeys(const QJsonObject& object, const QSet<QString>& known, QStringView where)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            return fail(Error::invalidInput(u"compliance settings: unknown key %1%2"_s.arg(where, it.key())));
    }
    return {};
}

Result<double> number(const QJsonObject& object, const QString& key, double fallback, double low, double high)
{
    if (!object.contains(key))
        return fallback;
    const QJsonValue value = object.value(key);
    if (!value.isDouble() || !std::isfinite(value.toDouble()) || value.toDouble() < low || value.toDouble() > high)
        return fail(Error::invalidInput(
            u"compliance settings: %1 must be a number from %2 to %3"_s.arg(key).arg(low).arg(high)));
    return value.toDouble();
}

Result<int> whole(const QJsonObject& object, const QString& key, int fallback, int low, int high)
{
    auto value = number(object, key, fallback, low, high);
    if (!value)
        return fail(value.error());
    if (*value != std::floor(*value))
        return fail(Error::invalidInput(u"compliance settings: %1 must be a whole number"_s.arg(key)));
    return int(*value);
}

Result<QTime> clockTime(const QJsonObject& object, const QString& key, QTime fallback)
{
    if (!object.contains(key))
        return fallback;
    const QTime time = QTime::fromString(object.value(key).toString(), u"HH:mm"_s);
    if (!object.value(key).isString() || !time.isValid())
        return fail(Error::invalidInput(u"compliance settings: opening_hours.%1 must be HH:MM"_s.arg(key)));
    return time;
}

} // namespace

Result<ComplianceSettings> ComplianceSettings::fromJson(const QJsonObject& object)
{
    ComplianceSettings s;
    if (auto r = unknownKeys(object, {u"spot_check_share"_s, u"opening_hours"_s, u"alerts"_s}, u""); !r)
        return fail(r.error());
    auto share = number(object, u"spot_check_share"_s, s.spotCheckShare, 0.01, 1.0);
    if (!share)
        return fail(share.error());
    s.spotCheckShare = *share;

    if (object.contains(u"opening_hours"_s)) {
        if (!object.value(u"opening_hours"_s).isObject())
            return fail(Error::invalidInput(u"compliance settings: opening_hours must be an object"_s));
        const QJsonObject hours = object.value(u"opening_hours"_s).toObject();
        if (auto r = unknownKeys(hours, {u"open"_s, u"close"_s}, u"opening_hours."); !r)
            return fail(r.error());
        auto open = clockTime(hours, u"open"_s, s.opensAt);
        if (!open)
            return fail(open.error());
        auto close = clockTime(hours, u"close"_s, s.closesAt);
        if (!close)
            return fail(close.error());
        if (*open >= *close)
            return fail(Error::invalidInput(u"compliance settings: the hall must open before it closes"_s));
        s.opensAt = *open;
        s.closesAt = *close;
    }

    if (object.contains(u"alerts"_s)) {
        if (!object.value(u"alerts"_s).isObject())
            return fail(Error::invalidInput(u"compliance settings: alerts must be an object"_s));
        const QJsonObject alerts = object.value(u"alerts"_s).toObject();
        if (auto r = unknownKeys(alerts,
                                 {u"same_identity_numbers"_s, u"same_identity_hours"_s, u"clerk_volume_factor"_s,
                                  u"face_approvals_per_manager"_s},
                                 u"alerts.");
            !r)
            return fail(r.error());
        auto numbers = whole(alerts, u"same_identity_numbers"_s, s.sameIdentityNumbers, 2, 5);
        if (!numbers)
            return fail(numbers.error());
        auto hours = whole(alerts, u"same_identity_hours"_s, s.sameIdentityHours, 1, 168);
        if (!hours)
            return fail(hours.error());
        auto factor = number(alerts, u"clerk_volume_factor"_s, s.clerkVolumeFactor, 1.5, 20.0);
        if (!factor)
            return fail(factor.error());
        auto approvals = whole(alerts, u"face_approvals_per_manager"_s, s.faceApprovalsPerManager, 1, 100);
        if (!approvals)
            return fail(approvals.error());
        s.sameIdentityNumbers = *numbers;
        s.sameIdentityHours = *hours;
        s.clerkVolumeFactor = *factor;
        s.faceApprovalsPerManager = *approvals;
    }
    return s;
}

} // namespace shiming::review
