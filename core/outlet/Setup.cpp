#include "core/outlet/Setup.h"

#include "core/auth/Authenticator.h"
#include "core/auth/LockoutStore.h"
#include "core/catalog/Catalog.h"
#include "core/catalog/NumberPool.h"
#include "core/common/Logging.h"
#include "core/sync/SyncCredentials.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace shiming::outlet {

namespace {

const QString kPackageDataDir = u"/var/lib/shiming"_s;

QUrl hqUrlOf(const SetupPlan& plan)
{
    if (!plan.hqUrl.isEmpty() || !plan.bundle)
        return plan.hqUrl;
    return QUrl(plan.bundle->hqUrl);
}

/// What a failed setup made is removed again, the files in the reverse order of their making.
void removeOutletFiles(const QString& databasePath)
{
    QFile::remove(auth::LockoutStore::pathFor(databasePath));
    QFile::remove(store::KeySlotFile::pathFor(databasePath));
    for (const QString& suffix : {u"-wal"_s, u"-shm"_s, u""_s})
        QFile::remove(databasePath + suffix);
}

} // namespace

QString defaultDatabasePath()
{
    const QFileInfo packageDir(kPackageDataDir);
    if (packageDir.isDir() && packageDir.isWritable())
        return kPackageDataDir + u"/outlet.db"_s;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/outlet.db"_s;
}

QString defaultConfigPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/outlet.ini"_s;
}

Result<void> checkPlan(const SetupPlan& plan)
{
    if (!protocol::isValidOutletId(plan.config.outletId))
        return fail(Error::invalidInput(u"the outlet id must be 1-64 of A-Z a-z 0-9 . _ -"_s));
    if (plan.adminName.trimmed().isEmpty() || plan.adminName.contains(u'/'))
        return fail(
            Error::because(Error::Code::InvalidInput, Cause{Reason::AccountNameInvalid}, u"invalid account name"_s));
    if (auto r = auth::checkAdminPassword(plan.password, plan.adminName); !r)
        return r;
    const QString database = plan.config.databasePath;
    if (database.isEmpty() || !QFileInfo(database).isAbsolute())
        return fail(Error::invalidInput(u"the database needs an absolute path"_s));
    if (QFileInfo::exists(database) || QFileInfo::exists(store::KeySlotFile::pathFor(database)))
        return fail(Error::invalidInput(u"an outlet database exists already at %1"_s.arg(database)));
    if (plan.configPath.isEmpty() || !QFileInfo(plan.configPath).isAbsolute())
        return fail(Error::invalidInput(u"the configuration needs an absolute path"_s));
    if (QFileInfo::exists(plan.configPath))
        return fail(Error::invalidInput(u"a configuration exists already at %1"_s.arg(plan.configPath)));
    if (plan.bundle) {
        if (plan.bundle->outletId != plan.config.outletId)
            return fail(Error::invalidInput(
                u"the bundle is for outlet %1, not %2"_s.arg(plan.bundle->outletId, plan.config.outletId)));
        const QUrl url = hqUrlOf(plan);
        if (!url.isValid() || url.scheme() != "https"_L1 || url.host().isEmpty())
            return fail(Error::invalidInput(u"the HQ address must be https://HOST:PORT"_s));
    }
    return {};
}

Result<void> checkCatalogueFile(const QString& path)
{
    auto bytes = catalog::Catalog::readFile(path);
    if (!bytes)
        return fail(bytes.error());
    if (auto parsed = catalog::Catalog::fromJson(*bytes); !parsed)
        return fail(parsed.error());
    if (auto numbers = catalog::NumberPool::parseJson(*bytes); !numbers)
        return fail(numbers.error());
    return {};
}

Result<void> setUpOutlet(const SetupPlan& plan, const Clock& clock)
{
    if (auto r = checkPlan(plan); !r)
        return r;
    const QString database = plan.config.databasePath;
    const QFileInfo databaseFile(database);
    const bool madeFolder = !databaseFile.absoluteDir().exists();
    if (madeFolder) {
        // A folder made here holds the encrypted database and its key slots: the account's alone.
        if (!QDir().mkpath(databaseFile.absolutePath()))
            return fail(Error::storageFailure(u"cannot create the folder %1"_s.arg(databaseFile.absolutePath())));
        QFile::setPermissions(databaseFile.absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    auto removeFolder = [&] {
        if (madeFolder)
            QDir().rmdir(databaseFile.absolutePath()); // only when empty: nothing of anyone else's goes
    };
    if (auto made = auth::Authenticator::initialize(database, plan.config.outletId, plan.adminName, plan.password,
                                                    plan.kdf, clock);
        !made) {
        removeFolder(); // initialize leaves no file behind
        return made;
    }
    auto undo = [&](Error error) {
        removeOutletFiles(database);
        removeFolder();
        qCWarning(lcAuth) << "outlet setup undone:" << error.detail;
        return fail(std::move(error));
    };
    if (plan.bundle) {
        auth::Authenticator authenticator(database, clock);
        auto session = authenticator.login(plan.adminName, plan.password);
        if (!session)
            return undo(session.error());
        const QString code =
            plan.operatorCode.isEmpty() ? catalog::simOperatorCode(plan.config.simOperator) : plan.operatorCode;
        auto stored = sync::storeCredentials((*session)->store(), *plan.bundle, hqUrlOf(plan), code);
        session->reset(); // the database is closed before anything is removed
        if (!stored)
            return undo(stored.error());
    }
    if (auto saved = plan.config.save(plan.configPath); !saved)
        return undo(saved.error());
    qCInfo(lcAuth) << "outlet set up" << (plan.bundle ? "and enrolled" : "offline (not enrolled)");
    return {};
}

} // namespace shiming::outlet
