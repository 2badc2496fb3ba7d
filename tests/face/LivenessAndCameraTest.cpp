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

TEST_CASE("A blink passes the active check, open eyes alone time out", "[face]")
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

TEST_CASE("A head turn in the requested direction passes, the other direction does not", "[face]")
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

namespace {

// A printed photo turned about its vertical axis by `degrees` in front of the camera: the near edge grows, the far
// edge shrinks, the whole narrows by the cosine.
cv::Mat turnedPrint(const cv::Mat& frame, double degrees)
{
    const double c = std::cos(degrees * CV_PI / 180.0);
    const float w = float(frame.cols), h = float(frame.rows);
    const float narrow = float(w * (1.0 - c) / 2.0);
    const float squeeze = float(h * 0.12 * std::sin(std::abs(degrees) * CV_PI / 180.0));
    const bool leftNear = degrees > 0;
    std::vector<cv::Point2f> from{{0, 0}, {w, 0}, {w, h}, {0, h}};
    std::vector<cv::Point2f> to{{narrow, leftNear ? 0.0f : squeeze},
                                {w - narrow, leftNear ? squeeze : 0.0f},
                                {w - narrow, leftNear ? h - squeeze : h},
                                {narrow, leftNear ? h : h - squeeze}};
    cv::Mat out;
    cv::warpPerspective(frame, out, cv::getPerspectiveTransform(from, to), frame.size(), cv::INTER_LINEAR,
                        cv::BORDER_CONSTANT, cv::Scalar(150, 160, 170));
    return out;
}

// Plays `frames` through the fake camera and the pipeline into an active check, 200 ms apart, until it decides.
ActiveLivenessCheck::State playThrough(FaceEngine& engine, std::vector<cv::Mat> frames, LivenessChallenge challenge,
                                       double* maxAbsYaw = nullptr)
{
    FakeCamera camera(std::move(frames), true);
    REQUIRE(camera.open());
    ActiveLivenessCheck check(challenge);
    for (qint64 t = 0; check.state() == ActiveLivenessCheck::State::Waiting && t <= 10000; t += 200) {
        auto image = camera.grabFrame();
        REQUIRE(image);
        LivenessFrame frame{t, 0, std::nullopt};
        auto faces = engine.detectFaces(*image);
        REQUIRE(faces);
        frame.faceCount = int(faces->size());
        if (faces->size() == 1) {
            if (auto analysis = engine.analyse(*image, ImageRole::Live)) {
                frame.landmarks = analysis->landmarks;
                if (maxAbsYaw)
                    *maxAbsYaw = std::max(*maxAbsYaw, std::abs(geometry::yawDegrees(analysis->landmarks)));
            }
        }
        check.feed(frame);
    }
    return check.state();
}

} // namespace

TEST_CASE("A printed photo held up, moved and turned on camera frames passes neither blink nor turn", "[face][slow]")
{
    auto engine = facetest::loadEngine();
    const cv::Mat photo = facetest::lfwPhoto(facetest::lfwPeopleWithTwoPhotos(1)[0].first);
    // Held still, then moved about the frame, then turned up to 50 degrees either way, as an attacker would.
    std::vector<cv::Mat> frames;
    for (int i = 0; i < 4; ++i)
        frames.push_back(facetest::counterFrame(photo));
    for (int dx : {-40, -20, 0, 20, 40})
        frames.push_back(facetest::counterFrame(photo, 280, {320 + dx, 240 + dx / 4}));
    for (double degrees : {10.0, 25.0, 40.0, 50.0, 40.0, 25.0, 10.0, 0.0, -10.0, -25.0, -40.0, -50.0, -25.0})
        frames.push_back(turnedPrint(facetest::counterFrame(photo), degrees));

    double maxYaw = 0.0;
    for (LivenessChallenge challenge :
         {LivenessChallenge::Blink, LivenessChallenge::TurnLeft, LivenessChallenge::TurnRight}) {
        INFO("challenge " << int(challenge));
        CHECK(playThrough(*engine, frames, challenge, &maxYaw) == ActiveLivenessCheck::State::Failed);
    }
    // The turned print narrows the face but keeps the nose between the cheeks: its yaw stays far from a real turn.
    INFO("largest yaw seen on the turned print " << maxYaw);
    CHECK(maxYaw < 18.0);
}

TEST_CASE("Frames of the same photo with the eyes edited closed and open again pass the blink check", "[face]")
{
    // The positive case on pixels, not on landmarks: the landmark network must see the eyes close in the image.
    auto engine = facetest::loadEngine();
    const cv::Mat open = facetest::counterFrame(facetest::lfwPhoto(facetest::lfwPeopleWithTwoPhotos(1)[0].first));
    auto analysis = engine->analyse(open, ImageRole::Live);
    REQUIRE(analysis);
    // Paint each eye over with the skin just below it (a closed lid), a band as wide as the eye contour.
    cv::Mat closed = open.clone();
    for (int eye : {36, 42}) {
        std::vector<cv::Point> contour;
        for (int i = eye; i < eye + 6; ++i)
            contour.emplace_back(analysis->landmarks[size_t(i)]);
        const cv::Rect box = cv::boundingRect(contour);
        const cv::Rect lid(box.x - box.width / 4, box.y - box.height, box.width + box.width / 2, box.height * 3);
        const cv::Rect skin = lid + cv::Point(0, lid.height + box.height);
        REQUIRE((skin & cv::Rect(0, 0, open.cols, open.rows)) == skin);
        open(skin).copyTo(closed(lid));
        cv::line(closed, cv::Point(box.x, box.y + box.height / 2), cv::Point(box.br().x, box.y + box.height / 2),
                 cv::Scalar::all(40), 2);
    }
    auto closedAnalysis = engine->analyse(closed, ImageRole::Live);
    REQUIRE(closedAnalysis);
    INFO("openness open " << geometry::eyeOpenness(analysis->landmarks) << ", edited "
                          << geometry::eyeOpenness(closedAnalysis->landmarks));
    CHECK(playThrough(*engine, {open, open, open, open, closed, open, open}, LivenessChallenge::Blink) ==
          ActiveLivenessCheck::State::Passed);
}
