#include "core/store/RegistrationRepository.h"

#include "core/common/Logging.h"

#include <QFileInfo>
#include <QUuid>

#include <sodium.h>
#include <sys/statvfs.h>

using namespace Qt::StringLiterals;
using namespace shiming::registration;

namespace shiming::store {

qint64 freeDiskBytes(const QString& path)
{
    struct statvfs info {};
    if (::statvfs(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return qint64(info.f_bavail) * qint64(info.f_frsize);
}

namespace {

QString dateText(QDate date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QDate parseDate(const QString& text)
{
    return text.isEmpty() ? QDate() : QDate::fromString(text, Qt::ISODate);
}

const QString kRecordColumns = uR"(r.id, r.uuid, r.sequence, r.outlet_id, r.clerk, r.device_time, r.customer_type,
    r.organisation_uscc, r.organisation_name, r.package_id, r.number, r.iccid, r.face_band, r.face_score,
    r.face_threshold, r.liveness, r.liveness_score, r.quality, r.override_by, r.status, r.hq_reason, r.hq_reference,
    r.hq_time, r.voided_at, r.void_reason, r.purged_at, r.face_points, r.transaction_type)"_s;

} // namespace

RegistrationRepository::RegistrationRepository(Database& db, AuditLog& audit, const Clock& clock,
                                               const StoreOptions& options, QString outletId)
    : m_db(db)
    , m_audit(audit)
    , m_clock(clock)
    , m_options(options)
    , m_outletId(std::move(outletId))
{}

Result<void> RegistrationRepository::checkFreeSpace()
{
    if (m_options.freeSpaceFloorBytes <= 0)
        return {};
    const qint64 free = freeDiskBytes(QFileInfo(m_db.path()).absolutePath());
    if (free >= 0 && free < m_options.freeSpaceFloorBytes)
        return fail(Error::policyRefused(
            u"disk nearly full: %1 MiB free, %2 MiB required; free disk space before registering"_s.arg(free >> 20)
                .arg(m_options.freeSpaceFloorBytes >> 20)));
    return {};
}

Result<Registration> RegistrationRepository::commit(Registration record)
{
    if (auto r = checkFreeSpace(); !r)
        return fail(r.error());
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return fail(tx.error());
    auto stored = insert(std::move(record));
    if (!stored) {
        m_blobCache.clear();
        return stored;
    }
    if (auto r = tx->commit(); !r) {
        m_blobCache.clear();
        return fail(r.error());
    }
    return stored;
}

Result<void> RegistrationRepository::commitMany(QList<Registration>& records)
{
    if (auto r = checkFreeSpace(); !r)
        return fail(r.error());
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return fail(tx.error());
    for (Registration& record : records) {
        auto stored = insert(std::move(record));
        if (!stored) {
            m_blobCache.clear();
            return fail(stored.error());
        }
        record = std::move(*stored);
    }
    if (auto r = tx->commit(); !r) {
        m_blobCache.clear();
        return fail(r.error());
    }
    return {};
}

Result<qint64> RegistrationRepository::blobId(const QByteArray& bytes)
{
    if (auto it = m_blobCache.constFind(bytes.constData());
        it != m_blobCache.cend() && it->first.size() == bytes.size())
        return it->second;
    QByteArray digest(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(digest.data()), size_t(digest.size()),
                       reinterpret_cast<const unsigned char*>(bytes.constData()), quint64(bytes.size()), nullptr, 0);
    auto findCached = m_db.cached(u"SELECT id FROM blobs WHERE digest = ?"_s);
    if (!findCached)
        return fail(findCached.error());
    StatementLease find(*findCached);
    find->bind(1, digest);
    auto row = find->step();
    if (!row)
        return fail(row.error());
    qint64 id = 0;
    if (*row) {
        id = find->int64(0);
    } else {
        auto insertCached = m_db.cached(u"INSERT INTO blobs (digest, bytes) VALUES (?, ?)"_s);
        if (!insertCached)
            return fail(insertCached.error());
        StatementLease insert(*insertCached);
        insert->bind(1, digest).bind(2, bytes.isNull() ? QByteArray("") : bytes);
        if (auto r = insert->run(); !r)
            return fail(r.error());
        id = m_db.lastInsertRowId();
    }
    if (m_blobCache.size() > 1024)
        m_blobCache.clear();
    m_blobCache.insert(bytes.constData(), {bytes, id});
    return id;
}

Result<Registration> RegistrationRepository::insert(Registration record)
{
    if (!record.customer())
        return fail(Error::invalidInput(u"a registration needs the customer's document"_s));
    if (record.uuid.isEmpty())
        record.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (record.outletId.isEmpty())
        record.outletId = m_outletId;
    if (!record.deviceTime.isValid())
        record.deviceTime = m_clock.now();
    record.deviceTime = parseStoredTime(storedTime(record.deviceTime));
    record.status = RecordStatus::Committed;
    if (record.clerk.isEmpty())
        return fail(Error::invalidInput(u"a registration needs the clerk"_s));

    {
        auto next = m_db.cached(u"SELECT coalesce(max(sequence), 0) + 1 FROM registrations"_s);
        if (!next)
            return fail(next.error());
        StatementLease sequence(*next);
        auto row = sequence->step();
        if (!row)
            return fail(row.error());
        record.sequence = sequence->int64(0);
    }

    auto stmtCached =
        m_db.cached(uR"(INSERT INTO registrations (uuid, sequence, outlet_id, clerk, device_time, device_date,
        customer_type, organisation_uscc, organisation_name, package_id, number, iccid, face_band, face_score,
        face_threshold, liveness, liveness_score, quality, override_by, status, face_points, transaction_type)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?))"_s);
    if (!stmtCached)
        return fail(stmtCached.error());
    StatementLease stmt(*stmtCached);
    stmt->bind(1, record.uuid).bind(2, record.sequence).bind(3, record.outletId).bind(4, record.clerk);
    stmt->bind(5, record.deviceTime).bind(6, dateText(record.deviceTime.toLocalTime().date()));
    stmt->bind(7, customerTypeKey(record.customerType));
    stmt->bind(8, record.organisation ? record.organisation->uscc : QString());
    stmt->bind(9, record.organisation ? record.organisation->name : QString());
    stmt->bind(10, record.packageId).bind(11, record.number).bind(12, record.iccid);
    stmt->bind(13, faceBandKey(record.face.band)).bind(14, record.face.score).bind(15, record.face.threshold);
    stmt->bind(16, livenessKey(record.face.liveness)).bind(17, record.face.livenessScore);
    stmt->bind(18, record.face.quality).bind(19, record.face.overrideBy);
    stmt->bind(20, recordStatusKey(record.status));
    if (record.face.points >= 0)
        stmt->bind(21, record.face.points);
    else
        stmt->bindNull(21);
    stmt->bind(22, transactionKey(record.transaction));
    if (auto r = stmt->run(); !r)
        return fail(r.error());
    const qint64 id = m_db.lastInsertRowId();

    auto docCached = m_db.cached(uR"(INSERT INTO documents (registration_id, role, type, name, english_name, sex_code,
        nation_code, birth_date, address, appended_address, number, authority, valid_from, valid_to,
        valid_to_long_term, nationality, card_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?))"_s);
    if (!docCached)
        return fail(docCached.error());
    StatementLease doc(*docCached);
    for (const PartyDocument& party : std::as_const(record.documents)) {
        const IdentityDocument& d = party.document;
        doc->reset();
        doc->bind(1, id).bind(2, documentRoleKey(party.role)).bind(3, documentTypeKey(d.type));
        doc->bind(4, d.name).bind(5, d.englishName).bind(6, d.sexCode).bind(7, d.nationCode);
        doc->bind(8, dateText(d.birthDate)).bind(9, d.address).bind(10, d.appendedAddress).bind(11, d.number);
        doc->bind(12, d.authority).bind(13, dateText(d.validFrom)).bind(14, dateText(d.validTo));
        doc->bind(15, d.validToLongTerm ? 1 : 0).bind(16, d.nationality).bind(17, d.cardVersion);
        if (auto r = doc->run(); !r)
            return fail(r.error());
    }

