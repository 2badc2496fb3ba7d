#pragma once

#include "core/common/Error.h"
#include "core/face/FaceEngine.h"

#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace shiming::face {

/// Simulates the chip photo from a face photo: a crop with the card's 102:126 aspect centred on the image,
/// `faceWidthFraction` of the source width wide, shrunk to 102×126 (the card's geometry puts the face in the
/// middle, as in the labelled calibration photos).
cv::Mat makeChipPhoto(const cv::Mat& photo, double cropWidthFraction);

/// Simulates a counter-camera frame from a tightly cropped face photo: the photo centred on a 640×480 neutral
/// background (scaled down only if it does not fit), so that the face does not touch the frame's edges.
cv::Mat makeLiveFrame(const cv::Mat& photo);

/// Options for an evaluation over a folder of labelled photos named Person_Name_NNNN.jpg.
struct EvaluationOptions {
    QString photoDir;
    int maxImages = 0;             ///< 0: all
    double chipCropFraction = 1.0; ///< see makeChipPhoto()
    bool liveAsCameraFrame = true; ///< see makeLiveFrame(); false compares the photo itself
    QSet<QString> exclude;         ///< file names left out entirely (photos whose label names the wrong person)
    QString dumpDir;               ///< when set: writes the first photos' chip crops and aligned faces (PNG)
    int dumpCount = 20;
};

/// Live-vs-chip evaluation results. Genuine pairs: every ordered pair of two photos of one person, the first at
/// full size as the live photo, the second shrunk to a chip photo. Impostor pairs: every such pair of two
/// different people.
struct EvaluationReport {
    int images = 0;
    int people = 0;
    int excluded = 0; ///< photos left out by EvaluationOptions::exclude
    /// The figures with the excluded photos kept (the data set as published); only when some were excluded.
    struct Published {
        qint64 genuinePairs, impostorPairs;
        double thresholdAtFar1, tarAtFar1, thresholdAtFar01, tarAtFar01;
    };
    std::optional<Published> published;
    int liveFailures = 0;                  ///< photos the pipeline could not use as a live photo
    QMap<QString, int> liveFailureReasons; ///< by FaceIssue name
    QMap<QString, int> idFailureReasons;   ///< by FaceIssue name
    QMap<QString, int> qualityIssues;
    QMap<QString, std::vector<double>> qualityMeasures; ///< every live photo's measures, for calibrating the gate ///<
                                                        ///< quality-gate issues of the usable live photos, by name
    int idFailures = 0;                                 ///< chip photos it could not use at all
    int idChipLayoutUsed = 0;    ///< chip photos where the standard layout replaced a missed detection
    int liveQualityRejected = 0; ///< live photos that fail the quality gate (they are still compared)
    qint64 genuinePairs = 0;
    qint64 impostorPairs = 0;
    double thresholdAtFar1 = 0.0; ///< lowest cosine with false accepts ≤ 1 %
    double tarAtFar1 = 0.0;
    double thresholdAtFar01 = 0.0; ///< lowest cosine with false accepts ≤ 0.1 %
    double tarAtFar01 = 0.0;
    double tarAtPass = 0.0, farAtPass = 0.0;        ///< at the settings' pass threshold
    double rejectAtReview = 0.0, farAtReview = 0.0; ///< genuine pairs below review (false fails), impostors above
    double suggestedPass = 0.0, suggestedReview = 0.0;
    double medianLiveMs = 0.0, medianIdMs = 0.0; ///< sums of the stage timings of each side
    double medianPairMs = 0.0;                   ///< both sides (in parallel when the engine has two lanes)
    struct Row {
        double threshold, trueAccept, falseAccept;
    };
    struct Missed {
        QString live, id; ///< file names
        double cosine;    ///< −1 when one side could not be used
    };
    std::vector<Missed> missedGenuine; ///< genuine pairs below the 0.1 % false-accept threshold, lowest first
    std::vector<Row> table;            ///< true and false accepts at cosines 0.20, 0.21, … 0.50
    FaceSettings settings;

    QString toText() const;
    QJsonObject toJson() const;
};

/// Reads a list of photo file names, one per line; `#` starts a comment. Empty on a missing file.
Result<QSet<QString>> readPhotoList(const QString& path);

/// Runs the evaluation; `progress` (may be empty) gets (done, total) now and then.
Result<EvaluationReport> evaluatePhotos(FaceEngine& engine, const EvaluationOptions& options,
                                        const std::function<void(int, int)>& progress = {});

/// True-accept rate and threshold at a false-accept target, from sorted genuine and impostor scores.
struct OperatingPoint {
    double threshold = 0.0;
    double trueAccept = 0.0;
    double falseAccept = 0.0;
};
OperatingPoint operatingPointAtFar(const std::vector<float>& genuineSorted, const std::vector<float>& impostorSorted,
                                   double targetFar);

} // namespace shiming::face
