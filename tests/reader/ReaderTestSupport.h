#pragma once

// Helpers for the reader tests: fixtures with generated photos, and the simulator as a real process on a pty.
#include "support/CatchQt.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <csignal>

namespace readertest {

using namespace Qt::StringLiterals;

inline QString fixturePath(const QString& name)
{
    return QStringLiteral(SHIMING_READER_FIXTURES) + u'/' + name;
}

/// A synthetic portrait (no real faces in tests): a light background, an ellipse and two dark eyes.
inline QByteArray syntheticPortraitJpeg(int seed = 0)
{
    cv::Mat image(252, 204, CV_8UC3, cv::Scalar(235, 235, 235));
    cv::ellipse(image, cv::Point(102, 120), cv::Size(60, 80), 0, 0, 360, cv::Scalar(150 + seed, 170, 200), -1);
    cv::circle(image, cv::Point(80, 105), 8, cv::Scalar(30, 30, 30), -1);
    cv::circle(image, cv::Point(124, 105), 8, cv::Scalar(30, 30, 30), -1);
    std::vector<uchar> bytes;
    cv::imencode(".jpg", image, bytes);
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

/// Copies a committed fixture into `dir`, adding a generated photo; returns the new fixture path.
inline QString fixtureWithPhoto(const QTemporaryDir& dir, const QString& name, int seed = 0)
{
    QFile source(fixturePath(name));
    REQUIRE(source.open(QIODevice::ReadOnly));
    QJsonObject object = QJsonDocument::fromJson(source.readAll()).object();
    const QString photoName = QFileInfo(name).completeBaseName() + u".jpg"_s;
    QFile photo(dir.filePath(photoName));
    REQUIRE(photo.open(QIODevice::WriteOnly));
    photo.write(syntheticPortraitJpeg(seed));
    photo.close();
    object.insert(u"photo"_s, photoName);
    const QString path = dir.filePath(name);
    QFile out(path);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(object).toJson());
    return path;
}

/// shiming-reader-sim as a child process with its link in a temporary directory. Killed at the end of the test.
class SimProcess {
public:
    explicit SimProcess(QString link = {})
        : m_link(link.isEmpty() ? m_dir.filePath(u"ttyReader"_s) : link)
    {}
    ~SimProcess() { stop(); }

    QString link() const { return m_link; }
    QProcess& process() { return m_process; }

    /// Starts the simulator and waits (with a deadline) until it says it is ready and the link exists.
    bool start(const QStringList& args)
    {
        m_process.setProgram(QStringLiteral(SHIMING_READER_SIM));
        m_process.setArguments(QStringList{u"--link"_s, m_link} + args);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        const bool ready = QTest::qWaitFor(
            [&] {
                m_stdout += m_process.readAllStandardOutput();
                return m_stdout.contains("ready ") || m_process.state() == QProcess::NotRunning;
            },
            15000);
        if (!ready || m_process.state() != QProcess::Running) {
            UNSCOPED_INFO("simulator stderr: " << m_process.readAllStandardError().toStdString());
            return false;
        }
        return QFileInfo(m_link).isSymLink();
    }

    /// SIGUSR1: lift the card, or place it back.
    void togglePresence() { ::kill(pid_t(m_process.processId()), SIGUSR1); }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_link;
    QProcess m_process;
    QByteArray m_stdout;
};

} // namespace readertest
