#pragma once

#include "core/common/Error.h"

#include <QString>

#include <optional>

namespace shiming::face {

/// Everything about a face image the clerk can act on: the face-image range of the shared Reason enum
/// (Reason::UnreadableImage .. Reason::ModelsUnavailable), so a face failure is an Error whose cause says
/// which issue it is. The clerk's words for each are in widgets/common/ClerkText.
using FaceIssue = Reason;

/// Stable machine name: "no_face", "several_faces", ... (the reason's name).
QString faceIssueName(FaceIssue issue);

/// An Error of kind `code` caused by `issue`, with the English `detail` for logs.
Error faceError(Error::Code code, FaceIssue issue, const QString& detail);

/// The face issue an Error from the face module carries, if any.
std::optional<FaceIssue> faceIssueOf(const Error& error);

} // namespace shiming::face
