#include "widgets/registration/CameraFeed.h"

#include "core/common/Logging.h"
#include "core/face/Camera.h"

#include <opencv2/imgproc.hpp>

namespace shiming {

CameraFeed::CameraFeed(face::Camera* camera, QObject* parent)
    : QObject(parent)
    , m_camera(camera)
    , m_state(camera ? State::Off : State::NoCamera)
{
    m_timer.setInterval(66);
    connect(&m_timer, &QTimer::timeout, this, &CameraFeed::tick);
}

CameraFeed::~CameraFeed()
{
    stop();
}

void CameraFeed::start()
{
    if (!m_camera || m_timer.isActive())
        return;
    if (!m_camera->isOpen()) {
        if (auto opened = m_camera->open(); !opened) {
            qCWarning(lcUi) << "camera cannot be opened:" << opened.error().detail;
            setState(State::Failed);
            return;
        }
    }
    setState(State::Running);
    m_timer.start();
    tick();
}

void CameraFeed::stop()
{
    m_timer.stop();
    if (m_camera && m_camera->isOpen())
        m_camera->close();
    if (m_camera && m_state == State::Running)
        setState(State::Off);
}

cv::Mat CameraFeed::grabOnce()
{
    if (!m_camera)
        return {};
    const bool wasOpen = m_camera->isOpen();
    if (!wasOpen && !m_camera->open())
        return {};
    auto frame = m_camera->grabFrame();
    if (!wasOpen)
        m_camera->close();
    return frame ? frame->clone() : cv::Mat();
}

void CameraFeed::tick()
{
    auto frame = m_camera->grabFrame();
    if (!frame) {
        qCWarning(lcUi) << "camera stopped delivering:" << frame.error().detail;
        m_timer.stop();
        setState(State::Failed);
        return;
    }
    m_last = frame->clone();
    emit frameReady(toImage(m_last));
}

void CameraFeed::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

QImage CameraFeed::toImage(const cv::Mat& bgr)
{
    if (bgr.empty())
        return {};
    cv::Mat rgb;
    if (bgr.channels() == 1)
        cv::cvtColor(bgr, rgb, cv::COLOR_GRAY2RGB);
    else if (bgr.channels() == 4)
        cv::cvtColor(bgr, rgb, cv::COLOR_BGRA2RGB);
    else
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    return QImage(rgb.data, rgb.cols, rgb.rows, int(rgb.step), QImage::Format_RGB888).copy();
}

} // namespace shiming
