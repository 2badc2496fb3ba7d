#pragma once

#include <opencv2/core.hpp>

#include <QList>
#include <QString>

#include <array>
#include <vector>

namespace shiming::face {

/// One face found by a detector, in the pixel coordinates of the image it was found in.
struct FaceBox {
    cv::Rect2f rect;
    float confidence = 0.0f;
};

/// The 68-point iBUG layout (jaw 0–16, brows 17–26, nose 27–35, eyes 36–47, mouth 48–67), in image pixels.
using Landmarks68 = std::array<cv::Point2f, 68>;

/// The five points the ArcFace template uses: left eye, right eye, nose tip, left and right mouth corner
/// (left and right as seen in the image).
using FivePoints = std::array<cv::Point2f, 5>;

/// An L2-normalised face embedding.
using Embedding = std::vector<float>;

/// Which side of a comparison an image is. The chip photo has a standard layout, which the pipeline uses when
/// the detector misses its small face; the live photo must pass the quality gate.
enum class ImageRole { Live, IdPhoto };

} // namespace shiming::face
