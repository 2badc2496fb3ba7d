#pragma once

#include "core/common/Error.h"
#include "core/face/FaceDecision.h"
#include "core/face/FaceModels.h"
#include "core/face/FaceSettings.h"
#include "core/face/QualityGate.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>

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

/// The face pipeline: detect → landmarks → align → embed → compare, on 8- or 16-bit, grey or colour images of
/// any size. Not thread-safe: use one engine per thread (loading takes well under a second).
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
    static Result<std::unique_ptr<FaceEngine>> load(const QStringList& modelDirs, FaceSettings settings = {});

    /// OpenCV's worker threads; a 2-core counter PC runs best with 2 (the default set by load()).
    static void setThreads(int threads);

    const FaceSettings& settings() const { return m_settings; }
    void setSettings(const FaceSettings& settings) { m_settings = settings; }
    bool hasLiveness() const { return m_models.liveness != nullptr; }
    double loadMilliseconds() const { return m_loadMs; }
    /// Also embed the mirrored face and average both: steadier scores for about 40 % more embedding time.
    void setMirrorEmbedding(bool on) { m_mirror = on; }

    /// Detection only, for the live preview: faces of comparable size, most confident first. One detector pass
    /// (analyse() also retries on a padded image when a close-up face is missed).
    Result<std::vector<FaceBox>> detectFaces(const cv::Mat& image);

    /// Runs the whole pipeline on one image. Fails (with a FaceIssue in the error) when the image cannot be
    /// used at all: no face, several faces, a face cut off at the edge, an unusable pixel format.
    Result<FaceAnalysis> analyse(const cv::Mat& image, ImageRole role);

    /// Compares a live photo with a chip photo.
    Result<FaceComparison> compare(const cv::Mat& live, const cv::Mat& idPhoto);

    /// Applies the thresholds, quality and liveness to two analyses.
    FaceComparison decide(FaceAnalysis live, FaceAnalysis id) const;

    static double cosine(const Embedding& a, const Embedding& b);

private:
    Result<Embedding> embedAligned(const cv::Mat& aligned);
    Result<std::vector<FaceBox>> detect(const cv::Mat& image, bool retryPadded);

    Models m_models;
    FaceSettings m_settings;
    double m_loadMs = 0.0;
    bool m_mirror = false;
};

} // namespace shiming::face
