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
/// Holdings: this outlet's live (not voided, not rejected) registrations under the document number, and HQ's
/// figure when HQ sent one. Every HQ answer about a record carries HQ's count of that identity's active
/// registrations with this operator; the sync stores the newest per identity as a downlink item
/// (sync::IdentityCountKind, keyed like the risk list). Then holdings = max(local live, HQ's figure + this
/// outlet's live records HQ has not answered yet); without a figure, local live only. A record of this identity
/// that HQ rejected with ID_LIMIT (and no manager has voided yet) stays a floor: HQ's figure is at least the limit.
/// A local void HQ has not acknowledged yet still counts in HQ's figure until the next answer (strict side).
/// Fails closed: when the store is not open or cannot be read, holdings() and contains() fail and the policy
/// refuses the document (policy_unavailable) instead of allowing it on an unknown count.
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
    Result<bool> iccidInUse(const QString& iccid) const override;
    Result<registration::IdentityHoldings> holdings(DocumentType type, const QString& number) const override;
    Result<bool> contains(DocumentType type, const QString& number) const override;

private:
    std::function<store::OutletStore*()> m_store;
    int m_limit;
};

} // namespace shiming