    auto mediaCached = m_db.cached(
        u"INSERT INTO media (registration_id, position, kind, label, mime_type, size, blob_id) VALUES (?,?,?,?,?,?,?)"_s);
    if (!mediaCached)
        return fail(mediaCached.error());
    StatementLease media(*mediaCached);
    int position = 0;
    for (const MediaItem& item : std::as_const(record.media)) {
        auto blob = blobId(item.bytes);
        if (!blob)
            return fail(blob.error());
        media->reset();
        media->bind(1, id).bind(2, position++).bind(3, mediaKindKey(item.kind)).bind(4, item.label);
        media->bind(5, item.mimeType).bind(6, qint64(item.bytes.size())).bind(7, *blob);
        if (auto r = media->run(); !r)
            return fail(r.error());
    }

    auto outboxCached = m_db.cached(
        u"INSERT INTO outbox (registration_id, record_uuid, state, created_at) VALUES (?, ?, 'pending', ?)"_s);
    if (!outboxCached)
        return fail(outboxCached.error());
    StatementLease outbox(*outboxCached);
    outbox->bind(1, id).bind(2, record.uuid).bind(3, m_clock.now());
    if (auto r = outbox->run(); !r)
        return fail(r.error());

    if (auto r = m_audit.append(audit::RecordCreated, record.clerk, record.uuid); !r)
        return fail(r.error());
    return record;
}

