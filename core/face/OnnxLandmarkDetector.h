#pragma once

#include "core/face/FaceModels.h"
#include "core/face/ModelManifest.h"

#include <opencv2/dnn.hpp>

#include <memory>

namespace shiming::face {

/// The 68-point landmark network (manifest kind "landmark68-64"): a square grey crop centred on the detected
/// face, side equal to the box height, scaled to 64×64; outputs x,y pairs relative to that crop.
class OnnxLandmarkDetector final : public LandmarkDetector {
public:
    static Result<std::unique_ptr<OnnxLandmarkDetector>> create(const LocatedModel& model);

    Result<Landmarks68> locate(const cv::Mat& bgr, const FaceBox& face) override;

private:
    OnnxLandmarkDetector(ModelSpec spec, cv::dnn::Net net)
        : m_spec(std::move(spec))
        , m_net(std::move(net))
    {}

    ModelSpec m_spec;
    cv::dnn::Net m_net;
};

} // namespace shiming::face
