#include "core/face/FakeCamera.h"

#include "core/face/ImageInput.h"

#include <QDir>

#include <utility>

using namespace Qt::StringLiterals;

namespace shiming::face {

FakeCamera::FakeCamera(QStringList files, bool loop)
    : m_files(std::move(files))
    , m_loop(loop)
{}

FakeCamera::FakeCamera(std::vector<cv::Mat> frames, bool loop)
    : m_frames(std::move(frames))
    , m_loop(loop)
{}

FakeCamera FakeCamera::fromDirectory(const QString& dir, bool loop)
{
    const QDir folder(dir);
    QStringList files;
    for (const QString& name :
         folder.entryList({u"*.jpg"_s, u"*.jpeg"_s, u"*.png"_s, u"*.bmp"_s}, QDir::Files, QDir::Name))
        files << folder.filePath(name);
    return FakeCamera(files, loop);
}

Result<void> FakeCamera::open()
{
    if (!m_files.isEmpty()) {
        m_frames.clear();
        for (const QString& file : std::as_const(m_files)) {
            auto image = loadImageFile(file);
            if (!image)
                return fail(Error::deviceFault(u"fake camera: "_s + image.error().detail));
            auto bgr = toBgr8(*image);
            if (!bgr)
                return fail(Error::deviceFault(u"fake camera: "_s + bgr.error().detail));
            m_frames.push_back(*bgr);
        }
    }
    if (m_frames.empty())
        return fail(Error::deviceFault(u"fake camera: no images to play"_s));
    m_next = 0;
    m_open = true;
    return {};
}

Result<void> FakeCamera::setFiles(QStringList files)
{
    if (files == m_files)
        return {};
    QStringList previous = std::exchange(m_files, std::move(files));
    if (!m_open)
        return {};
    if (auto reopened = open(); !reopened) {
        m_files = std::move(previous);
        (void)open();
        return reopened;
    }
    return {};
}

void FakeCamera::close()
{
    m_open = false;
}

Result<cv::Mat> FakeCamera::grabFrame()
{
    if (!m_open)
        return fail(Error::deviceFault(u"camera is not open"_s));
    if (m_next >= m_frames.size()) {
        if (!m_loop)
            return fail(Error::deviceFault(u"fake camera: no more frames"_s));
        m_next = 0;
    }
    ++m_served;
    return m_frames[m_next++].clone();
}

QString FakeCamera::description() const
{
    const qsizetype count = m_files.isEmpty() ? qsizetype(m_frames.size()) : m_files.size();
    return u"fake camera, %1 images"_s.arg(count);
}

} // namespace shiming::face