Result<Registration> RegistrationRepository::readRow(Statement& s, bool withMedia)
{
    Registration r;
    const qint64 id = s.int64(0);
    r.uuid = s.text(1);
    r.sequence = s.int64(2);
    r.outletId = s.text(3);
    r.clerk = s.text(4);
    r.deviceTime = s.dateTime(5);
    r.customerType = parseCustomerType(s.text(6)).value_or(CustomerType::Individual);
    if (!s.isNull(7) || !s.isNull(8))
        r.organisation = Organisation{s.text(7), s.text(8)};
    r.packageId = s.text(9);
    r.number = s.text(10);
    r.iccid = s.text(11);
    r.face.band = parseFaceBand(s.text(12)).value_or(FaceBand::NotCompared);
    r.face.score = s.real(13);
    r.face.threshold = s.real(14);
    r.face.liveness = parseLiveness(s.text(15)).value_or(LivenessResult::NotChecked);
    r.face.livenessScore = s.real(16);
    r.face.quality = s.real(17);
    r.face.overrideBy = s.text(18);
    r.face.points = s.isNull(26) ? -1 : int(s.int64(26));
    r.status = parseRecordStatus(s.text(19)).value_or(RecordStatus::Committed);
    r.hq.reasonCode = s.text(20);
    r.hq.reference = s.text(21);
    r.hq.at = s.dateTime(22);
    r.voidedAt = s.dateTime(23);
    r.voidReason = s.text(24);
    r.purgedAt = s.dateTime(25);
    r.transaction = parseTransaction(s.text(27)).value_or(registration::Transaction::NewNumber);

    auto docs = m_db.prepare(uR"(SELECT role, type, name, english_name, sex_code, nation_code, birth_date, address,
        appended_address, number, authority, valid_from, valid_to, valid_to_long_term, nationality, card_version
        FROM documents WHERE registration_id = ? ORDER BY id)"_s);
    if (!docs)
        return fail(docs.error());
    docs->bind(1, id);
    for (;;) {
        auto row = docs->step();
        if (!row)
            return fail(row.error());
        if (!*row)
            break;
        PartyDocument party;
        party.role = parseDocumentRole(docs->text(0)).value_or(DocumentRole::Customer);
        IdentityDocument& d = party.document;
        d.type = parseDocumentType(docs->text(1)).value_or(DocumentType::ResidentId);
        d.name = docs->text(2);
        d.englishName = docs->text(3);
        d.sexCode = docs->text(4);
        d.nationCode = docs->text(5);
        d.birthDate = parseDate(docs->text(6));
        d.address = docs->text(7);
        d.appendedAddress = docs->text(8);
        d.number = docs->text(9);
        d.authority = docs->text(10);
        d.validFrom = parseDate(docs->text(11));
        d.validTo = parseDate(docs->text(12));
        d.validToLongTerm = docs->int64(13) != 0;
        d.nationality = docs->text(14);
        d.cardVersion = docs->text(15);
        r.documents.append(party);
    }

    if (withMedia) {
        auto media = m_db.prepare(uR"(SELECT m.kind, m.label, m.mime_type, b.bytes FROM media m
            JOIN blobs b ON b.id = m.blob_id WHERE m.registration_id = ? ORDER BY m.position)"_s);
        if (!media)
            return fail(media.error());
        media->bind(1, id);
        for (;;) {
            auto row = media->step();
            if (!row)
                return fail(row.error());
            if (!*row)
                break;
            r.media.append({parseMediaKind(media->text(0)).value_or(MediaItem::Kind::Attachment), media->text(1),
                            media->text(2), media->blob(3)});
        }
    }
    return r;
}

