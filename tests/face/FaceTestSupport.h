#pragma once

// Helpers shared by the face tests: the pinned models, the LFW calibration photos beside the project, and
// synthetic frames built from them (never committed).
#include "support/CatchQt.h"
#include "support/TestFiles.h"

#include "core/face/FaceEngine.h"
#include "core/face/ImageInput.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <utility>

namespace facetest {

using shiming::testing::readFile;
using shiming::testing::writeFile;

inline QString modelsDir()
{
    return QStringLiteral(SHIMING_FACE_MODELS_DIR);
}

inline QString lfwDir()
{
    return QStringLiteral(SHIMING_SHARED_DIR "/faces/lfw");
}

inline QString fixture(const QString& name)
{
    return QStringLiteral(SHIMING_FACE_TEST_DATA "/") + name;
}

inline std::unique_ptr<shiming::face::FaceEngine> loadEngine()
{
    auto engine = shiming::face::FaceEngine::load({modelsDir()});
    if (!engine)
        FAIL("face models failed to load: " << engine.error().detail.toStdString());
    return std::move(*engine);
}

inline cv::Mat lfwPhoto(const QString& name)
{
    auto image = shiming::face::loadImageFile(QDir(lfwDir()).filePath(name));
    if (!image)
        FAIL("LFW photo " << name.toStdString() << " unreadable: " << image.error().detail.toStdString());
    return *image;
}

/// People with at least two photos, first `count` in name order: {photo 1, photo 2} each.
inline QList<QPair<QString, QString>> lfwPeopleWithTwoPhotos(int count)
{
    const QStringList files = QDir(lfwDir()).entryList({QStringLiteral("*.jpg")}, QDir::Files, QDir::Name);
    REQUIRE(files.size() > 100);
    QList<QPair<QString, QString>> result;
    for (qsizetype i = 0; i + 1 < files.size() && result.size() < count; ++i) {
        const QString a = files[i].left(files[i].lastIndexOf(u'_'));
        const QString b = files[i + 1].left(files[i + 1].lastIndexOf(u'_'));
        if (a == b) {
            result.append({files[i], files[i + 1]});
            while (i + 1 < files.size() && files[i + 1].startsWith(a + u'_'))
                ++i;
        }
    }
    return result;
}

/// A 640×480 counter-camera frame with the photo's face, scaled to `faceSide` pixels, centred at `centre`.
inline cv::Mat counterFrame(const cv::Mat& photo, int faceSide = 300, cv::Point centre = {320, 240})
{
    cv::Mat bgr = *shiming::face::toBgr8(photo);
    cv::Mat scaled;
    cv::resize(bgr, scaled, cv::Size(faceSide, faceSide), 0, 0, cv::INTER_AREA);
    cv::Mat frame(480, 640, CV_8UC3, cv::Scalar(150, 160, 170));
    const cv::Rect target(centre.x - faceSide / 2, centre.y - faceSide / 2, faceSide, faceSide);
    const cv::Rect visible = target & cv::Rect(0, 0, frame.cols, frame.rows);
    scaled(visible - target.tl()).copyTo(frame(visible));
    return frame;
}

inline QByteArray encode(const cv::Mat& image, const char* extension)
{
    std::vector<uchar> bytes;
    cv::imencode(extension, image, bytes);
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

/// Makes a FIFO (named pipe) at `path`.
inline void makeFifo(const QString& path)
{
    REQUIRE(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
}

/// A regular file of `size` bytes that takes no room on disk (a hole).
inline void makeSparseFile(const QString& path, qint64 size)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.resize(size));
}

/// Runs `work` on a thread of its own and waits up to `limit` for it. If it has not returned by then (an open()
/// or read() waiting for a writer on the FIFO at `fifo`), the FIFO's writing end is opened and closed, which
/// releases the blocked call with end of file: a regression fails the test instead of hanging it. Returns what
/// `work` returned and whether it returned in time. `work` must not use Catch's macros (they are not
/// thread-safe).
template <typename Work>
auto runReleasingFifo(Work work, const QString& fifo, std::chrono::milliseconds limit = std::chrono::seconds(3))
{
    auto future = std::async(std::launch::async, std::move(work));
    const bool inTime = future.wait_for(limit) == std::future_status::ready;
    if (!inTime) {
        const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0)
            ::close(fd);
    }
    return std::pair{future.get(), inTime};
}

} // namespace facetest
