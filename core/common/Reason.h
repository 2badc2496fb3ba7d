#pragma once

#include <QString>

#include <optional>

namespace shiming {

/// Exactly why something cannot go on, for every module: what a clerk can act on, named once. Each reason has
/// a stable machine name (JSON, logs, tests); widgets/common/ClerkText is the one place that turns a reason
/// into the clerk's words. The arguments (whose document, which attachment, which age) travel as fields of
/// Cause, never inside a string.
enum class Reason {
    Unspecified,

    // The registration session: what the current step still needs.
    DocumentMissing,      ///< subject: the role
    DocumentPhotoMissing, ///< subject: the role
    OrganisationInvalid,
    FacePending, ///< subject: the role
    FaceReview,  ///< subject: the role
    FaceStopped,
    PackageMissing,
    PackageIneligible,
    NumberMissing, ///< subject "in_service": the number in service of a lifecycle transaction is not typed yet
    NumberTaken,   ///< the number chosen is taken or held by another counter's session
    NumberInvalid, ///< the number in service typed is not a mobile number (11 digits starting 1)
    IccidMissing,
    IccidCheckDigit,   ///< the ICCID's last digit is not a Luhn check digit and the clerk has not confirmed the card
    AttachmentMissing, ///< subject: the attachment key
    AgreementUnread,
    FraudNoticeUnread,
    SignatureMissing,
    ClerkUnconfirmed,
    SessionCancelled,
    SessionDone,

    // Accounts and roles (auth, the outlet's use cases).
    AccountLocked,      ///< figure: minutes until the lockout ends
    AccountDisabled,    ///< disabled or removed from the outlet
    ManagerRequired,    ///< the action needs a manager's (or an admin's) own account
    RoleRefused,        ///< the account's role does not allow this action on that account
    AccountNameInvalid, ///< empty, or holds a character an account name may not
    AccountNameTaken,   ///< subject: the name
    PasswordTooShort,   ///< figure: the minimum length
    PasswordTooSimple,  ///< an administrator's password of one kind of character only (all digits, all letters)
    PasswordHasName,    ///< an administrator's password that holds the account's own name
    PasswordMismatch,   ///< the password typed twice differs

    // The rules on a person's document (registration::Policy).
    DocumentInvalid,
    DocumentExpired,
    DocumentExpiresSoon,
    DocumentNotAccepted,
    UnderMinimumAge,  ///< figure: the minimum age
    GuardianRequired, ///< figure: the age from which a customer registers alone
    NotAMinor,        ///< figure: the customer's age
    AgeUnknown,
    GuardianTooYoung,  ///< figure: the minimum age of a guardian or agent
    IdentityLimit,     ///< figure: numbers held
    IdentityLimitNear, ///< figure: numbers held
    RiskListed,
    SamePerson,
    PolicyUnavailable,

    // A face image (core/face): decoding, detection, quality, liveness, models.
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
    ComparisonFailed, ///< the pipeline stopped with an internal error on this image (OpenCV, memory)
    ModelsUnavailable,

    // The manager's daily routine (core/outlet/SpotChecks).
    SpotCheckTooEarly, ///< subject: the hall's closing time; a day's sample is drawn once the hall has closed

    // The outlet's computer (after the face-image range, which isFaceImageReason tests as one span).
    DiskFull,        ///< no space left on the disk holding the database or the file being written (ENOSPC, SQLITE_FULL)
    DatabaseDamaged, ///< a page of the outlet database failed its integrity check (SQLITE_CORRUPT, quick_check)
};

/// Stable machine name: "document_missing", "identity_limit", "no_face", ...; "unspecified" for Unspecified.
QString reasonName(Reason reason);
/// The reason a machine name stands for.
std::optional<Reason> reasonFromName(QStringView name);
/// Whether `reason` is about a face image (the range core/face reports).
bool isFaceImageReason(Reason reason);

/// A reason with its arguments as fields.
struct Cause {
    Cause() = default;
    Cause(Reason reason, QString subject = {}, int figure = 0) // NOLINT(google-explicit-constructor)
        : reason(reason)
        , subject(std::move(subject))
        , figure(figure)
    {}

    Reason reason = Reason::Unspecified;
    /// The machine key the reason is about: a document role ("guardian"), an attachment key. Never personal data.
    QString subject;
    /// The number that matters for the reason (an age, a count).
    int figure = 0;

    bool isSpecified() const { return reason != Reason::Unspecified; }
    friend bool operator==(const Cause&, const Cause&) = default;
};

/// "document_missing:customer", "identity_limit(5)": for logs and test expectations only; nothing parses it.
QString describe(const Cause& cause);

} // namespace shiming
