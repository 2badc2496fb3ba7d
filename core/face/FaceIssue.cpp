#include "core/face/FaceIssue.h"

#include <QCoreApplication>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace shiming::face {

namespace {

constexpr std::array kNames{
    std::pair{FaceIssue::UnreadableImage, "unreadable_image"},
    std::pair{FaceIssue::FileNotFound, "file_not_found"},
    std::pair{FaceIssue::EmptyFile, "empty_file"},
    std::pair{FaceIssue::NotAnImage, "not_an_image"},
    std::pair{FaceIssue::TruncatedImage, "truncated_image"},
    std::pair{FaceIssue::CorruptImage, "corrupt_image"},
    std::pair{FaceIssue::ImageTooLarge, "image_too_large"},
    std::pair{FaceIssue::UnsupportedPixelFormat, "unsupported_pixel_format"},
    std::pair{FaceIssue::NoFace, "no_face"},
    std::pair{FaceIssue::SeveralFaces, "several_faces"},
    std::pair{FaceIssue::FaceAtEdge, "face_at_edge"},
    std::pair{FaceIssue::FaceTooSmall, "face_too_small"},
    std::pair{FaceIssue::FaceTooLarge, "face_too_large"},
    std::pair{FaceIssue::Blurry, "blurry"},
    std::pair{FaceIssue::TooDark, "too_dark"},
    std::pair{FaceIssue::TooBright, "too_bright"},
    std::pair{FaceIssue::TurnedSideways, "turned_sideways"},
    std::pair{FaceIssue::TiltedUpDown, "tilted_up_down"},
    std::pair{FaceIssue::EyesClosed, "eyes_closed"},
    std::pair{FaceIssue::NotLive, "not_live"},
    std::pair{FaceIssue::ModelsUnavailable, "models_unavailable"},
};

} // namespace

QString faceIssueName(FaceIssue issue)
{
    for (const auto& [value, name] : kNames) {
        if (value == issue)
            return QString::fromLatin1(name);
    }
    return u"unknown"_s;
}

QString faceIssueInstruction(FaceIssue issue)
{
    // Literal contexts: lupdate cannot follow a variable.
    switch (issue) {
    case FaceIssue::UnreadableImage:
    case FaceIssue::FileNotFound:
    case FaceIssue::EmptyFile:
    case FaceIssue::NotAnImage:
    case FaceIssue::TruncatedImage:
    case FaceIssue::CorruptImage:
    case FaceIssue::UnsupportedPixelFormat:
        return QCoreApplication::translate("shiming::face::FaceIssue",
                                           "The image cannot be read. Take the photo again.");
    case FaceIssue::ImageTooLarge:
        return QCoreApplication::translate("shiming::face::FaceIssue",
                                           "The image is too large. Use the camera or a smaller file.");
    case FaceIssue::NoFace:
        return QCoreApplication::translate("shiming::face::FaceIssue",
                                           "No face found. Ask the customer to face the camera.");
    case FaceIssue::SeveralFaces:
        return QCoreApplication::translate("shiming::face::FaceIssue",
                                           "More than one face is visible. Only the customer may be in the picture.");
    case FaceIssue::FaceAtEdge:
        return QCoreApplication::translate("shiming::face::FaceIssue",
                                           "The face is cut off. Ask the customer to move to the centre.");
    case FaceIssue::FaceTooSmall:
        return QCoreApplication::translate("shiming::face::FaceIssue",
                                           "The face is too small. Ask the customer to come closer.");
    case FaceIssue::FaceTooLarge:
        return QCoreApplication::translate("shiming::face::FaceIssue",
                                           "The face is too close. Ask the customer to move back a little.");
    case FaceIssue::Blurry:
        return QCoreApplication::translate("shiming::face::FaceIssue",
                                           "The picture is blurred. Ask the customer to hold still.");
    case FaceIssue::TooDark:
        return QCoreApplication::translate("shiming::face::FaceIssue", "The face is too dark. Turn on more light.");
    case FaceIssue::TooBright:
        return QCoreApplication::translate("shiming::face::FaceIssue",
                                           "The face is overexposed. Reduce light or glare behind the camera.");
    case FaceIssue::TurnedSideways:
        return QCoreApplication::translate("shiming::face::FaceIssue",
                                           "The head is turned. Ask the customer to look straight at the camera.");
    case FaceIssue::TiltedUpDown:
        return QCoreApplication::translate("shiming::face::FaceIssue",
                                           "The head is tilted. Ask the customer to keep the chin level.");
    case FaceIssue::EyesClosed:
        return QCoreApplication::translate("shiming::face::FaceIssue",
                                           "The eyes look closed. Ask the customer to open their eyes.");
    case FaceIssue::NotLive:
        return QCoreApplication::translate("shiming::face::FaceIssue",
                                           "This may be a photo or a screen, not a person. A manager must check.");
    case FaceIssue::ModelsUnavailable:
        return QCoreApplication::translate("shiming::face::FaceIssue",
                                           "Face comparison is unavailable. The registration goes to manager review.");
    }
    return {};
}

Error faceError(Error::Code code, FaceIssue issue, const QString& detail)
{
    return Error{code, faceIssueName(issue) + u": "_s + detail};
}

std::optional<FaceIssue> faceIssueOf(const Error& error)
{
    const qsizetype colon = error.detail.indexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    const QStringView name = QStringView(error.detail).left(colon);
    for (const auto& [value, text] : kNames) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

} // namespace shiming::face
