#pragma once

#include "core/common/Error.h"
#include "core/protocol/Batch.h"
#include "core/protocol/BatchAnswer.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace shiming::store {
class OutletStore;
}

namespace shiming::sync {

class HqClient;
struct HqReply;
struct IdentityFigureUpdate;

/// What one pass did. `reachedHq` false means HQ could not be reached at all (offline).
struct SyncReport {
    int sent = 0;     ///< records uploaded (including retries of a batch in flight)
    int accepted = 0; ///< answered accepted (first time or as a duplicate of an accepted record)
    int rejected = 0;
    qint64 pending = 0; ///< records still waiting for an answer after the pass
    int voids = 0;      ///< void records HQ acknowledged (a manager's void releasing a number at HQ)
    int batches = 0;
    int feedItems = 0;
    bool ok = true;
    bool reachedHq = false;
    bool retryable = true; ///< false when HQ refused us (certificate revoked, signature): retrying will not help
    QString error;
};

/// One sync pass: voids of registrations HQ already answered (VoidQueue), then outbox batches until the queue
/// is empty (each batch's answers applied in one transaction; a batch keeps its id across retries, crashes and
/// restarts, so HQ answers a resend with the original answers), then voids of records answered in this pass,
/// then read every downlink feed from its cursor, applying each page with its new cursor in
/// one transaction. Stops at the first failure and leaves everything to the next pass.
class SyncEngine : public QObject {
    Q_OBJECT
public:
    struct Options {
        int maxRecords = 50;
        qint64 maxBytes = qint64(3) << 20; // below the protocol's 4 MiB with room for the fields
        bool feeds = true;
    };

    SyncEngine(store::OutletStore& store, HqClient& client, QString operatorCode, Options options,
               QObject* parent = nullptr);
    SyncEngine(store::OutletStore& store, HqClient& client, QString operatorCode, QObject* parent = nullptr)
        : SyncEngine(store, client, std::move(operatorCode), Options{}, parent)
    {}

    /// Starts a pass; `done` runs when it ends. Refused (done not called, returns false) while one runs.
    bool run(std::function<void(const SyncReport&)> done);
    bool isRunning() const { return m_running; }
    /// Runs a pass in a local event loop (command line, tests).
    SyncReport runBlocking();

signals:
    /// HQ answered records of a batch; the manager's rejection queue may have grown.
    void recordsAnswered(int accepted, int rejected);

private:
    void uploadNext();
    void uploadVoids();
    /// Puts the outlet's audit head into the batch (HQ notices a rewound database); false after finishing.
    bool attachAuditHead(protocol::Batch& batch);
    /// The batch answer of a reply, or nullopt after finishing the pass with the reason.
    std::optional<protocol::BatchAnswer> readAnswer(const HqReply& reply, const QUuid& expected,
                                                    const std::function<void()>& onBatchIdConflict);
    /// HQ's per-identity figures from the answers to a batch of voids (the figure after each release), keyed
    /// by the identity of the registration each void releases.
    QList<IdentityFigureUpdate> voidFigures(const QList<protocol::SyncRecord>& voids,
                                            const QList<protocol::RecordAnswer>& answers);
    /// Stores a batch answer's figures (IdentityFigures.h); false after finishing the pass when that failed.
    /// Stores HQ's identity figures and applies its answers (`applyAnswers`) in one transaction; on failure
    /// finishes the pass and returns false.
    bool storeAnswers(const QList<IdentityFigureUpdate>& figures, qint64 hqTimeMs,
                      const std::function<Result<void>()>& applyAnswers);
    void fetchFeed(int index);
    void finish(bool ok, const QString& error);

    store::OutletStore& m_store;
    HqClient& m_client;
    QString m_operatorCode;
    QByteArray m_identityKey; ///< the bundle's identity key, taken per pass (empty: no figures kept)
    Options m_options;
    bool m_running = false;
    bool m_uploadsDone = false; ///< the outbox is empty in this pass; voids now go after it
    SyncReport m_report;
    std::function<void(const SyncReport&)> m_done;
};

} // namespace shiming::sync
