#pragma once

#include "core/common/Error.h"
#include "core/protocol/CredentialBundle.h"

#include <QUrl>

namespace shiming::store {
class OutletStore;
}

namespace shiming::sync {

/// The outlet's HQ credentials live inside the encrypted outlet database (sync state), never in QSettings or
/// a file next to it: the bundle from `shiming-hq enroll`, HQ's URL and the outlet's operator.
struct SyncCredentials {
    protocol::CredentialBundle bundle;
    QUrl hqUrl;
    QString operatorCode;
};

/// Stores a bundle after checking it belongs to this database's outlet and the URL is https.
Result<void> storeCredentials(store::OutletStore& store, const protocol::CredentialBundle& bundle, const QUrl& hqUrl,
                              const QString& operatorCode);
Result<SyncCredentials> loadCredentials(store::OutletStore& store);

} // namespace shiming::sync
