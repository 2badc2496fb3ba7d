#include "widgets/registration/FaceService.h"

#include "core/face/FaceEngine.h"
#include "core/face/FaceIssue.h"

#include <opencv2/imgcodecs.hpp>
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
        hint.instruction = face::faceIssueInstruction(face::FaceIssue::NoFace);
    } else if (faces->size() > 1) {
        hint.instruction = face::faceIssueInstruction(face::FaceIssue::SeveralFaces);
    } else {
        const cv::Rect2f& r = faces->front().rect;
        cv::Mat grey;
        if (frame.channels() == 3)
            cv::cvtColor(frame, grey, cv::COLOR_BGR2GRAY);
        else
            grey = frame;
        const double brightness = cv::mean(grey)[0];
        if (r.height < frame.rows * 0.25)
            hint.instruction = face::faceIssueInstruction(face::FaceIssue::FaceTooSmall);
        else if (brightness < 50)
            hint.instruction = face::faceIssueInstruction(face::FaceIssue::TooDark);
        else if (brightness > 220)
            hint.instruction = face::faceIssueInstruction(face::FaceIssue::TooBright);
        else
            hint.ok = true;
    }
    return hint;
}

Result<FaceCheck> EngineFaceService::compare(const cv::Mat& live, const QByteArray& documentPhoto)
{
    if (!m_engine)
        return fail(Error::deviceFault(u"face comparison unavailable"_s));
    if (documentPhoto.isEmpty())
        return fail(Error::invalidInput(u"no document photo"_s));
    cv::Mat id;
    try {
        const cv::Mat raw(1, int(documentPhoto.size()), CV_8U, const_cast<char*>(documentPhoto.constData()));
        id = cv::imdecode(raw, cv::IMREAD_COLOR);
    } catch (const cv::Exception&) {
        id.release();
    }
    if (id.empty())
        return fail(Error::invalidInput(u"document photo cannot be decoded"_s));
    auto comparison = m_engine->compare(live, id);
    if (!comparison)
        return fail(comparison.error());
    FaceCheck check;
    check.score = comparison->score;
    check.evidence.band = bandOf(comparison->decision);
    check.evidence.score = comparison->cosine;
    check.evidence.threshold = comparison->settings.passCosine;
    if (comparison->live.liveProbability) {
        check.evidence.livenessScore = *comparison->live.liveProbability;
        check.evidence.liveness = *comparison->live.liveProbability >= 0.5 ? registration::LivenessResult::Live
                                                                           : registration::LivenessResult::Spoof;
    }
    QStringList reasons;
    for (face::FaceIssue issue : comparison->reasons)
        reasons.append(face::faceIssueInstruction(issue));
    check.reasons = reasons.join(u' ');
    return check;
}

} // namespace shiming
