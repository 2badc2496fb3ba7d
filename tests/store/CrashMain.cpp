// Full crash run for scripts/crash-test.sh: store_crash_test [--kills N] [--dir DIR] [--seed S] [--writer EXE].
#include "CrashDriver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("shiming.*.info=false"));
    const QStringList args = app.arguments();
    int kills = 1000;
    quint32 seed = 1;
    QString dirPath;
    QString writer = QStringLiteral(SHIMING_CRASH_WRITER);
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QStringLiteral("--kills"))
            kills = args.at(i + 1).toInt();
        else if (args.at(i) == QStringLiteral("--seed"))
            seed = args.at(i + 1).toUInt();
        else if (args.at(i) == QStringLiteral("--dir"))
            dirPath = args.at(i + 1);
        else if (args.at(i) == QStringLiteral("--writer"))
            writer = args.at(i + 1);
    }
    QTemporaryDir temp;
    if (dirPath.isEmpty())
        dirPath = temp.path();
    QElapsedTimer timer;
    timer.start();
    const auto summary = shiming::testing::runCrashTest(writer, dirPath, kills, seed, [](const QString& line) {
        std::printf("%s\n", qPrintable(line));
        std::fflush(stdout);
    });
    std::printf("crash test: %d kills, %lld registrations reported committed, %lld present with their outbox row, "
                "%lld in the database, db check passed after every kill: %s (%.0f s)\n",
                summary.kills, summary.reportedCommitted, summary.presentAfterwards, summary.recordsInDatabase,
                summary.firstFailure.isEmpty() ? "yes" : "NO", double(timer.elapsed()) / 1000.0);
    if (!summary.ok())
        std::printf("FAILED: %s\n", qPrintable(summary.firstFailure));
    return summary.ok() && summary.kills == kills ? 0 : 1;
}
