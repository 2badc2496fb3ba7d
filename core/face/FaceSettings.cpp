#include "core/face/FaceSettings.h"

#include "core/common/Logging.h"

#include <QSettings>

#include <cmath>

using namespace Qt::StringLiterals;

namespace shiming::face {

namespace {

void readDouble(QSettings& settings, const QString& key, double& target)
{
    if (!settings.contains(key))
        return;
    bool ok = false;
    const double value = settings.value(key).toDouble(&ok);
    if (ok && std::isfinite(value))
        target = value;
}

} // namespace

bool FaceSettings::isValid() const
{
    return passCosine > -1.0 && passCosine <= 1.0 && reviewCosine > -1.0 && reviewCosine <= passCosine &&
           detectConfidence > 0.0f && detectConfidence < 1.0f && minBrightness < maxBrightness;
}

FaceSettings FaceSettings::fromSettings(QSettings& settings)
{
    FaceSettings result;
    settings.beginGroup(u"face"_s);
    readDouble(settings, u"passCosine"_s, result.passCosine);
    readDouble(settings, u"reviewCosine"_s, result.reviewCosine);
    double confidence = result.detectConfidence;
    readDouble(settings, u"detectConfidence"_s, confidence);
    result.detectConfidence = float(confidence);
    readDouble(settings, u"minFaceHeightPixels"_s, result.minFaceHeightPixels);
    readDouble(settings, u"minSharpness"_s, result.minSharpness);
    readDouble(settings, u"minBrightness"_s, result.minBrightness);
    readDouble(settings, u"maxBrightness"_s, result.maxBrightness);
    readDouble(settings, u"maxYawDegrees"_s, result.maxYawDegrees);
    readDouble(settings, u"maxPitchDegrees"_s, result.maxPitchDegrees);
    readDouble(settings, u"minEyeOpenness"_s, result.minEyeOpenness);
    readDouble(settings, u"minLiveProbability"_s, result.minLiveProbability);
    settings.endGroup();
    if (!result.isValid()) {
        qCWarning(lcFace) << "face settings are inconsistent; using the calibrated defaults";
        return FaceSettings{};
    }
    return result;
}

void FaceSettings::save(QSettings& settings) const
{
    settings.beginGroup(u"face"_s);
    settings.setValue(u"passCosine"_s, passCosine);
    settings.setValue(u"reviewCosine"_s, reviewCosine);
    settings.setValue(u"detectConfidence"_s, double(detectConfidence));
    settings.setValue(u"minFaceHeightPixels"_s, minFaceHeightPixels);
    settings.setValue(u"minSharpness"_s, minSharpness);
    settings.setValue(u"minBrightness"_s, minBrightness);
    settings.setValue(u"maxBrightness"_s, maxBrightness);
    settings.setValue(u"maxYawDegrees"_s, maxYawDegrees);
    settings.setValue(u"maxPitchDegrees"_s, maxPitchDegrees);
    settings.setValue(u"minEyeOpenness"_s, minEyeOpenness);
    settings.setValue(u"minLiveProbability"_s, minLiveProbability);
    settings.endGroup();
}

} // namespace shiming::face
