#include "core/face/FaceSettings.h"

#include "core/common/Logging.h"

#include <QSettings>
#include <QVariantMap>

#include <cmath>

using namespace Qt::StringLiterals;

namespace shiming::face {

namespace {

// The keys, as stored under "face/" and as HQ's settings feed names them, with where each goes.
struct Key {
    QStringView name;
    double FaceSettings::*member; ///< null: detectConfidence (a float)
};
const Key kKeys[] = {
    {u"passCosine", &FaceSettings::passCosine},
    {u"reviewCosine", &FaceSettings::reviewCosine},
    {u"detectConfidence", nullptr},
    {u"minFaceHeightPixels", &FaceSettings::minFaceHeightPixels},
    {u"maxFaceHeightFraction", &FaceSettings::maxFaceHeightFraction},
    {u"minSharpness", &FaceSettings::minSharpness},
    {u"minBrightness", &FaceSettings::minBrightness},
    {u"maxBrightness", &FaceSettings::maxBrightness},
    {u"maxYawDegrees", &FaceSettings::maxYawDegrees},
    {u"maxPitchDegrees", &FaceSettings::maxPitchDegrees},
    {u"minEyeOpenness", &FaceSettings::minEyeOpenness},
    {u"minLiveProbability", &FaceSettings::minLiveProbability},
};

} // namespace

bool FaceSettings::isValid() const
{
    return passCosine > -1.0 && passCosine <= 1.0 && reviewCosine > -1.0 && reviewCosine <= passCosine &&
           detectConfidence > 0.0f && detectConfidence < 1.0f && minBrightness < maxBrightness;
}

Result<FaceSettings> FaceSettings::fromMap(const QVariantMap& values, FaceSettings base)
{
    for (const Key& key : kKeys) {
        const auto found = values.constFind(key.name.toString());
        if (found == values.constEnd())
            continue;
        bool ok = false;
        const double value = found->toDouble(&ok);
        if (!ok || !std::isfinite(value) || found->typeId() == QMetaType::Bool)
            return fail(Error::invalidInput(u"face setting %1 is not a number"_s.arg(key.name)));
        if (key.member)
            base.*key.member = value;
        else
            base.detectConfidence = float(value);
    }
    if (!base.isValid())
        return fail(Error::invalidInput(
            u"face settings are inconsistent (review above pass, a cosine outside -1..1, or bad limits)"_s));
    return base;
}

Result<FaceSettings> FaceSettings::fromMap(const QVariantMap& values)
{
    return fromMap(values, FaceSettings{});
}

FaceSettings FaceSettings::fromSettings(QSettings& settings)
{
    QVariantMap values;
    settings.beginGroup(u"face"_s);
    for (const QString& key : settings.childKeys()) {
        bool ok = false;
        const double value = settings.value(key).toDouble(&ok);
        if (ok && std::isfinite(value))
            values.insert(key, value);
        else
            qCWarning(lcFace) << "face setting" << key << "is not a number; its default is kept";
    }
    settings.endGroup();
    auto result = fromMap(values);
    if (!result) {
        qCWarning(lcFace) << "face settings refused; using the calibrated defaults:" << result.error().detail;
        return FaceSettings{};
    }
    return *result;
}

void FaceSettings::save(QSettings& settings) const
{
    settings.beginGroup(u"face"_s);
    for (const Key& key : kKeys)
        settings.setValue(key.name.toString(), key.member ? this->*key.member : double(detectConfidence));
    settings.endGroup();
}

} // namespace shiming::face
