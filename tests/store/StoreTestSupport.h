#pragma once

// Shared set-up for the store and auth tests: a real outlet database in a temporary directory, created with
// the weak test KDF (explicitly), and helpers to build registrations and read files.
#include "support/CatchQt.h"

#include "core/auth/Authenticator.h"
#include "core/demo/DemoData.h"
#include "core/identity/CheckDigits.h"
#include "core/store/OutletStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>

namespace shiming::testing {

inline QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline QByteArray fileHash(const QString& path)
{
    return QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256);
}

/// An initialised outlet database (admin "admin" / "admin-password") in its own temporary directory.
struct TestOutlet {
    QTemporaryDir dir;
    QString path;
    FixedClock clock{QDateTime(QDate(2026, 11, 28), QTime(10, 0), QTimeZone::systemTimeZone())};
    QByteArray adminPassword = "admin-password";
    auth::Authenticator::Options options;

    explicit TestOutlet(const QString& directory = {})
    {
        path = (directory.isEmpty() ? dir.path() : directory) + QStringLiteral("/outlet.db");
        options.store.freeSpaceFloorBytes = 0;
        auto r = auth::Authenticator::initialize(path, QStringLiteral("OUTLET-0571-01"), QStringLiteral("admin"),
                                                 adminPassword, store::KdfParams::weakForTests(), clock);
        REQUIRE(r.has_value());
    }

    auth::Authenticator authenticator() { return auth::Authenticator(path, clock, options); }

    std::unique_ptr<auth::Session> login(auth::Authenticator& authenticator,
                                         const QString& user = QStringLiteral("admin"), const QByteArray& password = {})
    {
        auto session = authenticator.login(user, password.isEmpty() ? adminPassword : password);
        if (!session)
            FAIL("login failed: " << session.error().detail.toStdString());
        return std::move(*session);
    }

    QString slotPath() const { return store::KeySlotFile::pathFor(path); }
};

/// A registration with every field filled, names outside the BMP and with the middle dot, a guardian, an
/// organisation, and distinct media.
inline registration::Registration fullRegistration(const QString& clerk, int variant = 0)
{
    using namespace registration;
    Registration r;
    r.clerk = clerk;
    r.customerType = CustomerType::Minor;
    IdentityDocument customer;
    customer.type = DocumentType::ResidentId;
    customer.name = QStringLiteral("阿依古丽·买买提𠮷");
    customer.sexCode = QStringLiteral("2");
    customer.nationCode = QStringLiteral("05");
    customer.birthDate = QDate(2012, 3, 4);
    customer.address = QStringLiteral("新疆维吾尔自治区乌鲁木齐市天山区解放南路36号𠮷楼");
    customer.appendedAddress = QStringLiteral("迁入上海市徐汇区");
    customer.number =
        QStringLiteral("65010220120304002") + QChar(identity::residentIdCheckCharacter(u"65010220120304002"));
    customer.authority = QStringLiteral("乌鲁木齐市公安局天山区分局");
    customer.validFrom = QDate(2022, 1, 1);
    customer.validTo = QDate(2027, 1, 1);
    customer.nationality = QStringLiteral("CHN");
    customer.cardVersion = QStringLiteral("01");
    IdentityDocument guardian = customer;
    guardian.name = QStringLiteral("𠮷田·买买提");
    guardian.birthDate = QDate(1980, 5, 6);
    guardian.number =
        QStringLiteral("65010219800506003") + QChar(identity::residentIdCheckCharacter(u"65010219800506003"));
    guardian.validTo = {};
    guardian.validToLongTerm = true;
    r.documents = {{DocumentRole::Customer, customer}, {DocumentRole::Guardian, guardian}};
    r.organisation = Organisation{QStringLiteral("91350100M000100Y43"), QStringLiteral("示例科技有限公司")};
    r.face = {FaceBand::ManualReview, 0.57, 0.6, LivenessResult::Live, 0.93, 0.81, QStringLiteral("manager"), 78};
    r.media = {
        {MediaItem::Kind::ChipPhoto,
         {},
         QStringLiteral("image/jpeg"),
         store::DemoDataGenerator::drawPhoto(variant, 102, 126, 4000)},
        {MediaItem::Kind::LivePhoto,
         {},
         QStringLiteral("image/jpeg"),
         store::DemoDataGenerator::drawPhoto(variant + 1, 480, 640, 20480)},
        {MediaItem::Kind::Signature, {}, QStringLiteral("image/png"), store::DemoDataGenerator::drawSignature(variant)},
        {MediaItem::Kind::Attachment, QStringLiteral("authorisation_letter"), QStringLiteral("application/pdf"),
         QByteArray("%PDF-1.4 letter ") + QByteArray::number(variant)},
    };
    r.packageId = QStringLiteral("P-58");
    r.number = QStringLiteral("13800138000");
    r.iccid = QStringLiteral("89860012345678901234");
    return r;
}

} // namespace shiming::testing
