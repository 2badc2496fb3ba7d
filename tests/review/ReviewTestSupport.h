#pragma once

// A real outlet database for the manager's tests: SQLCipher file in a temporary directory, weak Argon2id,
// accounts admin / boss (manager) / clerk1 / clerk2, and registrations over two days with every case the
// manager meets (pending manual reviews, a confirmed one, fails, HQ accepted and rejected, voided, names with
// 𠮷 and the middle dot).
#include "support/CatchQt.h"

#include "cli/CommandLine.h"
#include "cli/ReviewCommands.h"
#include "core/auth/Authenticator.h"
#include "core/common/Clock.h"
#include "core/demo/DemoData.h"
#include "core/store/DownlinkRepository.h"

#include <QAbstractItemModel>
#include <QTemporaryDir>
#include <QTimeZone>

#include <memory>

namespace shiming::review::test {

using namespace Qt::StringLiterals;

inline const QByteArray kPassword = "correct horse 1";

struct Outlet {
    QTemporaryDir dir;
    FixedClock clock{QDateTime(QDate(2026, 11, 28), QTime(18, 0))};
    QString path;
    std::unique_ptr<auth::Authenticator> authenticator;
    std::unique_ptr<auth::Session> admin;
    QDate today{2026, 11, 28};
    QDate yesterday{2026, 11, 27};
    // Well-known records.
    QString pendingUuid;    ///< manual review, not decided, clerk1, today
    QString pendingUuid2;   ///< another one
    QString rareNameUuid;   ///< customer 𠮷 (outside the BMP)
    QString middleDotUuid;  ///< customer 阿依古丽·买买提
    QString rejectedUuid;   ///< HQ rejected it (identity_limit), yesterday
    QString rareNameNumber; ///< its document number (full)
    QString rareNamePhone;  ///< its mobile number

    Outlet()
    {
        REQUIRE(dir.isValid());
        path = dir.filePath(u"outlet.db"_s);
        REQUIRE(auth::Authenticator::initialize(path, u"OUT-1"_s, u"admin"_s, kPassword,
                                                store::KdfParams::weakForTests(), clock));
        auth::Authenticator::Options options;
        options.store.freeSpaceFloorBytes = 0;
        authenticator = std::make_unique<auth::Authenticator>(path, clock, options);
        auto session = authenticator->login(u"admin"_s, kPassword);
        REQUIRE(session);
        admin = std::move(*session);
        REQUIRE(authenticator->addAccount(*admin, u"boss"_s, u"Boss"_s, auth::Role::Manager, kPassword,
                                          store::KdfParams::weakForTests()));
        REQUIRE(authenticator->addAccount(*admin, u"clerk1"_s, u"Clerk One"_s, auth::Role::Clerk, kPassword,
                                          store::KdfParams::weakForTests()));
        REQUIRE(authenticator->addAccount(*admin, u"clerk2"_s, u"Clerk Two"_s, auth::Role::Clerk, kPassword,
                                          store::KdfParams::weakForTests()));
        seed();
    }

    store::OutletStore& store() { return admin->store(); }

    std::unique_ptr<auth::Session> login(const QString& user)
    {
        auto session = authenticator->login(user, kPassword);
        REQUIRE(session);
        return std::move(*session);
    }

