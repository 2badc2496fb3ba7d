// The crash test's victim: logs in, then commits registrations in a loop and prints each uuid on its own
// line right after commit() returned (the moment the clerk would be told "saved"). Killed with SIGKILL.
#include "core/auth/Authenticator.h"
#include "core/demo/DemoData.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    // stderr is for failures only: the driver treats anything there as an error.
    QLoggingCategory::setFilterRules(u"shiming.*.info=false"_s);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: store_crash_writer DB USER PASSWORD [SEED]\n");
        return 2;
    }
    shiming::SystemClock clock;
    shiming::auth::Authenticator::Options options;
    options.store.freeSpaceFloorBytes = 0;
    options.idleSeconds = 0;
    shiming::auth::Authenticator authenticator(args.at(1), clock, options);
    auto session = authenticator.login(args.at(2), args.at(3).toUtf8());
    if (!session) {
        std::fprintf(stderr, "login failed: %s\n", qPrintable(session.error().detail));
        return 1;
    }
    shiming::store::DemoDataGenerator generator(args.value(4, u"1"_s).toUInt(), 4);
    std::fprintf(stdout, "ready\n");
    std::fflush(stdout);
    for (;;) {
        auto record = (*session)->store().registrations().commit(generator.registration(args.at(2), clock.now()));
        if (!record) {
            std::fprintf(stderr, "commit failed: %s\n", qPrintable(record.error().detail));
            return 1;
        }
        std::fprintf(stdout, "%s\n", qPrintable(record->uuid));
        std::fflush(stdout);
    }
}
