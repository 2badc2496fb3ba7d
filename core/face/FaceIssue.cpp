#include "core/face/FaceIssue.h"

namespace shiming::face {

QString faceIssueName(FaceIssue issue)
{
    return reasonName(issue);
}

Error faceError(Error::Code code, FaceIssue issue, const QString& detail)
{
    return Error::because(code, Cause{issue, {}, 0}, detail);
}

std::optional<FaceIssue> faceIssueOf(const Error& error)
{
    if (!isFaceImageReason(error.reason()))
        return std::nullopt;
    return error.reason();
}

} // namespace shiming::face
