#pragma once

#include "core/common/Error.h"
#include "core/face/ModelManifest.h"

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>

namespace shiming::face {

/// Small helpers shared by the OpenCV-dnn model implementations.
namespace onnx {

/// Reads an ONNX network from the model bytes, on the plain CPU backend. OpenCV exceptions become an Error.
Result<cv::dnn::Net> loadNet(const LocatedModel& model);

/// A 1×C×H×W float blob from an 8-bit BGR or grey image already at the model's input size, with the manifest's
/// channel order and normalisation ((value − mean) × scale).
cv::Mat makeBlob(const cv::Mat& image, const ModelSpec& spec);

/// Copies `rect` out of `image`, filling the parts outside the image with black, so that a face at the frame's
/// edge keeps its position in the crop.
cv::Mat cropWithBorder(const cv::Mat& image, const cv::Rect& rect);

} // namespace onnx
} // namespace shiming::face
