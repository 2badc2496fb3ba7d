#include "core/catalog/Catalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace shiming::catalog {

namespace {

// A catalogue file is small; anything far larger is not one.
constexpr qint64 kMaxCatalogBytes = 4 * 1024 * 1024;

Result<Package> parsePackage(const QJsonObject& object, int index)
{
    const QString where = u"package %1"_s.arg(index);
    Package package;
    package.id = object.value(u"id"_s).toString();
    package.name = object.value(u"name"_s).toString();
    if (package.id.isEmpty() || package.name.isEmpty())
        return fail(Error::invalidInput(where + u": id and name are required"_s));
    package.description = object.value(u"description"_s).toString();
    package.monthlyFeeFen = object.value(u"monthly_fee_fen"_s).toInt(-1);
    if (package.monthlyFeeFen < 0)
        return fail(Error::invalidInput(where + u": monthly_fee_fen must be a non-negative integer"_s));
    package.minutes = object.value(u"minutes"_s).toInt(0);
    package.dataMb = object.value(u"data_mb"_s).toInt(0);
    package.contractMonths = qMax(0, object.value(u"contract_months"_s).toInt(0));
    package.minAge = qMax(0, object.value(u"min_age"_s).toInt(0));
    package.maxAge = qMax(0, object.value(u"max_age"_s).toInt(0));
    package.organisationOnly = object.value(u"organisation_only"_s).toBool(false);
    package.telemarketing = object.value(u"telemarketing"_s).toBool(false);
    for (const QJsonValue& value : object.value(u"customer_types"_s).toArray()) {
        const auto type = registration::parseCustomerType(value.toString());
        if (!type)
            return fail(Error::invalidInput(where + u": unknown customer type"_s));
        package.customerTypes.append(*type);
    }
    for (const QJsonValue& value : object.value(u"attachments"_s).toArray()) {
        const QString key = value.toString();
        if (key.isEmpty())
            return fail(Error::invalidInput(where + u": empty attachment key"_s));
        if (!package.requiredAttachments.contains(key))
            package.requiredAttachments.append(key);
    }
    // Telemarketing cards always need the signed security commitment, whatever the file says.
    if (package.telemarketing && !package.requiredAttachments.contains(attachments::SecurityCommitment))
        package.requiredAttachments.append(attachments::SecurityCommitment.toString());
    return package;
}

} // namespace

Result<Catalog> Catalog::fromJson(const QByteArray& json)
{
    if (json.size() > kMaxCatalogBytes)
        return fail(Error::invalidInput(u"catalog file is too large"_s));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(Error::invalidInput(u"catalog is not a JSON object"_s));
    const QJsonValue packagesValue = document.object().value(u"packages"_s);
    if (!packagesValue.isArray())
        return fail(Error::invalidInput(u"catalog has no packages array"_s));
    QList<Package> packages;
    QSet<QString> ids;
    int index = 0;
    for (const QJsonValue& value : packagesValue.toArray()) {
        if (!value.isObject())
            return fail(Error::invalidInput(u"package %1 is not an object"_s.arg(index)));
        auto package = parsePackage(value.toObject(), index);
        if (!package)
            return fail(package.error());
        if (ids.contains(package->id))
            return fail(Error::invalidInput(u"package %1: duplicate id"_s.arg(index)));
        ids.insert(package->id);
        packages.append(std::move(*package));
        ++index;
    }
    return Catalog(std::move(packages));
}

Result<QByteArray> Catalog::readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::notFound(u"catalog file cannot be opened: "_s + file.errorString()));
    if (file.size() > kMaxCatalogBytes)
        return fail(Error::invalidInput(u"catalog file is too large"_s));
    return file.readAll();
}

Result<Catalog> Catalog::load(const QString& path)
{
    auto bytes = readFile(path);
    if (!bytes)
        return fail(bytes.error());
    return fromJson(*bytes);
}

const Package* Catalog::find(QStringView id) const
{
    for (const Package& package : m_packages) {
        if (package.id == id)
            return &package;
    }
    return nullptr;
}

QList<Package> Catalog::eligible(const EligibilityQuery& query) const
{
    QList<Package> result;
    for (const Package& package : m_packages) {
        if (checkEligibility(package, query) == Ineligibility::None)
            result.append(package);
    }
    return result;
}

} // namespace shiming::catalog
