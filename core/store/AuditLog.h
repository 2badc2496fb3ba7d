#pragma once

#include "core/common/Clock.h"
#include "core/common/Error.h"
#include "core/store/Database.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace shiming::store {

/// Audit actions (stable keys).
namespace audit {
inline constexpr QStringView Initialised = u"db_initialised";
inline constexpr QStringView Login = u"login";
inline constexpr QStringView LoginFailed = u"login_failed";
inline constexpr QStringView AccountLocked = u"account_locked";
inline constexpr QStringView Logout = u"logout";
inline constexpr QStringView AccountAdded = u"account_added";
inline constexpr QStringView AccountDisabled = u"account_disabled";
inline constexpr QStringView PasswordChanged = u"password_changed";
inline constexpr QStringView RecordCreated = u"record_created";
inline constexpr QStringView RecordViewed = u"record_viewed";
inline constexpr QStringView RecordExported = u"record_exported";
inline constexpr QStringView RecordVoided = u"record_voided";
inline constexpr QStringView HqResult = u"hq_result";
inline constexpr QStringView Override = u"override";
inline constexpr QStringView OverrideRefused = u"override_refused";
inline constexpr QStringView Purge = u"purge";
inline constexpr QStringView Rekey = u"rekey";
inline constexpr QStringView RecordUnreadable = u"record_unreadable";
} // namespace audit

struct AuditEntry {
    qint64 id = 0;
    QDateTime at;
    QString actor;  ///< account name (or "system", "sync")
    QString action; ///< one of audit::*
    QString recordUuid;
    QString detail; ///< English, never personal data
};

struct AuditReport {
    qint64 entries = 0;
    bool intact = true;
    qint64 firstBadId = 0; ///< first entry that fails (0 when intact)
    QString problem;       ///< what failed, English
};

/// Append-only, hash-chained audit log: each entry stores SHA-256 of the previous entry and its own hash over
/// (previous hash, id, time, actor, action, record, detail); ids are consecutive from 1 and the head (last id
/// and hash) is kept in `meta`, so an altered, removed or appended-behind-our-back entry is detected.
class AuditLog {
public:
    AuditLog(Database& db, const Clock& clock)
        : m_db(db)
        , m_clock(clock)
    {}

    /// Appends an entry; joins the caller's transaction when one is open, otherwise runs in its own.
    Result<qint64> append(QStringView action, const QString& actor, const QString& recordUuid = {},
                          const QString& detail = {});
    /// Same, with an explicit time (failed logins recorded before the database was open).
    Result<qint64> appendAt(const QDateTime& at, QStringView action, const QString& actor,
                            const QString& recordUuid = {}, const QString& detail = {});
    /// Walks the whole chain.
    Result<AuditReport> verify();
    /// Entries from `fromId` on, at most `limit`.
    Result<QList<AuditEntry>> entries(qint64 fromId = 1, int limit = 1000);

private:
    Result<qint64> appendInTransaction(const AuditEntry& entry);

    Database& m_db;
    const Clock& m_clock;
};

} // namespace shiming::store
