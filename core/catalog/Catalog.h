#pragma once

#include "core/catalog/Package.h"
#include "core/common/Error.h"

#include <QByteArray>
#include <QList>

namespace shiming::catalog {

/// The packages an outlet may sell, as HQ (or the demo data) supplies them.
///
/// JSON form (resources/demo/catalog.json):
/// {"packages": [{"id", "name", "description", "monthly_fee_fen", "minutes", "data_mb", "contract_months",
///   "customer_types": ["individual", "minor", "agent", "organisation"], "min_age", "max_age",
///   "organisation_only", "telemarketing", "attachments": ["security_commitment", ...]}], "numbers": ...}
/// (see NumberPool for "numbers"). Unknown keys are ignored; a package without id or name, a duplicate id, an
/// unknown customer type or a negative fee is an error naming the package's position, never its content.
class Catalog {
public:
    Catalog() = default;
    explicit Catalog(QList<Package> packages)
        : m_packages(std::move(packages))
    {}

    static Result<Catalog> fromJson(const QByteArray& json);
    /// The catalogue file's bytes (size-checked), for a caller that parses them more than one way (packages and
    /// the number pool come from the same file).
    static Result<QByteArray> readFile(const QString& path);
    static Result<Catalog> load(const QString& path);

    const QList<Package>& packages() const { return m_packages; }
    /// The package with `id`, or nullptr.
    const Package* find(QStringView id) const;
    /// The packages that may be sold under `query`, in catalogue order.
    QList<Package> eligible(const EligibilityQuery& query) const;

private:
    QList<Package> m_packages;
};

} // namespace shiming::catalog
