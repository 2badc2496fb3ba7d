#pragma once

#include "core/catalog/Package.h"
#include "core/registration/RegistrationSession.h"

#include <QCoreApplication>

namespace shiming {

/// The labels of the registration screens: steps, customer types, face bands and states, package figures.
/// Reasons (what a step still needs, policy findings, roles and attachments in them) are worded by ClerkText.
class SessionText {
    Q_DECLARE_TR_FUNCTIONS(SessionText)

public:
    /// The step's name; the number step is named after what the transaction asks there.
    static QString step(registration::SessionStep step,
                        registration::Transaction transaction = registration::Transaction::NewNumber);
    /// What the customer comes for, in the first step's list ("SIM replacement (补换卡)").
    static QString transaction(registration::Transaction transaction);
    static QString transactionHint(registration::Transaction transaction);
    static QString customerType(registration::CustomerType type);
    static QString customerTypeHint(registration::CustomerType type);
    static QString faceBand(registration::FaceBand band);
    static QString faceState(registration::FaceState state);
    /// "500 min", "unlimited", "30 GB".
    static QString minutes(int minutes);
    static QString data(int megabytes);
    static QString yuanPerMonth(int fen);
    /// "12 months", "none".
    static QString contractTerm(int months);
    /// "¥888", "none" for an ordinary number.
    static QString numberFee(int fen);
};

} // namespace shiming