Result<Registration> RegistrationRepository::load(const QString& uuid, bool withMedia)
{
    auto stmt = m_db.prepare(u"SELECT "_s + kRecordColumns + u" FROM registrations r WHERE r.uuid = ?"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, uuid);
    auto row = stmt->step();
    if (!row)
        return fail(row.error());
    if (!*row)
        return fail(Error::notFound(u"no registration with this id"_s));
    return readRow(*stmt, withMedia);
}

Result<Registration> RegistrationRepository::view(const QString& uuid, const QString& actor)
{
    auto record = load(uuid, true);
    if (!record)
        return record;
    if (auto r = m_audit.append(audit::RecordViewed, actor, uuid); !r)
        return fail(r.error());
    return record;
}

Result<QList<DayListRow>> RegistrationRepository::dayList(QDate day)
{
    auto stmt = m_db.prepare(uR"(SELECT r.uuid, r.sequence, r.device_time, r.clerk, d.name, d.type, d.number,
        r.package_id, r.number, r.customer_type, r.status, r.face_band, r.hq_reason, r.purged_at
        FROM registrations r LEFT JOIN documents d ON d.registration_id = r.id AND d.role = 'customer'
        WHERE r.device_date = ? ORDER BY r.sequence)"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, dateText(day));
    QList<DayListRow> rows;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return fail(row.error());
        if (!*row)
            break;
        DayListRow line;
        line.uuid = stmt->text(0);
        line.sequence = stmt->int64(1);
        line.deviceTime = stmt->dateTime(2);
        line.clerk = stmt->text(3);
        line.customerName = stmt->text(4);
        line.documentType = parseDocumentType(stmt->text(5)).value_or(DocumentType::ResidentId);
        line.documentNumber = stmt->text(6);
        line.packageId = stmt->text(7);
        line.number = stmt->text(8);
        line.customerType = parseCustomerType(stmt->text(9)).value_or(CustomerType::Individual);
        line.status = parseRecordStatus(stmt->text(10)).value_or(RecordStatus::Committed);
        line.band = parseFaceBand(stmt->text(11)).value_or(FaceBand::NotCompared);
        line.hqReason = stmt->text(12);
        line.purged = !stmt->isNull(13);
        rows.append(line);
    }
    return rows;
}

Result<int> RegistrationRepository::countForDocumentNumber(const QString& number)
{
    // The numbers this identity holds as the outlet knows them: each number whose latest live record here is
    // this customer's and not a cancellation (a transfer away, a cancellation end it; a re-verification or a
    // SIM replacement of a number held already counts it once).
    auto stmt = m_db.prepare(uR"(SELECT count(DISTINCT r.number) FROM registrations r
        JOIN documents d ON d.registration_id = r.id
        WHERE d.role = 'customer' AND d.number = ? AND r.status NOT IN ('voided', 'rejected')
          AND r.transaction_type <> 'cancel'
          AND NOT EXISTS (SELECT 1 FROM registrations later WHERE later.number = r.number
                          AND later.sequence > r.sequence AND later.status NOT IN ('voided', 'rejected')))"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, number);
    auto row = stmt->step();
    if (!row)
        return fail(row.error());
    return int(stmt->int64(0));
}

