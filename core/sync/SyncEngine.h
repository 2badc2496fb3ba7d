#pragma once

#include "core/common/Error.h"
#include "core/protocol/Batch.h"
#include "core/protocol/BatchAnswer.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace shiming::store {
class OutletStore;
}

namespace shiming::sync {

class HqClient;
struct HqReply;
struct IdentityFigureUpdate;

/// What one pass did. `offline` means the pass stopped because HQ could not be reached; a pass that failed on
/// the outlet's side before talking to HQ is neither offline nor `reachedHq`.
struct SyncReport {
    int sent = 0;     ///< records uploaded (including retries of a batch in flight)
    int accepted = 0; ///< answered accepted (first time or as a duplicate of an accepted record)
    int rejected = 0;
    qint64 pending = 0; ///< records still waiting for an answer after the pass
    int voids = 0;      ///< void records HQ acknowledged (a manager's void releasing a number at HQ)
    int findings = 0;   ///< compliance findings HQ took (spot-check verdicts, alerts raised or acknowledged)
    int batches = 0;
    int feedItems = 0;
    int unreadable = 0;          ///< records set aside in this pass because their payload cannot be read
    int unreadableReported = 0;  ///< unreadable records HQ took the report of in this pass
    bool storageDamaged = false; ///< the page check before the pass found damage (the pass goes on)
    QString storageProblem;      ///< what that check found (English, no personal data)
    bool ok = true;
    bool reachedHq = false;
    bool offline = false;  ///< the pass stopped because HQ could not be reached (not for local failures)
    bool retryable = true; ///< false when HQ refused us (certificate revoked, signature): retrying will not help
    QString error;
};

/// One sync pass: voids of registrations HQ already answered (VoidQueue), then outbox batches until the queue
/// is empty (each batch's answers applied in one transaction; a batch keeps its id across retries, crashes and
/// restarts, so HQ answers a resend with the original answers), then voids of records answered in this pass,
/// then read every downlink feed from its cursor, applying each page with its new cursor in
/// one transaction. Stops at the first failure and leaves everything to the next pass.
///
/// A damaged database (docs/store.md "Damaged pages"): a pass starts with the store's page check
/// (OutletStore::checkPages) when the last one is older than Options::pageCheckSeconds; the report and the
/// status carry what the last check found. A record whose payload cannot be
/// read is set aside (OutboxRepository::setAsideUnreadable) and the batch goes on with the others; once the
/// outbox holds nothing readable, the records HQ has not been told of go in a batch of reports of their own (an
/// id derived from the reported ids, so a resend is a replay of exactly that report).
class SyncEngine : public QObject {
    Q_OBJECT
public:
    struct Options {
        int maxRecords = 50;
        qint64 maxBytes = qint64(3) << 20; // below the protocol's 4 MiB with room for the fields
        bool feeds = true;
        /// A pass runs the store's page check when the last one is older than this (the check at sign-in
        /// counts): it reads every page on the counter's own thread, 170 ms for a busy week's database
        /// (docs/store.md "Figures"), too much before each of the passes that follow every registration.
        int pageCheckSeconds = 15 * 60;
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
    /// Tells HQ the ids of records set aside as unreadable that it has not been told of; then the voids.
    void reportUnreadable();
    void uploadVoids();
    /// Sends the compliance findings HQ does not hold, each tried once in a pass; then the feeds.
    void uploadFindings();
    /// Puts the outlet's audit head into the batch (HQ notices a rewound database); false after finishing.
    bool attachAuditHead(protocol::Batch& batch);
    /// A batch of derived records (voids, findings): its id from theirs, the audit head; false after finishing.
    bool derivedBatch(protocol::Batch& batch, const QList<protocol::SyncRecord>& records);
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
    bool m_uploadsDone = false;  ///< the outbox is empty in this pass; voids now go after it
    QSet<QUuid> m_findingsTried; ///< findings sent in this pass (one HQ refused waits for the next)
    SyncReport m_report;
    std::function<void(const SyncReport&)> m_done;
};

} // namespace shiming::sync
