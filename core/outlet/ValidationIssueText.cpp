#include "core/outlet/ValidationIssueText.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("shiming::ValidationIssueText", text);
}

} // namespace

QString validationIssueText(const ValidationIssue& issue)
{
    // QT_TRANSLATE_NOOP keeps the strings visible to lupdate; translate() looks them up at run time.
    static const QHash<QString, const char*> texts = {
        {u"empty"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Nothing entered yet.")},
        {u"too_long"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Far too long for any document number.")},
        {u"invalid_character"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Contains a character this number cannot have.")},
        {u"invalid_length"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Wrong number of characters.")},
        {u"invalid_format"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Does not have the layout of this document.")},
        {u"unrecognized"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText",
                                              "Not recognised as any supported document; choose the type.")},
        {u"check_character"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Check character wrong: a digit was mistyped.")},
        {u"first_generation_id"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText",
                           "15-digit first-generation ID: no longer valid, ask for the second-generation card.")},
        {u"invalid_birth_date"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "The date of birth is not a real date.")},
        {u"birth_date_future"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "The date of birth is in the future.")},
        {u"birth_date_implausible"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "The date of birth is implausibly early.")},
        {u"unknown_province"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Unknown province code.")},
        {u"unknown_region"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText",
                                                "Region code not in the current list (old cards may keep it).")},
        {u"residence_permit_number"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText",
                           "This is a Hong Kong, Macao or Taiwan residence permit number: choose that type.")},
        {u"residence_permit_region"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText",
                           "A residence permit number starts with 810000, 820000 or 830000.")},
        {u"unknown_nationality"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Unknown nationality code.")},
        {u"mrz_line_count"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "The MRZ needs 2 lines (passport) or 3 lines (card).")},
        {u"mrz_line_length"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "An MRZ line has the wrong length.")},
        {u"mrz_document_code"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "The MRZ document code does not fit this format.")},
        {u"check_digit_document_number"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Document number check digit wrong.")},
        {u"check_digit_birth_date"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Date of birth check digit wrong.")},
        {u"check_digit_expiry_date"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Expiry date check digit wrong.")},
        {u"check_digit_optional_data"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Personal number check digit wrong.")},
        {u"check_digit_composite"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Composite check digit wrong.")},
        {u"invalid_expiry_date"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "The expiry date is not a real date.")},
        {u"invalid_sex"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Unknown sex code.")},
        {u"document_expired"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "The document has expired.")},
        {u"organization_code_check"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "The embedded organisation code is wrong.")},
        {u"luhn_check"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Last digit fails the Luhn check: re-scan.")},
        {u"unknown_issuer"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Not issued by a Chinese operator.")},
        {u"not_mobile_prefix"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Not a mobile number prefix.")},
        {u"unknown_operator"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Number segment not assigned.")},
        {u"virtual_operator"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Virtual operator (MVNO) number.")},
        {u"missing_name"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "The name is missing.")},
        {u"birth_date_mismatch"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Date of birth differs from the ID number.")},
        {u"sex_mismatch"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Sex differs from the ID number.")},
        {u"unknown_ethnicity"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Unknown ethnicity code.")},
        {u"invalid_validity"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "The validity period ends before it starts.")},
        {u"not_yet_valid"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "The document is not valid yet.")},
        {u"expires_soon"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "The document expires within 30 days.")},
        {u"unusual_validity_period"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText",
                           "The validity period does not fit the holder's age at issue: check the dates.")},
        {u"type_mismatch"_s,
         QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "This document type does not identify a person.")},
    };
    const auto it = texts.constFind(issue.code);
    return it == texts.cend() ? issue.message : tr(it.value());
}

QString validationFieldLabel(const QString& key)
{
    static const QHash<QString, const char*> labels = {
        {u"document_number"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Document number")},
        {u"birth_date"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Date of birth")},
        {u"age"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Age")},
        {u"sex"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Sex")},
        {u"region_code"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Region code")},
        {u"region"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Region")},
        {u"province"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Province")},
        {u"city"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "City")},
        {u"nationality"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Nationality")},
        {u"expiry_date"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Expiry date")},
        {u"surname"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Surname")},
        {u"given_names"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Given names")},
        {u"issuing_state"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Issuing state")},
        {u"issuer_region"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Issued for")},
        {u"issuer"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Issuer")},
        {u"operator"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Original operator")},
        {u"organization_code"_s, QT_TRANSLATE_NOOP("shiming::ValidationIssueText", "Organisation code")},
    };
    const auto it = labels.constFind(key);
    return it == labels.cend() ? key : tr(it.value());
}

} // namespace shiming
