#pragma once

#include <opencv2/core.hpp>

#include <QImage>
#include <QObject>
#include <QTimer>

namespace shiming::face {
class Camera;
}

namespace shiming {

/// Pulls frames from a camera at preview rate while someone watches, and hands them out as QImage (for the
/// screen) and cv::Mat (for the face pipeline). The camera is opened on start() and closed on stop(), so the
/// light is off when no face step is shown.
class CameraFeed : public QObject {
    Q_OBJECT

public:
    enum class State { NoCamera, Off, Running, Failed };

    explicit CameraFeed(face::Camera* camera, QObject* parent = nullptr);
    ~CameraFeed() override;

    void start();
    void stop();
    State state() const { return m_state; }
    bool hasCamera() const { return m_camera != nullptr; }
    /// The most recent frame (BGR), empty before the first.
    const cv::Mat& lastFrame() const { return m_last; }
    /// Grabs one frame now (also when stopped: opens and closes the camera); used for attachment scans.
    cv::Mat grabOnce();

    static QImage toImage(const cv::Mat& bgr);

signals:
    void frameReady(const QImage& image);
    void stateChanged(shiming::CameraFeed::State state);

private:
    void tick();
    void setState(State state);

    face::Camera* m_camera;
    QTimer m_timer;
    cv::Mat m_last;
    State m_state = State::Off;
};

} // namespace shiming
