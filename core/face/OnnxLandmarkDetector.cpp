#include "core/face/OnnxLandmarkDetector.h"

#include "core/face/OnnxNet.h"

#include <opencv2/imgproc.hpp>

using namespace Qt::StringLiterals;

namespace shiming::face {

Result<std::unique_ptr<OnnxLandmarkDetector>> OnnxLandmarkDetector::create(const LocatedModel& model)
{
    auto net = onnx::loadNet(model);
    if (!net)
        return fail(net.error());
    return std::unique_ptr<OnnxLandmarkDetector>(new OnnxLandmarkDetector(model.spec, std::move(*net)));
}

Result<Landmarks68> OnnxLandmarkDetector::locate(const cv::Mat& bgr, const FaceBox& face)
{
    if (bgr.empty() || face.rect.height < 4.0f)
        return fail(Error::invalidInput(u"face too small for landmarks"_s));
    const float side = face.rect.height;
    const cv::Point2f centre(face.rect.x + face.rect.width / 2.0f, face.rect.y + face.rect.height / 2.0f);
    const cv::Rect square(int(std::lround(centre.x - side / 2.0f)), int(std::lround(centre.y - side / 2.0f)),
                          int(std::lround(side)), int(std::lround(side)));
    cv::Mat crop = onnx::cropWithBorder(bgr, square);
    cv::Mat small;
    cv::resize(crop, small, cv::Size(m_spec.inputWidth, m_spec.inputHeight), 0, 0,
               square.width > m_spec.inputWidth ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::Mat output;
    try {
        m_net.setInput(onnx::makeBlob(small, m_spec));
        output = m_net.forward();
    } catch (const cv::Exception& e) {
        return fail(Error::deviceFault(u"landmark model failed: %1"_s.arg(QString::fromStdString(e.msg))));
    }
    if (output.total() != 136)
        return fail(Error::deviceFault(u"landmark model returned unexpected outputs"_s));
    const float* values = output.ptr<float>();
    Landmarks68 points;
    for (size_t i = 0; i < points.size(); ++i)
        points[i] = cv::Point2f(square.x + values[2 * i] * square.width, square.y + values[2 * i + 1] * square.height);
    return points;
}

} // namespace shiming::face
