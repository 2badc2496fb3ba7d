#pragma once

#include "core/face/Camera.h"

#include <QStringList>

#include <vector>

namespace shiming::face {

/// Plays image files (or frames given in memory) in order, looping, as a camera. For the demo mode and tests.
class FakeCamera final : public Camera {
public:
    /// Plays the given image files; open() decodes them and fails when one cannot be read.
    explicit FakeCamera(QStringList files, bool loop = true);
    /// Plays frames already in memory.
    explicit FakeCamera(std::vector<cv::Mat> frames, bool loop = true);
    /// Plays every JPEG/PNG/BMP in `dir`, sorted by name.
    static FakeCamera fromDirectory(const QString& dir, bool loop = true);

    Result<void> open() override;
    void close() override;
    bool isOpen() const override { return m_open; }
    Result<cv::Mat> grabFrame() override;
    QString description() const override;

    int framesServed() const { return m_served; }
    /// Plays other image files from now on (decoded at once when open; on a failure the old ones stay).
    Result<void> setFiles(QStringList files);

private:
    QStringList m_files;
    std::vector<cv::Mat> m_frames;
    bool m_loop = true;
    bool m_open = false;
    size_t m_next = 0;
    int m_served = 0;
};

} // namespace shiming::face
