#pragma once

#include "core/registration/Registration.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace shiming::catalog {

/// Keys of the attachments a registration may need (scans or photos of paper documents).
namespace attachments {
inline constexpr QStringView BusinessLicence = u"business_licence";         ///< 营业执照 (shows the USCC)
inline constexpr QStringView AuthorisationLetter = u"authorisation_letter"; ///< 授权书 for the handler
inline constexpr QStringView SecurityCommitment = u"security_commitment";   ///< 安全责任承诺书 (telemarketing)
inline constexpr QStringView CallScript = u"call_script";                   ///< 话术 filed with the operator
} // namespace attachments

/// A tariff package offered at the counter. Names are catalogue data (Chinese as HQ sends them), not UI text.
/// Money is in fen (1/100 yuan); -1 for minutes or data means unlimited.
struct Package {
    QString id;
    QString name;
    QString description;
    int monthlyFeeFen = 0;
    int minutes = 0;
    int dataMb = 0;
    int contractMonths = 0;
    /// Customer types that may take the package; empty means every personal type (not organisations).
    QList<registration::CustomerType> customerTypes;
    int minAge = 0; ///< 0: no lower bound beyond the general rules
    int maxAge = 0; ///< 0: no upper bound (e.g. 65 for a youth offer is expressed as maxAge 25)
    bool organisationOnly = false;
    bool telemarketing = false;
    /// Attachment keys the package needs on top of those the customer type needs (configurable per package).
    QStringList requiredAttachments;

    friend bool operator==(const Package&, const Package&) = default;
};

/// Why a package is not offered to a customer.
enum class Ineligibility {
    None,
    CustomerType,     ///< not for this kind of customer
    OrganisationOnly, ///< only organisations may take it
    TooYoung,
    TooOld,
};

/// Stable key of an ineligibility reason ("none", "customer_type", ...).
QString ineligibilityKey(Ineligibility reason);

/// What eligibility is decided on.
struct EligibilityQuery {
    registration::CustomerType customerType = registration::CustomerType::Individual;
    int age = -1; ///< the customer's age in years; -1 when unknown (organisations)
};

/// Whether `package` may be sold under `query`, and if not why.
Ineligibility checkEligibility(const Package& package, const EligibilityQuery& query);

/// The attachments a customer type needs whatever the package (organisations: licence and authorisation).
QStringList attachmentsForCustomerType(registration::CustomerType type);

/// Fee as the clerk reads it: "58.00".
QString formatYuan(int fen);

} // namespace shiming::catalog
