#include "core/identity/Validation.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {

bool contains(const QList<ValidationIssue>& issues, QStringView code)
{
    for (const auto& issue : issues) {
        if (issue.code == code)
            return true;
    }
    return false;
}

QJsonArray toJson(const QList<ValidationIssue>& issues)
{
    QJsonArray array;
    for (const auto& issue : issues)
        array.append(QJsonObject{{u"code"_s, issue.code}, {u"message"_s, issue.message}});
    return array;
}

} // namespace

bool ValidationResult::hasError(QStringView code) const
{
    return contains(errors, code);
}

bool ValidationResult::hasWarning(QStringView code) const
{
    return contains(warnings, code);
}

QJsonObject validationResultToJson(const ValidationResult& result)
{
    const bool unknown = result.hasError(identity::codes::Unrecognized);
    return QJsonObject{
        {u"type"_s, unknown ? u"unknown"_s : documentTypeKey(result.type)},
        {u"valid"_s, result.valid()},
        {u"normalized"_s, result.normalized},
        {u"fields"_s, QJsonObject::fromVariantMap(result.fields)},
        {u"errors"_s, toJson(result.errors)},
        {u"warnings"_s, toJson(result.warnings)},
    };
}

} // namespace shiming