Result<bool> RegistrationRepository::hasOpenHqRejection(DocumentType type, const QString& number, QStringView hqReason)
{
    // The status index finds the rejected records; the document number is compared as the policy compares it.
    auto stmt = m_db.prepare(uR"(SELECT EXISTS (SELECT 1 FROM registrations r
        JOIN documents d ON d.registration_id = r.id
        WHERE r.status = 'rejected' AND r.hq_reason = ? AND d.role = 'customer' AND d.type = ?
          AND upper(trim(d.number)) = ?))"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, hqReason.toString()).bind(2, documentTypeKey(type)).bind(3, number.trimmed().toUpper());
    auto row = stmt->step();
    if (!row)
        return fail(row.error());
    return stmt->int64(0) != 0;
}

Result<bool> RegistrationRepository::iccidInUse(const QString& iccid)
{
    auto stmt = m_db.prepare(u"SELECT EXISTS (SELECT 1 FROM registrations WHERE iccid = ? AND status <> 'voided')"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, iccid);
    auto row = stmt->step();
    if (!row)
        return fail(row.error());
    return stmt->int64(0) != 0;
}

Result<qint64> RegistrationRepository::count()
{
    return m_db.queryInt(u"SELECT count(*) FROM registrations"_s);
}

Result<void> RegistrationRepository::voidRecord(const QString& uuid, const QString& actor, const QString& reason)
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return fail(tx.error());
    if (auto r = voidRecordInTransaction(uuid, actor, reason); !r)
        return r;
    return tx->commit();
}

Result<void> RegistrationRepository::voidRecordInTransaction(const QString& uuid, const QString& actor,
                                                             const QString& reason)
{
    auto stmt = m_db.prepare(
        u"UPDATE registrations SET status = 'voided', voided_at = ?, void_reason = ? WHERE uuid = ? AND status != 'voided'"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, m_clock.now()).bind(2, reason).bind(3, uuid);
    if (auto r = stmt->run(); !r)
        return fail(r.error());
    if (m_db.changes() != 1)
        return fail(Error::notFound(u"no registration with this id that can be voided"_s));
    if (auto r = m_audit.append(audit::RecordVoided, actor, uuid, reason); !r)
        return fail(r.error());
    return {};
}

Result<int> RegistrationRepository::purgeAccepted(int days, const QString& actor)
{
    if (days < 0)
        return fail(Error::invalidInput(u"retention days cannot be negative"_s));
    const QString cutoff = storedTime(m_clock.now().addDays(-days));
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return fail(tx.error());
    m_blobCache.clear();
    auto select = m_db.prepare(
        u"SELECT id, uuid FROM registrations WHERE status = 'accepted' AND purged_at IS NULL AND hq_time <= ?"_s);
    if (!select)
        return fail(select.error());
    select->bind(1, cutoff);
    QList<std::pair<qint64, QString>> targets;
    for (;;) {
        auto row = select->step();
        if (!row)
            return fail(row.error());
        if (!*row)
            break;
        targets.append({select->int64(0), select->text(1)});
    }
    auto del = m_db.prepare(u"DELETE FROM media WHERE registration_id = ?"_s);
    auto mark = m_db.prepare(u"UPDATE registrations SET purged_at = ? WHERE id = ?"_s);
    if (!del || !mark)
        return fail(!del ? del.error() : mark.error());
    for (const auto& [id, uuid] : std::as_const(targets)) {
        del->reset();
        del->bind(1, id);
        if (auto r = del->run(); !r)
            return fail(r.error());
        mark->reset();
        mark->bind(1, m_clock.now()).bind(2, id);
        if (auto r = mark->run(); !r)
            return fail(r.error());
    }
    if (!targets.isEmpty()) {
        if (auto r =
                m_db.exec(u"DELETE FROM blobs WHERE NOT EXISTS (SELECT 1 FROM media m WHERE m.blob_id = blobs.id)"_s);
            !r)
            return fail(r.error());
        if (auto r = m_audit.append(
                audit::Purge, actor, {},
                u"photos and signatures of %1 accepted records older than %2 days dropped"_s.arg(targets.size())
                    .arg(days));
            !r)
            return fail(r.error());
    }
    if (auto r = tx->commit(); !r)
        return fail(r.error());
    return int(targets.size());
}

} // namespace shiming::store
