#pragma once

#include "core/face/FaceTypes.h"

#include <opencv2/core.hpp>

namespace shiming::face {

/// Geometry on landmarks: the five alignment points, the alignment itself, head pose and eye openness.
namespace geometry {

/// Eye centres (mean of each eye's six contour points), nose tip (30), mouth corners (48, 54).
FivePoints fivePoints(const Landmarks68& landmarks);

/// For each of the 68 points, the index of its mirror-image partner (left eye corner ↔ right eye corner, …).
const std::array<int, 68>& mirroredLandmarkIndex();

/// The standard ArcFace 112×112 positions of the five points, scaled to `size`.
FivePoints arcFaceTemplate(cv::Size size);

/// Least-squares similarity transform (rotation, uniform scale, translation; no shear, no reflection) mapping
/// `from` onto `to`, as a 2×3 matrix for cv::warpAffine.
cv::Mat similarityTransform(const FivePoints& from, const FivePoints& to);

/// Warps the face onto the ArcFace template; the result has `size` and the input's type.
cv::Mat alignFace(const cv::Mat& image, const FivePoints& points, cv::Size size);

/// As alignFace(), but a face much larger than the template is first shrunk by area averaging, so that the
/// warp does not alias (a 640×480 frame's face is two to three times the template's size).
cv::Mat alignFaceAntialiased(const cv::Mat& image, const FivePoints& points, cv::Size size);

/// Approximate yaw in degrees (positive: the face turned towards the image's left), from the nose tip's position
/// between the two sides of the jaw.
double yawDegrees(const Landmarks68& landmarks);

/// Approximate pitch in degrees (positive: chin up), from the nose tip's position between the eye line and the
/// mouth line relative to a frontal face.
double pitchDegrees(const Landmarks68& landmarks);

/// Eye aspect ratio (height over width of the eye contour), mean of both eyes: about 0.25–0.35 open, below
/// about 0.15 closed.
double eyeOpenness(const Landmarks68& landmarks);

/// Where the face sits on a 102×126 chip photo, whose layout GA 467 standardises, scaled to `imageSize`. Used
/// when the detector misses the small face on the chip photo.
cv::Rect2f chipPhotoFaceBox(cv::Size imageSize);

} // namespace geometry
} // namespace shiming::face
