#include "FaceTestSupport.h"

#include "core/face/ActiveLivenessCheck.h"
#include "core/face/FaceGeometry.h"
#include "core/face/FakeCamera.h"
#include "core/face/OnnxLivenessModel.h"
#include "core/face/V4l2Camera.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::face;

namespace {

// Landmarks of a real frontal face, to be edited into blinks and turns.
Landmarks68 frontalLandmarks()
{
    auto engine = facetest::loadEngine();
    const cv::Mat frame = facetest::counterFrame(facetest::lfwPhoto(facetest::lfwPeopleWithTwoPhotos(1)[0].first));
    auto analysis = engine->analyse(frame, ImageRole::Live);
    REQUIRE(analysis);
    return analysis->landmarks;
}

Landmarks68 withEyesClosed(Landmarks68 l)
{
    for (int eye : {36, 42}) {
        float centreY = 0.0f;
        for (int i = eye; i < eye + 6; ++i)
            centreY += l[size_t(i)].y / 6.0f;
        for (int i = eye; i < eye + 6; ++i)
            l[size_t(i)].y = centreY + (l[size_t(i)].y - centreY) * 0.2f;
    }
    return l;
}

// Moves the nose towards the image's left (positive yaw) by `fraction` of the face width.
Landmarks68 turned(Landmarks68 l, float fraction)
{
    const float width = l[16].x - l[0].x;
    for (int i = 27; i <= 35; ++i)
        l[size_t(i)].x -= fraction * width;
    return l;
}

LivenessFrame frame(qint64 ms, const Landmarks68& l)
{
    return LivenessFrame{ms, 1, l};
}

} // namespace

TEST_CASE("A blink passes the active check; open eyes alone time out", "[face]")
{
    const Landmarks68 open = frontalLandmarks();
    const Landmarks68 closed = withEyesClosed(open);
    CHECK(geometry::eyeOpenness(closed) < geometry::eyeOpenness(open) * 0.5);

    ActiveLivenessCheck blink(LivenessChallenge::Blink);
    qint64 t = 0;
    for (int i = 0; i < 5; ++i)
        CHECK(blink.feed(frame(t += 40, open)) == ActiveLivenessCheck::State::Waiting);
    CHECK(blink.feed(frame(t += 40, closed)) == ActiveLivenessCheck::State::Waiting);
    CHECK(blink.feed(frame(t += 40, open)) == ActiveLivenessCheck::State::Passed);

    // A printed photo: the same landmarks frame after frame.
    ActiveLivenessCheck photo(LivenessChallenge::Blink);
    for (t = 0; t <= 9000; t += 40)
        photo.feed(frame(t, open));
    CHECK(photo.state() == ActiveLivenessCheck::State::Failed);
    CHECK(photo.failure() == FaceIssue::NotLive);

    // Closed eyes before any open frame are no blink.
    ActiveLivenessCheck early(LivenessChallenge::Blink);
    early.feed(frame(0, closed));
    CHECK(early.feed(frame(40, open)) == ActiveLivenessCheck::State::Waiting);
}

TEST_CASE("A head turn in the requested direction passes; the other direction does not", "[face]")
{
    const Landmarks68 front = frontalLandmarks();
    const Landmarks68 towardsImageLeft = turned(front, 0.24f);
    CHECK(geometry::yawDegrees(towardsImageLeft) > 18.0);

    ActiveLivenessCheck right(LivenessChallenge::TurnRight);
    right.feed(frame(0, front));
    CHECK(right.feed(frame(100, towardsImageLeft)) == ActiveLivenessCheck::State::Passed);

    ActiveLivenessCheck left(LivenessChallenge::TurnLeft);
    left.feed(frame(0, front));
    CHECK(left.feed(frame(100, towardsImageLeft)) == ActiveLivenessCheck::State::Waiting);

    // Starting already turned (a photo held at an angle) is not a turn.
    ActiveLivenessCheck held(LivenessChallenge::TurnRight);
    CHECK(held.feed(frame(0, towardsImageLeft)) == ActiveLivenessCheck::State::Waiting);

    ActiveLivenessCheck crowd(LivenessChallenge::TurnRight);
    CHECK(crowd.feed(LivenessFrame{0, 2, std::nullopt}) == ActiveLivenessCheck::State::Failed);
    CHECK(crowd.failure() == FaceIssue::SeveralFaces);
    CHECK_FALSE(ActiveLivenessCheck::instruction(LivenessChallenge::Blink).isEmpty());
}

TEST_CASE("The passive liveness model gives a probability for a face", "[face]")
{
    auto engine = facetest::loadEngine();
    REQUIRE(engine->hasLiveness());
    const cv::Mat frame = facetest::counterFrame(facetest::lfwPhoto(facetest::lfwPeopleWithTwoPhotos(1)[0].first));
    auto analysis = engine->analyse(frame, ImageRole::Live);
    REQUIRE(analysis);
    REQUIRE(analysis->liveProbability.has_value());
    CHECK(*analysis->liveProbability >= 0.0f);
    CHECK(*analysis->liveProbability <= 1.0f);
}

TEST_CASE("The fake camera plays image files in order and loops", "[face]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    for (int i = 0; i < 3; ++i)
        facetest::writeFile(dir.filePath(u"frame%1.png"_s.arg(i)),
                            facetest::encode(cv::Mat(48, 64, CV_8UC1, cv::Scalar(10 + 50 * i)), ".png"));
    FakeCamera camera = FakeCamera::fromDirectory(dir.path());
    CHECK_FALSE(camera.grabFrame().has_value()); // not open yet
    REQUIRE(camera.open());
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 3; ++i) {
            auto frame = camera.grabFrame();
            REQUIRE(frame);
            CHECK(frame->type() == CV_8UC3);
            CHECK(frame->at<cv::Vec3b>(0, 0)[0] == 10 + 50 * i);
        }
    }
    CHECK(camera.framesServed() == 6);
    CHECK(camera.description().contains(u"3"_s));

    FakeCamera once({cv::Mat(4, 4, CV_8UC3)}, false);
    REQUIRE(once.open());
    CHECK(once.grabFrame().has_value());
    CHECK_FALSE(once.grabFrame().has_value());

    facetest::writeFile(dir.filePath(u"zz-broken.png"_s), "not a png");
    FakeCamera broken = FakeCamera::fromDirectory(dir.path());
    auto opened = broken.open();
    REQUIRE_FALSE(opened);
    CHECK(opened.error().code == Error::Code::DeviceFault);
    CHECK_FALSE(FakeCamera(QStringList{}).open().has_value());
}

TEST_CASE("A V4L2 camera that does not exist fails cleanly", "[face]")
{
    V4l2Camera camera(u"/dev/video-shiming-test-absent"_s);
    auto opened = camera.open();
    REQUIRE_FALSE(opened);
    CHECK(opened.error().code == Error::Code::DeviceFault);
    CHECK_FALSE(camera.isOpen());
    CHECK_FALSE(camera.grabFrame().has_value());
}
