#include "hq/HqState.h"

#include <QDir>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace shiming::hq {

namespace {

constexpr int kCaDays = 3650;
constexpr int kServerDays = 825;

Result<QByteArray> readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::notFound(u"cannot read %1"_s.arg(QDir(path).dirName())));
    return file.readAll();
}

Result<void> writeSecretFile(const QString& path, const QByteArray& data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(Error::storageFailure(u"cannot write %1"_s.arg(path)));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(data);
    if (!file.commit())
        return fail(Error::storageFailure(u"cannot write %1"_s.arg(path)));
    return {};
}

QByteArray randomKey()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(key.data()),
                                         reinterpret_cast<quint32*>(key.data() + key.size()));
    return key;
}

} // namespace

QString HqState::caCertificatePath() const
{
    return m_directory + u"/ca.crt"_s;
}

QString HqState::serverCertificatePath() const
{
    return m_directory + u"/server.crt"_s;
}

QString HqState::serverKeyPath() const
{
    return m_directory + u"/server.key"_s;
}

Result<HqState> HqState::initialise(const QString& directory, const QStringList& serverNames)
{
    QDir dir(directory);
    if (!dir.exists() && !QDir().mkpath(directory))
        return fail(Error::storageFailure(u"cannot create the state directory"_s));
    QFile::setPermissions(directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const auto path = [&](const char* name) {
        return dir.filePath(QString::fromLatin1(name));
    };

    if (!QFile::exists(path("ca.key"))) {
        auto ca = pki::createCa(u"Shiming HQ CA"_s, kCaDays);
        if (!ca)
            return fail(ca.error());
        if (auto r = writeSecretFile(path("ca.key"), ca->keyPem); !r)
            return fail(r.error());
        if (auto r = writeSecretFile(path("ca.crt"), ca->certificatePem); !r)
            return fail(r.error());
        QFile::remove(path("server.key")); // a server certificate from an older CA is useless
    }
    for (const char* name : {"master.key", "identity.key"}) {
        if (!QFile::exists(path(name))) {
            if (auto r = writeSecretFile(path(name), randomKey().toBase64()); !r)
                return fail(r.error());
        }
    }
    if (!QFile::exists(path("server.key"))) {
        auto loaded = load(directory);
        if (!loaded)
            return fail(loaded.error());
        auto server = pki::issueServer(loaded->m_ca, serverNames, kServerDays);
        if (!server)
            return fail(server.error());
        if (auto r = writeSecretFile(path("server.key"), server->keyPem); !r)
            return fail(r.error());
        if (auto r = writeSecretFile(path("server.crt"), server->certificatePem); !r)
            return fail(r.error());
    }
    return load(directory);
}

Result<HqState> HqState::load(const QString& directory)
{
    HqState state;
    state.m_directory = QDir(directory).absolutePath();
    const QDir dir(directory);
    auto caKey = readFile(dir.filePath(u"ca.key"_s));
    auto caCert = readFile(dir.filePath(u"ca.crt"_s));
    auto master = readFile(dir.filePath(u"master.key"_s));
    auto identity = readFile(dir.filePath(u"identity.key"_s));
    if (!caKey || !caCert || !master || !identity)
        return fail(Error::notFound(u"state directory incomplete; run shiming-hq init"_s));
    state.m_ca = {*caKey, *caCert, QString()};
    if (!QFile::exists(state.serverKeyPath()) && QFile::exists(dir.filePath(u"server.crt"_s)))
        return fail(Error::notFound(u"server key missing; run shiming-hq init"_s));
    state.m_masterKey = QByteArray::fromBase64(master->trimmed());
    state.m_identityKey = QByteArray::fromBase64(identity->trimmed());
    if (state.m_masterKey.size() < 32 || state.m_identityKey.size() < 32)
        return fail(Error::invalidInput(u"state keys malformed"_s));
    return state;
}

QByteArray HqState::requestKey(const QString& outletId, const QString& serialHex) const
{
    const QByteArray message = "request-key\n" + outletId.toUtf8() + '\n' + serialHex.toLower().toLatin1();
    return QMessageAuthenticationCode::hash(message, m_masterKey, QCryptographicHash::Sha256);
}

} // namespace shiming::hq
