#pragma once

#include "core/common/Error.h"
#include "core/face/FaceDecision.h"
#include "core/face/FaceModels.h"
#include "core/face/FaceSettings.h"
#include "core/face/QualityGate.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>

#include <memory>
#include <optional>

class QThreadPool;

namespace shiming::face {

/// How many landmarks lie outside a frame of `frame` size (a face cut off at the edge has many).
int landmarksOutside(const Landmarks68& landmarks, cv::Size frame);

/// Everything the pipeline learnt about one image.
struct FaceAnalysis {
    cv::Size imageSize;
    int faceCount = 0;           ///< faces of comparable size (small background faces are not counted)
    FaceBox face;                ///< the face used
    bool chipLayoutUsed = false; ///< the chip photo's standard layout stood in for a missed detection
    Landmarks68 landmarks{};
    cv::Mat aligned; ///< the aligned face crop (BGR) the embedding was taken from
    Embedding embedding;
    std::optional<QualityReport> quality; ///< live photos only
    std::optional<float> liveProbability; ///< live photos only, when the liveness model is installed
    double detectMs = 0.0, landmarksMs = 0.0, embedMs = 0.0, livenessMs = 0.0;
};

/// A live photo compared with a chip photo, with the evidence a fraud investigator needs: cosine, thresholds,
/// quality measures and the reasons for anything short of a pass.
struct FaceComparison {
    double cosine = 0.0;
    int score = 0; ///< 0–100, see scoreForCosine()
    Decision decision = Decision::Fail;
    Decision similarityDecision = Decision::Fail; ///< the band of the cosine alone, before quality and liveness
    QList<FaceIssue> reasons;                     ///< why the decision is below the similarity band (quality, liveness)
    FaceSettings settings;                        ///< the thresholds applied
    FaceAnalysis live;
    FaceAnalysis id;
    double totalMs = 0.0;

    /// {"score", "cosine", "decision", "thresholds", "quality", "liveness", "reasons", "timings_ms"}
    QJsonObject toJson() const;
};

/// Both sides of a comparison analysed, each with its own result (the evaluation needs both even when one fails).
struct PairAnalysis {
    Result<FaceAnalysis> live;
    Result<FaceAnalysis> id;
    double totalMs = 0.0;
};

/// The face pipeline: detect → landmarks → align → embed → compare, on 8- or 16-bit, grey or colour images of
/// any size. Not thread-safe: call one engine from one thread at a time (it may use a worker thread of its own
/// inside compare(), see setSecondLane()).
class FaceEngine {
public:
    struct Models {
        std::unique_ptr<FaceDetector> detector;
        std::unique_ptr<LandmarkDetector> landmarks;
        std::unique_ptr<FaceEmbedder> embedder;
        std::unique_ptr<LivenessModel> liveness; ///< optional
    };

    explicit FaceEngine(Models models, FaceSettings settings = {});
    ~FaceEngine();

    /// Loads the models named by the manifest from the first of `modelDirs` that holds them and checks their
    /// sha256. Without them it fails with the issue ModelsUnavailable ("face comparison unavailable").
    /// Loads two lanes (see setSecondLane()), the second one on a helper thread while the first loads.
    static Result<std::unique_ptr<FaceEngine>> load(const QStringList& modelDirs, FaceSettings settings = {});
    /// As above with `lanes` 1 (everything sequential on the calling thread) or 2.
    static Result<std::unique_ptr<FaceEngine>> load(const QStringList& modelDirs, FaceSettings settings, int lanes);

    /// OpenCV's worker threads for the network layers (process-wide). load() sets 2: a single image (preview
    /// detection, one side alone) uses both cores; when compare() runs its two lanes at once, TBB shares the
    /// same two threads between them instead of adding more.
    static void setThreads(int threads);

    /// A second set of detector, landmark and embedding stages (the network instances are not safe for
    /// concurrent forward passes, so each thread needs its own). With it compare() and analysePair() analyse
    /// the chip photo on a worker thread while the caller analyses the live photo; the live photo's passive
    /// liveness pass (first lane's stage) runs on whichever thread is free first, which balances the two lanes.
    /// The second lane's liveness stage, if any, is unused.
    void setSecondLane(Models lane);
    bool hasSecondLane() const { return m_second.detector != nullptr; }
    /// Whether compare() uses the second lane (default on when there is one); off gives the sequential path,
    /// the baseline of the benchmark.
    void setParallel(bool on) { m_parallel = on; }
    bool isParallel() const { return m_parallel && hasSecondLane(); }

    const FaceSettings& settings() const { return m_settings; }
    void setSettings(const FaceSettings& settings) { m_settings = settings; }
    bool hasLiveness() const { return m_models.liveness != nullptr; }
    double loadMilliseconds() const { return m_loadMs; }
    /// Also embed the mirrored face and average both (both sides): one more embedder pass per side; measured
    /// without gain (docs/face.md). Shorthand for Tuning::mirrorLive and mirrorId.
    void setMirrorEmbedding(bool on) { m_tuning.mirrorLive = m_tuning.mirrorId = on; }

