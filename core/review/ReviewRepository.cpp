#include "core/review/ReviewRepository.h"

#include "core/common/Logging.h"

using namespace Qt::StringLiterals;
using namespace shiming::registration;

namespace shiming::review {

namespace {

const QString kSelect = uR"sql(
SELECT r.uuid, r.sequence, r.device_time, r.clerk, d.name, d.type, d.number, r.customer_type, r.package_id,
       r.number, r.face_band, r.face_score, r.face_threshold, r.override_by, r.status, o.state, r.hq_reason,
       r.hq_reference, r.purged_at, r.face_points, r.transaction_type
FROM registrations r
LEFT JOIN documents d ON d.registration_id = r.id AND d.role = 'customer'
LEFT JOIN outbox o ON o.registration_id = r.id
)sql"_s;

QString orderColumn(ReviewColumn column)
{
    switch (column) {
    case ReviewColumn::Time:
        // The day index (device_date, sequence) gives this order without sorting, so a page reads only its rows.
        // Ordering by sequence alone makes SQLite walk the sequence index from the first record ever.
        return u"r.device_date %1, r.sequence"_s;
    case ReviewColumn::Transaction:
        return u"r.transaction_type"_s;
    case ReviewColumn::Clerk:
        return u"r.clerk"_s;
    case ReviewColumn::Customer:
        return u"d.name"_s;
    case ReviewColumn::Document:
        return u"d.number"_s;
    case ReviewColumn::CustomerType:
        return u"r.customer_type"_s;
    case ReviewColumn::Package:
        return u"r.package_id"_s;
    case ReviewColumn::Number:
        return u"r.number"_s;
    case ReviewColumn::Band:
        return u"r.face_band"_s;
    case ReviewColumn::Score:
        return u"r.face_score"_s;
    case ReviewColumn::Sync:
        return u"o.state"_s;
    case ReviewColumn::HqResult:
        return u"r.status"_s;
    }
    return u"r.sequence"_s;
}

QString outboxStateFor(SyncState state)
{
    switch (state) {
    case SyncState::Waiting:
        return u"pending"_s;
    case SyncState::Sending:
        return u"in_flight"_s;
    case SyncState::Answered:
        return u"done"_s;
    case SyncState::NotQueued:
        break;
    }
    return {};
}

/// Keeps what a search box may contain: digits (and X for the resident ID check character).
QString searchDigits(const QString& text)
{
    QString out;
    for (QChar c : text) {
        if (c.isDigit() && c.unicode() < 128)
            out += c;
        else if (c == u'x' || c == u'X')
            out += u'X';
    }
    return out;
}

/// A WHERE clause with its bound values, built from a filter.
struct Where {
    QString sql;
    QList<QString> values;
    bool needsDocuments = false;
    bool needsOutbox = false;

