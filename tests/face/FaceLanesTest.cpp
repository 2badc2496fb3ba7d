// The two lanes of FaceEngine: compare() analyses the chip photo on a worker thread while the caller analyses the
// live photo. These tests hold the parallel path to the sequential one, on the real models and real photos.
#include "FaceTestSupport.h"

#include "core/face/FaceEvaluation.h"
#include "core/face/FaceIssue.h"

#include <QThread>

#include <atomic>
#include <stdexcept>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::face;

namespace {

struct Pair {
    cv::Mat live;
    cv::Mat chip;
};

Pair genuinePair(qsizetype index = 0)
{
    const auto people = facetest::lfwPeopleWithTwoPhotos(int(index) + 1);
    REQUIRE(people.size() > index);
    return {facetest::counterFrame(facetest::lfwPhoto(people[index].first)),
            makeChipPhoto(facetest::lfwPhoto(people[index].second), 1.0)};
}

void checkSame(const FaceComparison& a, const FaceComparison& b)
{
    CHECK(a.cosine == Approx(b.cosine).margin(1e-5));
    CHECK(a.score == b.score);
    CHECK(a.decision == b.decision);
    CHECK(a.reasons == b.reasons);
    CHECK(a.id.chipLayoutUsed == b.id.chipLayoutUsed);
    REQUIRE(a.live.liveProbability.has_value() == b.live.liveProbability.has_value());
    if (a.live.liveProbability)
        CHECK(*a.live.liveProbability == Approx(*b.live.liveProbability).margin(1e-5));
}

// Stand-in stages that record which thread ran them, to show where the work happens.
struct ThreadLog {
    std::atomic<Qt::HANDLE> detectorThread{nullptr};
    std::atomic<int> detections{0};
};

class CentreDetector final : public FaceDetector {
public:
    CentreDetector(ThreadLog* log, bool throws)
        : m_log(log)
        , m_throws(throws)
    {}
    Result<std::vector<FaceBox>> detect(const cv::Mat& bgr, float) override
    {
        m_log->detectorThread = QThread::currentThreadId();
        ++m_log->detections;
        if (m_throws && bgr.cols < 200)
            throw std::runtime_error("stand-in detector failure");
        const float side = float(std::min(bgr.cols, bgr.rows)) * 0.5f;
        return std::vector<FaceBox>{
            FaceBox{cv::Rect2f(bgr.cols / 2.0f - side / 2.0f, bgr.rows / 2.0f - side / 2.0f, side, side), 0.99f}};
    }

private:
    ThreadLog* m_log;
    bool m_throws;
};

class BoxLandmarks final : public LandmarkDetector {
public:
    Result<Landmarks68> locate(const cv::Mat&, const FaceBox& face) override
    {
        Landmarks68 points;
        for (size_t i = 0; i < points.size(); ++i)
            points[i] = cv::Point2f(face.rect.x + face.rect.width * (0.2f + 0.6f * float(i % 10) / 10.0f),
                                    face.rect.y + face.rect.height * (0.2f + 0.6f * float(i / 10) / 7.0f));
        return points;
    }
};

class MeanEmbedder final : public FaceEmbedder {
public:
    cv::Size alignedSize() const override { return {112, 112}; }
    Result<Embedding> embed(const cv::Mat& aligned) override
    {
        const cv::Scalar mean = cv::mean(aligned);
        const double n = std::hypot(mean[0] + 1.0, 1.0);
        return Embedding{float((mean[0] + 1.0) / n), float(1.0 / n)};
    }
};

FaceEngine::Models standInLane(ThreadLog* log, bool throws = false)
{
    FaceEngine::Models models;
    models.detector = std::make_unique<CentreDetector>(log, throws);
    models.landmarks = std::make_unique<BoxLandmarks>();
    models.embedder = std::make_unique<MeanEmbedder>();
    return models;
}

} // namespace

TEST_CASE("The parallel compare gives the sequential compare's result", "[face]")
{
    auto engine = facetest::loadEngine();
    REQUIRE(engine->hasSecondLane());
    REQUIRE(engine->isParallel());
    for (qsizetype i = 0; i < 3; ++i) {
        const Pair pair = genuinePair(i);
        engine->setParallel(true);
        auto parallel = engine->compare(pair.live, pair.chip);
        engine->setParallel(false);
        auto sequential = engine->compare(pair.live, pair.chip);
        REQUIRE(parallel);
        REQUIRE(sequential);
        checkSame(*parallel, *sequential);
        // The liveness pass that moved to the worker still reports its own time.
        if (parallel->live.liveProbability)
            CHECK(parallel->live.livenessMs > 0.0);
        CHECK(parallel->id.embedMs > 0.0);
    }
}

TEST_CASE("A chip photo analysed once compares like the chip photo itself", "[face]")
{
    auto engine = facetest::loadEngine();
    const Pair pair = genuinePair(1);
    auto id = engine->analyseIdPhoto(pair.chip);
    REQUIRE(id);
    CHECK(id->embedding.size() >= 128);
    CHECK_FALSE(id->quality.has_value());
    auto whole = engine->compare(pair.live, pair.chip);
    REQUIRE(whole);
    for (bool parallel : {true, false}) {
        engine->setParallel(parallel);
        auto once = engine->compare(pair.live, *id);
        REQUIRE(once);
        checkSame(*once, *whole);
        CHECK(once->id.embedding == id->embedding);
    }
    // An analysis without an embedding (never analysed) is refused, not compared as zero.
    auto empty = engine->compare(pair.live, FaceAnalysis{});
    REQUIRE_FALSE(empty);
    CHECK(empty.error().code == Error::Code::InvalidInput);
}