    void seed()
    {
        using namespace registration;
        store::DemoDataGenerator generator(42, 4);
        QList<Registration> records;
        // Yesterday: 5 by clerk2, all answered by HQ below (one rejected).
        for (int i = 0; i < 5; ++i) {
            Registration r = generator.registration(u"clerk2"_s, QDateTime(yesterday, QTime(10, 0).addSecs(i * 300)));
            r.face.band = FaceBand::Pass;
            r.face.overrideBy.clear();
            records.append(r);
        }
        // Today: 20 by clerk1 (every 4 minutes from 09:00), 10 by clerk2.
        for (int i = 0; i < 30; ++i) {
            const bool one = i < 20;
            Registration r = generator.registration(one ? u"clerk1"_s : u"clerk2"_s,
                                                    QDateTime(today, QTime(9, 0).addSecs((one ? i : i - 20) * 240)));
            r.face.band = FaceBand::Pass;
            r.face.overrideBy.clear();
            r.customerType = i % 10 == 3 ? CustomerType::Agent : CustomerType::Individual;
            records.append(r);
        }
        // Today's special cases.
        records[5 + 1].face.band = FaceBand::ManualReview; // pending, clerk1
        records[5 + 1].face.score = 0.52;
        records[5 + 2].face.band = FaceBand::ManualReview; // pending, clerk1
        records[5 + 3].face.band = FaceBand::ManualReview; // confirmed at the counter
        records[5 + 3].face.overrideBy = u"boss"_s;
        records[5 + 4].face.band = FaceBand::Fail;
        records[5 + 5].face.band = FaceBand::NotCompared;
        records[5 + 7].documents[0].document.name = u"𠮷"_s;
        records[5 + 8].documents[0].document.name = u"阿依古丽·买买提"_s;
        records[5 + 25].customerType = CustomerType::Organisation;
        records[5 + 25].organisation = Organisation{u"91350100M000100Y43"_s, u"某某科技有限公司"_s};
        records[5 + 25].media.append({MediaItem::Kind::Attachment, u"authorisation_letter"_s, u"image/png"_s,
                                      store::DemoDataGenerator::drawSignature(9)});
        for (Registration& r : records)
            REQUIRE(!r.documents.isEmpty());
        REQUIRE(store().registrations().commitMany(records));
        pendingUuid = records[6].uuid;
        pendingUuid2 = records[7].uuid;
        rareNameUuid = records[12].uuid;
        middleDotUuid = records[13].uuid;
        rareNameNumber = records[12].documents[0].document.number;
        rareNamePhone = records[12].number;
        rejectedUuid = records[2].uuid;

        // HQ answers yesterday's five: four accepted, one rejected for the nationwide limit.
        auto batch = store().outbox().nextBatch(5, qint64(1) << 30);
        REQUIRE(batch);
        REQUIRE(batch->items.size() == 5);
        QList<store::OutboxResult> results;
        for (const store::OutboxItem& item : std::as_const(batch->items)) {
            const bool reject = item.recordUuid == rejectedUuid;
            results.append({item.recordUuid,
                            reject ? store::OutboxResult::Outcome::Rejected : store::OutboxResult::Outcome::Accepted,
                            reject ? u"identity_limit"_s : QString(), u"HQ-%1"_s.arg(item.seq), clock.now()});
        }
        REQUIRE(store().outbox().applyResults(batch->batchId, results));
        // One of today's records voided by the manager earlier.
        REQUIRE(store().registrations().voidRecord(records[5 + 20].uuid, u"boss"_s, u"customer withdrew"_s));
    }

    /// HQ's settings item "compliance" as the sync would have stored it.
    void putCompliance(const QByteArray& json)
    {
        REQUIRE(store()
                    .downlink()
                    .upsert({store::downlink::Settings.toString(), u"compliance"_s, json, u"1"_s, {}})
                    .has_value());
    }

    /// Number of audit entries with this action (and record, when given).
    int auditCount(const QString& action, const QString& record = {})
    {
        auto entries = store().audit().entries(1, 1000000);
        REQUIRE(entries);
        int n = 0;
        for (const store::AuditEntry& e : std::as_const(*entries)) {
            if (e.action == action && (record.isEmpty() || e.recordUuid == record))
                ++n;
        }
        return n;
    }
};

/// Runs `shimingctl review ARGS` in-process, the password kPassword on stdin; returns the exit status and stdout.
inline std::pair<int, QByteArray> runReviewCommand(const QStringList& args)
{
    QByteArray out;
    QByteArray err;
    cli::Io io{[&](const QByteArray& b) { out += b; }, [&](const QByteArray& b) { err += b; },
               [] {
                   return kPassword;
               }};
    const int status = cli::runCommandLine(cli::reviewCommands(), QStringList{u"review"_s} + args, io);
    INFO(err.toStdString());
    return {status, out};
}

/// The row of `model` whose `role` data is `uuid` (-1: none).
inline int rowOf(const QAbstractItemModel& model, const QString& uuid, int role)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(role).toString() == uuid)
            return row;
    }
    return -1;
}

} // namespace shiming::review::test