    void add(const QString& condition, const QString& value = {})
    {
        sql += (sql.isEmpty() ? u" WHERE "_s : u" AND "_s) + condition;
        if (!value.isNull())
            values.append(value);
    }
};

Where whereFor(const ReviewFilter& filter)
{
    Where where;
    const QDate from = filter.from.isValid() ? filter.from : QDate(2000, 1, 1);
    const QDate to = filter.to.isValid() ? filter.to : QDate(9999, 12, 31);
    where.add(u"r.device_date >= ?"_s, from.toString(Qt::ISODate));
    where.add(u"r.device_date <= ?"_s, to.toString(Qt::ISODate));
    if (!filter.clerk.isEmpty())
        where.add(u"r.clerk = ?"_s, filter.clerk);
    if (filter.status)
        where.add(u"r.status = ?"_s, recordStatusKey(*filter.status));
    if (filter.band)
        where.add(u"r.face_band = ?"_s, faceBandKey(*filter.band));
    if (!filter.packageId.isEmpty())
        where.add(u"r.package_id = ?"_s, filter.packageId);
    if (filter.customerType)
        where.add(u"r.customer_type = ?"_s, customerTypeKey(*filter.customerType));
    if (filter.transaction)
        where.add(u"r.transaction_type = ?"_s, transactionKey(*filter.transaction));
    if (filter.syncState) {
        where.needsOutbox = true;
        if (*filter.syncState == SyncState::NotQueued)
            where.add(u"o.state IS NULL"_s);
        else
            where.add(u"o.state = ?"_s, outboxStateFor(*filter.syncState));
    }
    if (!filter.documentDigits.trimmed().isEmpty()) {
        where.needsDocuments = true;
        // Nothing but digits/X can match; a box holding only other characters matches nothing.
        const QString digits = searchDigits(filter.documentDigits);
        where.add(u"d.number LIKE ? ESCAPE '\\'"_s, u"%"_s + (digits.isEmpty() ? u"\\%-none-"_s : digits));
    }
    if (!filter.phone.trimmed().isEmpty()) {
        const QString digits = searchDigits(filter.phone).remove(u'X');
        where.add(u"r.number LIKE ? ESCAPE '\\'"_s, u"%"_s + (digits.isEmpty() ? u"\\%-none-"_s : digits));
    }
    if (filter.pendingReviewOnly) {
        where.add(u"r.face_band = 'manual_review'"_s);
        where.add(u"(r.override_by IS NULL OR r.override_by = '')"_s);
        where.add(u"r.status NOT IN ('voided', 'rejected')"_s);
    }
    return where;
}

ReviewRow readRow(store::Statement& stmt)
{
    ReviewRow row;
    row.uuid = stmt.text(0);
    row.sequence = stmt.int64(1);
    row.deviceTime = stmt.dateTime(2);
    row.clerk = stmt.text(3);
    row.customerName = stmt.text(4);
    row.documentType = parseDocumentType(stmt.text(5)).value_or(DocumentType::ResidentId);
    row.documentNumber = stmt.text(6);
    row.customerType = parseCustomerType(stmt.text(7)).value_or(CustomerType::Individual);
    row.packageId = stmt.text(8);
    row.number = stmt.text(9);
    row.band = parseFaceBand(stmt.text(10)).value_or(FaceBand::NotCompared);
    row.score = stmt.isNull(11) ? 0.0 : stmt.real(11);
    row.threshold = stmt.isNull(12) ? 0.0 : stmt.real(12);
    row.overrideBy = stmt.text(13);
    row.status = parseRecordStatus(stmt.text(14)).value_or(RecordStatus::Committed);
    const QString state = stmt.text(15);
    row.syncState = state == u"pending"_s     ? SyncState::Waiting
                    : state == u"in_flight"_s ? SyncState::Sending
                    : state == u"done"_s      ? SyncState::Answered
                                              : SyncState::NotQueued;
    row.hqReason = stmt.text(16);
    row.hqReference = stmt.text(17);
    row.purged = !stmt.isNull(18);
    row.points = stmt.isNull(19) ? -1 : int(stmt.int64(19));
    row.transaction = parseTransaction(stmt.text(20)).value_or(Transaction::NewNumber);
    return row;
}

Result<QList<ReviewRow>> runRows(store::Database& db, const QString& sql, const QList<QString>& values,
                                 const QList<qint64>& numbers = {})
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return fail(stmt.error());
    int index = 1;
    for (const QString& value : values)
        stmt->bind(index++, value);
    for (qint64 number : numbers)
        stmt->bind(index++, number);
    QList<ReviewRow> rows;
    while (true) {
        auto more = stmt->step();
        if (!more)
            return fail(more.error());
        if (!*more)
            break;
        rows.append(readRow(*stmt));
    }
    return rows;
}

} // namespace

ReviewRepository::ReviewRepository(store::OutletStore& store)
    : m_store(store)
{}

Result<qint64> ReviewRepository::count(const ReviewFilter& filter)
{
    const Where where = whereFor(filter);
    QString sql = u"SELECT count(*) FROM registrations r"_s;
    if (where.needsDocuments)
        sql += u" JOIN documents d ON d.registration_id = r.id AND d.role = 'customer'"_s;
    if (where.needsOutbox)
        sql += u" LEFT JOIN outbox o ON o.registration_id = r.id"_s;
    sql += where.sql;
    auto stmt = m_store.database().prepare(sql);
    if (!stmt)
        return fail(stmt.error());
    int index = 1;
    for (const QString& value : where.values)
        stmt->bind(index++, value);
    auto row = stmt->step();
    if (!row)
        return fail(row.error());
    return *row ? stmt->int64(0) : 0;
}

