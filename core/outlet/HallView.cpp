#include "core/outlet/HallView.h"

#include "core/outlet/ManagerAccess.h"
#include "core/review/ReviewTypes.h"
#include "core/store/OutletStore.h"
#include "core/sync/HqClient.h"
#include "core/sync/SyncCredentials.h"
#include "core/sync/SyncStatus.h"

#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace shiming::outlet {

Result<HallRead> readHallBlocking(store::OutletStore& store, const auth::Account& account, const QByteArray& target,
                                  int timeoutMs)
{
    if (auto allowed = requireManager(account, u"reads the whole hall"); !allowed)
        return fail(allowed.error());
    auto credentials = sync::loadCredentials(store);
    if (!credentials)
        return fail(Error::invalidInput(u"this counter is not enrolled with HQ (shimingctl sync setup): "_s +
                                        credentials.error().detail));
    sync::HqClient client(credentials->bundle, credentials->hqUrl);
    client.setTimeoutMs(timeoutMs);
    HallRead read;
    read.answer = sync::HallReader(client).readBlocking(target);
    if (auto status = sync::readSyncStatus(store))
        read.lastReachable = status->lastSuccess;
    return read;
}

Result<void> auditHallReveal(store::OutletStore& store, const auth::Account& account, const QString& uuid)
{
    return asVoid(store.audit().append(review::audit::DocumentShown, account.name, uuid, u"whole hall, from HQ"_s));
}

Result<QByteArray> hallDailyReportJson(store::OutletStore& store, const auth::Account& account, QDate date)
{
    auto read = readHallBlocking(
        store, account,
        sync::HallReader::reportTarget(date, account.name, QString::fromLatin1(QTimeZone::systemTimeZoneId())));
    if (!read)
        return fail(read.error());
    const sync::HallAnswer& answer = read->answer;
    if (!answer.reached) {
        const QString last =
            read->lastReachable.isValid() ? read->lastReachable.toUTC().toString(Qt::ISODate) : u"never"_s;
        return fail(Error::syncFailure(u"%1; HQ last reached %2"_s.arg(answer.error, last)));
    }
    if (!answer.ok())
        return fail(Error::policyRefused(answer.error));
    if (auto r = store.audit().append(review::audit::ReportExported, account.name, {},
                                      u"hall daily report %1 as json"_s.arg(date.toString(Qt::ISODate)));
        !r)
        return fail(r.error());
    return QJsonDocument(answer.body).toJson(QJsonDocument::Indented);
}

} // namespace shiming::outlet
