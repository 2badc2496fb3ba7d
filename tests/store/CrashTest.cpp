#include "CrashDriver.h"

#include "support/CatchQt.h"

#include <QTemporaryDir>

using namespace shiming::testing;

TEST_CASE("Crash test: 50 SIGKILLs of a committing writer lose nothing it reported as committed", "[store][slow]")
{
    QTemporaryDir dir;
    const CrashSummary summary = runCrashTest(QStringLiteral(SHIMING_CRASH_WRITER), dir.path(), 50, 4242);
    INFO(summary.firstFailure.toStdString());
    CHECK(summary.firstFailure.isEmpty());
    CHECK(summary.kills == 50);
    CHECK(summary.reportedCommitted > 0);
    CHECK(summary.presentAfterwards == summary.reportedCommitted);
    CHECK(summary.recordsInDatabase >= summary.reportedCommitted);
}
