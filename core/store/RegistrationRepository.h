#pragma once

#include "core/common/Clock.h"
#include "core/common/Error.h"
#include "core/registration/Registration.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/StoreOptions.h"

#include <QDate>
#include <QHash>
#include <QList>

namespace shiming::store {

/// One line of the day list (the manager's review screen and the daily report).
struct DayListRow {
    QString uuid;
    qint64 sequence = 0;
    QDateTime deviceTime;
    QString clerk;
    QString customerName;
    DocumentType documentType = DocumentType::ResidentId;
    QString documentNumber; ///< full; mask before showing (maskDocumentNumber)
    QString packageId;
    QString number;
    registration::CustomerType customerType = registration::CustomerType::Individual;
    registration::RecordStatus status = registration::RecordStatus::Committed;
    registration::FaceBand band = registration::FaceBand::NotCompared;
    QString hqReason;
    bool purged = false;
};

/// Registrations with their documents, media and outbox rows. A commit writes the record, its documents,
/// photos, signature and attachments, an audit entry and the outbox row in ONE transaction: once commit()
/// returned, the record survives a crash or power cut.
class RegistrationRepository {
public:
    RegistrationRepository(Database& db, AuditLog& audit, const Clock& clock, const StoreOptions& options,
                           QString outletId);

    /// Commits a new registration. Fills uuid (when empty), sequence, outletId (when empty), deviceTime (when
    /// invalid) and status Committed; returns the record as stored. Refuses (PolicyRefused) when the disk is
    /// nearly full; a failure leaves nothing behind.
    Result<registration::Registration> commit(registration::Registration record);
    /// Commits many in one transaction (demo seeding, imports). All or nothing.
    Result<void> commitMany(QList<registration::Registration>& records);

    /// Loads a full record (media included unless `withMedia` is false). NotFound for an unknown uuid.
    Result<registration::Registration> load(const QString& uuid, bool withMedia = true);
    /// load() for a person looking at it: also writes a record_viewed audit entry.
    Result<registration::Registration> view(const QString& uuid, const QString& actor);
    /// The registrations of one local day, in sequence order.
    Result<QList<DayListRow>> dayList(QDate day);
    /// Registrations (not voided or rejected) held under this document number at this outlet (一证五号).
    Result<int> countForDocumentNumber(const QString& number);
    /// Whether HQ rejected a customer's record of this document with `hqReason` that no manager has voided yet
    /// (status still rejected). Every such record is looked at, however many there are.
    Result<bool> hasOpenHqRejection(DocumentType type, const QString& number, QStringView hqReason);
    /// Whether a record that is not voided carries this ICCID (a SIM card is bound to one registration).
    Result<bool> iccidInUse(const QString& iccid);
    Result<qint64> count();

    /// Voids a record (manager): status Voided, time and reason kept, audit entry written; its own transaction.
    Result<void> voidRecord(const QString& uuid, const QString& actor, const QString& reason);
    /// The same inside a transaction the caller holds, so a void and the decision that caused it commit together.
    Result<void> voidRecordInTransaction(const QString& uuid, const QString& actor, const QString& reason);

    /// Retention: drops photos, signatures and attachments of records accepted by HQ more than `days` ago,
    /// keeping a stub (the record row, documents and status). Returns how many records were purged.
    Result<int> purgeAccepted(int days, const QString& actor);

private:
    Result<registration::Registration> insert(registration::Registration record);
    Result<qint64> blobId(const QByteArray& bytes);
    Result<void> checkFreeSpace();
    Result<registration::Registration> readRow(Statement& stmt, bool withMedia);

    Database& m_db;
    AuditLog& m_audit;
    const Clock& m_clock;
    const StoreOptions& m_options;
    QString m_outletId;
    /// Blob ids of byte arrays seen recently, keyed by their data pointer; the cache holds a reference so the
    /// pointer cannot be reused by other data. Saves hashing the same shared photo again (seeding).
    QHash<const char*, std::pair<QByteArray, qint64>> m_blobCache;
};

} // namespace shiming::store
