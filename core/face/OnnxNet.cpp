#include "core/face/OnnxNet.h"

#include <opencv2/imgproc.hpp>

using namespace Qt::StringLiterals;

namespace shiming::face::onnx {

Result<cv::dnn::Net> loadNet(const LocatedModel& model)
{
    try {
        cv::dnn::Net net = cv::dnn::readNetFromONNX(model.bytes.constData(), size_t(model.bytes.size()));
        if (net.empty())
            return fail(Error::invalidInput(u"face model %1 could not be loaded"_s.arg(model.spec.file)));
        net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
        return net;
    } catch (const cv::Exception& e) {
        return fail(Error::invalidInput(
            u"face model %1 could not be loaded: %2"_s.arg(model.spec.file, QString::fromStdString(e.msg))));
    }
}

cv::Mat makeBlob(const cv::Mat& image, const ModelSpec& spec)
{
    cv::Mat input = image;
    if (spec.inputChannels == 1 && image.channels() == 3)
        cv::cvtColor(image, input, cv::COLOR_BGR2GRAY);
    else if (spec.inputChannels == 3 && image.channels() == 1)
        cv::cvtColor(image, input, cv::COLOR_GRAY2BGR);
    const bool swapRb = spec.inputChannels == 3 && spec.rgb;
    return cv::dnn::blobFromImage(input, spec.scale, cv::Size(), cv::Scalar::all(spec.mean), swapRb, false, CV_32F);
}

cv::Mat cropWithBorder(const cv::Mat& image, const cv::Rect& rect)
{
    cv::Mat crop(rect.size(), image.type(), cv::Scalar::all(0));
    const cv::Rect inside = rect & cv::Rect(0, 0, image.cols, image.rows);
    if (inside.area() > 0)
        image(inside).copyTo(crop(inside - rect.tl()));
    return crop;
}

} // namespace shiming::face::onnx
