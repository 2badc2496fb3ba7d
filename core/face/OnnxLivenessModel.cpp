#include "core/face/OnnxLivenessModel.h"

#include "core/face/OnnxNet.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace shiming::face {

// The network has three outputs, in the MiniFASNet convention: 0 a flat (print/screen) attack, 1 a live face,
// 2 another attack. Checked on real photographs with the proper 2.7× context crop, where class 1 dominates; with a
// tight crop that shows the photo's own border, class 0 does. See docs/face.md.
static constexpr size_t kLiveClass = 1;

Result<std::unique_ptr<OnnxLivenessModel>> OnnxLivenessModel::create(const LocatedModel& model)
{
    auto net = onnx::loadNet(model);
    if (!net)
        return fail(net.error());
    return std::unique_ptr<OnnxLivenessModel>(new OnnxLivenessModel(model.spec, std::move(*net)));
}

Result<float> OnnxLivenessModel::liveProbability(const cv::Mat& bgr, const FaceBox& face)
{
    if (bgr.empty() || face.rect.width < 4.0f || face.rect.height < 4.0f)
        return fail(Error::invalidInput(u"face too small for the liveness check"_s));
    const double scale =
        std::min({(bgr.rows - 1) / double(face.rect.height), (bgr.cols - 1) / double(face.rect.width), 2.7});
    const double w = face.rect.width * scale, h = face.rect.height * scale;
    const double cx = face.rect.x + face.rect.width / 2.0, cy = face.rect.y + face.rect.height / 2.0;
    double x = std::clamp(cx - w / 2.0, 0.0, std::max(0.0, bgr.cols - 1 - w));
    double y = std::clamp(cy - h / 2.0, 0.0, std::max(0.0, bgr.rows - 1 - h));
    const cv::Rect rect(int(x), int(y), std::max(1, int(w)), std::max(1, int(h)));
    cv::Mat crop = onnx::cropWithBorder(bgr, rect);
    cv::Mat input;
    cv::resize(crop, input, cv::Size(m_spec.inputWidth, m_spec.inputHeight));
    cv::Mat output;
    try {
        m_net.setInput(onnx::makeBlob(input, m_spec));
        output = m_net.forward();
    } catch (const cv::Exception& e) {
        return fail(Error::deviceFault(u"liveness model failed: %1"_s.arg(QString::fromStdString(e.msg))));
    }
    if (output.total() < 2 || output.depth() != CV_32F)
        return fail(Error::deviceFault(u"liveness model returned unexpected outputs"_s));
    const float* logits = output.ptr<float>();
    const float top = *std::max_element(logits, logits + output.total());
    m_last.assign(output.total(), 0.0f);
    double sum = 0.0;
    for (size_t i = 0; i < output.total(); ++i) {
        m_last[i] = std::exp(logits[i] - top);
        sum += m_last[i];
    }
    for (float& p : m_last)
        p = float(p / sum);
    return m_last[kLiveClass];
}

} // namespace shiming::face
