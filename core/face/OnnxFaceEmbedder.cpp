#include "core/face/OnnxFaceEmbedder.h"

#include "core/face/OnnxNet.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace Qt::StringLiterals;

namespace shiming::face {

Result<std::unique_ptr<OnnxFaceEmbedder>> OnnxFaceEmbedder::create(const LocatedModel& model)
{
    auto net = onnx::loadNet(model);
    if (!net)
        return fail(net.error());
    return std::unique_ptr<OnnxFaceEmbedder>(new OnnxFaceEmbedder(model.spec, std::move(*net)));
}

Result<Embedding> OnnxFaceEmbedder::embed(const cv::Mat& alignedBgr)
{
    if (alignedBgr.size() != alignedSize())
        return fail(Error::invalidInput(u"aligned face has the wrong size"_s));
    cv::Mat output;
    try {
        m_net.setInput(onnx::makeBlob(alignedBgr, m_spec));
        output = m_net.forward();
    } catch (const cv::Exception& e) {
        return fail(Error::deviceFault(u"embedding model failed: %1"_s.arg(QString::fromStdString(e.msg))));
    }
    if (output.total() < 16 || output.depth() != CV_32F)
        return fail(Error::deviceFault(u"embedding model returned unexpected outputs"_s));
    const float* values = output.ptr<float>();
    Embedding embedding(values, values + output.total());
    double norm = 0.0;
    for (float v : embedding)
        norm += double(v) * v;
    norm = std::sqrt(norm);
    if (!(norm > 1e-9) || !std::isfinite(norm))
        return fail(Error::deviceFault(u"embedding model returned a zero vector"_s));
    for (float& v : embedding)
        v = float(v / norm);
    return embedding;
}

} // namespace shiming::face
