#pragma once

#include "core/catalog/Package.h"
#include "core/registration/Policy.h"
#include "core/registration/RegistrationSession.h"

#include <QCoreApplication>

namespace shiming {

/// The clerk's words for the registration session: steps, customer types, roles, policy findings, blocking
/// reasons, attachments, face states. One table per kind, translated; codes it does not know read as a
/// generic sentence and never show raw English codes to the clerk.
class SessionText {
    Q_DECLARE_TR_FUNCTIONS(SessionText)

public:
    static QString step(registration::SessionStep step);
    static QString customerType(registration::CustomerType type);
    static QString customerTypeHint(registration::CustomerType type);
    static QString role(registration::DocumentRole role);
    static QString finding(const registration::PolicyFinding& finding);
    /// A RegistrationSession::blockingReason() as a sentence.
    static QString blockingReason(const QString& reason);
    static QString attachment(const QString& key);
    static QString faceBand(registration::FaceBand band);
    static QString faceState(registration::FaceState state);
    static QString iccidError(const QString& code);
    /// "500 min", "unlimited", "30 GB".
    static QString minutes(int minutes);
    static QString data(int megabytes);
    static QString yuanPerMonth(int fen);
};

} // namespace shiming
