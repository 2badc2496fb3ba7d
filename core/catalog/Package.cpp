#include "core/catalog/Package.h"

using namespace Qt::StringLiterals;

namespace shiming::catalog {

using registration::CustomerType;

QString ineligibilityKey(Ineligibility reason)
{
    switch (reason) {
    case Ineligibility::None:
        return u"none"_s;
    case Ineligibility::CustomerType:
        return u"customer_type"_s;
    case Ineligibility::OrganisationOnly:
        return u"organisation_only"_s;
    case Ineligibility::TooYoung:
        return u"too_young"_s;
    case Ineligibility::TooOld:
        return u"too_old"_s;
    }
    return u"unknown"_s;
}

Ineligibility checkEligibility(const Package& package, const EligibilityQuery& query)
{
    const bool organisation = query.customerType == CustomerType::Organisation;
    if (package.organisationOnly && !organisation)
        return Ineligibility::OrganisationOnly;
    if (package.customerTypes.isEmpty()) {
        // Personal packages by default; an organisation takes only what is offered to it explicitly.
        if (organisation && !package.organisationOnly)
            return Ineligibility::CustomerType;
    } else if (!package.customerTypes.contains(query.customerType)) {
        return Ineligibility::CustomerType;
    }
    if (query.age >= 0) {
        if (package.minAge > 0 && query.age < package.minAge)
            return Ineligibility::TooYoung;
        if (package.maxAge > 0 && query.age > package.maxAge)
            return Ineligibility::TooOld;
    }
    return Ineligibility::None;
}

QStringList attachmentsForCustomerType(CustomerType type)
{
    if (type == CustomerType::Organisation)
        return {attachments::BusinessLicence.toString(), attachments::AuthorisationLetter.toString()};
    return {};
}

QString formatYuan(int fen)
{
    const QString sign = fen < 0 ? u"-"_s : QString();
    const int absolute = fen < 0 ? -fen : fen;
    return sign + QString::number(absolute / 100) + u'.' + QStringLiteral("%1").arg(absolute % 100, 2, 10, QChar(u'0'));
}

} // namespace shiming::catalog
