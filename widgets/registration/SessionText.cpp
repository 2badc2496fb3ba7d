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

QString SessionText::contractTerm(int months)
{
    return months > 0 ? tr("%n month(s)", nullptr, months) : tr("None");
}

QString SessionText::numberFee(int fen)
{
    return fen > 0 ? tr("¥%1").arg(catalog::formatYuan(fen)) : tr("None");
}

} // namespace shiming
