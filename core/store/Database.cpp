#include "core/store/Database.h"

#include "core/common/Logging.h"

#include <QFile>
#include <QFileInfo>

#include <sqlcipher/sqlite3.h>

#include <cerrno>
#include <utility>

using namespace Qt::StringLiterals;

namespace shiming::store {

namespace {

constexpr qint64 kPageSize = 4096;

QByteArray utf8(const QString& text)
{
    return text.toUtf8();
}

// A full disk: SQLITE_FULL when a write to the database or its WAL found no room, and SQLITE_IOERR when another
// file operation did (extending the -shm, a sync), with the system error of that call.
bool diskFull(sqlite3* db, int rc)
{
    const int primary = rc & 0xff;
    if (primary == SQLITE_FULL)
        return true;
    if (primary != SQLITE_IOERR || !db)
        return false;
    const int error = sqlite3_system_errno(db);
    return error == ENOSPC || error == EDQUOT;
}

Error errorFor(sqlite3* db, int rc, const QString& what)
{
    const int primary = rc & 0xff;
    const QString message = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    if (diskFull(db, rc))
        return Error::because(
            Error::Code::StorageFailure, Cause{Reason::DiskFull},
            u"disk full while %1: free space and try again (%2, code %3)"_s.arg(what, message).arg(rc));
    switch (primary) {
    case SQLITE_CORRUPT:
        return Error::because(
            Error::Code::StorageFailure, Cause{Reason::DatabaseDamaged},
            u"database damaged while %1: a page failed its integrity check (%2)"_s.arg(what, message));
    case SQLITE_NOTADB:
        return Error::storageFailure(u"not an encrypted database or wrong key while %1 (%2)"_s.arg(what, message));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error::storageFailure(u"database busy while %1 (%2)"_s.arg(what, message));
    case SQLITE_IOERR:
        return Error::storageFailure(u"I/O error while %1 (%2, code %3)"_s.arg(what, message).arg(rc));
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        return Error::storageFailure(u"cannot write the database while %1 (%2)"_s.arg(what, message));
    default:
        return Error::storageFailure(u"database error while %1 (%2, code %3)"_s.arg(what, message).arg(rc));
    }
}

} // namespace

QString storedTime(const QDateTime& time)
{
    // Always UTC, so that stored times compare as text (retention cut-offs, ordering).
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseStoredTime(const QString& text)
{
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

// ---------------------------------------------------------------------------------------------------------
// Database

Result<Database> Database::open(const QString& path, const QByteArray& key, OpenMode mode)
{
    // A failed open must not leave files behind: at 0 bytes free SQLite creates the -wal and -shm of a WAL
    // database for the first read and then cannot extend the -shm. What this open created and what holds nothing
    // is removed once the connection is closed: an empty -wal, and the -shm (the index of the WAL, rebuilt from
    // it on every first open) when there is no -wal left. Files that were there before belong to another
    // connection or to an earlier run and are left alone.
    const QString wal = path + u"-wal"_s;
    const QString shm = path + u"-shm"_s;
    const bool hadWal = QFileInfo::exists(wal);
    const bool hadShm = QFileInfo::exists(shm);
    auto db = openConnection(path, key, mode);
    if (db)
        return db;
    bool walGone = !QFileInfo::exists(wal);
    if (!hadWal && !walGone && QFileInfo(wal).size() == 0)
        walGone = QFile::remove(wal);
    if (!hadShm && walGone && QFileInfo::exists(shm) && QFile::remove(shm))
        qCInfo(lcStore) << "removed the write-ahead log files a failed open created";
    return db;
}

Result<Database> Database::openConnection(const QString& path, const QByteArray& key, OpenMode mode)
{
    if (key.size() != 32)
        return fail(Error::invalidInput(u"a database key has 32 bytes"_s));
    const QFileInfo info(path);
    if (mode == OpenMode::Existing) {
        if (!info.exists())
            return fail(Error::notFound(u"database file not found: %1"_s.arg(path)));
        if (!info.isFile())
            return fail(Error::storageFailure(u"not a regular file: %1"_s.arg(path)));
        if (info.size() == 0 || info.size() % kPageSize != 0)
            return fail(Error::storageFailure(
                u"database file is truncated: %1 bytes is not a whole number of 4096-byte pages"_s.arg(info.size())));
    } else if (info.exists()) {
        return fail(Error::invalidInput(u"refusing to overwrite an existing file: %1"_s.arg(path)));
    }

    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (mode == OpenMode::CreateNew ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(utf8(path).constData(), &raw, flags, nullptr);
    Database db(raw, path);
    if (rc != SQLITE_OK)
        return fail(errorFor(raw, rc, u"opening the database file"_s));
    sqlite3_extended_result_codes(raw, 1);

    const QByteArray keyPragma = "PRAGMA key = \"x'" + key.toHex() + "'\";";
    rc = sqlite3_exec(raw, keyPragma.constData(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return fail(errorFor(raw, rc, u"setting the key"_s));

    auto version = db.queryText(u"PRAGMA cipher_version;"_s);
    if (!version || version->isEmpty())
        return fail(Error::storageFailure(
            u"the SQLite library in this process is not SQLCipher (empty cipher_version); refusing to run"_s));
    if (auto r = db.exec(u"PRAGMA cipher_page_size = 4096;"_s); !r)
        return fail(r.error());

    // The first read verifies the key: SQLCipher reports a wrong key only here, as SQLITE_NOTADB.
    sqlite3_stmt* probe = nullptr;
    rc = sqlite3_prepare_v2(raw, "SELECT count(*) FROM sqlite_master;", -1, &probe, nullptr);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(probe);
        sqlite3_finalize(probe);
        if (rc == SQLITE_ROW)
            rc = SQLITE_OK;
    }
    if ((rc & 0xff) == SQLITE_NOTADB)
        return fail(Error::wrongKey(u"the key does not open this file (wrong key, damaged first page, or not an "
                                    u"encrypted database)"_s));
    // Only a page that fails authentication says anything about the key; a full disk or an I/O error does not.
    if (rc != SQLITE_OK)
        return fail(errorFor(raw, rc, diskFull(raw, rc) ? u"opening the database"_s : u"reading the first page"_s));

    sqlite3_busy_timeout(raw, 5000);
    auto journal = db.queryText(u"PRAGMA journal_mode = WAL;"_s);
    if (!journal)
        return fail(journal.error());
    if (journal->compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        return fail(Error::storageFailure(u"the database refused WAL mode (journal_mode %1)"_s.arg(*journal)));
    // 32 MiB page cache: decrypted pages are the expensive part of a lookup.
    if (auto r = db.exec(u"PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; "
                         u"PRAGMA cache_size = -32768;"_s);
        !r)
        return fail(r.error());
    return db;
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
{}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_cache = std::move(other.m_cache);
    }
    return *this;
}

Database::~Database()
{
    close();
}

void Database::close()
{
    m_cache.reset(); // finalize cached statements before the connection closes
    if (m_db) {
        const int rc = sqlite3_close_v2(m_db);
        if (rc != SQLITE_OK)
            qCWarning(lcStore) << "closing the database failed with code" << rc;
        m_db = nullptr;
    }
}

Result<void> Database::exec(const QString& sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, utf8(sql).constData(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return fail(errorFor(m_db, rc, u"running a statement"_s));
    return {};
}

Result<Statement> Database::prepare(const QString& sql)
{
    sqlite3_stmt* stmt = nullptr;
    const QByteArray text = utf8(sql);
    const int rc = sqlite3_prepare_v2(m_db, text.constData(), int(text.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return fail(errorFor(m_db, rc, u"preparing a statement"_s));
    }
    return Statement(stmt, this);
}

Result<Statement*> Database::cached(const QString& sql)
{
    if (!m_cache)
        m_cache = std::make_unique<QHash<QString, std::shared_ptr<Statement>>>();
    if (auto it = m_cache->constFind(sql); it != m_cache->cend()) {
        (*it)->reset();
        return it->get();
    }
    auto stmt = prepare(sql);
    if (!stmt)
        return fail(stmt.error());
    auto shared = std::make_shared<Statement>(std::move(*stmt));
    m_cache->insert(sql, shared);
    return shared.get();
}

Result<Statement> Database::firstRow(const QString& sql)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return fail(stmt.error());
    auto row = stmt->step();
    if (!row)
        return fail(row.error());
    if (!*row)
        return fail(Error::notFound(u"query returned no row"_s));
    return std::move(*stmt);
}

Result<qint64> Database::queryInt(const QString& sql)
{
    auto stmt = firstRow(sql);
    if (!stmt)
        return fail(stmt.error());
    return stmt->int64(0);
}

Result<QString> Database::queryText(const QString& sql)
{
    auto stmt = firstRow(sql);
    if (!stmt)
        return fail(stmt.error());
    return stmt->text(0);
}

Result<void> Database::rekey(const QByteArray& newKey)
{
    if (newKey.size() != 32)
        return fail(Error::invalidInput(u"a database key has 32 bytes"_s));
    const QByteArray pragma = "PRAGMA rekey = \"x'" + newKey.toHex() + "'\";";
    const int rc = sqlite3_exec(m_db, pragma.constData(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return fail(errorFor(m_db, rc, u"re-encrypting the database"_s));
    return {};
}

Result<void> Database::checkpoint()
{
    int logFrames = 0;
    int checkpointed = 0;
    const int rc = sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &checkpointed);
    if (rc != SQLITE_OK)
        return fail(errorFor(m_db, rc, u"checkpointing the write-ahead log"_s));
    return {};
}

Result<QStringList> Database::pageProblems(bool quick, int limit)
{
    auto check = prepare((quick ? u"PRAGMA quick_check(%1)"_s : u"PRAGMA integrity_check(%1)"_s).arg(limit));
    if (!check)
        return fail(check.error());
    QStringList problems;
    for (;;) {
        auto row = check->step();
        if (!row) {
            // A page that fails its HMAC ends the check: that is the finding, not a failure to check.
            if (row.error().reason() != Reason::DatabaseDamaged)
                return fail(row.error());
            problems.append(row.error().detail);
            break;
        }
        if (!*row)
            break;
        QString line = check->text(0);
        if (line == u"ok"_s)
            continue;
        // The first finding comes after a "*** in database main ***" header line: the finding is what counts.
        if (line.startsWith(u"***"_s) && line.contains(u'\n'))
            line = line.mid(line.indexOf(u'\n') + 1);
        problems.append(line);
    }
    return problems;
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Error Database::lastError(const QString& what) const
{
    return errorFor(m_db, sqlite3_extended_errcode(m_db), what);
}

// ---------------------------------------------------------------------------------------------------------
// Statement

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_db(other.m_db)
    , m_bindFailure(other.m_bindFailure)
{}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
        m_bindFailure = other.m_bindFailure;
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, qint64 value)
{
    if (const int rc = sqlite3_bind_int64(m_stmt, index, value); rc != SQLITE_OK)
        m_bindFailure = rc;
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    if (const int rc = sqlite3_bind_double(m_stmt, index, value); rc != SQLITE_OK)
        m_bindFailure = rc;
    return *this;
}

Statement& Statement::bind(int index, const QString& value)
{
    if (value.isNull())
        return bindNull(index);
    const QByteArray bytes = value.toUtf8();
    if (const int rc = sqlite3_bind_text64(m_stmt, index, bytes.constData(), sqlite3_uint64(bytes.size()),
                                           SQLITE_TRANSIENT, SQLITE_UTF8);
        rc != SQLITE_OK)
        m_bindFailure = rc;
    return *this;
}

Statement& Statement::bind(int index, const QByteArray& value)
{
    if (value.isNull())
        return bindNull(index);
    if (const int rc =
            sqlite3_bind_blob64(m_stmt, index, value.constData(), sqlite3_uint64(value.size()), SQLITE_TRANSIENT);
        rc != SQLITE_OK)
        m_bindFailure = rc;
    return *this;
}

Statement& Statement::bind(int index, const QDateTime& value)
{
    return bind(index, storedTime(value));
}

Statement& Statement::bindNull(int index)
{
    if (const int rc = sqlite3_bind_null(m_stmt, index); rc != SQLITE_OK)
        m_bindFailure = rc;
    return *this;
}

Result<bool> Statement::step()
{
    if (m_bindFailure != 0) {
        const int rc = std::exchange(m_bindFailure, 0);
        return fail(errorFor(nullptr, rc, u"binding a value"_s));
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    // sqlite3_reset returns the same error; errmsg of the connection holds the details.
    return fail(errorFor(m_db->handle(), rc, u"running a statement"_s));
}

Result<void> Statement::run()
{
    for (;;) {
        auto row = step();
        if (!row)
            return fail(row.error());
        if (!*row)
            return {};
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindFailure = 0;
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    const void* data = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (!data)
        return sqlite3_column_type(m_stmt, column) == SQLITE_NULL ? QByteArray() : QByteArray("");
    return QByteArray(static_cast<const char*>(data), size);
}

QDateTime Statement::dateTime(int column) const
{
    return parseStoredTime(text(column));
}

StatementLease::~StatementLease()
{
    if (m_statement)
        m_statement->reset();
}

// ---------------------------------------------------------------------------------------------------------
// Transaction

Result<Transaction> Transaction::begin(Database& db)
{
    if (auto r = db.exec(u"BEGIN IMMEDIATE;"_s); !r)
        return fail(r.error());
    return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
{}

Transaction::~Transaction()
{
    rollback();
}

Result<void> Transaction::commit()
{
    if (!m_db)
        return fail(Error::invalidInput(u"transaction already finished"_s));
    auto r = m_db->exec(u"COMMIT;"_s);
    if (!r) {
        rollback();
        return r;
    }
    m_db = nullptr;
    return {};
}

void Transaction::rollback()
{
    if (m_db) {
        if (!sqlite3_get_autocommit(m_db->handle()))
            sqlite3_exec(m_db->handle(), "ROLLBACK;", nullptr, nullptr, nullptr);
        m_db = nullptr;
    }
}

} // namespace shiming::store
