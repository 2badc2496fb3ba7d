#include "widgets/registration/SessionText.h"

using namespace Qt::StringLiterals;

namespace shiming {

using namespace registration;

QString SessionText::step(SessionStep step)
{
    switch (step) {
    case SessionStep::CustomerType:
        return tr("Customer type");
    case SessionStep::Documents:
        return tr("Documents");
    case SessionStep::Face:
        return tr("Face check");
    case SessionStep::Package:
        return tr("Package, number, SIM");
    case SessionStep::Agreement:
        return tr("Agreement and signature");
    case SessionStep::Summary:
        return tr("Summary");
    case SessionStep::Done:
        return tr("Done");
    }
    return {};
}

QString SessionText::customerType(CustomerType type)
{
    switch (type) {
    case CustomerType::Individual:
        return tr("Individual");
    case CustomerType::Minor:
        return tr("Minor with guardian");
    case CustomerType::Agent:
        return tr("Agent acting for the customer");
    case CustomerType::Organisation:
        return tr("Organisation (incl. telemarketing)");
    }
    return {};
}

QString SessionText::customerTypeHint(CustomerType type)
{
    switch (type) {
    case CustomerType::Individual:
        return tr("The customer registers in person with their own ID card.");
    case CustomerType::Minor:
        return tr("A minor from the minimum age, with a guardian who shows their own ID and has their face "
                  "checked too.");
    case CustomerType::Agent:
        return tr("Someone registers for the customer: both documents are needed; the agent's face is checked.");
    case CustomerType::Organisation:
        return tr("A company card: credit code, the handler's ID and face, authorisation letter; telemarketing "
                  "packages also need the signed security commitment.");
    }
    return {};
}

QString SessionText::role(DocumentRole role)
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
    }
    return {};
}

QString SessionText::finding(const PolicyFinding& finding)
{
    const QString& c = finding.code;
    if (c == policy::DocumentInvalid)
        return tr("The document is not valid (number, dates or check character).");
    if (c == policy::DocumentExpired)
        return tr("The document has expired.");
    if (c == policy::DocumentExpiresSoon)
        return tr("The document expires within 30 days.");
    if (c == policy::DocumentNotAccepted)
        return tr("This document is not accepted here (chip cards must be read on the reader; a household "
                  "register only for minors).");
    if (c == policy::UnderMinimumAge)
        return tr("The customer is under %1 and cannot register a number.").arg(finding.figure);
    if (c == policy::GuardianRequired)
        return tr("The customer is under %1: choose \"Minor with guardian\".").arg(finding.figure);
    if (c == policy::NotAMinor)
        return tr("The customer is an adult: choose \"Individual\".");
    if (c == policy::AgeUnknown)
        return tr("The date of birth cannot be read.");
    if (c == policy::GuardianTooYoung)
        return tr("The person acting for the customer must be at least %1.").arg(finding.figure);
    if (c == policy::IdentityLimit)
        return tr("This identity already holds %1 numbers with us (limit reached, counting this outlet and "
                  "headquarters).")
            .arg(finding.figure);
    if (c == policy::IdentityLimitNear)
        return tr("This identity holds %1 numbers: this will be the last one allowed.").arg(finding.figure);
    if (c == policy::RiskListed)
        return tr("This identity is on the fraud risk list: the registration is refused. Follow the "
                  "risk procedure.");
    if (c == policy::SamePerson)
        return tr("The guardian or agent cannot be the customer.");
    if (c == policy::PolicyUnavailable)
        return tr("The numbers this customer already holds cannot be checked (the outlet database cannot be "
                  "read), so the registration is refused. Sign out and in again; call support if this repeats.");
    return tr("The rules do not allow this registration.");
}

QString SessionText::blockingReason(const QString& reason)
{
    const QString code = reason.section(u':', 0, 0);
    const QString argument = reason.section(u':', 1);
    const auto roleName = [&] {
        const auto r = parseDocumentRole(argument);
        return r ? SessionText::role(*r) : argument;
    };
    if (code == u"document_missing")
        return tr("Place the %1's ID card on the reader (or enter a document without chip).").arg(roleName());
    if (code == u"document_photo_missing")
        return tr("Photograph the photo page of the %1's document.").arg(roleName());
    if (code == u"policy")
        return finding(PolicyFinding{argument, {}, true, 0});
    if (code == u"organisation_invalid")
        return tr("Enter the organisation's name and a valid unified social credit code.");
    if (code == u"face_pending")
        return tr("Capture the %1's face.").arg(roleName());
    if (code == u"face_review")
        return tr("The %1's face needs a manager's confirmation, or park the registration for review.").arg(roleName());
    if (code == u"face_stopped")
        return tr("The face check failed too often. Cancel the registration.");
    if (code == u"package_missing")
        return tr("Choose a package.");
    if (code == u"package_ineligible")
        return tr("The chosen package is not offered to this customer.");
    if (code == u"number_missing")
        return tr("Choose a number.");
    if (code == u"iccid_missing")
        return tr("Scan the SIM card's ICCID barcode.");
    if (code == u"attachment_missing")
        return tr("Attach: %1.").arg(attachment(argument));
    if (code == u"agreement_unread")
        return tr("Scroll the service agreement to the end.");
    if (code == u"fraud_notice_unread")
        return tr("Scroll the fraud-risk notice to the end.");
    if (code == u"signature_missing")
        return tr("The customer signs on the pad.");
    if (code == u"clerk_unconfirmed")
        return tr("Confirm that the customer read and signed.");
    if (code == u"cancelled" || code == u"done")
        return {};
    return tr("This step is not complete.");
}

QString SessionText::attachment(const QString& key)
{
    if (key == catalog::attachments::BusinessLicence)
        return tr("Business licence");
    if (key == catalog::attachments::AuthorisationLetter)
        return tr("Authorisation letter");
    if (key == catalog::attachments::SecurityCommitment)
        return tr("Signed security commitment");
    if (key == catalog::attachments::CallScript)
        return tr("Filed call script");
    return key;
}

QString SessionText::faceBand(FaceBand band)
{
    switch (band) {
    case FaceBand::Pass:
        return tr("Pass");
    case FaceBand::ManualReview:
        return tr("Manager review");
    case FaceBand::Fail:
        return tr("Fail");
    case FaceBand::NotCompared:
        return tr("Not compared");
    }
    return {};
}

QString SessionText::faceState(FaceState state)
{
    switch (state) {
    case FaceState::Pending:
        return tr("Not yet captured");
    case FaceState::Passed:
        return tr("Passed");
    case FaceState::AwaitingReview:
        return tr("Awaiting manager");
    case FaceState::Approved:
        return tr("Confirmed by manager");
    case FaceState::Parked:
        return tr("Parked for manager review");
    case FaceState::Failed:
        return tr("Failed: try again");
    case FaceState::Stopped:
        return tr("Failed too often");
    }
    return {};
}

QString SessionText::iccidError(const QString& code)
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
    return tr("The ICCID is not valid.");
}

QString SessionText::minutes(int minutes)
{
    if (minutes < 0)
        return tr("Unlimited");
    return tr("%1 min").arg(minutes);
}

QString SessionText::data(int megabytes)
{
    if (megabytes < 0)
        return tr("Unlimited");
    if (megabytes >= 1024 && megabytes % 1024 == 0)
        return tr("%1 GB").arg(megabytes / 1024);
    return tr("%1 MB").arg(megabytes);
}

QString SessionText::yuanPerMonth(int fen)
{
    return tr("¥%1/month").arg(catalog::formatYuan(fen));
}

} // namespace shiming