TEST_CASE("Errors on either side of a parallel compare are reported, the live side's first", "[face]")
{
    auto engine = facetest::loadEngine();
    const Pair pair = genuinePair(2);
    const cv::Mat wall(480, 640, CV_8UC3, cv::Scalar(120, 130, 140));
    const cv::Mat notChip(126, 300, CV_8UC3, cv::Scalar::all(100));
    for (bool parallel : {true, false}) {
        engine->setParallel(parallel);
        auto noLiveFace = engine->compare(wall, pair.chip);
        REQUIRE_FALSE(noLiveFace);
        CHECK(faceIssueOf(noLiveFace.error()) == FaceIssue::NoFace);
        CHECK(noLiveFace.error().detail.contains(u"live"_s));

        auto noIdFace = engine->compare(pair.live, notChip);
        REQUIRE_FALSE(noIdFace);
        CHECK(faceIssueOf(noIdFace.error()) == FaceIssue::NoFace);
        CHECK(noIdFace.error().detail.contains(u"ID photo"_s));

        auto both = engine->compare(wall, notChip);
        REQUIRE_FALSE(both);
        CHECK(both.error().detail.contains(u"live"_s));

        auto unreadable = engine->compare(cv::Mat(64, 64, CV_32FC3), pair.chip);
        REQUIRE_FALSE(unreadable);
        CHECK(faceIssueOf(unreadable.error()) == FaceIssue::UnsupportedPixelFormat);

        // analysePair keeps both sides' own results.
        PairAnalysis each = engine->analysePair(wall, pair.chip);
        CHECK_FALSE(each.live);
        CHECK(each.id);
    }
    // After all those failures the engine still compares.
    engine->setParallel(true);
    CHECK(engine->compare(pair.live, pair.chip));
}

TEST_CASE("The chip side runs on the second lane's own stages, on another thread", "[face]")
{
    ThreadLog first, second;
    FaceEngine engine(standInLane(&first));
    CHECK_FALSE(engine.hasSecondLane());
    CHECK_FALSE(engine.isParallel());
    engine.setSecondLane(standInLane(&second));
    REQUIRE(engine.isParallel());
    const cv::Mat live(480, 640, CV_8UC3, cv::Scalar(100, 110, 120));
    const cv::Mat chip(126, 102, CV_8UC3, cv::Scalar(60, 70, 80));
    for (int i = 0; i < 50; ++i) {
        auto result = engine.compare(live, chip);
        REQUIRE(result);
    }
    CHECK(first.detections == 50);
    CHECK(second.detections == 50);
    CHECK(first.detectorThread.load() == QThread::currentThreadId());
    CHECK(second.detectorThread.load() != QThread::currentThreadId());

    // Sequential: everything on the first lane, on this thread.
    engine.setParallel(false);
    REQUIRE(engine.compare(live, chip));
    CHECK(first.detections == 52);
    CHECK(second.detections == 50);
}

TEST_CASE("An exception on the worker lane reaches the caller as an error and leaves the engine usable", "[face]")
{
    ThreadLog first, second;
    FaceEngine engine(standInLane(&first));
    engine.setSecondLane(standInLane(&second, true));
    const cv::Mat live(480, 640, CV_8UC3, cv::Scalar(100, 110, 120));
    const cv::Mat chip(126, 102, CV_8UC3, cv::Scalar(60, 70, 80));
    for (int attempt = 0; attempt < 2; ++attempt) {
        Result<FaceComparison> result = fail(Error::invalidInput(u"not run"_s));
        REQUIRE_NOTHROW(result = engine.compare(live, chip));
        REQUIRE_FALSE(result);
        CHECK(faceIssueOf(result.error()) == FaceIssue::ComparisonFailed);
        CHECK(result.error().detail.contains(u"stand-in detector failure"_s));
    }
    // The live side alone (chip analysed earlier on the first lane) does not touch the failing stage.
    auto id = engine.analyseIdPhoto(chip);
    REQUIRE(id);
    CHECK(engine.compare(live, *id));
    engine.setParallel(false);
    CHECK(engine.compare(live, chip));
}

TEST_CASE("One lane on request, and the engine loads two lanes within the time budget", "[face]")
{
    auto single = FaceEngine::load({facetest::modelsDir()}, {}, 1);
    REQUIRE(single);
    CHECK_FALSE((*single)->hasSecondLane());
    CHECK_FALSE((*single)->isParallel());
    const Pair pair = genuinePair(0);
    auto sequential = (*single)->compare(pair.live, pair.chip);
    REQUIRE(sequential);
    auto both = facetest::loadEngine();
    CHECK(both->hasSecondLane());
    auto parallel = both->compare(pair.live, pair.chip);
    REQUIRE(parallel);
    checkSame(*parallel, *sequential);
}
