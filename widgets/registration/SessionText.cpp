#include "widgets/registration/SessionText.h"

using namespace Qt::StringLiterals;

namespace shiming {

using namespace registration;

QString SessionText::step(SessionStep step, Transaction transaction)
{
    switch (step) {
    case SessionStep::CustomerType:
        return transaction == Transaction::NewNumber ? tr("Customer type") : tr("Transaction and customer");
    case SessionStep::Documents:
        return tr("Documents");
    case SessionStep::Face:
        return tr("Face check");
    case SessionStep::Package:
        switch (transaction) {
        case Transaction::NewNumber:
            break;
        case Transaction::SimReplacement:
            return tr("Number in service, new SIM");
        case Transaction::Reverification:
        case Transaction::Transfer:
        case Transaction::Cancellation:
            return tr("Number in service");
        }
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

QString SessionText::transaction(Transaction transaction)
{
    switch (transaction) {
    case Transaction::NewNumber:
        return tr("New number (新入网)");
    case Transaction::Reverification:
        return tr("Re-verification of a number in service (实名补登记)");
    case Transaction::SimReplacement:
        return tr("SIM replacement (补换卡)");
    case Transaction::Transfer:
        return tr("Transfer of ownership (过户)");
    case Transaction::Cancellation:
        return tr("Cancellation (销户)");
    }
    return {};
}

QString SessionText::transactionHint(Transaction transaction)
{
    switch (transaction) {
    case Transaction::NewNumber:
        return tr("A new number and SIM card from this hall.");
    case Transaction::Reverification:
        return tr("The holder of a number in service completes real-name verification to keep service.");
    case Transaction::SimReplacement:
        return tr("A lost or broken SIM card is replaced after the holder is verified; the old card stops working.");
    case Transaction::Transfer:
        return tr("The number moves to a new holder: the present holder and the new holder are both verified.");
    case Transaction::Cancellation:
        return tr("The verified holder ends the number's service.");
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
