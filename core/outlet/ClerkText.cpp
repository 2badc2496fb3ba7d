#include "core/outlet/ClerkText.h"

#include "core/catalog/Package.h"
#include "core/outlet/ValidationIssueText.h"

using namespace Qt::StringLiterals;

namespace shiming {

using registration::DocumentRole;
using registration::Transaction;

QString ClerkText::of(const Error& error)
{
    if (error.cause.isSpecified()) {
        if (QString text = of(error.cause); !text.isEmpty())
            return text;
    }
    switch (error.code) {
    case Error::Code::InvalidInput:
        return tr("The input is not valid.");
    case Error::Code::NotFound:
        return tr("The item was not found.");
    case Error::Code::WrongKey:
        return tr("Wrong account or password.");
    case Error::Code::DeviceFault:
        return tr("A device is not working. Check the cable and try again.");
    case Error::Code::StorageFailure:
        return tr("The record could not be saved. Nothing was lost; call support if this repeats.");
    case Error::Code::SyncFailure:
        return tr("Headquarters cannot be reached. Registrations are kept and sent later.");
    case Error::Code::PolicyRefused:
        return tr("The rules do not allow this registration.");
    }
    return tr("Unexpected error.");
}

QString ClerkText::of(const Cause& cause)
{
    const auto roleName = [&] {
        const auto r = registration::parseDocumentRole(cause.subject);
        return r ? role(*r) : tr("person");
    };
    switch (cause.reason) {
    case Reason::Unspecified:
    case Reason::SessionCancelled:
    case Reason::SessionDone:
        return {};

    case Reason::DocumentMissing:
        return tr("Place the %1's ID card on the reader (or enter a document without chip).").arg(roleName());
    case Reason::DocumentPhotoMissing:
        return tr("Photograph the photo page of the %1's document.").arg(roleName());
    case Reason::OrganisationInvalid:
        return tr("Enter the organisation's name and a valid unified social credit code.");
    case Reason::FacePending:
        return tr("Capture the %1's face.").arg(roleName());
    case Reason::FaceReview:
        return tr("The %1's face needs a manager's confirmation, or park the registration for review.").arg(roleName());
    case Reason::FaceStopped:
        return tr("The face check failed too often. Cancel the registration.");
    case Reason::PackageMissing:
        return tr("Choose a package.");
    case Reason::PackageIneligible:
        return tr("The chosen package is not offered to this customer.");
    case Reason::NumberMissing:
        if (cause.subject == u"in_service"_s)
            return tr("Type the customer's mobile number in service.");
        return tr("Choose a number.");
    case Reason::NumberInvalid:
        return tr("This is not a mobile number: 11 digits starting with 1.");
    case Reason::NumberTaken:
        return tr("This number is no longer free (taken, or held by another counter). Choose another one.");
    case Reason::IccidMissing:
        return tr("Scan the SIM card's ICCID barcode.");
    case Reason::IccidCheckDigit:
        return tr("The ICCID's last digit does not check: scan again. If this card has no check digit, compare the "
                  "number printed on it and press Enter again to accept it.");
    case Reason::AttachmentMissing:
        return tr("Attach: %1.").arg(attachment(cause.subject));
    case Reason::AgreementUnread:
        return tr("Scroll the service agreement to the end.");
    case Reason::FraudNoticeUnread:
        return tr("Scroll the fraud-risk notice to the end.");
    case Reason::SignatureMissing:
        return tr("The %1 signs on the pad.").arg(roleName());
    case Reason::ClerkUnconfirmed:
        return tr("Confirm that the customer read and signed.");

    case Reason::AccountLocked:
        return tr("Too many wrong passwords: this account is locked for %n more minute(s).", nullptr, cause.figure);
    case Reason::AccountDisabled:
        return tr("This account is disabled or no longer at this outlet. Ask the store manager.");
    case Reason::ManagerRequired:
        return tr("Only a store manager or an admin can do this: the manager enters their own account and "
                  "password.");
    case Reason::RoleRefused:
        return tr("Your role does not allow this on that account (a manager manages clerks; an admin manages "
                  "managers).");
    case Reason::AccountNameInvalid:
        return tr("Give the account a name without slashes.");
    case Reason::AccountNameTaken:
        return tr("An account named %1 exists already: choose another name.").arg(cause.subject);
    case Reason::PasswordTooShort:
        return tr("The password needs at least %n character(s).", nullptr, cause.figure);
    case Reason::PasswordTooSimple:
        return tr("The administrator's password must mix letters with digits or signs.");
    case Reason::PasswordHasName:
        return tr("The password must not contain the account's name.");
    case Reason::PasswordMismatch:
        return tr("The two passwords differ: type the same password twice.");

    case Reason::DocumentInvalid:
        return tr("The document is not valid (number, dates or check character).");
    case Reason::DocumentExpired:
        return tr("The document has expired.");
    case Reason::DocumentExpiresSoon:
        return tr("The document expires within 30 days.");
    case Reason::DocumentNotAccepted:
        return tr("This document is not accepted here (chip cards must be read on the reader; a household "
                  "register only for minors).");
    case Reason::UnderMinimumAge:
        return tr("The customer is under %1 and cannot register a number.").arg(cause.figure);
    case Reason::GuardianRequired:
        return tr("The customer is under %1: choose \"Minor with guardian\".").arg(cause.figure);
    case Reason::NotAMinor:
        return tr("The customer is an adult: choose \"Individual\".");
    case Reason::AgeUnknown:
        return tr("The date of birth cannot be read.");
    case Reason::GuardianTooYoung:
        return tr("The person acting for the customer must be at least %1.").arg(cause.figure);
    case Reason::IdentityLimit:
        return tr("This identity already holds %1 numbers with us (limit reached, counting this outlet and "
                  "headquarters).")
            .arg(cause.figure);
    case Reason::IdentityLimitNear:
        return tr("This identity holds %1 numbers: this will be the last one allowed.").arg(cause.figure);
    case Reason::RiskListed:
        return tr("This identity is on the fraud risk list: the registration is refused. Follow the "
                  "risk procedure.");
    case Reason::SamePerson:
        return tr("The guardian or agent cannot be the customer.");
    case Reason::PolicyUnavailable:
        return tr("The numbers this customer already holds cannot be checked (the outlet database cannot be "
                  "read), so the registration is refused. Sign out and in again; call support if this repeats.");

    case Reason::UnreadableImage:
    case Reason::FileNotFound:
    case Reason::EmptyFile:
    case Reason::NotAnImage:
    case Reason::TruncatedImage:
    case Reason::CorruptImage:
    case Reason::UnsupportedPixelFormat:
        return tr("The image cannot be read. Take the photo again.");
    case Reason::ImageTooLarge:
        return tr("The image is too large. Use the camera or a smaller file.");
    case Reason::NoFace:
        return tr("No face found. Ask the customer to face the camera.");
    case Reason::SeveralFaces:
        return tr("More than one face is visible. Only the customer may be in the picture.");
    case Reason::FaceAtEdge:
        return tr("The face is cut off. Ask the customer to move to the centre.");
    case Reason::FaceTooSmall:
        return tr("The face is too small. Ask the customer to come closer.");
    case Reason::FaceTooLarge:
        return tr("The face is too close. Ask the customer to move back a little.");
    case Reason::Blurry:
        return tr("The picture is blurred. Ask the customer to hold still.");
    case Reason::TooDark:
        return tr("The face is too dark. Turn on more light.");
    case Reason::TooBright:
        return tr("The face is overexposed. Reduce light or glare behind the camera.");
    case Reason::TurnedSideways:
        return tr("The head is turned. Ask the customer to look straight at the camera.");
    case Reason::TiltedUpDown:
        return tr("The head is tilted. Ask the customer to keep the chin level.");
    case Reason::EyesClosed:
        return tr("The eyes look closed. Ask the customer to open their eyes.");
    case Reason::NotLive:
        return tr("This may be a photo or a screen, not a person. A manager must check.");
    case Reason::ComparisonFailed:
        return tr("The face comparison stopped on this picture. Capture again; if it repeats, park the "
                  "registration for a manager.");
    case Reason::ModelsUnavailable:
        return tr("Face comparison is unavailable. The registration goes to manager review.");

    case Reason::DiskFull:
        return tr("The disk is full: free space and try again. Nothing was lost.");
    case Reason::SpotCheckTooEarly:
        return tr("The day's spot check is drawn once the hall has closed (%1): until then it would check only the "
                  "day's first registrations.")
            .arg(cause.subject);
    case Reason::DatabaseDamaged:
        return tr("This counter's database is damaged. Tell the store manager: the records that can still be "
                  "read keep going to HQ, and the manager restores the last backup.");
    }
    return tr("This step is not complete.");
}

QString ClerkText::finding(const registration::PolicyFinding& finding)
{
    const QString text = of(Cause{finding.code, {}, finding.figure});
    return text.isEmpty() ? tr("The rules do not allow this registration.") : text;
}

QString ClerkText::role(DocumentRole role)
{
    switch (role) {
    case DocumentRole::Customer:
        return tr("Customer");
    case DocumentRole::Guardian:
        return tr("Guardian");
    case DocumentRole::Agent:
        return tr("Agent");
    case DocumentRole::Handler:
        return tr("Handler");
    case DocumentRole::CurrentHolder:
        return tr("Current holder");
    }
    return {};
}

QString ClerkText::transaction(Transaction transaction)
{
    switch (transaction) {
    case Transaction::NewNumber:
        return tr("New number");
    case Transaction::Reverification:
        return tr("Re-verification of a number in service");
    case Transaction::SimReplacement:
        return tr("SIM replacement");
    case Transaction::Transfer:
        return tr("Transfer of ownership");
    case Transaction::Cancellation:
        return tr("Cancellation");
    }
    return {};
}

QString ClerkText::attachment(const QString& key)
{
    if (key == catalog::attachments::BusinessLicence)
        return tr("Business licence");
    if (key == catalog::attachments::AuthorisationLetter)
        return tr("Authorisation letter");
    if (key == catalog::attachments::SecurityCommitment)
        return tr("Signed security commitment");
    if (key == catalog::attachments::CallScript)
        return tr("Filed call script");
    return tr("a required document");
}

QString ClerkText::iccid(const QString& code)
{
    if (code == u"empty")
        return tr("Scan the ICCID barcode on the SIM card.");
    if (code == u"invalid_character")
        return tr("An ICCID has digits only.");
    if (code == u"invalid_length")
        return tr("An ICCID has 19 or 20 digits.");
    if (code == u"not_iccid")
        return tr("This is not an ICCID (it must start with 89).");
    if (code == u"wrong_operator")
        return tr("This SIM card belongs to another operator.");
    if (code == u"in_use")
        return tr("This SIM card is already bound to another registration. Take a new card.");
    if (code == u"unchecked")
        return tr("The SIM card cannot be checked against the registrations (the outlet database cannot be read). "
                  "Sign out and in again; call support if this repeats.");
    return tr("The ICCID is not valid.");
}

QString ClerkText::documentNumber(const ValidationResult& result)
{
    if (result.valid())
        return {};
    return validationIssueText(result.errors.first());
}

} // namespace shiming
