#include "core/face/ActiveLivenessCheck.h"

#include "core/face/FaceGeometry.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace shiming::face {

ActiveLivenessCheck::ActiveLivenessCheck(LivenessChallenge challenge)
    : ActiveLivenessCheck(challenge, Options{})
{}

ActiveLivenessCheck::ActiveLivenessCheck(LivenessChallenge challenge, Options options)
    : m_challenge(challenge)
    , m_options(options)
{}

QString ActiveLivenessCheck::instruction(LivenessChallenge challenge)
{
    // Literal contexts: lupdate cannot follow a variable.
    switch (challenge) {
    case LivenessChallenge::Blink:
        return QCoreApplication::translate("shiming::face::ActiveLivenessCheck",
                                           "Please look at the camera and blink.");
    case LivenessChallenge::TurnLeft:
        return QCoreApplication::translate("shiming::face::ActiveLivenessCheck",
                                           "Please turn your head slowly to your left, then back.");
    case LivenessChallenge::TurnRight:
        return QCoreApplication::translate("shiming::face::ActiveLivenessCheck",
                                           "Please turn your head slowly to your right, then back.");
    }
    return {};
}

ActiveLivenessCheck::State ActiveLivenessCheck::feed(const LivenessFrame& frame)
{
    if (m_state != State::Waiting)
        return m_state;
    if (!m_startMs)
        m_startMs = frame.timestampMs;
    if (frame.timestampMs - *m_startMs > m_options.timeoutMs) {
        m_state = State::Failed;
        m_failure = FaceIssue::NotLive;
        return m_state;
    }
    if (frame.faceCount > 1) {
        // Someone else in the picture could be the one blinking.
        m_state = State::Failed;
        m_failure = FaceIssue::SeveralFaces;
        return m_state;
    }
    if (frame.faceCount == 0 || !frame.landmarks) {
        // The face left the picture: start over, so that a swap (person, then photo) cannot carry a pass.
        m_openFrames = 0;
        m_openBaseline = 0.0;
        m_eyesClosed = false;
        m_sawFrontal = false;
        return m_state;
    }
    const Landmarks68& landmarks = *frame.landmarks;

    if (m_challenge == LivenessChallenge::Blink) {
        const double openness = geometry::eyeOpenness(landmarks);
        if (!m_eyesClosed) {
            if (m_openFrames >= m_options.baselineFrames && openness < m_openBaseline * m_options.closedFraction) {
                m_eyesClosed = true;
            } else {
                // Running mean of open-eye frames; a slow drift (squinting) moves the baseline with it.
                m_openBaseline = (m_openBaseline * m_openFrames + openness) / (m_openFrames + 1);
                m_openFrames = std::min(m_openFrames + 1, 30);
            }
        } else if (openness > m_openBaseline * m_options.reopenFraction) {
            m_state = State::Passed;
        }
        return m_state;
    }

    const double yaw = geometry::yawDegrees(landmarks);
    if (std::abs(yaw) <= m_options.frontalDegrees)
        m_sawFrontal = true;
    // Positive yaw: the nose moved towards the image's left, which is the customer's right.
    const double towardsRequested = m_challenge == LivenessChallenge::TurnRight ? yaw : -yaw;
    if (m_sawFrontal && towardsRequested >= m_options.turnDegrees)
        m_state = State::Passed;
    return m_state;
}

} // namespace shiming::face
