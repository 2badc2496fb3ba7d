#pragma once

#include "core/registration/Policy.h"
#include "core/registration/RegistrationSessionSink.h"

#include <functional>

namespace shiming::store {
class OutletStore;
}

namespace shiming {

/// The session's sink, the policy's holdings and the risk list over the outlet store of whoever is signed in.
/// The store is looked up on every call (it exists only while someone is signed in and the counter is not locked).
///
/// Holdings: this outlet's live registrations under the document number, plus what HQ said. HQ's answers carry
/// no count, only a verdict per record; a record of this identity that HQ rejected with ID_LIMIT (and that no
/// manager has voided yet) says HQ counted the identity at the limit, so that is taken as HQ's figure.
/// Risk list: the `risk` downlink items are keyed by the identity's HMAC under the enrolment bundle's identity
/// key (protocol::identityHash); an outlet that is not enrolled has no risk list.
class StoreSessionServices final : public registration::RegistrationSessionSink,
                                   public registration::HoldingsSource,
                                   public registration::RiskList {
public:
    explicit StoreSessionServices(std::function<store::OutletStore*()> store, int perIdentityLimit = 5)
        : m_store(std::move(store))
        , m_limit(perIdentityLimit)
    {}

    Result<registration::Registration> commitRegistration(const registration::Registration& registration) override;
    registration::IdentityHoldings holdings(DocumentType type, const QString& number) const override;
    bool contains(DocumentType type, const QString& number) const override;

private:
    std::function<store::OutletStore*()> m_store;
    int m_limit;
};

} // namespace shiming
