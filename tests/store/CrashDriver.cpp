#include "CrashDriver.h"

#include "core/auth/Authenticator.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QSet>
#include <QThread>

#include <csignal>
#include <random>

using namespace Qt::StringLiterals;

namespace shiming::testing {

CrashSummary runCrashTest(const QString& writerExecutable, const QString& directory, int kills, quint32 seed,
                          const std::function<void(const QString&)>& log)
{
    CrashSummary summary;
    const QString path = directory + u"/crash.db"_s;
    const QByteArray password = "crash-password";
    SystemClock clock;
    if (auto r = auth::Authenticator::initialize(path, u"CRASH-1"_s, u"writer"_s, password,
                                                 store::KdfParams::weakForTests(), clock);
        !r) {
        summary.firstFailure = u"initialise: "_s + r.error().detail;
        return summary;
    }
    auth::Authenticator::Options options;
    options.store.freeSpaceFloorBytes = 0;
    options.idleSeconds = 0;
    options.lockout.maxFailures = 1 << 30;
    auth::Authenticator authenticator(path, clock, options);
    std::mt19937 rng(seed);
    QSet<QString> allReported;
    for (int kill = 0; kill < kills && summary.firstFailure.isEmpty(); ++kill) {
        QProcess writer;
        writer.setProgram(writerExecutable);
        writer.setArguments({path, u"writer"_s, QString::fromUtf8(password), QString::number(rng())});
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start();
        if (!writer.waitForStarted(10000)) {
            summary.firstFailure = u"writer did not start"_s;
            break;
        }
        // Wait until it is logged in and writing (or gone), then kill it at a random moment.
        QByteArray output;
        QDeadlineTimer ready(30000);
        while (!output.contains("ready\n") && !ready.hasExpired() && writer.state() == QProcess::Running) {
            writer.waitForReadyRead(100);
            output += writer.readAllStandardOutput();
        }
        const int delayMs = std::uniform_int_distribution<int>(5, 250)(rng);
        QThread::msleep(ulong(delayMs)); // the random kill moment, not a wait for a condition
        ::kill(pid_t(writer.processId()), SIGKILL);
        writer.waitForFinished(30000);
        output += writer.readAllStandardOutput();
        const QByteArray errors = writer.readAllStandardError();
        if (!errors.isEmpty()) {
            summary.firstFailure = u"writer error: "_s + QString::fromUtf8(errors).trimmed();
            break;
        }
        ++summary.kills;
        // Only complete lines were reported to the "clerk".
        QList<QByteArray> lines = output.split('\n');
        lines.removeLast();
        QStringList reported;
        for (const QByteArray& line : std::as_const(lines)) {
            if (line != "ready")
                reported.append(QString::fromLatin1(line));
        }
        auto session = authenticator.login(u"writer"_s, password);
        if (!session) {
            summary.firstFailure = u"after kill %1: login failed: %2"_s.arg(kill).arg(session.error().detail);
            break;
        }
        store::OutletStore& store = (*session)->store();
        auto check = store.check();
        if (!check || !check->ok()) {
            QString detail = check ? QString() : check.error().detail;
            if (check) {
                for (const auto& item : check->items) {
                    if (!item.ok)
                        detail += item.name + u": "_s + item.detail + u"; "_s;
                }
            }
            summary.firstFailure = u"after kill %1: db check failed: %2"_s.arg(kill).arg(detail);
            break;
        }
        auto present = store.database().prepare(uR"(SELECT count(*) FROM registrations r JOIN outbox o
            ON o.registration_id = r.id WHERE r.uuid = ?)"_s);
        if (!present) {
            summary.firstFailure = present.error().detail;
            break;
        }
        for (const QString& uuid : std::as_const(reported))
            allReported.insert(uuid);
        summary.reportedCommitted = allReported.size();
        summary.presentAfterwards = 0;
        for (const QString& uuid : std::as_const(allReported)) {
            present->reset();
            present->bind(1, uuid);
            auto row = present->step();
            if (row && *row && present->int64(0) == 1)
                ++summary.presentAfterwards;
        }
        summary.recordsInDatabase = store.registrations().count().value_or(-1);
        if (summary.presentAfterwards != summary.reportedCommitted) {
            summary.firstFailure = u"after kill %1: %2 of %3 committed registrations missing"_s.arg(kill)
                                       .arg(summary.reportedCommitted - summary.presentAfterwards)
                                       .arg(summary.reportedCommitted);
            break;
        }
        if (log && (kill + 1) % 50 == 0)
            log(u"%1 kills, %2 registrations reported committed, all present, %3 in the database"_s.arg(kill + 1)
                    .arg(summary.reportedCommitted)
                    .arg(summary.recordsInDatabase));
    }
    return summary;
}

} // namespace shiming::testing
