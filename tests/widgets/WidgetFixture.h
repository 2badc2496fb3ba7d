#pragma once

// One counter on fakes: clock, policy, demo catalogue, a small number pool, a sink that keeps records in
// memory, a fake reader, a fake camera playing drawn frames, a fake face service and a fake account gate.

#include "core/face/FakeCamera.h"
#include "core/identity/CheckDigits.h"
#include "support/CatchQt.h"
#include "support/FakeCounterServices.h"
#include "support/FakeSessionServices.h"
#include "widgets/registration/CameraFeed.h"
#include "widgets/registration/DemoEnvironment.h"
#include "widgets/registration/RegistrationContext.h"

#include <opencv2/imgproc.hpp>

#include <QApplication>
#include <QBuffer>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

namespace shiming::testing {

inline const QDate kToday(2026, 6, 15);

inline QString luhnIccid()
{
    const QString body = QStringLiteral("898600123456789012");
    for (int d = 0; d <= 9; ++d) {
        const QString candidate = body + QString::number(d);
        if (identity::luhnValid(candidate))
            return candidate;
    }
    return {};
}

inline std::vector<cv::Mat> drawnFrames()
{
    std::vector<cv::Mat> frames;
    for (int i = 0; i < 3; ++i) {
        cv::Mat frame(480, 640, CV_8UC3, cv::Scalar(120, 130, 140));
        cv::ellipse(frame, cv::Point(320 + i * 4, 240), cv::Size(90, 120), 0, 0, 360, cv::Scalar(150, 180, 210), -1);
        frames.push_back(frame);
    }
    return frames;
}

/// The demo configuration (`shiming --demo`) in `dir`, with no card on the reader: tests place cards themselves.
inline std::unique_ptr<DemoEnvironment> startDemo(const QTemporaryDir& dir, const Clock& clock, bool faceModels)
{
    DemoEnvironment::Options options;
    options.dataDir = dir.filePath(QStringLiteral("demo"));
    options.demoDir = QStringLiteral(SHIMING_DEMO_DIR);
    options.startWithoutCard = true;
    options.loadFaceModels = faceModels;
    auto demo = DemoEnvironment::create(options, clock);
    REQUIRE(demo.has_value());
    return std::move(*demo);
}

struct WidgetFixture {
    FixedClock clock{QDateTime(kToday, QTime(10, 0))};
    FakeHoldings holdings;
    FakeRiskList risk;
    registration::Policy policy{registration::PolicySettings{}, clock, &holdings, &risk};
    catalog::Catalog catalog;
    catalog::NumberPool pool;
    FakeSink sink;
    FakeIdCardReader reader;
    face::FakeCamera camera{drawnFrames()};
    CameraFeed feed{&camera};
    FakeFaceService face;
    FakeAccountGate gate;
    RegistrationContext context;
    QStringList questions;
    bool answer = true;
    QString fileToAttach;

    WidgetFixture()
    {
        auto loaded = catalog::Catalog::load(QStringLiteral(SHIMING_DEMO_DIR "/catalog.json"));
        REQUIRE(loaded.has_value());
        catalog = *loaded;
        auto opened = catalog::NumberPool::open({{QStringLiteral("13800138000"), 0},
                                                 {QStringLiteral("13800138001"), 0},
                                                 {QStringLiteral("13800138888"), 88800}},
                                                {});
        REQUIRE(opened.has_value());
        pool = std::move(*opened);
        context.services = registration::SessionServices{&clock,
                                                         &policy,
                                                         &catalog,
                                                         &pool,
                                                         &sink,
                                                         QStringLiteral("outlet-test"),
                                                         QStringLiteral("clerk1"),
                                                         catalog::SimOperator::ChinaMobile};
        context.reader = &reader;
        context.camera = &feed;
        context.face = &face;
        context.approveAsManager = [this](const QString& user, const QByteArray& password) {
            return gate.approveAsManager(user, password, QStringLiteral("face_review"));
        };
        context.confirm = [this](const QString& question) {
            questions.append(question);
            return answer;
        };
        context.chooseFile = [this](const QString&) {
            return fileToAttach;
        };
    }
};

/// A chip photo: a small BMP like the reader's decoder delivers.
inline QByteArray chipPhoto()
{
    QImage image(102, 126, QImage::Format_RGB888);
    image.fill(QColor(200, 190, 180));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "BMP");
    return bytes;
}

/// Presses a key on the widget that has the focus (or on `fallback`), as a clerk would.
inline void pressKey(QWidget* fallback, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : fallback;
    QTest::keyClick(target, key, modifiers);
}

template <typename T>
T* findChild(QObject* root, const QString& name)
{
    T* child = root->findChild<T*>(name);
    INFO("looking for " << name.toStdString());
    REQUIRE(child != nullptr);
    return child;
}

} // namespace shiming::testing
