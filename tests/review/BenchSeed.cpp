// review_bench_seed: writes the database bench_review measures on, once. Like `shimingctl demo seed --count N
// --days 30` (same generator, same store API), but spread over eight clerks, four customer types and the
// record's life (accepted/rejected by HQ, voided, waiting for manual review) so that the manager's filters
// select realistic fractions instead of all or nothing.
// Usage: review_bench_seed PATH COUNT DAYS
#include "core/auth/Authenticator.h"
#include "core/demo/DemoData.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

using namespace shiming;
using namespace shiming::store;
using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: review_bench_seed PATH COUNT DAYS\n");
        return 2;
    }
    const QString path = args.at(1);
    const qint64 count = args.at(2).toLongLong();
    const int days = args.at(3).toInt();
    if (count < 1 || days < 1) {
        std::fprintf(stderr, "COUNT and DAYS must be positive\n");
        return 2;
    }
    if (QFile::exists(path)) {
        std::fprintf(stderr, "%s exists; refusing to overwrite\n", qPrintable(path));
        return 1;
    }
    SystemClock clock;
    const QString partial = path + u".partial"_s;
    QFile::remove(partial);
    QFile::remove(partial + u".keys"_s);
    if (auto r = auth::Authenticator::initialize(partial, u"BENCH"_s, u"manager"_s, "bench-password",
                                                 KdfParams::weakForTests(), clock);
        !r) {
        std::fprintf(stderr, "cannot create: %s\n", qPrintable(r.error().detail));
        return 1;
    }
    auth::Authenticator::Options options;
    options.store.freeSpaceFloorBytes = 0;
    options.idleSeconds = 0;
    {
        auth::Authenticator authenticator(partial, clock, options);
        auto session = authenticator.login(u"manager"_s, "bench-password");
        if (!session) {
            std::fprintf(stderr, "cannot log in: %s\n", qPrintable(session.error().detail));
            return 1;
        }
        for (int i = 1; i <= 8; ++i) {
            if (auto r = authenticator.addAccount(**session, u"clerk%1"_s.arg(i), u"Clerk %1"_s.arg(i),
                                                  auth::Role::Clerk, "bench-password", KdfParams::weakForTests());
                !r) {
                std::fprintf(stderr, "cannot add a clerk: %s\n", qPrintable(r.error().detail));
                return 1;
            }
        }
        OutletStore& store = (*session)->store();
        DemoDataGenerator generator(20261128, 64);
        std::mt19937 rng(7);
        QElapsedTimer timer;
        timer.start();
        const QDate today = clock.today();
        const QDateTime now = clock.now();
        const qint64 perDay = qMax<qint64>(1, count / days);
        qint64 written = 0;
        while (written < count) {
            QList<registration::Registration> batch;
            const qint64 n = qMin<qint64>(2000, count - written);
            for (qint64 i = 0; i < n; ++i) {
                const qint64 index = written + i;
                const int dayIndex = int(index * days / count);
                const qint64 inDay = index - qint64(dayIndex) * count / days;
                const QDate date = today.addDays(-(days - 1 - dayIndex));
                QDateTime at(date, QTime(9, 0).addSecs(int(inDay * (12 * 3600) / perDay) % (12 * 3600)));
                if (at > now)
                    at = now;
                registration::Registration r = generator.registration(u"clerk%1"_s.arg(1 + rng() % 8), at);
                const unsigned type = rng() % 20;
                r.customerType = type < 16   ? registration::CustomerType::Individual
                                 : type < 18 ? registration::CustomerType::Agent
                                 : type < 19 ? registration::CustomerType::Minor
                                             : registration::CustomerType::Organisation;
                if (r.face.band == registration::FaceBand::ManualReview && rng() % 4 == 0)
                    r.face.overrideBy.clear(); // still waiting for the manager's decision
                batch.append(std::move(r));
            }
            if (auto r = store.registrations().commitMany(batch); !r) {
                std::fprintf(stderr, "seeding failed: %s\n", qPrintable(r.error().detail));
                return 1;
            }
            written += n;
            if (written % 100000 == 0 || written == count) {
                std::printf("%lld / %lld (%.0f s)\n", written, count, double(timer.elapsed()) / 1000);
                std::fflush(stdout);
            }
        }
        // The record's life as the sync would have written it: everything older than two days answered by HQ,
        // about one in 200 rejected for the nationwide limit; a few voided by the manager.
        const QString cutoff = today.addDays(-2).toString(Qt::ISODate);
        const QString sql =
            u"UPDATE registrations SET status = CASE WHEN id % 200 = 7 THEN 'rejected' ELSE 'accepted' END, "
            u"hq_reason = CASE WHEN id % 200 = 7 THEN 'identity_limit' END, hq_reference = 'HQ-' || id, "
            u"hq_time = device_time WHERE device_date < '%1';"
            u"UPDATE outbox SET state = 'done', done_at = created_at, attempts = 1 WHERE registration_id IN "
            u"(SELECT id FROM registrations WHERE device_date < '%1');"
            u"UPDATE registrations SET status = 'voided', voided_at = device_time, void_reason = 'customer withdrew' "
            u"WHERE id % 997 = 3;"_s.arg(cutoff);
        if (auto r = store.database().exec(sql); !r) {
            std::fprintf(stderr, "status update failed: %s\n", qPrintable(r.error().detail));
            return 1;
        }
        if (auto r = store.database().checkpoint(); !r) {
            std::fprintf(stderr, "checkpoint failed: %s\n", qPrintable(r.error().detail));
            return 1;
        }
        std::printf("seeded %lld registrations over %d days in %.0f s\n", count, days, double(timer.elapsed()) / 1000);
    }
    if (!QFile::rename(partial + u".keys"_s, path + u".keys"_s) || !QFile::rename(partial, path)) {
        std::fprintf(stderr, "cannot move the seeded database into place\n");
        return 1;
    }
    QFile::remove(partial + u".lockout"_s);
    return 0;
}
