#include "widgets/registration/FaceService.h"

#include "core/face/FaceEngine.h"
#include "core/face/FaceIssue.h"
#include "core/face/ImageInput.h"
#include "core/outlet/ClerkText.h"

#include <opencv2/imgproc.hpp>

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {

registration::FaceBand bandOf(face::Decision decision)
{
    switch (decision) {
    case face::Decision::Pass:
        return registration::FaceBand::Pass;
    case face::Decision::Review:
        return registration::FaceBand::ManualReview;
    case face::Decision::Fail:
        return registration::FaceBand::Fail;
    }
    return registration::FaceBand::Fail;
}

} // namespace

FaceHint EngineFaceService::hint(const cv::Mat& frame)
{
    FaceHint hint;
    if (!m_engine || frame.empty())
        return hint;
    auto faces = m_engine->detectFaces(frame);
    if (!faces)
        return hint;
    for (const face::FaceBox& box : *faces)
        hint.boxes.append(QRectF(box.rect.x, box.rect.y, box.rect.width, box.rect.height));
    if (faces->empty()) {
        hint.instruction = ClerkText::of(Cause{face::FaceIssue::NoFace});
    } else if (faces->size() > 1) {
        hint.instruction = ClerkText::of(Cause{face::FaceIssue::SeveralFaces});
    } else {
        const cv::Rect2f& r = faces->front().rect;
        cv::Mat grey;
        if (frame.channels() == 3)
            cv::cvtColor(frame, grey, cv::COLOR_BGR2GRAY);
        else
            grey = frame;
        const double brightness = cv::mean(grey)[0];
        if (r.height < frame.rows * 0.25)
            hint.instruction = ClerkText::of(Cause{face::FaceIssue::FaceTooSmall});
        else if (brightness < 50)
            hint.instruction = ClerkText::of(Cause{face::FaceIssue::TooDark});
        else if (brightness > 220)
            hint.instruction = ClerkText::of(Cause{face::FaceIssue::TooBright});
        else
            hint.ok = true;
    }
    return hint;
}

Result<const face::FaceAnalysis*> EngineFaceService::documentAnalysis(const QByteArray& documentPhoto)
{
    if (m_analysis && m_analysedPhoto == documentPhoto)
        return m_analysis.get();
    m_analysis.reset();
    m_analysedPhoto.clear();
    auto id = face::decodeImage(documentPhoto);
    if (!id)
        return fail(id.error());
    auto analysis = m_engine->analyseIdPhoto(*id);
    if (!analysis)
        return fail(analysis.error());
    m_analysis = std::make_shared<const face::FaceAnalysis>(std::move(*analysis));
    m_analysedPhoto = documentPhoto;
    return m_analysis.get();
}

void EngineFaceService::prepare(const QByteArray& documentPhoto)
{
    if (!m_engine || documentPhoto.isEmpty())
        return;
    // A photo that cannot be analysed is reported by the capture's compare(), where the clerk sees it.
    (void)documentAnalysis(documentPhoto);
}

Result<FaceCheck> EngineFaceService::compare(const cv::Mat& live, const QByteArray& documentPhoto)
{
    if (!m_engine)
        return fail(Error::deviceFault(u"face comparison unavailable"_s));
    if (documentPhoto.isEmpty())
        return fail(Error::invalidInput(u"no document photo"_s));
    auto id = documentAnalysis(documentPhoto);
    if (!id)
        return fail(id.error());
    auto comparison = m_engine->compare(live, **id);
    if (!comparison)
        return fail(comparison.error());
    FaceCheck check;
    check.score = comparison->score;
    check.evidence.band = bandOf(comparison->decision);
    check.evidence.score = comparison->cosine;
    check.evidence.points = comparison->score;
    check.evidence.threshold = comparison->settings.passCosine;
    if (comparison->live.liveProbability) {
        check.evidence.livenessScore = *comparison->live.liveProbability;
        check.evidence.liveness = *comparison->live.liveProbability >= 0.5 ? registration::LivenessResult::Live
                                                                           : registration::LivenessResult::Spoof;
    }
    QStringList reasons;
    for (face::FaceIssue issue : comparison->reasons)
        reasons.append(ClerkText::of(Cause{issue}));
    check.reasons = reasons.join(u' ');
    return check;
}

} // namespace shiming
