#include "core/face/FaceEngine.h"

#include "core/common/Logging.h"
#include "core/face/FaceGeometry.h"
#include "core/face/ImageInput.h"
#include "core/face/ModelManifest.h"
#include "core/face/OnnxFaceDetector.h"
#include "core/face/OnnxFaceEmbedder.h"
#include "core/face/OnnxLandmarkDetector.h"
#include "core/face/OnnxLivenessModel.h"

#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <future>
#include <utility>

using namespace Qt::StringLiterals;

namespace shiming::face {

namespace {

double elapsedMs(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double rounded(double value, double step = 1000.0)
{
    return std::round(value * step) / step;
}

// The refined landmark crop's side relative to the extent of the first landmarks (calibrated with face-eval).
constexpr float kLandmarkRefineScale = 1.1f;

// More landmarks than this outside the frame: the face is cut off, its embedding would be a guess.
constexpr int kMaxLandmarksOutside = 4;

// Faces smaller than this fraction of the largest face are background passers-by, not a second customer.
constexpr float kComparableFaceFraction = 0.5f;

// A chip photo is 102×126; a photo with about that aspect is treated as one when its face is missed.
bool looksLikeChipPhoto(cv::Size size)
{
    const double aspect = double(size.width) / std::max(1, size.height);
    return std::abs(aspect - 102.0 / 126.0) < 0.12 && size.width <= 400;
}

// Everything the pipeline calls may throw (OpenCV on a degenerate geometry or a model's odd output, the
// allocator): the public entry points turn that into an Error, so that no exception reaches a caller's slot.
Error pipelineFault(const char* step, const char* what)
{
    qCWarning(lcFace) << "face pipeline stopped in" << step << ":" << what;
    return faceError(Error::Code::DeviceFault, FaceIssue::ComparisonFailed,
                     u"the face pipeline stopped in %1: %2"_s.arg(QLatin1String(step), QString::fromLocal8Bit(what)));
}

template <typename Body>
auto guarded(const char* step, Body&& body) -> decltype(body())
{
    try {
        return body();
    } catch (const cv::Exception& e) {
        return fail(pipelineFault(step, e.what()));
    } catch (const std::exception& e) {
        return fail(pipelineFault(step, e.what()));
    }
}

} // namespace

int landmarksOutside(const Landmarks68& landmarks, cv::Size frame)
{
    const cv::Rect2f inside(-1.0f, -1.0f, float(frame.width) + 2.0f, float(frame.height) + 2.0f);
    return int(
        std::count_if(landmarks.begin(), landmarks.end(), [&](const cv::Point2f& p) { return !inside.contains(p); }));
}

FaceEngine::FaceEngine(Models models, FaceSettings settings)
    : m_models(std::move(models))
    , m_settings(settings)
{
    Q_ASSERT(m_models.detector && m_models.landmarks && m_models.embedder);
}

FaceEngine::~FaceEngine()
{
    if (m_worker)
        m_worker->waitForDone();
}

void FaceEngine::setThreads(int threads)
{
    cv::setNumThreads(std::max(1, threads));
}

void FaceEngine::setSecondLane(Models lane)
{
    Q_ASSERT(lane.detector && lane.landmarks && lane.embedder);
    m_second = std::move(lane);
    if (!m_worker) {
        // One persistent thread: the networks' per-thread state (TBB arena slot, allocations) is set up once.
        m_worker = std::make_unique<QThreadPool>();
        m_worker->setMaxThreadCount(1);
        m_worker->setExpiryTimeout(-1);
    }
}

namespace {

// Creates the stages of one lane from models already read and checked. `withLiveness`: the first lane only.
Result<FaceEngine::Models> createLane(const QList<LocatedModel>& located, bool withLiveness)
{
    FaceEngine::Models models;
    for (const LocatedModel& model : located) {
        const QString& kind = model.spec.kind;
        Error error;
        bool ok = true;
        const auto take = [&](auto result, auto& slot) {
            if (result)
                slot = std::move(*result);
            else {
                ok = false;
                error = result.error();
            }
        };
        if (model.spec.role == u"detector"_s && kind == u"ultraface-rfb-320"_s)
            take(OnnxFaceDetector::create(model), models.detector);
        else if (model.spec.role == u"landmarks"_s && kind == u"landmark68-64"_s)
            take(OnnxLandmarkDetector::create(model), models.landmarks);
        else if (model.spec.role == u"embedding"_s && kind == u"arcface-112"_s)
            take(OnnxFaceEmbedder::create(model), models.embedder);
        else if (model.spec.role == u"liveness"_s && kind == u"liveness-128"_s) {
            if (withLiveness)
                take(OnnxLivenessModel::create(model), models.liveness);
        } else if (withLiveness) {
            qCWarning(lcFace) << "no implementation for model kind" << kind << "in role" << model.spec.role;
        }
        if (!ok)
            return fail(
                faceError(error.code, FaceIssue::ModelsUnavailable, u"face comparison unavailable: "_s + error.detail));
    }
    if (!models.detector || !models.landmarks || !models.embedder)
        return fail(faceError(Error::Code::NotFound, FaceIssue::ModelsUnavailable,
                              u"face comparison unavailable: the manifest names a model kind this build lacks"_s));
    return models;
}

} // namespace

Result<std::unique_ptr<FaceEngine>> FaceEngine::load(const QStringList& modelDirs, FaceSettings settings)
{
    return load(modelDirs, settings, 2);
}

Result<std::unique_ptr<FaceEngine>> FaceEngine::load(const QStringList& modelDirs, FaceSettings settings, int lanes)
{
    QElapsedTimer timer;
    timer.start();
    setThreads(2);
    auto located = locateModels(modelDirs, ModelManifest::builtIn());
    if (!located) {
        qCWarning(lcFace) << "face comparison unavailable:" << located.error().detail;
        return fail(faceError(located.error().code, FaceIssue::ModelsUnavailable,
                              u"face comparison unavailable: "_s + located.error().detail));
    }
    // The second lane's networks are parsed on a helper thread while this one parses the first lane's.
    std::future<Result<Models>> second;
    if (lanes > 1)
        second = std::async(std::launch::async, [&located] { return createLane(*located, false); });
    auto first = createLane(*located, true);
    std::optional<Result<Models>> secondLane;
    if (second.valid())
        secondLane = second.get();
    if (!first)
        return fail(first.error());
    if (secondLane && !*secondLane)
        return fail(secondLane->error());
    auto engine = std::make_unique<FaceEngine>(std::move(*first), settings);
    if (secondLane)
        engine->setSecondLane(std::move(**secondLane));
    engine->m_loadMs = elapsedMs(timer);
    qCInfo(lcFace) << "face models loaded in" << engine->m_loadMs << "ms; lanes" << (secondLane ? 2 : 1) << "; liveness"
                   << (engine->hasLiveness() ? "on" : "off");
    return engine;
}

double FaceEngine::cosine(const Embedding& a, const Embedding& b)
{
    if (a.size() != b.size() || a.empty())
        return 0.0;
    double dot = 0.0;
    for (size_t i = 0; i < a.size(); ++i)
        dot += double(a[i]) * b[i];
    return dot;
}

Result<std::vector<FaceBox>> FaceEngine::detectFaces(const cv::Mat& image)
{
    return guarded("detection", [&] { return detect(m_models, image, false); });
}

Result<std::vector<FaceBox>> FaceEngine::detect(Models& lane, const cv::Mat& image, bool retryPadded)
{
    auto bgr = toBgr8(image);
    if (!bgr)
        return fail(bgr.error());
    auto faces = lane.detector->detect(*bgr, m_settings.detectConfidence);
    if (!faces)
        return faces;
    if (faces->empty() && retryPadded) {
        // A face that fills the frame (a close-up, a tightly cropped photo) is missed by the detector, which was
        // trained on faces with surroundings. Retry once with a neutral border around the image.
        const int padX = bgr->cols / 4, padY = bgr->rows / 4;
        cv::Mat padded;
        cv::copyMakeBorder(*bgr, padded, padY, padY, padX, padX, cv::BORDER_CONSTANT, cv::Scalar::all(114));
        faces = lane.detector->detect(padded, m_settings.detectConfidence);
        if (!faces)
            return faces;
        for (FaceBox& face : *faces)
            face.rect -= cv::Point2f(float(padX), float(padY));
    }
    float largest = 0.0f;
    for (const FaceBox& face : *faces)
        largest = std::max(largest, face.rect.height);
    std::erase_if(*faces, [&](const FaceBox& face) { return face.rect.height < kComparableFaceFraction * largest; });
    return faces;
}

Result<Embedding> FaceEngine::embedAligned(Models& lane, const cv::Mat& aligned, bool mirror)
{
    auto embedding = lane.embedder->embed(aligned);
    if (!embedding || !mirror)
        return embedding;
    cv::Mat mirrored;
    cv::flip(aligned, mirrored, 1);
    auto second = lane.embedder->embed(mirrored);
    if (!second)
        return second;
    double norm = 0.0;
    for (size_t i = 0; i < embedding->size(); ++i) {
        (*embedding)[i] += (*second)[i];
        norm += double((*embedding)[i]) * (*embedding)[i];
    }
    norm = std::sqrt(norm);
    for (float& v : *embedding)
        v = float(v / std::max(norm, 1e-9));
    return embedding;
}

Result<FaceAnalysis> FaceEngine::locate(Models& lane, const cv::Mat& bgr, ImageRole role)
{
    const QString side = role == ImageRole::Live ? u"live photo"_s : u"ID photo"_s;
    if (bgr.cols < 16 || bgr.rows < 16)
        return fail(faceError(Error::Code::InvalidInput, FaceIssue::UnreadableImage,
                              u"the %1 is too small to hold a face"_s.arg(side)));
    FaceAnalysis analysis;
    analysis.imageSize = bgr.size();

    QElapsedTimer timer;
    timer.start();
    auto faces = detect(lane, bgr, true);
    if (!faces)
        return fail(faces.error());
    analysis.detectMs = elapsedMs(timer);
    analysis.faceCount = int(faces->size());

    if (faces->empty()) {
        if (role == ImageRole::IdPhoto && looksLikeChipPhoto(bgr.size())) {
            analysis.face = FaceBox{geometry::chipPhotoFaceBox(bgr.size()), 0.0f};
            analysis.chipLayoutUsed = true;
        } else {
            return fail(
                faceError(Error::Code::InvalidInput, FaceIssue::NoFace, u"no face found in the %1"_s.arg(side)));
        }
    } else if (role == ImageRole::Live && faces->size() > 1) {
        return fail(faceError(Error::Code::InvalidInput, FaceIssue::SeveralFaces,
                              u"%1 faces found in the live photo; exactly one is allowed"_s.arg(faces->size())));
    } else {
        // The chip photo holds one face; a second, weaker box is a false detection on the background pattern.
        analysis.face = faces->front();
    }

    if (!analysis.chipLayoutUsed) {
        const cv::Rect2f frame(0, 0, float(bgr.cols), float(bgr.rows));
        const double inside = (analysis.face.rect & frame).area() / std::max(1.0f, analysis.face.rect.area());
        if (inside < 0.8) {
            if (role == ImageRole::IdPhoto && looksLikeChipPhoto(bgr.size())) {
                // A box leaving a chip photo is a poor detection: the card's layout is the better guess.
                analysis.face = FaceBox{geometry::chipPhotoFaceBox(bgr.size()), 0.0f};
                analysis.chipLayoutUsed = true;
            } else {
                return fail(faceError(Error::Code::InvalidInput, FaceIssue::FaceAtEdge,
                                      u"the face is cut off at the edge of the %1"_s.arg(side)));
            }
        }
    }

    timer.restart();
    auto landmarks = lane.landmarks->locate(bgr, analysis.face);
    if (!landmarks)
        return fail(landmarks.error());
    analysis.landmarks = *landmarks;
    {
        // Second pass on a square box around the first landmarks: the detector's box sits loosely on the face
        // (often beyond the frame on close-ups), and a crop that fits the face places the points better. Worth
        // about 1.5 points of true accepts at 0.1 % false accepts on the calibration set.
        std::vector<cv::Point2f> points(analysis.landmarks.begin(), analysis.landmarks.end());
        const cv::Rect2f bounds = cv::boundingRect(points);
        const float side = std::max(bounds.width, bounds.height) * kLandmarkRefineScale;
        const FaceBox refined{cv::Rect2f(bounds.x + bounds.width / 2.0f - side / 2.0f,
                                         bounds.y + bounds.height / 2.0f - side / 2.0f, side, side),
                              analysis.face.confidence};
        if (side >= 8.0f) {
            auto second = lane.landmarks->locate(bgr, refined);
            if (second)
                analysis.landmarks = *second;
            if (second && m_tuning.landmarkFlip) {
                // The same crop mirrored: its points, mirrored back and renumbered, averaged with the direct ones.
                cv::Mat mirrored;
                cv::flip(bgr, mirrored, 1);
                FaceBox mirroredBox = refined;
                mirroredBox.rect.x = float(bgr.cols) - refined.rect.x - refined.rect.width;
                auto flipped = lane.landmarks->locate(mirrored, mirroredBox);
                if (flipped) {
                    const auto& partner = geometry::mirroredLandmarkIndex();
                    for (size_t i = 0; i < analysis.landmarks.size(); ++i) {
                        const cv::Point2f p = (*flipped)[size_t(partner[i])];
                        analysis.landmarks[i] =
                            (analysis.landmarks[i] + cv::Point2f(float(bgr.cols) - p.x, p.y)) * 0.5f;
                    }
                }
            }
        }
    }
    analysis.landmarksMs = elapsedMs(timer);
    if (role == ImageRole::Live) {
        // The detector happily boxes the visible half of a face; the landmarks, placed on the whole face, tell
        // that the rest lies outside the frame.
        const int outside = landmarksOutside(analysis.landmarks, bgr.size());
        if (outside > kMaxLandmarksOutside)
            return fail(faceError(Error::Code::InvalidInput, FaceIssue::FaceAtEdge,
                                  u"the face is cut off at the edge of the live photo"_s));
    }
    return analysis;
}

Result<void> FaceEngine::finish(Models& lane, const cv::Mat& bgr, ImageRole role, FaceAnalysis& analysis)
{
    QElapsedTimer timer;
    timer.start();
    const FivePoints points = geometry::fivePoints(analysis.landmarks);
    analysis.aligned = m_tuning.antialiasAlign
                           ? geometry::alignFaceAntialiased(bgr, points, lane.embedder->alignedSize())
                           : geometry::alignFace(bgr, points, lane.embedder->alignedSize());
    cv::Mat toEmbed = analysis.aligned;
    if (role == ImageRole::Live && m_tuning.liveDegradeSide > 0) {
        cv::Mat small;
        cv::resize(analysis.aligned, small, cv::Size(m_tuning.liveDegradeSide, m_tuning.liveDegradeSide), 0, 0,
                   cv::INTER_AREA);
        cv::resize(small, toEmbed, analysis.aligned.size(), 0, 0, cv::INTER_LINEAR);
    }
    auto embedding = embedAligned(lane, toEmbed, role == ImageRole::Live ? m_tuning.mirrorLive : m_tuning.mirrorId);
    if (!embedding)
        return fail(embedding.error());
    analysis.embedding = std::move(*embedding);
    analysis.embedMs = elapsedMs(timer);

    if (role == ImageRole::Live) {
        QualityInput input;
        input.imageSize = bgr.size();
        input.faceCount = analysis.faceCount;
        input.face = analysis.face;
        input.landmarks = analysis.landmarks;
        cv::cvtColor(analysis.aligned, input.alignedGrey, cv::COLOR_BGR2GRAY);
        analysis.quality = QualityGate(m_settings).assess(input);
    }
    return {};
}

FaceEngine::LivenessOutcome FaceEngine::livenessOf(const cv::Mat& bgr, const FaceBox& face)
{
    LivenessOutcome outcome;
    if (!m_models.liveness)
        return outcome;
    QElapsedTimer timer;
    timer.start();
    auto live = m_models.liveness->liveProbability(bgr, face);
    if (live)
        outcome.probability = *live;
    outcome.ms = elapsedMs(timer);
    return outcome;
}

Result<FaceAnalysis> FaceEngine::analyseOn(Models& lane, const cv::Mat& image, ImageRole role, bool withLiveness)
{
    auto converted = toBgr8(image);
    if (!converted)
        return fail(converted.error());
    if (role == ImageRole::IdPhoto && m_tuning.idUpscaleBelow > 0 &&
        std::max(converted->cols, converted->rows) < m_tuning.idUpscaleBelow && converted->cols >= 16 &&
        converted->rows >= 16) {
        // The chip photo's face is tiny: enlarging the whole photo with a sharper filter than the landmark crop's
        // and the alignment's bilinear one gives both more to work with. Results are mapped back to the photo.
        const double f = m_tuning.idUpscaleFactor;
        cv::Mat enlarged;
        cv::resize(*converted, enlarged, cv::Size(), f, f, m_tuning.idUpscaleInterpolation);
        auto analysis = locate(lane, enlarged, role);
        if (!analysis)
            return analysis;
        if (auto finished = finish(lane, enlarged, role, *analysis); !finished)
            return fail(finished.error());
        const float back = float(1.0 / f);
        analysis->imageSize = converted->size();
        analysis->face.rect = cv::Rect2f(analysis->face.rect.x * back, analysis->face.rect.y * back,
                                         analysis->face.rect.width * back, analysis->face.rect.height * back);
        for (cv::Point2f& p : analysis->landmarks)
            p *= back;
        return analysis;
    }
    auto analysis = locate(lane, *converted, role);
    if (!analysis)
        return analysis;
    if (auto finished = finish(lane, *converted, role, *analysis); !finished)
        return fail(finished.error());
    if (role == ImageRole::Live && withLiveness) {
        const LivenessOutcome liveness = livenessOf(*converted, analysis->face);
        analysis->liveProbability = liveness.probability;
        analysis->livenessMs = liveness.ms;
    }
    return analysis;
}

Result<FaceAnalysis> FaceEngine::analyse(const cv::Mat& image, ImageRole role)
{
    return guarded("analysis", [&] { return analyseOn(m_models, image, role, true); });
}

Result<FaceAnalysis> FaceEngine::analyseIdPhoto(const cv::Mat& idPhoto)
{
    return guarded("ID photo analysis", [&] { return analyseOn(m_models, idPhoto, ImageRole::IdPhoto, false); });
}

void FaceEngine::runBoth(const std::function<void()>& remote, const std::function<void()>& local)
{
    // The worker's task owns the promise, so that it outlives set_value() even when this thread wakes and returns
    // before the worker has left set_value().
    auto done = std::make_shared<std::promise<void>>();
    std::future<void> finished = done->get_future();
    m_worker->start([&remote, done] {
        try {
            remote();
            done->set_value();
        } catch (...) {
            done->set_exception(std::current_exception());
        }
    });
    try {
        local();
    } catch (...) {
        finished.wait(); // the worker uses this frame's data: it must be done before the exception unwinds it
        throw;
    }
    finished.get();
}

Result<FaceAnalysis> FaceEngine::analyseLiveBesideWorker(const cv::Mat& liveImage,
                                                         const std::function<void()>& workerFirst)
{
    // The live photo's liveness pass goes to whichever thread is free first: the worker after `workerFirst`, or
    // this thread after the live embedding (the claim decides). The live face's box goes from this thread, once
    // located, to the worker; the promise is always resolved (empty when the face was not located), also when an
    // exception unwinds.
    std::atomic<bool> livenessClaimed = false;
    std::promise<std::optional<FaceBox>> located;
    std::future<std::optional<FaceBox>> locatedFuture = located.get_future();
    bool resolved = false;
    const auto resolve = [&](std::optional<FaceBox> face) {
        if (!std::exchange(resolved, true))
            located.set_value(face);
    };
    cv::Mat liveBgr;
    LivenessOutcome liveness;
    Result<FaceAnalysis> live = fail(Error::invalidInput(u"live photo not analysed"_s));
    const auto remote = [&] {
        workerFirst();
        if (livenessClaimed.exchange(true))
            return;
        if (const std::optional<FaceBox> face = locatedFuture.get())
            liveness = livenessOf(liveBgr, *face);
    };
    const auto local = [&] {
        struct Resolver {
            const decltype(resolve)& onExit;
            ~Resolver() { onExit(std::nullopt); }
        } resolver{resolve};
        auto converted = toBgr8(liveImage);
        if (!converted) {
            live = fail(converted.error());
            return;
        }
        liveBgr = std::move(*converted);
        live = locate(m_models, liveBgr, ImageRole::Live);
        if (!live)
            return;
        resolve(live->face);
        if (auto finished = finish(m_models, liveBgr, ImageRole::Live, *live); !finished) {
            live = fail(finished.error());
            return;
        }
        if (!livenessClaimed.exchange(true))
            liveness = livenessOf(liveBgr, live->face);
    };
    runBoth(remote, local);
    if (live) {
        live->liveProbability = liveness.probability;
        live->livenessMs = liveness.ms;
    }
    return live;
}

PairAnalysis FaceEngine::analysePair(const cv::Mat& liveImage, const cv::Mat& idImage)
{
    try {
        return analysePairUnguarded(liveImage, idImage);
    } catch (const cv::Exception& e) {
        const Error fault = pipelineFault("pair analysis", e.what());
        return PairAnalysis{fail(fault), fail(fault), 0.0};
    } catch (const std::exception& e) {
        const Error fault = pipelineFault("pair analysis", e.what());
        return PairAnalysis{fail(fault), fail(fault), 0.0};
    }
}

PairAnalysis FaceEngine::analysePairUnguarded(const cv::Mat& liveImage, const cv::Mat& idImage)
{
    QElapsedTimer timer;
    timer.start();
    PairAnalysis pair{fail(Error::invalidInput(u"live photo not analysed"_s)),
                      fail(Error::invalidInput(u"ID photo not analysed"_s))};
    if (!isParallel()) {
        pair.live = analyseOn(m_models, liveImage, ImageRole::Live, true);
        pair.id = analyseOn(m_models, idImage, ImageRole::IdPhoto, false);
    } else {
        // Worker lane: the chip side, then the live photo's liveness pass. The live side is the longer one
        // (bigger image, quality gate), so moving its liveness pass to the worker evens out the two lanes.
        pair.live = analyseLiveBesideWorker(liveImage,
                                            [&] { pair.id = analyseOn(m_second, idImage, ImageRole::IdPhoto, false); });
    }
    pair.totalMs = elapsedMs(timer);
    return pair;
}

FaceComparison FaceEngine::decide(FaceAnalysis live, FaceAnalysis id) const
{
    FaceComparison result;
    result.settings = m_settings;
    result.cosine = cosine(live.embedding, id.embedding);
    result.score = scoreForCosine(result.cosine, m_settings);
    result.similarityDecision = decisionForCosine(result.cosine, m_settings);
    result.decision = result.similarityDecision;
    if (live.quality && !live.quality->passed())
        result.reasons += live.quality->issues();
    if (live.liveProbability && *live.liveProbability < m_settings.minLiveProbability)
        result.reasons.append(FaceIssue::NotLive);
    // A pass needs a good photo of a live person; otherwise a manager looks at it. A low score stays a fail.
    if (result.decision == Decision::Pass && !result.reasons.isEmpty())
        result.decision = Decision::Review;
    result.live = std::move(live);
    result.id = std::move(id);
    return result;
}

Result<FaceComparison> FaceEngine::compare(const cv::Mat& liveImage, const cv::Mat& idImage)
{
    PairAnalysis pair = analysePair(liveImage, idImage);
    if (!pair.live)
        return fail(pair.live.error());
    if (!pair.id)
        return fail(pair.id.error());
    FaceComparison result = decide(std::move(*pair.live), std::move(*pair.id));
    result.totalMs = pair.totalMs;
    return result;
}

Result<FaceComparison> FaceEngine::compare(const cv::Mat& liveImage, const FaceAnalysis& idAnalysis)
{
    return guarded("comparison", [&] { return compareUnguarded(liveImage, idAnalysis); });
}

Result<FaceComparison> FaceEngine::compareUnguarded(const cv::Mat& liveImage, const FaceAnalysis& idAnalysis)
{
    QElapsedTimer timer;
    timer.start();
    if (idAnalysis.embedding.empty())
        return fail(Error::invalidInput(u"the ID photo has not been analysed"_s));
    // The chip side is done: with a second lane, the worker runs the liveness pass while this thread embeds.
    auto live = isParallel() ? analyseLiveBesideWorker(liveImage, [] {})
                             : analyseOn(m_models, liveImage, ImageRole::Live, true);
    if (!live)
        return fail(live.error());
    FaceComparison result = decide(std::move(*live), idAnalysis);
    result.totalMs = elapsedMs(timer);
    return result;
}

QJsonObject FaceComparison::toJson() const
{
    QJsonObject object;
    object.insert(u"score"_s, score);
    object.insert(u"cosine"_s, rounded(cosine, 10000.0));
    object.insert(u"decision"_s, decisionName(decision));
    object.insert(u"similarity_decision"_s, decisionName(similarityDecision));
    object.insert(u"thresholds"_s, QJsonObject{{u"pass_cosine"_s, settings.passCosine},
                                               {u"review_cosine"_s, settings.reviewCosine},
                                               {u"pass_score"_s, 80},
                                               {u"review_score"_s, 60}});
    QJsonObject quality = live.quality ? live.quality->toJson() : QJsonObject{};
    quality.insert(u"id_photo_chip_layout"_s, id.chipLayoutUsed);
    object.insert(u"quality"_s, quality);
    if (live.liveProbability)
        object.insert(u"liveness"_s, QJsonObject{{u"live_probability"_s, rounded(*live.liveProbability)},
                                                 {u"threshold"_s, settings.minLiveProbability}});
    QJsonArray reasonNames;
    for (FaceIssue issue : reasons)
        reasonNames.append(faceIssueName(issue));
    object.insert(u"reasons"_s, reasonNames);
    object.insert(u"timings_ms"_s, QJsonObject{{u"live_detect"_s, rounded(live.detectMs, 100.0)},
                                               {u"live_landmarks"_s, rounded(live.landmarksMs, 100.0)},
                                               {u"live_embed"_s, rounded(live.embedMs, 100.0)},
                                               {u"live_liveness"_s, rounded(live.livenessMs, 100.0)},
                                               {u"id_detect"_s, rounded(id.detectMs, 100.0)},
                                               {u"id_landmarks"_s, rounded(id.landmarksMs, 100.0)},
                                               {u"id_embed"_s, rounded(id.embedMs, 100.0)},
                                               {u"total"_s, rounded(totalMs, 100.0)}});
    return object;
}

} // namespace shiming::face
