#pragma once

#include "core/face/Camera.h"

#include <opencv2/videoio.hpp>

namespace shiming::face {

/// The counter's USB camera through OpenCV's V4L2 backend. Asks for `size` (640×480 by default: enough for a
/// face of 150–250 pixels at the counter, and cheap to process on two cores); the driver may pick another.
class V4l2Camera final : public Camera {
public:
    explicit V4l2Camera(QString device = QStringLiteral("/dev/video0"), cv::Size size = {640, 480});
    ~V4l2Camera() override;

    Result<void> open() override;
    void close() override;
    bool isOpen() const override;
    Result<cv::Mat> grabFrame() override;
    QString description() const override;

private:
    QString m_device;
    cv::Size m_size;
    cv::VideoCapture m_capture;
};

} // namespace shiming::face
