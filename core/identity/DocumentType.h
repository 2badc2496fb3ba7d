#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace shiming {

/// Every identity document (and the two non-personal numbers) the counter validates. The order is stable;
/// persist documentTypeKey(), never the numeric value.
enum class DocumentType {
    ResidentId,          ///< 居民身份证 (GB 11643, 18 characters)
    TemporaryResidentId, ///< 临时居民身份证: same number rules as the resident ID
    HouseholdRegister,   ///< 户口簿: same number rules as the resident ID; minors only
    ResidencePermit,     ///< 港澳台居民居住证 (region 810000 / 820000 / 830000)
    ForeignPermanent,    ///< 外国人永久居留身份证 (2017: 15 characters, 2023: 18 digits)
    HkMoPermit,          ///< 港澳居民来往内地通行证 (H/M + 8 digits, +2 re-issue digits)
    TwPermit,            ///< 台湾居民来往大陆通行证 (8 digits, +2 re-issue digits)
    Passport,            ///< Passports and card documents by their ICAO 9303 MRZ (TD3, TD1)
    Uscc,                ///< 统一社会信用代码 (GB 32100) of an organisation
    Iccid,               ///< SIM card serial number
    Mobile,              ///< Mobile telephone number
};

/// Stable machine key: "resident-id", "temporary-resident-id", "household-register", "residence-permit",
/// "foreign-permanent", "hkmo-permit", "tw-permit", "passport", "uscc", "iccid", "mobile".
QString documentTypeKey(DocumentType type);

/// The reverse of documentTypeKey(); also accepts "mrz" for Passport. Case-insensitive; nullopt when unknown.
std::optional<DocumentType> parseDocumentType(QStringView key);

/// Translated display name for the clerk (context "shiming::identity").
QString documentTypeDisplayName(DocumentType type);

/// All types in declaration order (for combo boxes and tests).
QList<DocumentType> allDocumentTypes();

/// Whether the document belongs to a natural person (false for Uscc, Iccid, Mobile).
bool isPersonalDocument(DocumentType type);

} // namespace shiming
