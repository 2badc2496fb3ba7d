#include "core/face/OnnxFaceDetector.h"

#include "core/face/OnnxNet.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shiming::face {

Result<std::unique_ptr<OnnxFaceDetector>> OnnxFaceDetector::create(const LocatedModel& model)
{
    auto net = onnx::loadNet(model);
    if (!net)
        return fail(net.error());
    return std::unique_ptr<OnnxFaceDetector>(new OnnxFaceDetector(model.spec, std::move(*net)));
}

Result<std::vector<FaceBox>> OnnxFaceDetector::detect(const cv::Mat& bgr, float minConfidence)
{
    if (bgr.empty())
        return fail(Error::invalidInput(u"empty image"_s));
    const int inW = m_spec.inputWidth;
    const int inH = m_spec.inputHeight;
    // Letterbox: pad right or bottom so that the canvas has the input's aspect, then scale down to it.
    const double canvasScale = std::max(double(bgr.cols) / inW, double(bgr.rows) / inH);
    const int canvasW = std::max(1, int(std::lround(inW * canvasScale)));
    const int canvasH = std::max(1, int(std::lround(inH * canvasScale)));
    cv::Mat resized;
    const cv::Size fitted(std::clamp(int(std::lround(bgr.cols / canvasScale)), 1, inW),
                          std::clamp(int(std::lround(bgr.rows / canvasScale)), 1, inH));
    cv::resize(bgr, resized, fitted, 0, 0, canvasScale > 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::Mat input(inH, inW, resized.type(), cv::Scalar::all(0));
    resized.copyTo(input(cv::Rect(0, 0, fitted.width, fitted.height)));

    std::vector<cv::Mat> outputs;
    try {
        m_net.setInput(onnx::makeBlob(input, m_spec));
        m_net.forward(outputs, std::vector<cv::String>{"scores", "boxes"});
    } catch (const cv::Exception& e) {
        return fail(Error::deviceFault(u"face detector failed: %1"_s.arg(QString::fromStdString(e.msg))));
    }
    if (outputs.size() != 2 || outputs[0].total() * 2 != outputs[1].total())
        return fail(Error::deviceFault(u"face detector returned unexpected outputs"_s));
    const int count = int(outputs[0].total() / 2);
    const float* scores = outputs[0].ptr<float>();
    const float* boxes = outputs[1].ptr<float>();

    std::vector<cv::Rect2d> rects;
    std::vector<float> confidences;
    for (int i = 0; i < count; ++i) {
        const float confidence = scores[2 * i + 1];
        if (confidence < minConfidence)
            continue;
        const float* b = boxes + 4 * i;
        const double x1 = b[0] * canvasW, y1 = b[1] * canvasH, x2 = b[2] * canvasW, y2 = b[3] * canvasH;
        if (x2 <= x1 || y2 <= y1)
            continue;
        rects.emplace_back(x1, y1, x2 - x1, y2 - y1);
        confidences.push_back(confidence);
    }
    std::vector<int> keep;
    cv::dnn::NMSBoxes(rects, confidences, minConfidence, 0.3f, keep);
    std::vector<FaceBox> faces;
    faces.reserve(keep.size());
    for (int index : keep) {
        // Boxes may reach into the letterbox padding; clip them to the real image.
        const cv::Rect2d clipped = rects[size_t(index)] & cv::Rect2d(0, 0, bgr.cols, bgr.rows);
        if (clipped.area() <= 0)
            continue;
        faces.push_back(FaceBox{cv::Rect2f(rects[size_t(index)]), confidences[size_t(index)]});
    }
    std::sort(faces.begin(), faces.end(),
              [](const FaceBox& a, const FaceBox& b) { return a.confidence > b.confidence; });
    return faces;
}

} // namespace shiming::face
