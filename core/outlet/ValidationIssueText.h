#pragma once

#include "core/identity/Validation.h"

#include <QString>

namespace shiming {

/// The clerk's text for a validation issue, translated by its stable code; falls back to the English message
/// for codes this table does not know yet. Part of the clerk-text home beside ClerkText (which words a typed
/// document number's first error with it): validation codes are worded here and nowhere else.
QString validationIssueText(const ValidationIssue& issue);

/// The clerk's label for a validator field key ("birth_date" → "Date of birth"); the key itself when unknown.
QString validationFieldLabel(const QString& key);

} // namespace shiming
