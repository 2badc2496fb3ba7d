#pragma once
// For the HQ test cases (Catch): a running shiming-hq with two enrolled outlets.
#include "HqTestSupport.h"
#include "support/CatchQt.h"

namespace shiming::testing {

/// A running shiming-hq on a fresh database with two enrolled outlets, OUT-A and OUT-B.
struct HqWithTwoOutlets {
    std::string url = PgCluster::instance().newDatabase();
    HqProcess hq{url};
    std::optional<protocol::CredentialBundle> a, b;
    QString ca;

    explicit HqWithTwoOutlets(const QStringList& serveArguments = {})
    {
        hq.setServeArguments(serveArguments);
        REQUIRE(hq.start());
        a = hq.enroll(QStringLiteral("OUT-A"));
        b = hq.enroll(QStringLiteral("OUT-B"));
        REQUIRE(a.has_value());
        REQUIRE(b.has_value());
        ca = hq.stateDir() + QStringLiteral("/ca.crt");
    }

    /// Rows in the ledger: records plus batches.
    long long rows() const
    {
        return std::stoll(
            PgCluster::scalar(url, "SELECT (SELECT count(*) FROM records) + (SELECT count(*) FROM batches)"));
    }
    long long records() const { return std::stoll(PgCluster::scalar(url, "SELECT count(*) FROM records")); }
};

} // namespace shiming::testing
