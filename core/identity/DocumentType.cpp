#include "core/identity/DocumentType.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace shiming {

QString documentTypeKey(DocumentType type)
{
    switch (type) {
    case DocumentType::ResidentId:
        return u"resident-id"_s;
    case DocumentType::TemporaryResidentId:
        return u"temporary-resident-id"_s;
    case DocumentType::HouseholdRegister:
        return u"household-register"_s;
    case DocumentType::ResidencePermit:
        return u"residence-permit"_s;
    case DocumentType::ForeignPermanent:
        return u"foreign-permanent"_s;
    case DocumentType::HkMoPermit:
        return u"hkmo-permit"_s;
    case DocumentType::TwPermit:
        return u"tw-permit"_s;
    case DocumentType::Passport:
        return u"passport"_s;
    case DocumentType::Uscc:
        return u"uscc"_s;
    case DocumentType::Iccid:
        return u"iccid"_s;
    case DocumentType::Mobile:
        return u"mobile"_s;
    }
    return u"resident-id"_s;
}

std::optional<DocumentType> parseDocumentType(QStringView key)
{
    const QString lower = key.trimmed().toString().toLower();
    if (lower == u"mrz")
        return DocumentType::Passport;
    for (DocumentType type : allDocumentTypes()) {
        if (documentTypeKey(type) == lower)
            return type;
    }
    return std::nullopt;
}

QString documentTypeDisplayName(DocumentType type)
{
    switch (type) {
    case DocumentType::ResidentId:
        return QCoreApplication::translate("shiming::identity", "Resident identity card");
    case DocumentType::TemporaryResidentId:
        return QCoreApplication::translate("shiming::identity", "Temporary resident identity card");
    case DocumentType::HouseholdRegister:
        return QCoreApplication::translate("shiming::identity", "Household register");
    case DocumentType::ResidencePermit:
        return QCoreApplication::translate("shiming::identity",
                                           "Residence permit for Hong Kong, Macao and Taiwan residents");
    case DocumentType::ForeignPermanent:
        return QCoreApplication::translate("shiming::identity", "Foreign permanent resident ID card");
    case DocumentType::HkMoPermit:
        return QCoreApplication::translate("shiming::identity",
                                           "Mainland travel permit for Hong Kong and Macao residents");
    case DocumentType::TwPermit:
        return QCoreApplication::translate("shiming::identity", "Mainland travel permit for Taiwan residents");
    case DocumentType::Passport:
        return QCoreApplication::translate("shiming::identity", "Passport (machine-readable zone)");
    case DocumentType::Uscc:
        return QCoreApplication::translate("shiming::identity", "Unified social credit code");
    case DocumentType::Iccid:
        return QCoreApplication::translate("shiming::identity", "SIM card number (ICCID)");
    case DocumentType::Mobile:
        return QCoreApplication::translate("shiming::identity", "Mobile number");
    }
    return {};
}

QList<DocumentType> allDocumentTypes()
{
    return {DocumentType::ResidentId,
            DocumentType::TemporaryResidentId,
            DocumentType::HouseholdRegister,
            DocumentType::ResidencePermit,
            DocumentType::ForeignPermanent,
            DocumentType::HkMoPermit,
            DocumentType::TwPermit,
            DocumentType::Passport,
            DocumentType::Uscc,
            DocumentType::Iccid,
            DocumentType::Mobile};
}

bool isPersonalDocument(DocumentType type)
{
    return type != DocumentType::Uscc && type != DocumentType::Iccid && type != DocumentType::Mobile;
}

} // namespace shiming