Result<QList<ReviewRow>> ReviewRepository::page(const ReviewFilter& filter, ReviewSort sort, qint64 offset, int limit)
{
    if (offset < 0 || limit < 0)
        return fail(Error::invalidInput(u"negative page offset or size"_s));
    const Where where = whereFor(filter);
    const QString direction = sort.descending ? u" DESC"_s : u" ASC"_s;
    QString order = orderColumn(sort.column);
    if (sort.column == ReviewColumn::Time)
        order = order.arg(direction) + direction;
    else
        order += direction + u", r.sequence"_s + direction;
    const QString sql = kSelect + where.sql + u" ORDER BY "_s + order + u" LIMIT ? OFFSET ?"_s;
    return runRows(m_store.database(), sql, where.values, {qint64(limit), offset});
}

Result<ReviewRow> ReviewRepository::row(const QString& uuid)
{
    auto rows = runRows(m_store.database(), kSelect + u" WHERE r.uuid = ?"_s, {uuid});
    if (!rows)
        return fail(rows.error());
    if (rows->isEmpty())
        return fail(Error::notFound(u"no such registration"_s));
    return rows->first();
}

Result<QList<ReviewRow>> ReviewRepository::pendingReviews(QDate since, int limit)
{
    ReviewFilter filter;
    filter.from = since;
    filter.pendingReviewOnly = true;
    return page(filter, {}, 0, limit);
}

Result<QList<ReviewRow>> ReviewRepository::hqRejections(int limit)
{
    // The status index (status, hq_time) finds them without reading the day list.
    return runRows(m_store.database(), kSelect + u" WHERE r.status = 'rejected' ORDER BY r.hq_time DESC LIMIT ?"_s, {},
                   {qint64(limit)});
}

namespace {
Result<QStringList> distinctValues(store::Database& db, const QString& column, QDate from, QDate to)
{
    auto stmt = db.prepare(u"SELECT DISTINCT %1 FROM registrations WHERE device_date BETWEEN ? AND ? AND %1 IS NOT "
                           u"NULL ORDER BY 1"_s.arg(column));
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, from.toString(Qt::ISODate)).bind(2, to.toString(Qt::ISODate));
    QStringList values;
    while (true) {
        auto more = stmt->step();
        if (!more)
            return fail(more.error());
        if (!*more)
            break;
        values.append(stmt->text(0));
    }
    return values;
}
} // namespace

Result<QStringList> ReviewRepository::accountNames()
{
    auto accounts = m_store.accounts().all();
    if (!accounts)
        return fail(accounts.error());
    QStringList names;
    for (const store::AccountRecord& account : std::as_const(*accounts))
        names.append(account.name);
    return names;
}

Result<registration::Registration> ReviewRepository::view(const QString& uuid, const QString& actor)
{
    return m_store.registrations().view(uuid, actor);
}

Result<QStringList> ReviewRepository::clerks(QDate from, QDate to)
{
    return distinctValues(m_store.database(), u"clerk"_s, from, to);
}

Result<QStringList> ReviewRepository::packages(QDate from, QDate to)
{
    return distinctValues(m_store.database(), u"package_id"_s, from, to);
}

Result<void> ReviewRepository::approve(const QString& uuid, const QString& manager, const QString& reason)
{
    if (reason.trimmed().isEmpty())
        return fail(Error::invalidInput(u"a decision needs a reason"_s));
    return m_store.inTransaction([&]() -> Result<void> {
        auto current = row(uuid);
        if (!current)
            return fail(current.error());
        if (!current->pendingReview())
            return fail(Error::policyRefused(u"the record is not waiting for a manual review"_s));
        auto stmt = m_store.database().prepare(u"UPDATE registrations SET override_by = ? WHERE uuid = ?"_s);
        if (!stmt)
            return fail(stmt.error());
        stmt->bind(1, manager).bind(2, uuid);
        if (auto r = stmt->run(); !r)
            return r;
        return asVoid(m_store.audit().append(audit::ReviewApproved, manager, uuid, reason));
    });
}

