#pragma once

#include "core/common/Error.h"

#include <QString>
#include <QVariantMap>

class QSettings;

namespace shiming::face {

/// Decision thresholds and quality limits. The defaults are calibrated with face-eval on live-vs-chip pairs
/// (docs/face.md); HQ may push other values down, which are stored under the "face/" group of the settings.
struct FaceSettings {
    /// Cosine at or above which a comparison passes. Calibrated to keep false accepts at or below 0.1 %.
    double passCosine = 0.37;
    /// Cosine at or above which (and below passCosine) a manager reviews; below it the comparison fails.
    double reviewCosine = 0.25;

    /// Detector confidence for a face to count.
    float detectConfidence = 0.7f;

    // Quality gate for the live photo.
    double minFaceHeightPixels = 80.0;
    double maxFaceHeightFraction = 0.95;
    double minSharpness = 25.0;  ///< variance of the Laplacian on the aligned 112×112 face
    double minBrightness = 60.0; ///< mean grey level on the aligned face
    double maxBrightness = 205.0;
    double maxYawDegrees = 25.0;
    double maxPitchDegrees = 25.0;
    double minEyeOpenness = 0.12;

    /// Passive liveness: below this live probability the comparison cannot pass on its own.
    double minLiveProbability = 0.5;

    /// Reads the "face/" keys that are present; absent or invalid keys keep their defaults. Inconsistent
    /// thresholds (review above pass, outside −1…1) are refused as a whole and the defaults kept.
    static FaceSettings fromSettings(QSettings& settings);
    /// `base` with the keys of `values` that are present (the same names: passCosine, reviewCosine, ...; HQ's
    /// settings feed sends them as its "face" item). A value that is not a number, or a result that is
    /// inconsistent, refuses the whole map (InvalidInput naming the problem); unknown keys are ignored.
    static Result<FaceSettings> fromMap(const QVariantMap& values, FaceSettings base);
    static Result<FaceSettings> fromMap(const QVariantMap& values);
    void save(QSettings& settings) const;
    bool isValid() const;
};

} // namespace shiming::face
