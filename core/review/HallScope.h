#pragma once

#include "core/common/Error.h"
#include "core/registration/Registration.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace shiming::review {

/// The manager's view has two scopes: this counter (the local database, works offline) and the whole hall (read
/// from HQ when online, docs/hq.md "Hall reads (API)"). These are the hall scope's rows, parsed from HQ's JSON;
/// the personal fields come masked unless the manager asked HQ to reveal them (audited at HQ and here).
struct HallRow {
    QString uuid;
    QString outletId;
    int counter = 1;
    QString clerk;
    registration::Transaction transaction = registration::Transaction::NewNumber;
    QString status; ///< HQ's ledger status: accepted, rejected, released, ended
    bool voided = false;
    QString reason; ///< HQ's reason code when rejected
    QString hqReference;
    QDateTime registeredAt;
    QString msisdn;
    QString name;
    QString documentNumber;
    registration::FaceBand band = registration::FaceBand::NotCompared;
    bool masked = true;
};

/// One day of the hall: its counters (outlet id → number) and its records, in HQ's order.
struct HallDay {
    QString hall;
    QDate date;
    QList<std::pair<QString, int>> counters;
    QList<HallRow> rows;

    /// GET /v1/hall/day's body; InvalidInput when it is not one.
    static Result<HallDay> fromJson(const QJsonObject& object);
};

/// One record of the hall as HQ sends it with its photos (GET /v1/hall/record/<uuid>): the row, the JPEG bytes by
/// kind ("chip_photo", "live_photo", ...), never written to disk.
struct HallRecord {
    HallRow row;
    QString iccid;
    QString holderDocumentNumber; ///< a transfer's present holder (masked unless revealed)
    QList<std::pair<QString, QByteArray>> photos;

    static Result<HallRecord> fromJson(const QJsonObject& object);
};

} // namespace shiming::review
