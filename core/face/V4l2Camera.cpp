#include "core/face/V4l2Camera.h"

#include "core/common/Logging.h"
#include "core/face/ImageInput.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace shiming::face {

V4l2Camera::V4l2Camera(QString device, cv::Size size)
    : m_device(std::move(device))
    , m_size(size)
{}

V4l2Camera::~V4l2Camera()
{
    close();
}

Result<void> V4l2Camera::open()
{
    if (!QFileInfo::exists(m_device))
        return fail(Error::deviceFault(u"camera %1 not found"_s.arg(m_device)));
    try {
        if (!m_capture.open(m_device.toStdString(), cv::CAP_V4L2) || !m_capture.isOpened())
            return fail(Error::deviceFault(u"camera %1 cannot be opened"_s.arg(m_device)));
        m_capture.set(cv::CAP_PROP_FRAME_WIDTH, m_size.width);
        m_capture.set(cv::CAP_PROP_FRAME_HEIGHT, m_size.height);
        m_capture.set(cv::CAP_PROP_BUFFERSIZE, 1); // the newest frame, not a queue of old ones
    } catch (const cv::Exception& e) {
        return fail(Error::deviceFault(u"camera %1: %2"_s.arg(m_device, QString::fromStdString(e.msg))));
    }
    qCInfo(lcFace) << "camera opened:" << description();
    return {};
}

void V4l2Camera::close()
{
    if (m_capture.isOpened())
        m_capture.release();
}

bool V4l2Camera::isOpen() const
{
    return m_capture.isOpened();
}

Result<cv::Mat> V4l2Camera::grabFrame()
{
    if (!m_capture.isOpened())
        return fail(Error::deviceFault(u"camera is not open"_s));
    cv::Mat frame;
    try {
        if (!m_capture.read(frame) || frame.empty())
            return fail(Error::deviceFault(u"camera %1 delivered no frame"_s.arg(m_device)));
    } catch (const cv::Exception& e) {
        return fail(Error::deviceFault(u"camera %1: %2"_s.arg(m_device, QString::fromStdString(e.msg))));
    }
    return toBgr8(frame);
}

QString V4l2Camera::description() const
{
    if (!m_capture.isOpened())
        return u"V4L2 %1"_s.arg(m_device);
    return u"V4L2 %1 %2x%3"_s.arg(m_device)
        .arg(int(m_capture.get(cv::CAP_PROP_FRAME_WIDTH)))
        .arg(int(m_capture.get(cv::CAP_PROP_FRAME_HEIGHT)));
}

} // namespace shiming::face
