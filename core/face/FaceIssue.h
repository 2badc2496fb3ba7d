#pragma once

#include "core/common/Error.h"

#include <QString>

#include <optional>

namespace shiming::face {

/// Everything about a face image the clerk can act on. Each has a stable machine name (JSON, logs) and a
/// translated instruction for the clerk.
enum class FaceIssue {
    UnreadableImage,
    FileNotFound,
    EmptyFile,
    NotAnImage,
    TruncatedImage,
    CorruptImage,
    ImageTooLarge,
    UnsupportedPixelFormat,
    NoFace,
    SeveralFaces,
    FaceAtEdge,
    FaceTooSmall,
    FaceTooLarge,
    Blurry,
    TooDark,
    TooBright,
    TurnedSideways,
    TiltedUpDown,
    EyesClosed,
    NotLive,
    ModelsUnavailable,
};

/// Stable machine name: "no_face", "several_faces", ...
QString faceIssueName(FaceIssue issue);

/// What the clerk should do, translated (context "shiming::face::FaceIssue").
QString faceIssueInstruction(FaceIssue issue);

/// An Error whose detail starts with the issue's machine name ("no_face: no face found in the live photo").
Error faceError(Error::Code code, FaceIssue issue, const QString& detail);

/// The issue an Error from the face module carries, if any.
std::optional<FaceIssue> faceIssueOf(const Error& error);

} // namespace shiming::face
