#pragma once

#include "core/common/Error.h"

#include <opencv2/core.hpp>

#include <QString>

namespace shiming::face {

/// A source of live frames: the counter's camera, or a fake that plays image files for the demo mode and tests.
/// Frames are 8-bit BGR. Not thread-safe; the preview owns its camera.
class Camera {
public:
    virtual ~Camera() = default;

    virtual Result<void> open() = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    /// The next frame; fails with DeviceFault when the device stops delivering.
    virtual Result<cv::Mat> grabFrame() = 0;
    /// For logs and the settings screen ("V4L2 /dev/video0 640×480", "fake camera, 3 images").
    virtual QString description() const = 0;
};

} // namespace shiming::face
