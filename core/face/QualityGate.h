#pragma once

#include "core/face/FaceIssue.h"
#include "core/face/FaceSettings.h"
#include "core/face/FaceTypes.h"

#include <QJsonObject>
#include <QList>

namespace shiming::face {

/// One measured property of a live photo, its limit and whether it passed.
struct QualityCheck {
    FaceIssue issue; ///< what fails when `ok` is false
    QString name;    ///< "face_count", "face_size", "sharpness", "brightness", "yaw", "pitch", "eyes"
    double value = 0.0;
    bool ok = true;
};

/// The quality gate's verdict on one live photo: every check, with the first failing one's instruction.
struct QualityReport {
    QList<QualityCheck> checks;

    bool passed() const;
    /// The issues of the failed checks, in the order the clerk should fix them.
    QList<FaceIssue> issues() const;
    QJsonObject toJson() const;
};

/// Measurements of one face the gate judges. Sharpness and brightness are taken on the aligned face so that
/// they do not depend on the distance to the camera.
struct QualityInput {
    cv::Size imageSize;
    int faceCount = 0;
    FaceBox face;
    Landmarks68 landmarks;
    cv::Mat alignedGrey; ///< the aligned face, 8-bit grey
};

/// Decides whether a live photo is good enough to compare: exactly one face, size, sharpness (variance of the
/// Laplacian), exposure, pose (yaw and pitch from landmarks) and open eyes.
class QualityGate {
public:
    explicit QualityGate(FaceSettings settings = {})
        : m_settings(settings)
    {}

    QualityReport assess(const QualityInput& input) const;

    /// Variance of the Laplacian of a grey image: low when blurred.
    static double sharpness(const cv::Mat& grey);

private:
    FaceSettings m_settings;
};

} // namespace shiming::face
