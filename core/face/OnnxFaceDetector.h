#pragma once

#include "core/face/FaceModels.h"
#include "core/face/ModelManifest.h"

#include <opencv2/dnn.hpp>

#include <memory>

namespace shiming::face {

/// The Ultra-Light RFB-320 SSD face detector (manifest kind "ultraface-rfb-320"). Its ONNX graph already
/// decodes the prior boxes: `boxes` are corner coordinates relative to the input, `scores` are softmaxed
/// (background, face). The image is letterboxed to the input's 4:3 shape first, so that faces keep their
/// proportions whatever the frame's aspect.
class OnnxFaceDetector final : public FaceDetector {
public:
    static Result<std::unique_ptr<OnnxFaceDetector>> create(const LocatedModel& model);

    Result<std::vector<FaceBox>> detect(const cv::Mat& bgr, float minConfidence) override;

private:
    OnnxFaceDetector(ModelSpec spec, cv::dnn::Net net)
        : m_spec(std::move(spec))
        , m_net(std::move(net))
    {}

    ModelSpec m_spec;
    cv::dnn::Net m_net;
};

} // namespace shiming::face