namespace {
constexpr QStringView kReviewRejectedPrefix = u"manual review rejected: ";
constexpr QStringView kHqRejectionPrefix = u"rejected by HQ (";
constexpr QStringView kHqRejectionSeparator = u"): ";
} // namespace

VoidReason VoidReason::parse(const QString& stored)
{
    if (stored.startsWith(kReviewRejectedPrefix))
        return {Kind::ReviewRejected, {}, stored.mid(kReviewRejectedPrefix.size())};
    if (stored.startsWith(kHqRejectionPrefix)) {
        const qsizetype end = stored.indexOf(kHqRejectionSeparator, kHqRejectionPrefix.size());
        if (end > 0)
            return {Kind::HqRejection, stored.mid(kHqRejectionPrefix.size(), end - kHqRejectionPrefix.size()),
                    stored.mid(end + kHqRejectionSeparator.size())};
    }
    return {Kind::Other, {}, stored};
}

QString VoidReason::stored() const
{
    switch (kind) {
    case Kind::ReviewRejected:
        return kReviewRejectedPrefix.toString() + text;
    case Kind::HqRejection:
        return kHqRejectionPrefix.toString() + hqReason + kHqRejectionSeparator.toString() + text;
    case Kind::Other:
        break;
    }
    return text;
}

Result<QString>
ReviewRepository::voidWithDecision(const QString& uuid, const QString& manager,
                                   const std::function<Result<VoidingDecision>(const ReviewRow&)>& decide)
{
    QString number;
    // The void (record_voided) and the decision commit together or not at all.
    auto done = m_store.inTransaction([&]() -> Result<void> {
        auto current = row(uuid);
        if (!current)
            return fail(current.error());
        auto decision = decide(*current);
        if (!decision)
            return fail(decision.error());
        if (auto r = m_store.registrations().voidRecordInTransaction(uuid, manager, decision->voidReason); !r)
            return r;
        number = current->number;
        return asVoid(m_store.audit().append(decision->action, manager, uuid, decision->auditDetail));
    });
    if (!done)
        return fail(done.error());
    return number;
}

Result<QString> ReviewRepository::reject(const QString& uuid, const QString& manager, const QString& reason)
{
    if (reason.trimmed().isEmpty())
        return fail(Error::invalidInput(u"a decision needs a reason"_s));
    auto number = voidWithDecision(uuid, manager, [&](const ReviewRow& current) -> Result<VoidingDecision> {
        if (!current.pendingReview())
            return fail(Error::policyRefused(u"the record is not waiting for a manual review"_s));
        return VoidingDecision{VoidReason{VoidReason::Kind::ReviewRejected, {}, reason}.stored(), audit::ReviewRejected,
                               reason};
    });
    if (number)
        qCInfo(lcStore) << "manual review rejected; record voided and its number released";
    return number;
}

Result<QString> ReviewRepository::voidHqRejection(const QString& uuid, const QString& manager, const QString& note)
{
    if (note.trimmed().isEmpty())
        return fail(Error::invalidInput(u"voiding needs a note"_s));
    return voidWithDecision(uuid, manager, [&](const ReviewRow& current) -> Result<VoidingDecision> {
        if (current.status != RecordStatus::Rejected)
            return fail(Error::policyRefused(u"the record was not rejected by HQ"_s));
        return VoidingDecision{VoidReason{VoidReason::Kind::HqRejection, current.hqReason, note}.stored(),
                               audit::HqRejectionVoided, u"reason %1: %2"_s.arg(current.hqReason, note)};
    });
}

Result<void> ReviewRepository::auditDocumentShown(const QString& uuid, const QString& actor)
{
    return asVoid(m_store.audit().append(audit::DocumentShown, actor, uuid, u"full document number shown"_s));
}

} // namespace shiming::review
