#include "core/common/Reason.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {

constexpr std::array kNames{
    std::pair{Reason::Unspecified, "unspecified"},
    std::pair{Reason::DocumentMissing, "document_missing"},
    std::pair{Reason::DocumentPhotoMissing, "document_photo_missing"},
    std::pair{Reason::OrganisationInvalid, "organisation_invalid"},
    std::pair{Reason::FacePending, "face_pending"},
    std::pair{Reason::FaceReview, "face_review"},
    std::pair{Reason::FaceStopped, "face_stopped"},
    std::pair{Reason::PackageMissing, "package_missing"},
    std::pair{Reason::PackageIneligible, "package_ineligible"},
    std::pair{Reason::NumberMissing, "number_missing"},
    std::pair{Reason::NumberTaken, "number_taken"},
    std::pair{Reason::NumberInvalid, "number_invalid"},
    std::pair{Reason::IccidMissing, "iccid_missing"},
    std::pair{Reason::IccidCheckDigit, "iccid_check_digit"},
    std::pair{Reason::AttachmentMissing, "attachment_missing"},
    std::pair{Reason::AgreementUnread, "agreement_unread"},
    std::pair{Reason::FraudNoticeUnread, "fraud_notice_unread"},
    std::pair{Reason::SignatureMissing, "signature_missing"},
    std::pair{Reason::ClerkUnconfirmed, "clerk_unconfirmed"},
    std::pair{Reason::SessionCancelled, "session_cancelled"},
    std::pair{Reason::SessionDone, "session_done"},
    std::pair{Reason::AccountLocked, "account_locked"},
    std::pair{Reason::AccountDisabled, "account_disabled"},
    std::pair{Reason::ManagerRequired, "manager_required"},
    std::pair{Reason::RoleRefused, "role_refused"},
    std::pair{Reason::AccountNameInvalid, "account_name_invalid"},
    std::pair{Reason::AccountNameTaken, "account_name_taken"},
    std::pair{Reason::PasswordTooShort, "password_too_short"},
    std::pair{Reason::PasswordTooSimple, "password_too_simple"},
    std::pair{Reason::PasswordHasName, "password_has_name"},
    std::pair{Reason::PasswordMismatch, "password_mismatch"},
    std::pair{Reason::DocumentInvalid, "document_invalid"},
    std::pair{Reason::DocumentExpired, "document_expired"},
    std::pair{Reason::DocumentExpiresSoon, "document_expires_soon"},
    std::pair{Reason::DocumentNotAccepted, "document_not_accepted"},
    std::pair{Reason::UnderMinimumAge, "under_minimum_age"},
    std::pair{Reason::GuardianRequired, "guardian_required"},
    std::pair{Reason::NotAMinor, "not_a_minor"},
    std::pair{Reason::AgeUnknown, "age_unknown"},
    std::pair{Reason::GuardianTooYoung, "guardian_too_young"},
    std::pair{Reason::IdentityLimit, "identity_limit"},
    std::pair{Reason::IdentityLimitNear, "identity_limit_near"},
    std::pair{Reason::RiskListed, "risk_listed"},
    std::pair{Reason::SamePerson, "same_person"},
    std::pair{Reason::PolicyUnavailable, "policy_unavailable"},
    std::pair{Reason::UnreadableImage, "unreadable_image"},
    std::pair{Reason::FileNotFound, "file_not_found"},
    std::pair{Reason::EmptyFile, "empty_file"},
    std::pair{Reason::NotAnImage, "not_an_image"},
    std::pair{Reason::TruncatedImage, "truncated_image"},
    std::pair{Reason::CorruptImage, "corrupt_image"},
    std::pair{Reason::ImageTooLarge, "image_too_large"},
    std::pair{Reason::UnsupportedPixelFormat, "unsupported_pixel_format"},
    std::pair{Reason::NoFace, "no_face"},
    std::pair{Reason::SeveralFaces, "several_faces"},
    std::pair{Reason::FaceAtEdge, "face_at_edge"},
    std::pair{Reason::FaceTooSmall, "face_too_small"},
    std::pair{Reason::FaceTooLarge, "face_too_large"},
    std::pair{Reason::Blurry, "blurry"},
    std::pair{Reason::TooDark, "too_dark"},
    std::pair{Reason::TooBright, "too_bright"},
    std::pair{Reason::TurnedSideways, "turned_sideways"},
    std::pair{Reason::TiltedUpDown, "tilted_up_down"},
    std::pair{Reason::EyesClosed, "eyes_closed"},
    std::pair{Reason::NotLive, "not_live"},
    std::pair{Reason::ComparisonFailed, "comparison_failed"},
    std::pair{Reason::ModelsUnavailable, "models_unavailable"},
    std::pair{Reason::SpotCheckTooEarly, "spot_check_too_early"},
    std::pair{Reason::DiskFull, "disk_full"},
    std::pair{Reason::DatabaseDamaged, "database_damaged"},
};

} // namespace

QString reasonName(Reason reason)
{
    for (const auto& [value, name] : kNames) {
        if (value == reason)
            return QString::fromLatin1(name);
    }
    return u"unspecified"_s;
}

std::optional<Reason> reasonFromName(QStringView name)
{
    for (const auto& [value, text] : kNames) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

bool isFaceImageReason(Reason reason)
{
    return reason >= Reason::UnreadableImage && reason <= Reason::ModelsUnavailable;
}

QString describe(const Cause& cause)
{
    QString text = reasonName(cause.reason);
    if (!cause.subject.isEmpty())
        text += u':' + cause.subject;
    if (cause.figure != 0)
        text += u"(%1)"_s.arg(cause.figure);
    return text;
}

} // namespace shiming
