#pragma once

#include "core/face/FaceSettings.h"

#include <QString>

namespace shiming::face {

/// The three bands of a comparison: pass, manager review, fail.
enum class Decision { Pass, Review, Fail };

/// "pass", "review", "fail".
QString decisionName(Decision decision);

/// The band of a cosine under the given thresholds.
Decision decisionForCosine(double cosine, const FaceSettings& settings);

/// Maps a cosine onto 0–100 for people: piecewise linear, with the review threshold at 60 and the pass
/// threshold at 80 (the scale clerks know from other products), 0 at cosine 0 and below, 100 at 1.
int scoreForCosine(double cosine, const FaceSettings& settings);

} // namespace shiming::face
