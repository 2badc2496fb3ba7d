#pragma once

#include "core/registration/Policy.h"
#include "core/registration/RegistrationSessionSink.h"

#include <functional>

namespace shiming::store {
class OutletStore;
}

namespace shiming {

/// The session's sink and the policy's holdings over the outlet store of whoever is signed in. The store is
/// looked up on every call (it exists only while someone is signed in and the counter is not locked).
class StoreSessionServices final : public registration::RegistrationSessionSink, public registration::HoldingsSource {
public:
    explicit StoreSessionServices(std::function<store::OutletStore*()> store)
        : m_store(std::move(store))
    {}

    Result<registration::Registration> commitRegistration(const registration::Registration& registration) override;
    registration::IdentityHoldings holdings(DocumentType type, const QString& number) const override;

private:
    std::function<store::OutletStore*()> m_store;
};

} // namespace shiming
