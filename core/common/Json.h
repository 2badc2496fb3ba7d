#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace shiming {

/// One-line JSON text of an object, as the command line prints it.
inline QByteArray compactJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace shiming
