// bench_store: the store's figures, each against a baseline measured in the same run.
//   commit  — one registration with two ~20 KB photos and a signature (goal <= 10 ms median);
//             baseline: writing and fsyncing the same bytes to a plain file.
//   day list — one day's registrations out of 1,000,000 (goal <= 50 ms); the database is seeded once into
//             <build>/bench-cache/store-1m.db (photos shared from a pool); baseline: counting that day's rows.
//   unlock  — Argon2id (production parameters) + open (goal <= 600 ms); baseline: Argon2id alone.
//   page check — the quick_check the counter runs at sign-in and before each sync pass, on a database of a week
//             at a busy counter (2,100 registrations, every photo its own; --check-records N); baseline: reading
//             the same file from the page cache.
// Usage: bench_store [--records N] [--skip-daylist] [--check-records N]
#include "core/auth/Authenticator.h"
#include "core/demo/DemoData.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

using namespace shiming;
using namespace shiming::store;
using namespace Qt::StringLiterals;

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : values.at(values.size() / 2);
}

// CPU time of this thread: on a machine shared with other jobs, wall time includes waiting for a core.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double ms(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

void report(const char* what, double value, const char* baselineWhat, double baseline, double goal)
{
    std::printf("%-40s median %8.2f ms   (baseline %s: %.2f ms; goal <= %.0f ms: %s)\n", what, value, baselineWhat,
                baseline, goal, value <= goal ? "met" : "NOT met");
    std::fflush(stdout);
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().left(14)).trimmed() : u"?"_s;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    qint64 records = 1000000;
    if (const qsizetype i = args.indexOf(u"--records"_s); i > 0 && i + 1 < args.size())
        records = args.at(i + 1).toLongLong();
    const bool skipDayList = args.contains(u"--skip-daylist"_s);
    qint64 checkRecords = 2100;
    if (const qsizetype i = args.indexOf(u"--check-records"_s); i > 0 && i + 1 < args.size())
        checkRecords = args.at(i + 1).toLongLong();
    SystemClock clock;
    auth::Authenticator::Options options;
    options.store.freeSpaceFloorBytes = 0;
    options.idleSeconds = 0;

    // ---- commit
    {
        QTemporaryDir dir(QDir::currentPath() + u"/bench-commit-XXXXXX"_s);
        const QString path = dir.filePath(u"commit.db"_s);
        if (!auth::Authenticator::initialize(path, u"BENCH"_s, u"bench"_s, "bench-password", KdfParams::weakForTests(),
                                             clock)) {
            std::fprintf(stderr, "cannot create the bench database\n");
            return 1;
        }
        auth::Authenticator authenticator(path, clock, options);
        auto session = authenticator.login(u"bench"_s, "bench-password");
        if (!session)
            return 1;
        DemoDataGenerator generator(99, 1);
        QList<registration::Registration> prepared;
        const int runs = 41;
        for (int i = 0; i < runs; ++i) {
            registration::Registration r = generator.registration(u"bench"_s, clock.now());
            r.media = {
                {registration::MediaItem::Kind::ChipPhoto,
                 {},
                 u"image/jpeg"_s,
                 DemoDataGenerator::drawPhoto(1000 + i, 480, 640, 20480)},
                {registration::MediaItem::Kind::LivePhoto,
                 {},
                 u"image/jpeg"_s,
                 DemoDataGenerator::drawPhoto(5000 + i, 480, 640, 20480)},
                {registration::MediaItem::Kind::Signature, {}, u"image/png"_s, DemoDataGenerator::drawSignature(i)}};
            prepared.append(r);
        }
        QList<double> commits;
        QList<double> baseline;
        qint64 bytes = 0;
        for (const auto& r : std::as_const(prepared)) {
            QElapsedTimer timer;
            timer.start();
            if (!(*session)->store().registrations().commit(r)) {
                std::fprintf(stderr, "commit failed\n");
                return 1;
            }
            commits.append(ms(timer));
            QByteArray all;
            for (const auto& m : r.media)
                all += m.bytes;
            bytes += all.size();
            timer.restart();
            const QByteArray file = QFile::encodeName(dir.filePath(u"plain.bin"_s));
            const int fd = ::open(file.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            if (fd >= 0) {
                if (::write(fd, all.constData(), size_t(all.size())) != all.size())
                    std::fprintf(stderr, "short write\n");
                ::fsync(fd);
                ::close(fd);
            }
            baseline.append(ms(timer));
        }
        std::printf("commit: %d registrations, %.1f KB media each on average\n", runs, double(bytes) / runs / 1024.0);
        report("commit (2 photos + signature)", median(commits), "write+fsync same bytes", median(baseline), 10);
    }

    // ---- unlock
    {
        QTemporaryDir dir(QDir::currentPath() + u"/bench-unlock-XXXXXX"_s);
        const QString path = dir.filePath(u"unlock.db"_s);
        if (!auth::Authenticator::initialize(path, u"BENCH"_s, u"bench"_s, "bench-password", KdfParams::production(),
                                             clock))
            return 1;
        auth::Authenticator::Options unlockOptions = options;
        unlockOptions.lockout.maxFailures = 1000;
        auth::Authenticator authenticator(path, clock, unlockOptions);
        auto slotFile = KeySlotFile::load(KeySlotFile::pathFor(path)).value();
        QList<double> unlocks;
        QList<double> unlockCpu;
        QList<double> argon;
        for (int i = 0; i < 7; ++i) {
            QElapsedTimer timer;
            timer.start();
            const double cpuStart = threadCpuMs();
            auto session = authenticator.login(u"bench"_s, "bench-password");
            if (!session)
                return 1;
            unlocks.append(ms(timer));
            unlockCpu.append(threadCpuMs() - cpuStart);
            session->reset();
            timer.restart();
            auto key = slotFile.unlockAccountKey(u"bench"_s, "bench-password");
            argon.append(ms(timer));
        }
        report("unlock (Argon2id 3 x 256 MiB + open)", median(unlocks), "Argon2id alone", median(argon), 600);
        std::printf("%-40s median %8.2f ms   (CPU time of the unlocking thread; wall time above includes waiting "
                    "for a core when the machine is shared; load average %s)\n",
                    "unlock CPU time", median(unlockCpu), qPrintable(loadAverage()));
    }

    // ---- page check
    if (checkRecords > 0) {
        QTemporaryDir dir(QDir::currentPath() + u"/bench-check-XXXXXX"_s);
        const QString path = dir.filePath(u"check.db"_s);
        if (!auth::Authenticator::initialize(path, u"BENCH"_s, u"bench"_s, "bench-password", KdfParams::weakForTests(),
                                             clock))
            return 1;
        auth::Authenticator authenticator(path, clock, options);
        auto session = authenticator.login(u"bench"_s, "bench-password");
        if (!session)
            return 1;
        auto& store = (*session)->store();
        DemoDataGenerator generator(7, int(checkRecords));
        if (auto seeded = seedDemoRegistrations(store, u"bench"_s, checkRecords, 7, clock, generator, 500); !seeded) {
            std::fprintf(stderr, "seeding failed: %s\n", qPrintable(seeded.error().detail));
            return 1;
        }
        if (!store.database().checkpoint())
            return 1;
        const qint64 fileBytes = QFileInfo(path).size();
        QList<double> checks;
        QList<double> reads;
        for (int i = 0; i < 7; ++i) {
            QElapsedTimer timer;
            timer.start();
            auto health = store.checkPages();
            checks.append(ms(timer));
            if (!health || health->damaged) {
                std::fprintf(stderr, "page check failed\n");
                return 1;
            }
            timer.restart();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return 1;
            while (!file.read(1 << 20).isEmpty()) {
            }
            reads.append(ms(timer));
        }
        std::printf("page check: %lld registrations, %.1f MiB file (%.0f MiB/s checked)\n", checkRecords,
                    double(fileBytes) / (1 << 20), double(fileBytes) / (1 << 20) / (median(checks) / 1000.0));
        report("page check (quick_check)", median(checks), "reading the file", median(reads), 300);
    }

    // ---- day list
    if (!skipDayList) {
        const QString cacheDir = QStringLiteral(SHIMING_BENCH_CACHE_DIR);
        QDir().mkpath(cacheDir);
        const QString path = cacheDir + u"/store-%1.db"_s.arg(records);
        if (!QFile::exists(path)) {
            std::printf("seeding %lld registrations over 365 days into %s (once; photos shared from a pool of 64)\n",
                        records, qPrintable(path));
            std::fflush(stdout);
            if (!auth::Authenticator::initialize(path, u"BENCH"_s, u"bench"_s, "bench-password",
                                                 KdfParams::weakForTests(), clock))
                return 1;
            auth::Authenticator authenticator(path, clock, options);
            auto session = authenticator.login(u"bench"_s, "bench-password");
            if (!session)
                return 1;
            DemoDataGenerator generator(1, 64);
            QElapsedTimer timer;
            timer.start();
            auto seeded = seedDemoRegistrations(
                (*session)->store(), u"bench"_s, records, 365, clock, generator, 5000, [&](qint64 n) {
                    if (n % 100000 == 0) {
                        std::printf("  %lld (%.0f s)\n", n, double(timer.elapsed()) / 1000);
                        std::fflush(stdout);
                    }
                });
            if (!seeded) {
                std::fprintf(stderr, "seeding failed: %s\n", qPrintable(seeded.error().detail));
                QFile::remove(path);
                return 1;
            }
            std::printf("seeded in %.0f s\n", double(timer.elapsed()) / 1000);
        }
        auth::Authenticator authenticator(path, clock, options);
        auto session = authenticator.login(u"bench"_s, "bench-password");
        if (!session) {
            std::fprintf(stderr, "cannot open the cached database: %s\n", qPrintable(session.error().detail));
            return 1;
        }
        auto& store = (*session)->store();
        std::printf("day list over %lld registrations\n", store.registrations().count().value_or(0));
        QList<double> lists;
        QList<double> counts;
        qint64 rowsSeen = 0;
        auto countStmt =
            store.database().prepare(u"SELECT count(*) FROM registrations WHERE device_date = ?"_s).value();
        for (int k = 0; k < 21; ++k) {
            const QDate day = clock.today().addDays(-k * 17 % 365);
            QElapsedTimer timer;
            timer.start();
            auto rows = store.registrations().dayList(day);
            lists.append(ms(timer));
            rowsSeen += rows ? rows->size() : 0;
            timer.restart();
            countStmt.reset();
            countStmt.bind(1, day.toString(Qt::ISODate));
            (void)countStmt.step();
            counts.append(ms(timer));
        }
        std::printf("day list: %.0f rows per day on average\n", double(rowsSeen) / 21);
        report("day list (one day of 1,000,000)", median(lists), "count of that day's rows", median(counts), 50);
    }
    return 0;
}
