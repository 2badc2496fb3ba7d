#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace shiming::store {

class Statement;

/// One SQLCipher connection (C API, never Qt SQL), opened with a raw 256-bit key and the outlet settings:
/// cipher_page_size 4096, WAL, synchronous FULL, foreign keys on, secure_delete on. Move-only; closes on
/// destruction.
class Database {
public:
    enum class OpenMode {
        Existing,  ///< the file must exist; nothing is created
        CreateNew, ///< the file must not exist; it is created
    };

    /// Opens `path` with `key` (32 bytes). Verifies the key with a first read: a wrong key (or a file that is
    /// not an encrypted database) is Error::WrongKey; a damaged file is Error::StorageFailure; a full disk is a
    /// StorageFailure with Reason::DiskFull ("disk full while opening the database"), never a key error. A
    /// failed open removes the empty -wal and the -shm it created itself. Refuses to run when the SQLite library
    /// is not SQLCipher (empty cipher_version).
    static Result<Database> open(const QString& path, const QByteArray& key, OpenMode mode);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    /// Runs one or more statements without results.
    Result<void> exec(const QString& sql);
    Result<Statement> prepare(const QString& sql);
    /// A prepared statement kept for the connection's lifetime (hot paths: commit, audit). Reset and
    /// unbound on return; the caller resets it again when done (StatementLease does), so no read stays open.
    Result<Statement*> cached(const QString& sql);
    /// Runs a query returning one integer (first column of first row); NotFound when no row.
    Result<qint64> queryInt(const QString& sql);
    /// Runs a query returning one text value (first column of first row); NotFound when no row.
    Result<QString> queryText(const QString& sql);

    /// Re-encrypts the whole database with `newKey` (PRAGMA rekey, atomic through the WAL).
    Result<void> rekey(const QByteArray& newKey);
    /// Checkpoints the WAL into the main file and truncates it.
    Result<void> checkpoint();
    /// What SQLite's page check finds, at most `limit` lines; empty when every page reads and is consistent.
    /// `quick` runs quick_check (every page read and authenticated, no index-to-table cross check: what the
    /// counter runs at sign-in and before a sync pass); otherwise integrity_check. A page that fails its
    /// SQLCipher HMAC stops the check with a "database damaged" line.
    Result<QStringList> pageProblems(bool quick, int limit = 5);

    bool inTransaction() const;
    qint64 lastInsertRowId() const;
    int changes() const;
    QString path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

    /// An Error for the connection's last failure, with `what` as context. SQLITE_FULL, and SQLITE_IOERR whose
    /// system error is ENOSPC or EDQUOT, become a "disk full" StorageFailure with Reason::DiskFull; corruption
    /// and authentication failures name themselves.
    Error lastError(const QString& what) const;

private:
    Database(sqlite3* db, QString path)
        : m_db(db)
        , m_path(std::move(path))
    {}
    void close();
    /// open() without the clean-up of a failed open: the connection is closed when this returns a failure.
    static Result<Database> openConnection(const QString& path, const QByteArray& key, OpenMode mode);
    /// `sql` prepared and stepped to its first row; NotFound when there is none.
    Result<Statement> firstRow(const QString& sql);

    sqlite3* m_db = nullptr;
    QString m_path;
    std::unique_ptr<QHash<QString, std::shared_ptr<Statement>>> m_cache;
};

/// A prepared statement. Bind indexes start at 1, column indexes at 0. Text is bound and read as UTF-8
/// (so characters outside the BMP survive exactly).
class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, qint64 value);
    Statement& bind(int index, int value) { return bind(index, qint64(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value);    ///< a null QString binds NULL
    Statement& bind(int index, const QByteArray& value); ///< a blob; a null QByteArray binds NULL
    Statement& bind(int index, const QDateTime& value);  ///< ISO 8601 with offset; invalid binds NULL
    Statement& bindNull(int index);

    /// Advances: true when a row is available, false when done.
    Result<bool> step();
    /// Runs to completion (for statements without results).
    Result<void> run();
    void reset();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    QDateTime dateTime(int column) const;

private:
    friend class Database;
    Statement(sqlite3_stmt* stmt, const Database* db)
        : m_stmt(stmt)
        , m_db(db)
    {}

    sqlite3_stmt* m_stmt = nullptr;
    const Database* m_db = nullptr;
    int m_bindFailure = 0;
};

/// Steps `stmt` to its end, calling `row(stmt)` on each row; the first failing step is the result.
template <typename RowFn>
Result<void> forEachRow(Statement& stmt, RowFn&& row)
{
    for (;;) {
        auto more = stmt.step();
        if (!more)
            return fail(more.error());
        if (!*more)
            return {};
        row(stmt);
    }
}

/// Resets a cached statement when the caller is done with it.
class StatementLease {
public:
    explicit StatementLease(Statement* statement)
        : m_statement(statement)
    {}
    StatementLease(const StatementLease&) = delete;
    StatementLease& operator=(const StatementLease&) = delete;
    ~StatementLease();
    Statement* operator->() const { return m_statement; }
    Statement& operator*() const { return *m_statement; }

private:
    Statement* m_statement;
};

/// BEGIN IMMEDIATE ... COMMIT; rolls back on destruction unless committed.
class Transaction {
public:
    static Result<Transaction> begin(Database& db);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    ~Transaction();

    Result<void> commit();
    void rollback();

private:
    explicit Transaction(Database* db)
        : m_db(db)
    {}
    Database* m_db = nullptr;
};

/// Text form of a time as stored: ISO 8601 UTC with milliseconds ("2026-11-28T04:40:18.000Z").
QString storedTime(const QDateTime& time);
QDateTime parseStoredTime(const QString& text);

} // namespace shiming::store
