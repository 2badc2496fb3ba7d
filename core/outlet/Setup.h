#pragma once

#include "core/common/Clock.h"
#include "core/common/Error.h"
#include "core/outlet/OutletConfig.h"
#include "core/protocol/CredentialBundle.h"
#include "core/store/KeySlots.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

namespace shiming::outlet {

/// Everything the first-run setup decides, as `shimingctl db init` + `shimingctl sync setup` + an outlet.ini
/// would: the counter's configuration, the administrator, and HQ's credentials (none: an offline outlet that
/// enrols later with `shimingctl sync setup`).
struct SetupPlan {
    QString configPath;  ///< where outlet.ini is written
    OutletConfig config; ///< databasePath and outletId are required
    QString adminName;
    QByteArray password; ///< checked by auth::checkAdminPassword
    std::optional<protocol::CredentialBundle> bundle;
    QUrl hqUrl;           ///< https; from the bundle when empty
    QString operatorCode; ///< catalog::simOperatorCode(config.simOperator) when empty
    store::KdfParams kdf = store::KdfParams::production();
};

/// Where the first-run setup proposes the database: /var/lib/shiming/outlet.db when the package's data
/// directory is there and writable by this account, else outlet.db in the account's data folder.
QString defaultDatabasePath();
/// Where the first-run setup writes outlet.ini: the account's configuration folder
/// (~/.config/Shiming/shiming/outlet.ini), which the counter reads first.
QString defaultConfigPath();

/// Checks a plan without writing anything: the outlet id, the administrator's name and password, the bundle
/// against the outlet id and the HQ address, files that exist already. The detail is English; the cause (where
/// there is one) is what the screens show.
Result<void> checkPlan(const SetupPlan& plan);

/// Whether `path` is a catalogue the counter can start with: readable, its packages and its number pool parse
/// (what Outlet::create reads at start, where a bad file stops the counter).
Result<void> checkCatalogueFile(const QString& path);

/// Sets the outlet up: creates the encrypted database with the administrator's key slot, stores HQ's
/// credentials in it, and writes outlet.ini atomically, in this order. Refuses to overwrite a database, a slot
/// file or a configuration. On any failure it removes what it made (database, -wal, -shm, slot and lockout
/// files, the temporary configuration), so nothing is left half-made: no database without its key slot, no
/// configuration naming a database that is not there.
Result<void> setUpOutlet(const SetupPlan& plan, const Clock& clock);

} // namespace shiming::outlet
