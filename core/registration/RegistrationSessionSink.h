#pragma once

#include "core/common/Error.h"
#include "core/registration/Registration.h"

namespace shiming::registration {

/// Where a finished registration goes: the store writes it, its media, an audit entry and the outbox row in
/// one transaction and returns the record as stored (uuid and sequence assigned). The session depends on this
/// small interface so that it can be tested without a database.
class RegistrationSessionSink {
public:
    virtual ~RegistrationSessionSink() = default;
    virtual Result<Registration> commitRegistration(const Registration& registration) = 0;
    /// Whether a registration that is not voided already carries this SIM card. Fails when the store cannot
    /// say (the session then refuses the card: it never binds a SIM twice on an unknown).
    virtual Result<bool> iccidInUse(const QString& iccid) const = 0;
};

} // namespace shiming::registration
