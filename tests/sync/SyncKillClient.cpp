// A sync client for the chaos test: opens an outlet database with the data key (hex on stdin), syncs in small
// batches until the queue is empty, and exits 0. The test kills it with SIGKILL at random moments.
#include "core/common/Clock.h"
#include "core/protocol/CredentialBundle.h"
#include "core/store/OutletStore.h"
#include "core/sync/HqClient.h"
#include "core/sync/SyncEngine.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        std::fputs("usage: sync_kill_client DB HQ_URL BUNDLE < key-hex\n", stderr);
        return 2;
    }
    QFile in;
    (void)in.open(stdin, QIODevice::ReadOnly);
    const QByteArray key = QByteArray::fromHex(in.readLine().trimmed());
    QFile bundleFile(args[3]);
    if (!bundleFile.open(QIODevice::ReadOnly))
        return 2;
    const auto bundle = shiming::protocol::CredentialBundle::fromJson(bundleFile.readAll());
    shiming::SystemClock clock;
    auto store = shiming::store::OutletStore::open(args[1], key, clock);
    if (!bundle || !store)
        return 2;
    shiming::sync::HqClient client(*bundle, QUrl(args[2]));
    client.setTimeoutMs(800);
    shiming::sync::SyncEngine::Options options;
    options.maxRecords = 5;
    options.feeds = false;
    shiming::sync::SyncEngine engine(**store, client, QStringLiteral("CMCC"), options);
    for (int pass = 0; pass < 400; ++pass) {
        const auto report = engine.runBlocking();
        if (report.ok && report.pending == 0)
            return 0;
    }
    return 1;
}
