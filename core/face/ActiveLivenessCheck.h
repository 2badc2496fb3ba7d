#pragma once

#include "core/face/FaceIssue.h"
#include "core/face/FaceTypes.h"

#include <QString>

#include <optional>

namespace shiming::face {

/// What the customer is asked to do in front of the camera.
enum class LivenessChallenge {
    Blink,
    TurnLeft, ///< the customer's own left: the nose moves towards the image's right on an unmirrored camera
    TurnRight,
};

/// One preview frame as the active check sees it.
struct LivenessFrame {
    qint64 timestampMs = 0;
    int faceCount = 0;
    std::optional<Landmarks68> landmarks; ///< of the single face, when there is exactly one
};

/// An active liveness check across preview frames: the customer blinks or turns the head on request. A printed
/// photo cannot blink and a photo turned in front of the camera does not change its own yaw the way a head does;
/// a video replay on a phone can still do both, which is why the passive model and the manager review remain.
class ActiveLivenessCheck {
public:
    enum class State { Waiting, Passed, Failed };

    struct Options {
        qint64 timeoutMs = 8000;
        double closedFraction = 0.65; ///< eyes count as closed below this fraction of the open baseline
        double reopenFraction = 0.85; ///< and open again above this one
        double turnDegrees = 18.0;    ///< yaw the turn must reach
        double frontalDegrees = 10.0; ///< a turn starts from a frontal face
        int baselineFrames = 3;       ///< open-eye frames needed before a blink counts
    };

    explicit ActiveLivenessCheck(LivenessChallenge challenge);
    ActiveLivenessCheck(LivenessChallenge challenge, Options options);

    /// Feeds the next frame; returns the state after it.
    State feed(const LivenessFrame& frame);

    State state() const { return m_state; }
    LivenessChallenge challenge() const { return m_challenge; }
    /// Why the check failed: SeveralFaces, or NotLive when the time ran out.
    std::optional<FaceIssue> failure() const { return m_failure; }

    /// The translated request read to the customer ("Please blink.").
    static QString instruction(LivenessChallenge challenge);

private:
    LivenessChallenge m_challenge;
    Options m_options;
    State m_state = State::Waiting;
    std::optional<FaceIssue> m_failure;
    std::optional<qint64> m_startMs;
    int m_openFrames = 0;
    double m_openBaseline = 0.0;
    bool m_eyesClosed = false;
    bool m_sawFrontal = false;
};

} // namespace shiming::face
