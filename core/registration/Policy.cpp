#include "core/registration/Policy.h"

#include "core/identity/Validators.h"

using namespace Qt::StringLiterals;

namespace shiming::registration {

bool PolicyDecision::allowed() const
{
    return firstBlocking() == nullptr;
}

bool PolicyDecision::has(Reason code) const
{
    for (const PolicyFinding& finding : findings) {
        if (finding.code == code)
            return true;
    }
    return false;
}

const PolicyFinding* PolicyDecision::firstBlocking() const
{
    for (const PolicyFinding& finding : findings) {
        if (finding.blocking)
            return &finding;
    }
    return nullptr;
}

Policy::Policy(PolicySettings settings, const Clock& clock, const HoldingsSource* holdings, const RiskList* risk)
    : m_settings(settings)
    , m_clock(clock)
    , m_holdings(holdings)
    , m_risk(risk)
{}

PolicyDecision Policy::check(const IdentityDocument& document, DocumentRole role, CustomerType type) const
{
    PolicyDecision decision;
    auto block = [&](Reason code, QString detail, int figure = 0) {
        decision.findings.append(PolicyFinding{code, std::move(detail), true, figure});
    };
    auto warn = [&](Reason code, QString detail, int figure = 0) {
        decision.findings.append(PolicyFinding{code, std::move(detail), false, figure});
    };

    if (!isPersonalDocument(document.type)) {
        block(policy::DocumentNotAccepted, u"not a personal document"_s);
        return decision;
    }

    const ValidationResult validation = validateIdentityDocument(document, m_clock);
    if (validation.hasError(identity::codes::DocumentExpired)) {
        block(policy::DocumentExpired, u"the document has expired"_s);
    }
    QStringList otherErrors;
    for (const ValidationIssue& issue : validation.errors) {
        if (issue.code != identity::codes::DocumentExpired)
            otherErrors.append(issue.code);
    }
    if (!otherErrors.isEmpty())
        block(policy::DocumentInvalid, u"validation failed: "_s + otherErrors.join(u", "_s));
    if (validation.hasWarning(identity::codes::ExpiresSoon))
        warn(policy::DocumentExpiresSoon, u"the document expires within 30 days"_s);

    decision.age = ageOn(document.birthDate, m_clock.today());
    const int age = decision.age;

    if (role == DocumentRole::Customer) {
        if (age < 0) {
            block(policy::AgeUnknown, u"no usable birth date"_s);
        } else if (age < m_settings.minimumAge) {
            block(policy::UnderMinimumAge, u"customer is under the minimum age"_s, m_settings.minimumAge);
        } else if (type == CustomerType::Minor) {
            if (age >= 18)
                block(policy::NotAMinor, u"customer is an adult"_s, age);
        } else if (age < m_settings.adultAloneAge) {
            block(policy::GuardianRequired, u"customer needs a guardian"_s, m_settings.adultAloneAge);
        }
        // 户口簿 is accepted for minors only.
        if (document.type == DocumentType::HouseholdRegister && (type != CustomerType::Minor || age >= 18))
            block(policy::DocumentNotAccepted, u"household register is accepted for minors only"_s);

        if (m_holdings) {
            if (auto holdings = m_holdings->holdings(document.type, document.number); !holdings) {
                block(policy::PolicyUnavailable, u"holdings unknown: "_s + holdings.error().detail);
            } else {
                decision.holdings = *holdings;
                const int held = decision.holdings.effective();
                if (held >= m_settings.perIdentityLimit)
                    block(policy::IdentityLimit, u"identity already holds the maximum of numbers"_s, held);
                else if (held + 1 == m_settings.perIdentityLimit)
                    warn(policy::IdentityLimitNear, u"this will be the identity's last number"_s, held);
            }
        }
    } else {
        // Guardians, agents and handlers act for someone else: adults with a card of their own.
        if (age < 0)
            block(policy::AgeUnknown, u"no usable birth date"_s);
        else if (age < m_settings.guardianMinimumAge)
            block(policy::GuardianTooYoung, u"the person acting for the customer is not an adult"_s,
                  m_settings.guardianMinimumAge);
        if (document.type == DocumentType::HouseholdRegister)
            block(policy::DocumentNotAccepted, u"household register is accepted for minors only"_s);
    }

    if (m_risk) {
        if (auto listed = m_risk->contains(document.type, document.number); !listed)
            block(policy::PolicyUnavailable, u"risk list unreadable: "_s + listed.error().detail);
        else if (*listed)
            block(policy::RiskListed, u"identity is on the risk list"_s);
    }
    return decision;
}

} // namespace shiming::registration
