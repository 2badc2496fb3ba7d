#pragma once

// Small checks the HQ test cases share (Catch2; not for the benchmark, which links the same support library).

#include "HqTestSupport.h"
#include "support/CatchQt.h"

#include <string>

namespace shiming::testing {

/// The number a count(*) query on the cluster at `url` returns.
inline long long count(const std::string& url, const std::string& sql)
{
    return std::stoll(PgCluster::scalar(url, sql));
}

/// HQ's answer in a response body; the test fails when it does not decode.
inline protocol::BatchAnswer answerOf(const RawResponse& response)
{
    auto answer = protocol::decodeBatchAnswer(response.body);
    REQUIRE(answer.has_value());
    return *answer;
}

} // namespace shiming::testing
