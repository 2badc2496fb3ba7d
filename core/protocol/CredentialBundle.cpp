#include "core/protocol/CredentialBundle.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace shiming::protocol {

namespace {
constexpr auto kFormat = "shiming-outlet-bundle/1";
}

QByteArray CredentialBundle::toJson() const
{
    QJsonObject object;
    object.insert(u"format"_s, QString::fromLatin1(kFormat));
    object.insert(u"outlet"_s, outletId);
    object.insert(u"certificate"_s, QString::fromLatin1(certificatePem));
    object.insert(u"privateKey"_s, QString::fromLatin1(privateKeyPem));
    object.insert(u"caCertificate"_s, QString::fromLatin1(caCertificatePem));
    object.insert(u"requestKey"_s, QString::fromLatin1(requestKey.toBase64()));
    object.insert(u"identityKey"_s, QString::fromLatin1(identityKey.toBase64()));
    object.insert(u"serial"_s, serial);
    if (!hqUrl.isEmpty())
        object.insert(u"hq"_s, hqUrl);
    // Optional keys (the format stays /1): older readers ignore them, and their absence means counter 1.
    if (!hall.isEmpty()) {
        object.insert(u"hall"_s, hall);
        object.insert(u"counter"_s, counter);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

Result<CredentialBundle> CredentialBundle::fromJson(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return fail(Error::invalidInput(u"bundle is not a JSON object"_s));
    const QJsonObject object = document.object();
    if (object.value(u"format"_s).toString() != QLatin1StringView(kFormat))
        return fail(Error::invalidInput(u"bundle format not recognised"_s));
    CredentialBundle bundle;
    bundle.outletId = object.value(u"outlet"_s).toString();
    bundle.certificatePem = object.value(u"certificate"_s).toString().toLatin1();
    bundle.privateKeyPem = object.value(u"privateKey"_s).toString().toLatin1();
    bundle.caCertificatePem = object.value(u"caCertificate"_s).toString().toLatin1();
    bundle.requestKey = QByteArray::fromBase64(object.value(u"requestKey"_s).toString().toLatin1());
    bundle.identityKey = QByteArray::fromBase64(object.value(u"identityKey"_s).toString().toLatin1());
    bundle.serial = object.value(u"serial"_s).toString();
    bundle.hqUrl = object.value(u"hq"_s).toString();
    bundle.hall = object.value(u"hall"_s).toString();
    bundle.counter = object.value(u"counter"_s).toInt(1);
    if (bundle.hall.isEmpty()) {
        bundle.hall = bundle.outletId;
        bundle.counter = 1;
    }
    if (bundle.counter < 1 || bundle.counter > 99)
        return fail(Error::invalidInput(u"bundle counter out of range"_s));
    if (bundle.outletId.isEmpty() || bundle.certificatePem.isEmpty() || bundle.privateKeyPem.isEmpty() ||
        bundle.caCertificatePem.isEmpty() || bundle.requestKey.size() < 16)
        return fail(Error::invalidInput(u"bundle incomplete"_s));
    return bundle;
}

Result<CredentialBundle> CredentialBundle::readFile(const QString& path)
{
    constexpr qint64 kMaxBytes = 1 << 20;
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return fail(Error::notFound(u"cannot read the bundle file: %1"_s.arg(file.errorString())));
    const QByteArray json = file.read(kMaxBytes + 1);
    if (json.size() > kMaxBytes)
        return fail(Error::invalidInput(u"the bundle file is larger than 1 MiB"_s));
    return fromJson(json);
}

bool isValidOutletId(QStringView id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'.' ||
                        u == u'_' || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace shiming::protocol