    /// Pipeline choices measured with shiming-face-eval (docs/face.md); the defaults are the measured best.
    struct Tuning {
        bool mirrorLive = false; ///< embed the mirrored live face too and sum both (test-time augmentation)
        bool mirrorId = false;   ///< the same on the chip side
        /// Chip-side images smaller than this (longer side, pixels) are enlarged first, by `idUpscaleFactor`,
        /// with `idUpscaleInterpolation` (cv::InterpolationFlags); 0 disables.
        int idUpscaleBelow = 0;
        double idUpscaleFactor = 2.0;
        int idUpscaleInterpolation = 2; // cv::INTER_CUBIC
        /// Live side: the aligned face shrunk to this side and enlarged back (to the resolution of a chip
        /// photo's face) before embedding, so that both embeddings see the same level of detail; 0 disables.
        int liveDegradeSide = 0;
        /// Align with geometry::alignFaceAntialiased (area-average a large face down before the warp).
        bool antialiasAlign = false;
        /// Average the refined landmarks with those of the mirrored crop (one more landmark pass).
        bool landmarkFlip = false;
    };
    void setTuning(const Tuning& tuning) { m_tuning = tuning; }
    const Tuning& tuning() const { return m_tuning; }

    /// Detection only, for the live preview: faces of comparable size, most confident first. One detector pass
    /// (analyse() also retries on a padded image when a close-up face is missed).
    Result<std::vector<FaceBox>> detectFaces(const cv::Mat& image);

    /// Runs the whole pipeline on one image. Fails (with a FaceIssue in the error) when the image cannot be
    /// used at all: no face, several faces, a face cut off at the edge, an unusable pixel format.
    Result<FaceAnalysis> analyse(const cv::Mat& image, ImageRole role);

    /// Compares a live photo with a chip photo. Both sides go through the whole pipeline (in parallel when there
    /// is a second lane). An error on the live side is reported before one on the chip side.
    Result<FaceComparison> compare(const cv::Mat& live, const cv::Mat& idPhoto);

    /// The chip photo analysed once, when the card is read: keep the result for the session and compare each
    /// capture with compare(live, analysis), which then only runs the live side (its liveness pass on the
    /// worker thread). Same as analyse(idPhoto, ImageRole::IdPhoto).
    Result<FaceAnalysis> analyseIdPhoto(const cv::Mat& idPhoto);
    /// Compares a live photo with a chip photo analysed earlier by analyseIdPhoto().
    Result<FaceComparison> compare(const cv::Mat& live, const FaceAnalysis& idAnalysis);

    /// Analyses both sides, in parallel when there is a second lane, and reports each side's own result.
    PairAnalysis analysePair(const cv::Mat& live, const cv::Mat& idPhoto);

    /// Applies the thresholds, quality and liveness to two analyses.
    FaceComparison decide(FaceAnalysis live, FaceAnalysis id) const;

    static double cosine(const Embedding& a, const Embedding& b);

private:
    Result<Embedding> embedAligned(Models& lane, const cv::Mat& aligned, bool mirror);
    Result<std::vector<FaceBox>> detect(Models& lane, const cv::Mat& image, bool retryPadded);
    /// Detection, face choice, edge checks and landmarks: everything before the embedding.
    Result<FaceAnalysis> locate(Models& lane, const cv::Mat& bgr, ImageRole role);
    /// Alignment, embedding and (live photos) the quality gate.
    Result<void> finish(Models& lane, const cv::Mat& bgr, ImageRole role, FaceAnalysis& analysis);
    struct LivenessOutcome {
        std::optional<float> probability;
        double ms = 0.0;
    };
    LivenessOutcome livenessOf(const cv::Mat& bgr, const FaceBox& face);
    /// The live side on the calling thread (first lane) while the worker runs `workerFirst`; the live photo's
    /// liveness pass then runs on whichever of the two threads is free first.
    Result<FaceAnalysis> analyseLiveBesideWorker(const cv::Mat& live, const std::function<void()>& workerFirst);
    Result<FaceAnalysis> analyseOn(Models& lane, const cv::Mat& image, ImageRole role, bool withLiveness);
    PairAnalysis analysePairUnguarded(const cv::Mat& live, const cv::Mat& idPhoto);
    Result<FaceComparison> compareUnguarded(const cv::Mat& live, const FaceAnalysis& idAnalysis);
    /// Runs `remote` on the worker thread and `local` on the calling thread at the same time; returns when both
    /// have finished.
    void runBoth(const std::function<void()>& remote, const std::function<void()>& local);

    Models m_models;
    Models m_second;
    std::unique_ptr<QThreadPool> m_worker;
    FaceSettings m_settings;
    double m_loadMs = 0.0;
    Tuning m_tuning;
    bool m_parallel = true;
};

} // namespace shiming::face
