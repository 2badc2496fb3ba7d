#include "StoreTestSupport.h"

#include <QDir>
#include <QProcess>

#include <sys/mount.h>

using namespace shiming;
using namespace shiming::testing;
using namespace Qt::StringLiterals;

// A 2 MiB tmpfs: small enough to fill in a moment. Needs mount permission (root in a container that allows it);
// skips with a clear message otherwise.
TEST_CASE("Disk full: the commit fails clearly, the database stays intact, work resumes once space is freed", "[store]")
{
    QTemporaryDir mountPoint;
    const QByteArray target = QFile::encodeName(mountPoint.path());
    if (::mount("shiming-test", target.constData(), "tmpfs", 0, "size=2m") != 0) {
        WARN("disk-full test skipped: cannot mount a 2 MiB tmpfs here (" << std::strerror(errno) << ")");
        return;
    }
    struct Unmount {
        QByteArray target;
        ~Unmount() { ::umount2(target.constData(), MNT_DETACH); }
    } unmount{target};

    TestOutlet outlet(mountPoint.path());
    // A filler file stands for "other files on the disk"; deleting it later frees space.
    const QString filler = mountPoint.filePath(u"filler"_s);
    {
        QFile file(filler);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(512 * 1024, 'f'));
    }
    auto authenticator = outlet.authenticator();
    auto session = outlet.login(authenticator);
    auto& registrations = session->store().registrations();
    int committed = 0;
    std::optional<Error> failure;
    for (int i = 0; i < 400 && !failure; ++i) {
        auto r = registrations.commit(fullRegistration(u"admin"_s, i * 3));
        if (r)
            ++committed;
        else
            failure = r.error();
    }
    REQUIRE(failure.has_value());
    INFO(failure->detail.toStdString());
    CHECK(failure->code == Error::Code::StorageFailure);
    CHECK(failure->detail.contains(u"disk full"_s));
    CHECK(committed > 3);
    // Intact: exactly the committed records, every check passes.
    CHECK(registrations.count().value() == committed);
    CHECK(session->store().outbox().queueLength().value() == committed);
    auto check = session->store().check();
    REQUIRE(check.has_value());
    for (const auto& item : check->items) {
        INFO(item.name.toStdString() << ": " << item.detail.toStdString());
        CHECK(item.ok);
    }
    // Space freed: work resumes in the same session, and the database reopens cleanly.
    REQUIRE(QFile::remove(filler));
    auto resumed = registrations.commit(fullRegistration(u"admin"_s, 9999));
    INFO((resumed ? std::string() : resumed.error().detail.toStdString()));
    REQUIRE(resumed.has_value());
    session.reset();
    auto reopened = outlet.login(authenticator);
    CHECK(reopened->store().registrations().count().value() == committed + 1);
    CHECK(reopened->store().check()->ok());
}
