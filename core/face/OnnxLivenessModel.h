#pragma once

#include "core/face/FaceModels.h"
#include "core/face/ModelManifest.h"

#include <opencv2/dnn.hpp>

#include <memory>

namespace shiming::face {

/// The single-frame liveness network shipped with the models (manifest kind "liveness-128"): a crop 2.7 times
/// the face box (less when the frame is too small), 128×128 RGB, raw 0–255 values; the softmax of its output
/// gives the class probabilities. See docs/face.md for what it does and does not stop.
class OnnxLivenessModel final : public LivenessModel {
public:
    static Result<std::unique_ptr<OnnxLivenessModel>> create(const LocatedModel& model);

    Result<float> liveProbability(const cv::Mat& bgr, const FaceBox& face) override;

    /// All class probabilities of the last call, for evaluation.
    const std::vector<float>& lastProbabilities() const { return m_last; }

private:
    OnnxLivenessModel(ModelSpec spec, cv::dnn::Net net)
        : m_spec(std::move(spec))
        , m_net(std::move(net))
    {}

    ModelSpec m_spec;
    cv::dnn::Net m_net;
    std::vector<float> m_last;
};

} // namespace shiming::face
