#pragma once

#include "core/face/FaceModels.h"
#include "core/face/ModelManifest.h"

#include <opencv2/dnn.hpp>

#include <memory>

namespace shiming::face {

/// ArcFace-style embedding network (manifest kind "arcface-112"): an aligned 112×112 RGB crop in, a feature
/// vector out, returned L2-normalised so that the dot product of two embeddings is their cosine similarity.
class OnnxFaceEmbedder final : public FaceEmbedder {
public:
    static Result<std::unique_ptr<OnnxFaceEmbedder>> create(const LocatedModel& model);

    cv::Size alignedSize() const override { return {m_spec.inputWidth, m_spec.inputHeight}; }
    Result<Embedding> embed(const cv::Mat& alignedBgr) override;

private:
    OnnxFaceEmbedder(ModelSpec spec, cv::dnn::Net net)
        : m_spec(std::move(spec))
        , m_net(std::move(net))
    {}

    ModelSpec m_spec;
    cv::dnn::Net m_net;
};

} // namespace shiming::face
