#include "core/review/HallScope.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace shiming::review {

namespace {

std::optional<HallRow> rowOf(const QJsonObject& o)
{
    if (!o.value("uuid"_L1).isString() || !o.value("outlet"_L1).isString())
        return std::nullopt;
    HallRow row;
    row.uuid = o.value("uuid"_L1).toString();
    row.outletId = o.value("outlet"_L1).toString();
    row.counter = o.value("counter"_L1).toInt(1);
    row.clerk = o.value("clerk"_L1).toString();
    row.transaction = registration::parseTransaction(o.value("transaction"_L1).toString())
                          .value_or(registration::Transaction::NewNumber);
    row.status = o.value("status"_L1).toString();
    row.voided = o.value("voided"_L1).toBool();
    row.reason = o.value("reason"_L1).toString();
    row.hqReference = o.value("hqReference"_L1).toString();
    row.registeredAt = QDateTime::fromString(o.value("registeredAt"_L1).toString(), Qt::ISODateWithMs);
    row.msisdn = o.value("msisdn"_L1).toString();
    row.name = o.value("name"_L1).toString();
    row.documentNumber = o.value("documentNumber"_L1).toString();
    row.band =
        registration::parseFaceBand(o.value("faceBand"_L1).toString()).value_or(registration::FaceBand::NotCompared);
    row.masked = o.value("masked"_L1).toBool(true);
    return row;
}

} // namespace

Result<HallDay> HallDay::fromJson(const QJsonObject& object)
{
    HallDay day;
    day.hall = object.value("hall"_L1).toString();
    day.date = QDate::fromString(object.value("date"_L1).toString(), Qt::ISODate);
    if (!day.date.isValid() || !object.value("records"_L1).isArray())
        return fail(Error::invalidInput(u"HQ's hall day is not readable"_s));
    for (const QJsonValue& counter : object.value("counters"_L1).toArray()) {
        const QJsonObject c = counter.toObject();
        day.counters.append({c.value("outlet"_L1).toString(), c.value("counter"_L1).toInt(1)});
    }
    for (const QJsonValue& entry : object.value("records"_L1).toArray()) {
        auto row = rowOf(entry.toObject());
        if (!row)
            return fail(Error::invalidInput(u"HQ's hall day holds a record that is not readable"_s));
        day.rows.append(*row);
    }
    return day;
}

Result<HallRecord> HallRecord::fromJson(const QJsonObject& object)
{
    auto row = rowOf(object);
    if (!row)
        return fail(Error::invalidInput(u"HQ's hall record is not readable"_s));
    HallRecord record;
    record.row = *row;
    record.iccid = object.value("iccid"_L1).toString();
    record.holderDocumentNumber = object.value("holderDocumentNumber"_L1).toString();
    for (const QJsonValue& entry : object.value("photos"_L1).toArray()) {
        const QJsonObject p = entry.toObject();
        record.photos.append(
            {p.value("kind"_L1).toString(), QByteArray::fromBase64(p.value("jpeg"_L1).toString().toLatin1())});
    }
    return record;
}

} // namespace shiming::review
