#pragma once

#include "core/common/Error.h"
#include "core/face/FaceTypes.h"

#include <opencv2/core.hpp>

#include <vector>

namespace shiming::face {

// The pipeline's stages sit behind these interfaces so that a model can be swapped through the manifest (a new
// `kind` gets a new implementation) and so that tests can stand in for a stage. Implementations take 8-bit BGR
// images and are not thread-safe: one instance per thread.

/// Finds faces in a whole image.
class FaceDetector {
public:
    virtual ~FaceDetector() = default;
    /// Faces with confidence at or above `minConfidence`, most confident first, in image pixels.
    virtual Result<std::vector<FaceBox>> detect(const cv::Mat& bgr, float minConfidence) = 0;
};

/// Places the 68 landmarks of one detected face.
class LandmarkDetector {
public:
    virtual ~LandmarkDetector() = default;
    virtual Result<Landmarks68> locate(const cv::Mat& bgr, const FaceBox& face) = 0;
};

/// Turns an aligned face crop into an L2-normalised embedding.
class FaceEmbedder {
public:
    virtual ~FaceEmbedder() = default;
    /// Size of the aligned crop the embedder expects (112×112 for ArcFace-style models).
    virtual cv::Size alignedSize() const = 0;
    virtual Result<Embedding> embed(const cv::Mat& alignedBgr) = 0;
};

/// Passive (single-frame) presentation-attack detector: probability that the face is a live person rather than
/// a print or a screen.
class LivenessModel {
public:
    virtual ~LivenessModel() = default;
    virtual Result<float> liveProbability(const cv::Mat& bgr, const FaceBox& face) = 0;
};

} // namespace shiming::face
