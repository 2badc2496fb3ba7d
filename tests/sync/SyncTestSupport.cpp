#include "SyncTestSupport.h"
#include "support/DamagedPage.h"

#include "core/identity/CheckDigits.h"
#include "core/store/KeySlots.h"
#include "core/sync/IdentityFigures.h"

#include <pqxx/pqxx>

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace shiming::testing {

TestOutlet::TestOutlet(const QString& outletId, HqProcess& hq, quint32 seed, int counter)
    : m_outletId(outletId)
    , m_path(m_dir.filePath(u"outlet.db"_s))
    , m_key(store::randomKey())
    , m_bundlePath(m_dir.filePath(u"bundle.json"_s))
    , m_generator(seed, 4)
    , m_hqUrl(hq.url())
{
    auto bundle = hq.enroll(outletId, m_bundlePath, counter);
    if (!bundle)
        qFatal("enrolment failed");
    m_bundle = *bundle;
    m_outletId = m_bundle.outletId;
    auto created = store::OutletStore::create(m_path, m_outletId, m_key, m_clock);
    if (!created)
        qFatal("cannot create the outlet database: %s", qPrintable(created.error().detail));
    m_store = std::move(*created);
    openEngine();
}

void TestOutlet::openEngine()
{
    m_engine.reset();
    m_client = std::make_unique<sync::HqClient>(m_bundle, m_hqUrl);
    m_client->setTimeoutMs(m_timeoutMs);
    m_engine = std::make_unique<sync::SyncEngine>(*m_store, *m_client, u"CMCC"_s, m_options);
}

void TestOutlet::configure(const QUrl& hqUrl, sync::SyncEngine::Options options, int timeoutMs)
{
    m_hqUrl = hqUrl;
    m_options = options;
    m_timeoutMs = timeoutMs;
    if (m_store)
        openEngine();
}

void TestOutlet::close()
{
    m_engine.reset();
    m_client.reset();
    m_store.reset();
}

void TestOutlet::reopen()
{
    close();
    auto opened = store::OutletStore::open(m_path, m_key, m_clock);
    if (!opened)
        qFatal("cannot reopen the outlet database: %s", qPrintable(opened.error().detail));
    m_store = std::move(*opened);
    openEngine();
}

QString identityNumber(int identity)
{
    const QString first17 = u"11010519900101%1"_s.arg(identity % 1000, 3, 10, QChar(u'0'));
    return first17 + QChar(identity::residentIdCheckCharacter(first17));
}

QString numberOf(int serial)
{
    return u"139%1"_s.arg(serial, 8, 10, QChar(u'0'));
}

QString iccidOf(int serial)
{
    return u"898600%1"_s.arg(serial, 14, 10, QChar(u'0'));
}

QString TestOutlet::commit(int identity, int serial)
{
    registration::Registration record = m_generator.registration(u"clerk01"_s, QDateTime::currentDateTime());
    for (auto& party : record.documents) {
        if (party.role == registration::DocumentRole::Customer && identity >= 0) {
            party.document.type = DocumentType::ResidentId;
            party.document.number = identityNumber(identity);
        }
    }
    record.number = numberOf(serial);
    record.iccid = iccidOf(serial);
    auto stored = m_store->registrations().commit(record);
    if (!stored)
        qFatal("commit failed: %s", qPrintable(stored.error().detail));
    return stored->uuid;
}

QString TestOutlet::commitLarge(int serial, int attachmentBytes)
{
    registration::Registration record = m_generator.registration(u"clerk01"_s, QDateTime::currentDateTime());
    record.number = u"139%1"_s.arg(serial, 8, 10, QChar(u'0'));
    record.iccid = u"898600%1"_s.arg(serial, 14, 10, QChar(u'0'));
    addLargeAttachment(record, attachmentBytes);
    auto stored = m_store->registrations().commit(record);
    if (!stored)
        qFatal("commit failed: %s", qPrintable(stored.error().detail));
    return stored->uuid;
}

void TestOutlet::commitMany(int count, int firstSerial)
{
    QList<registration::Registration> records;
    for (int i = 0; i < count; ++i) {
        registration::Registration record = m_generator.registration(u"clerk01"_s, QDateTime::currentDateTime());
        record.number = u"139%1"_s.arg(firstSerial + i, 8, 10, QChar(u'0'));
        record.iccid = u"898600%1"_s.arg(firstSerial + i, 14, 10, QChar(u'0'));
        records.append(record);
    }
    if (auto r = m_store->registrations().commitMany(records); !r)
        qFatal("commitMany failed: %s", qPrintable(r.error().detail));
}

QString TestOutlet::commitTransaction(registration::Transaction transaction, int identity, int serial,
                                      int holderIdentity, int simSerial)
{
    using registration::DocumentRole;
    registration::Registration record = m_generator.registration(u"clerk01"_s, QDateTime::currentDateTime());
    const auto personFor = [&](int who) {
        IdentityDocument document = m_generator.person(record.deviceTime.date());
        document.type = DocumentType::ResidentId;
        document.number = identityNumber(who);
        return document;
    };
    // The customer alone: the generator's guardians, agents and organisations are not what these tests are about.
    record.customerType = registration::CustomerType::Individual;
    record.organisation.reset();
    record.documents = {{DocumentRole::Customer, personFor(identity)}};
    record.transaction = transaction;
    record.number = numberOf(serial);
    record.iccid = registration::takesNewSim(transaction) ? iccidOf(simSerial >= 0 ? simSerial : serial) : QString();
    if (!registration::takesNewNumber(transaction))
        record.packageId.clear();
    if (transaction == registration::Transaction::Transfer)
        record.documents.append({DocumentRole::CurrentHolder, personFor(holderIdentity)});
    auto stored = m_store->registrations().commit(record);
    if (!stored)
        qFatal("commit failed: %s", qPrintable(stored.error().detail));
    return stored->uuid;
}

QString TestOutlet::identityKeyOf(int identity) const
{
    return sync::identityFigureKey(m_bundle.identityKey, documentTypeKey(DocumentType::ResidentId),
                                   identityNumber(identity));
}

QHash<QString, QPair<QString, QString>> TestOutlet::statuses()
{
    QHash<QString, QPair<QString, QString>> result;
    auto statement = m_store->database().prepare(u"SELECT uuid FROM registrations"_s);
    QStringList uuids;
    if (statement) {
        while (statement->step().value_or(false))
            uuids << statement->text(0);
    }
    for (const QString& uuid : uuids) {
        const auto record = m_store->registrations().load(uuid, false);
        if (record)
            result.insert(uuid, {registration::recordStatusKey(record->status), record->hq.reasonCode});
    }
    return result;
}

QHash<QString, QPair<QString, QString>> hqStatuses(const std::string& pgUrl)
{
    QHash<QString, QPair<QString, QString>> result;
    pqxx::connection connection(pgUrl);
    pqxx::read_transaction tx(connection);
    for (const auto& row : tx.exec("SELECT record_uuid::text, status, reason FROM records"))
        result.insert(
            QString::fromStdString(row[0].as<std::string>()),
            {QString::fromStdString(row[1].as<std::string>()), QString::fromStdString(row[2].as<std::string>())});
    return result;
}

} // namespace shiming::testing
