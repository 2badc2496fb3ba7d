#pragma once

#include "HqTestSupport.h"

#include "core/common/Clock.h"
#include "core/demo/DemoData.h"
#include "core/registration/Registration.h"
#include "core/store/OutletStore.h"
#include "core/sync/HqClient.h"
#include "core/sync/SyncEngine.h"

#include <QTemporaryDir>

#include <memory>

namespace shiming::testing {

/// An outlet for the sync tests: a real encrypted outlet database in a temporary directory, enrolled with a real
/// shiming-hq, with its HQ client and sync engine.
class TestOutlet {
public:
    /// `counter` > 1: that counter of hall `outletId` (its outlet id is then the bundle's, "HALL-N").
    TestOutlet(const QString& outletId, HqProcess& hq, quint32 seed, int counter = 1);

    /// Commits a demo registration; `identity` >= 0 fixes the customer's document number, `serial` the number
    /// and SIM. Returns the record uuid.
    QString commit(int identity, int serial);
    /// Commits a demo registration (number and SIM from `serial`) with an attachment of `attachmentBytes`
    /// random bytes; returns the record uuid.
    QString commitLarge(int serial, int attachmentBytes);
    /// Commits `count` registrations with distinct identities and numbers from `firstSerial`.
    void commitMany(int count, int firstSerial);
    /// Commits a real-name transaction by identity `identity` (the customer; a transfer's new holder) on the number
    /// of `serial`, as the counter records it: an individual customer; a package for a new number only; a new
    /// number or a SIM replacement with the SIM of `simSerial` (-1: the one of `serial`), every other transaction
    /// without a SIM; a transfer with the present holder `holderIdentity`'s document. Returns the record uuid.
    QString commitTransaction(registration::Transaction transaction, int identity, int serial, int holderIdentity = -1,
                              int simSerial = -1);
    /// HQ's key of `identity`'s per-identity figure (the identity HMAC under this outlet's bundle).
    QString identityKeyOf(int identity) const;

    store::OutletStore& store() { return *m_store; }
    sync::SyncEngine& engine() { return *m_engine; }
    sync::HqClient& client() { return *m_client; }
    const protocol::CredentialBundle& bundle() const { return m_bundle; }
    QString databasePath() const { return m_path; }
    QByteArray dataKey() const { return m_key; }
    QString bundlePath() const { return m_bundlePath; }
    /// Reopens the database (after another process wrote to it).
    void reopen();
    /// Closes the database (before another process opens it).
    void close();
    /// Points the client at another HQ instance and/or changes the engine's batch limits (recreates both).
    void configure(const QUrl& hqUrl, sync::SyncEngine::Options options, int timeoutMs = 30000);

    /// uuid -> status key ("accepted", "rejected", ...) and reason, from the outlet's own records.
    QHash<QString, QPair<QString, QString>> statuses();

private:
    void openEngine();

    QString m_outletId;
    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_key;
    QString m_bundlePath;
    SystemClock m_clock;
    store::DemoDataGenerator m_generator;
    protocol::CredentialBundle m_bundle;
    QUrl m_hqUrl;
    sync::SyncEngine::Options m_options;
    int m_timeoutMs = 30000;
    std::unique_ptr<store::OutletStore> m_store;
    std::unique_ptr<sync::HqClient> m_client;
    std::unique_ptr<sync::SyncEngine> m_engine;
};

/// The resident ID number TestOutlet::commit() gives `identity` (0..999): a valid check character.
QString identityNumber(int identity);
/// The mobile number and the ICCID TestOutlet::commit() gives `serial`.
QString numberOf(int serial);
QString iccidOf(int serial);

/// uuid -> (status, reason) as HQ's ledger holds them.
QHash<QString, QPair<QString, QString>> hqStatuses(const std::string& pgUrl);

} // namespace shiming::testing
