#include "core/sync/RecordMapper.h"

#include <QCborArray>
#include <QCborMap>

using namespace Qt::StringLiterals;

namespace shiming::sync {

namespace {

QCborMap documentMap(const registration::PartyDocument& party)
{
    const IdentityDocument& d = party.document;
    QCborMap map;
    map.insert("role"_L1, registration::documentRoleKey(party.role));
    map.insert("type"_L1, documentTypeKey(d.type));
    map.insert("number"_L1, d.number);
    map.insert("name"_L1, d.name);
    map.insert("englishName"_L1, d.englishName);
    map.insert("sex"_L1, d.sexCode);
    map.insert("nation"_L1, d.nationCode);
    map.insert("birthDate"_L1, d.birthDate.toString(Qt::ISODate));
    map.insert("address"_L1, d.address);
    map.insert("appendedAddress"_L1, d.appendedAddress);
    map.insert("authority"_L1, d.authority);
    map.insert("validFrom"_L1, d.validFrom.toString(Qt::ISODate));
    map.insert("validTo"_L1, d.validTo.toString(Qt::ISODate));
    map.insert("longTerm"_L1, d.validToLongTerm);
    map.insert("nationality"_L1, d.nationality);
    map.insert("cardVersion"_L1, d.cardVersion);
    return map;
}

} // namespace

Result<protocol::RecordContent> toRecordContent(const registration::Registration& record, const QString& operatorCode)
{
    const registration::PartyDocument* customer = record.customer();
    if (!customer)
        return fail(Error::invalidInput(u"registration without a customer document"_s));
    protocol::RecordContent content;
    content.documentType = documentTypeKey(customer->document.type);
    content.documentNumber = customer->document.number;
    content.name = customer->document.name;
    content.operatorCode = operatorCode;
    content.msisdn = record.number;
    content.iccid = record.iccid;
    content.packageCode = record.packageId;
    content.registeredAtMs = record.deviceTime.toMSecsSinceEpoch();
    content.clerk = record.clerk;
    if (record.transaction != registration::Transaction::NewNumber)
        content.transaction = registration::transactionKey(record.transaction);
    if (record.transaction == registration::Transaction::Transfer) {
        const registration::PartyDocument* holder = record.document(registration::DocumentRole::CurrentHolder);
        if (!holder)
            return fail(Error::invalidInput(u"transfer without the current holder's document"_s));
        content.holderDocumentType = documentTypeKey(holder->document.type);
        content.holderDocumentNumber = holder->document.number;
    }
    for (const registration::MediaItem& media : record.media) {
        QString kind = registration::mediaKindKey(media.kind);
        if (!media.label.isEmpty())
            kind += u':' + media.label;
        content.photos.append({kind.left(64), media.bytes});
    }
    if (content.photos.size() > protocol::kMaxPhotosPerRecord)
        return fail(Error::invalidInput(u"registration has more media than a record can carry"_s));

    QCborMap extra;
    extra.insert("customerType"_L1, registration::customerTypeKey(record.customerType));
    extra.insert("deviceTime"_L1, record.deviceTime.toString(Qt::ISODateWithMs));
    QCborArray documents;
    for (const registration::PartyDocument& party : record.documents)
        documents.append(documentMap(party));
    extra.insert("documents"_L1, documents);
    if (record.organisation) {
        QCborMap organisation;
        organisation.insert("uscc"_L1, record.organisation->uscc);
        organisation.insert("name"_L1, record.organisation->name);
        extra.insert("organisation"_L1, organisation);
    }
    QCborMap face;
    face.insert("band"_L1, registration::faceBandKey(record.face.band));
    face.insert("score"_L1, record.face.score);
    face.insert("threshold"_L1, record.face.threshold);
    face.insert("liveness"_L1, registration::livenessKey(record.face.liveness));
    face.insert("livenessScore"_L1, record.face.livenessScore);
    face.insert("quality"_L1, record.face.quality);
    face.insert("overrideBy"_L1, record.face.overrideBy);
    extra.insert("face"_L1, face);
    QCborArray mime;
    for (const registration::MediaItem& media : record.media)
        mime.append(media.mimeType);
    extra.insert("mediaTypes"_L1, mime);
    content.extra = extra;
    return content;
}

} // namespace shiming::sync
