#include "core/face/QualityGate.h"

#include "core/face/FaceEngine.h"
#include "core/face/FaceGeometry.h"

#include <opencv2/imgproc.hpp>

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace shiming::face {

bool QualityReport::passed() const
{
    for (const QualityCheck& check : checks) {
        if (!check.ok)
            return false;
    }
    return true;
}

QList<FaceIssue> QualityReport::issues() const
{
    QList<FaceIssue> result;
    for (const QualityCheck& check : checks) {
        if (!check.ok && !result.contains(check.issue))
            result.append(check.issue);
    }
    return result;
}

QJsonObject QualityReport::toJson() const
{
    QJsonObject object;
    object.insert(u"passed"_s, passed());
    QJsonObject values;
    for (const QualityCheck& check : checks)
        values.insert(check.name, std::round(check.value * 1000.0) / 1000.0);
    object.insert(u"measures"_s, values);
    QJsonArray issueNames;
    for (FaceIssue issue : issues())
        issueNames.append(faceIssueName(issue));
    object.insert(u"issues"_s, issueNames);
    return object;
}

double QualityGate::sharpness(const cv::Mat& grey)
{
    if (grey.empty())
        return 0.0;
    cv::Mat laplacian;
    cv::Laplacian(grey, laplacian, CV_64F);
    cv::Scalar mean, stddev;
    cv::meanStdDev(laplacian, mean, stddev);
    return stddev[0] * stddev[0];
}

QualityReport QualityGate::assess(const QualityInput& in) const
{
    QualityReport report;
    const auto add = [&](FaceIssue issue, const QString& name, double value, bool ok) {
        report.checks.append(QualityCheck{issue, name, value, ok});
    };
    add(in.faceCount == 0 ? FaceIssue::NoFace : FaceIssue::SeveralFaces, u"face_count"_s, in.faceCount,
        in.faceCount == 1);
    if (in.faceCount == 0)
        return report;

    const double height = in.face.rect.height;
    if (height < m_settings.minFaceHeightPixels)
        add(FaceIssue::FaceTooSmall, u"face_height"_s, height, false);
    else
        add(FaceIssue::FaceTooLarge, u"face_height"_s, height,
            height <= m_settings.maxFaceHeightFraction * in.imageSize.height);

    // A face whose box or landmarks leave the frame is cut off: part of what is compared is a guess.
    const cv::Rect2f frame(0, 0, float(in.imageSize.width), float(in.imageSize.height));
    const double boxInside = (in.face.rect & frame).area() / std::max(1.0f, in.face.rect.area());
    const double pointsInside = 1.0 - landmarksOutside(in.landmarks, in.imageSize) / 68.0;
    add(FaceIssue::FaceAtEdge, u"inside_frame"_s, std::min(boxInside, pointsInside),
        boxInside >= 0.9 && pointsInside >= 1.0);

    if (!in.alignedGrey.empty()) {
        // Only the central part of the aligned face: the corners hold background and black warp borders.
        const cv::Rect centre(in.alignedGrey.cols / 4, in.alignedGrey.rows / 4, in.alignedGrey.cols / 2,
                              in.alignedGrey.rows * 5 / 8);
        const cv::Mat face = in.alignedGrey(centre & cv::Rect(0, 0, in.alignedGrey.cols, in.alignedGrey.rows));
        const double sharp = sharpness(face);
        add(FaceIssue::Blurry, u"sharpness"_s, sharp, sharp >= m_settings.minSharpness);
        const double brightness = cv::mean(face)[0];
        if (brightness < m_settings.minBrightness)
            add(FaceIssue::TooDark, u"brightness"_s, brightness, false);
        else
            add(FaceIssue::TooBright, u"brightness"_s, brightness, brightness <= m_settings.maxBrightness);
    }

    const double yaw = geometry::yawDegrees(in.landmarks);
    add(FaceIssue::TurnedSideways, u"yaw_degrees"_s, yaw, std::abs(yaw) <= m_settings.maxYawDegrees);
    const double pitch = geometry::pitchDegrees(in.landmarks);
    add(FaceIssue::TiltedUpDown, u"pitch_degrees"_s, pitch, std::abs(pitch) <= m_settings.maxPitchDegrees);
    const double eyes = geometry::eyeOpenness(in.landmarks);
    add(FaceIssue::EyesClosed, u"eye_openness"_s, eyes, eyes >= m_settings.minEyeOpenness);
    return report;
}

} // namespace shiming::face
