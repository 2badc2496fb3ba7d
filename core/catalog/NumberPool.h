#pragma once

#include "core/common/Error.h"

#include <QHash>
#include <QList>
#include <QString>

namespace shiming::catalog {

/// A mobile number as China numbers them: 11 digits starting with 1 (DOMAIN.md §2).
bool isMobileNumber(QStringView text);

/// One number the outlet may hand out. `premiumFen` is the one-off fee of a "lucky" number (靓号), 0 for most.
struct PoolNumber {
    QString number;
    int premiumFen = 0;

    friend bool operator==(const PoolNumber&, const PoolNumber&) = default;
};

enum class NumberState { Unknown, Free, Reserved, Taken };

/// The outlet's pool of mobile numbers and who holds which while a customer is being served.
///
/// A number is reserved by one session at a time and released when that session is cancelled or replaced.
/// Reservations and taken numbers are written to a small state file (numbers only, nothing personal) so that
/// a crash or power cut cannot leave a number reserved forever: open() releases every reservation found in
/// the file, because no session survives a restart.
///
/// JSON form of the pool: {"numbers": ["13800138000", {"number": "13888888888", "premium_fen": 50000}],
/// "ranges": [{"from": "13800138000", "count": 100}]} (the "numbers" part of the catalogue file).
class NumberPool {
public:
    /// Parses the pool part of a catalogue file. Malformed entries (not 11 digits starting with 1) are errors.
    static Result<QList<PoolNumber>> parseJson(const QByteArray& json);

    /// Opens the pool over `numbers`. `statePath` is the state file (empty: in memory only); `alreadyTaken`
    /// are numbers the store knows are in use (they win over the state file).
    static Result<NumberPool> open(QList<PoolNumber> numbers, const QString& statePath,
                                   const QStringList& alreadyTaken = {});

    /// How many reservations open() found left over from a previous run and released.
    int releasedOnOpen() const { return m_releasedOnOpen; }

    /// Free numbers containing `digits` (any position; those ending with them first), at most `limit`.
    /// Empty `digits` lists the first free numbers. Anything but ASCII digits in `digits` matches nothing.
    QList<PoolNumber> search(QStringView digits, int limit = 60) const;

    NumberState state(QStringView number) const;
    /// The session holding `number`'s reservation; empty when none.
    QString reservedBy(QStringView number) const;
    const PoolNumber* find(QStringView number) const;

    /// Reserves `number` for `sessionId`, releasing any other number that session held. Reserving the number
    /// the session already holds succeeds. Fails when the number is unknown, taken, or held by another session.
    Result<void> reserve(QStringView number, const QString& sessionId);
    /// Releases every number `sessionId` holds. Returns how many.
    int release(const QString& sessionId);
    /// Marks the session's reserved number as taken (after the registration was committed).
    Result<void> markTaken(QStringView number, const QString& sessionId);

    int freeCount() const;

private:
    struct Entry {
        PoolNumber number;
        NumberState state = NumberState::Free;
        QString session;
    };

    Result<void> save() const;

    QList<Entry> m_entries;
    QHash<QString, qsizetype> m_index;
    QString m_statePath;
    int m_releasedOnOpen = 0;
};

} // namespace shiming::catalog
