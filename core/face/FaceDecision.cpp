#include "core/face/FaceDecision.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace shiming::face {

QString decisionName(Decision decision)
{
    switch (decision) {
    case Decision::Pass:
        return u"pass"_s;
    case Decision::Review:
        return u"review"_s;
    case Decision::Fail:
        return u"fail"_s;
    }
    return {};
}

Decision decisionForCosine(double cosine, const FaceSettings& settings)
{
    if (cosine >= settings.passCosine)
        return Decision::Pass;
    if (cosine >= settings.reviewCosine)
        return Decision::Review;
    return Decision::Fail;
}

int scoreForCosine(double cosine, const FaceSettings& s)
{
    if (!std::isfinite(cosine) || cosine <= 0.0)
        return 0;
    const double review = std::clamp(s.reviewCosine, 0.01, 0.98);
    const double pass = std::clamp(s.passCosine, review + 0.005, 0.99);
    double score;
    if (cosine < review)
        score = 60.0 * cosine / review;
    else if (cosine < pass)
        score = 60.0 + 20.0 * (cosine - review) / (pass - review);
    else
        score = 80.0 + 20.0 * std::min(1.0, (cosine - pass) / (1.0 - pass));
    // Never let rounding move a value across a band boundary.
    int rounded = int(std::floor(score));
    if (cosine >= pass)
        rounded = std::max(rounded, 80);
    else if (cosine >= review)
        rounded = std::clamp(rounded, 60, 79);
    else
        rounded = std::min(rounded, 59);
    return std::clamp(rounded, 0, 100);
}

} // namespace shiming::face
