#pragma once

#include "core/common/Clock.h"
#include "core/common/Error.h"
#include "core/identity/IdentityDocument.h"
#include "core/registration/Registration.h"

#include <QList>
#include <QString>

namespace shiming::registration {

/// Rule settings that vary by province or by HQ's decision (DOMAIN.md §1). Defaults: under 10 refused,
/// 10–15 only with a guardian, 16 and over alone; five numbers per identity with this operator.
struct PolicySettings {
    int minimumAge = 10;    ///< younger customers are refused
    int adultAloneAge = 16; ///< from this age a customer registers alone; below it a guardian is needed
    int guardianMinimumAge = 18;
    int perIdentityLimit = 5; ///< numbers one identity may hold with this operator (一证五号)
    int maxFaceAttempts = 3;  ///< failed comparisons before the registration stops
};

/// How many numbers an identity already holds, as this outlet knows it and as HQ last said.
struct IdentityHoldings {
    int outletCount = 0; ///< live (not voided) registrations at this outlet
    int pendingAtHq = 0; ///< of those, not yet counted by HQ (not yet accepted)
    int hqCount = -1;    ///< nationwide figure from HQ's last answer; -1 when HQ never said
    /// The figure the limit is checked against: HQ's count plus what HQ has not seen yet, or the outlet's
    /// own count when HQ never answered (whichever is larger, so a stale HQ figure never lowers it).
    int effective() const { return hqCount < 0 ? outletCount : qMax(outletCount, hqCount + pendingAtHq); }
};

/// Where policy learns an identity's holdings (the store's registrations plus the synced HQ figure). A failure
/// (the store cannot be read) refuses the document: the limit is never waved through on an unknown count.
class HoldingsSource {
public:
    virtual ~HoldingsSource() = default;
    virtual Result<IdentityHoldings> holdings(DocumentType type, const QString& number) const = 0;
};

/// The risk list (涉诈名单) HQ sends down. A failure to read it refuses the document, as a listed identity would.
class RiskList {
public:
    virtual ~RiskList() = default;
    virtual Result<bool> contains(DocumentType type, const QString& number) const = 0;
};

/// One reason a document cannot be used, or a warning. `code` is stable; `detail` English without personal
/// data; the UI translates by code (widgets/registration/PolicyText).
struct PolicyFinding {
    Reason code = Reason::Unspecified;
    QString detail;
    bool blocking = true;
    int figure = 0; ///< the number that matters for the code (age, limit count, ...)

    friend bool operator==(const PolicyFinding&, const PolicyFinding&) = default;
};

/// The verdict on one person's document in one role.
struct PolicyDecision {
    QList<PolicyFinding> findings;
    int age = -1;
    IdentityHoldings holdings;

    bool allowed() const;
    bool has(Reason code) const;
    /// The first blocking finding, or nullptr.
    const PolicyFinding* firstBlocking() const;
};

/// The policy findings (the policy range of the shared Reason enum).
namespace policy {
inline constexpr Reason DocumentInvalid = Reason::DocumentInvalid; ///< validation errors (number, dates)
inline constexpr Reason DocumentExpired = Reason::DocumentExpired;
inline constexpr Reason DocumentExpiresSoon = Reason::DocumentExpiresSoon; ///< warning
inline constexpr Reason DocumentNotAccepted = Reason::DocumentNotAccepted; ///< type not allowed in the role
inline constexpr Reason UnderMinimumAge = Reason::UnderMinimumAge;
inline constexpr Reason GuardianRequired = Reason::GuardianRequired; ///< choose "minor with guardian"
inline constexpr Reason NotAMinor = Reason::NotAMinor;               ///< minor type for an adult
inline constexpr Reason AgeUnknown = Reason::AgeUnknown;
inline constexpr Reason GuardianTooYoung = Reason::GuardianTooYoung;
inline constexpr Reason IdentityLimit = Reason::IdentityLimit;
inline constexpr Reason IdentityLimitNear = Reason::IdentityLimitNear; ///< warning: this will be the last one
inline constexpr Reason RiskListed = Reason::RiskListed;
inline constexpr Reason SamePerson = Reason::SamePerson; ///< guardian/agent is the customer
/// The holdings or the risk list cannot be read (the store failed): refused, never allowed on an unknown.
inline constexpr Reason PolicyUnavailable = Reason::PolicyUnavailable;
} // namespace policy

/// The counter's rules for a document in a role. Pure: everything it needs comes in by constructor.
class Policy {
public:
    Policy(PolicySettings settings, const Clock& clock, const HoldingsSource* holdings = nullptr,
           const RiskList* risk = nullptr);

    const PolicySettings& settings() const { return m_settings; }
    void setSettings(const PolicySettings& settings) { m_settings = settings; }

    /// Checks `document` for `role` in a registration of `type`: validity and expiry, the document type
    /// (户口簿 only for minors; no travel documents for guardians), age bands, and for the customer the
    /// per-identity limit and the risk list. Every person shown is checked against the risk list.
    PolicyDecision check(const IdentityDocument& document, DocumentRole role, CustomerType type) const;

private:
    PolicySettings m_settings;
    const Clock& m_clock;
    const HoldingsSource* m_holdings;
    const RiskList* m_risk;
};

} // namespace shiming::registration
