#include "core/sync/SyncCredentials.h"

#include "core/store/OutletStore.h"
#include "core/sync/SyncStatus.h"

using namespace Qt::StringLiterals;

namespace shiming::sync {

Result<void> storeCredentials(store::OutletStore& store, const protocol::CredentialBundle& bundle, const QUrl& hqUrl,
                              const QString& operatorCode)
{
    if (bundle.outletId != store.outletId())
        return fail(Error::invalidInput(u"the bundle is for another outlet"_s));
    if (!hqUrl.isValid() || hqUrl.scheme() != "https"_L1 || hqUrl.host().isEmpty())
        return fail(Error::invalidInput(u"the HQ address must be https://HOST:PORT"_s));
    if (operatorCode.isEmpty())
        return fail(Error::invalidInput(u"operator code missing"_s));
    return store.inTransaction([&]() -> Result<void> {
        if (auto r = store.syncState().setValue(QString::fromLatin1(state::Credentials), bundle.toJson()); !r)
            return r;
        if (auto r = store.syncState().setValue(QString::fromLatin1(state::HqUrl), hqUrl.toEncoded()); !r)
            return r;
        return store.syncState().setValue(QString::fromLatin1(state::OperatorCode), operatorCode.toUtf8());
    });
}

Result<SyncCredentials> loadCredentials(store::OutletStore& store)
{
    const auto json = store.syncState().value(QString::fromLatin1(state::Credentials));
    if (!json)
        return fail(json.error());
    if (!json->has_value())
        return fail(Error::notFound(u"sync not set up; run shimingctl sync setup"_s));
    auto bundle = protocol::CredentialBundle::fromJson(**json);
    if (!bundle)
        return fail(bundle.error());
    SyncCredentials credentials;
    credentials.bundle = *bundle;
    const auto url = store.syncState().value(QString::fromLatin1(state::HqUrl));
    const auto operatorCode = store.syncState().value(QString::fromLatin1(state::OperatorCode));
    if (!url || !url->has_value())
        return fail(Error::notFound(u"HQ address not set"_s));
    credentials.hqUrl = QUrl::fromEncoded(**url);
    credentials.operatorCode =
        (operatorCode && operatorCode->has_value()) ? QString::fromUtf8(**operatorCode) : u"CMCC"_s;
    return credentials;
}

} // namespace shiming::sync
