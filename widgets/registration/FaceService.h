#pragma once

#include "core/common/Error.h"
#include "core/registration/Registration.h"

#include <opencv2/core.hpp>

#include <QList>
#include <QRectF>
#include <QString>

#include <memory>

namespace shiming::face {
class FaceEngine;
struct FaceAnalysis;
} // namespace shiming::face

namespace shiming {

/// What the live preview tells the clerk about one frame: where the faces are and what to fix first.
struct FaceHint {
    QList<QRectF> boxes; ///< in frame pixels
    QString instruction; ///< translated ("Move closer", "One person only", ...); empty when the frame is good
    bool ok = false;
};

/// One comparison of a live photo with the document photo, with the evidence for the record.
struct FaceCheck {
    registration::FaceEvidence evidence;
    int score = 0;   ///< 0–100 for people
    QString reasons; ///< translated reasons for anything short of a pass (quality, liveness)
};

/// The face pipeline as the face step uses it. Implementations: EngineFaceService (core/face) and fakes.
class FaceService {
public:
    virtual ~FaceService() = default;
    /// False when the models are missing: comparisons then go to a manager (NotCompared).
    virtual bool available() const = 0;
    virtual FaceHint hint(const cv::Mat& frame) = 0;
    /// Compares a live frame with the document photo (an encoded image file: BMP from the chip, JPEG scan).
    virtual Result<FaceCheck> compare(const cv::Mat& live, const QByteArray& documentPhoto) = 0;
    /// The face step opened for this document photo: analyse it now, so that a capture (and each retry) only
    /// runs the live side. Optional; compare() works without it.
    virtual void prepare(const QByteArray& /*documentPhoto*/) {}
};

/// FaceService over core/face's FaceEngine (may be null: face comparison unavailable).
class EngineFaceService final : public FaceService {
public:
    explicit EngineFaceService(face::FaceEngine* engine)
        : m_engine(engine)
    {}
    bool available() const override { return m_engine != nullptr; }
    FaceHint hint(const cv::Mat& frame) override;
    Result<FaceCheck> compare(const cv::Mat& live, const QByteArray& documentPhoto) override;
    void prepare(const QByteArray& documentPhoto) override;

private:
    /// The document photo's analysis: the one kept for the same photo, else decoded (size-checked) and analysed.
    Result<const face::FaceAnalysis*> documentAnalysis(const QByteArray& documentPhoto);

    face::FaceEngine* m_engine;
    QByteArray m_analysedPhoto; ///< the document photo m_analysis belongs to (one customer at a time)
    std::shared_ptr<const face::FaceAnalysis> m_analysis;
};

} // namespace shiming
