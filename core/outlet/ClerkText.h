#pragma once

#include "core/common/Error.h"
#include "core/identity/Validation.h"
#include "core/registration/Policy.h"
#include "core/registration/Registration.h"

#include <QCoreApplication>

namespace shiming {

/// The one place that turns a machine reason into the clerk's words, translated: an Error (by its cause, else
/// by its kind), a Cause (a session step's blocker, a policy finding, a face-image issue), and the check codes
/// of document numbers and ICCIDs. Reasons it does not know read as a generic sentence and never show a raw
/// code to the clerk. Qt Core only, so the screens and shimingctl share it.
class ClerkText {
    Q_DECLARE_TR_FUNCTIONS(shiming::ClerkText)

public:
    static QString of(const Error& error);
    /// Empty for SessionCancelled and SessionDone (nothing to tell) and for an unspecified cause.
    static QString of(const Cause& cause);
    static QString finding(const registration::PolicyFinding& finding);
    static QString role(registration::DocumentRole role);
    /// The transaction's name, also the printed form's title part ("SIM replacement").
    static QString transaction(registration::Transaction transaction);
    static QString attachment(const QString& key);
    /// A catalog::IccidCheck error code ("invalid_length", ...).
    static QString iccid(const QString& code);
    /// What is wrong with a typed document number (empty when valid).
    static QString documentNumber(const ValidationResult& result);
};

} // namespace shiming
