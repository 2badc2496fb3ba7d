#include "core/face/ModelManifest.h"

#include "core/common/Logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

static void initFaceResources()
{
    Q_INIT_RESOURCE(face_manifest);
}

namespace shiming::face {

QStringList requiredModelRoles()
{
    return {u"detector"_s, u"landmarks"_s, u"embedding"_s};
}

const ModelSpec* ModelManifest::find(const QString& role) const
{
    for (const ModelSpec& spec : models) {
        if (spec.role == role)
            return &spec;
    }
    return nullptr;
}

Result<ModelManifest> ModelManifest::parse(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(Error::invalidInput(u"model manifest is not a JSON object"_s));
    const QJsonObject root = document.object();
    ModelManifest manifest;
    manifest.package = root.value(u"package"_s).toString();
    const QJsonArray models = root.value(u"models"_s).toArray();
    for (const QJsonValue& value : models) {
        const QJsonObject object = value.toObject();
        ModelSpec spec;
        spec.role = object.value(u"role"_s).toString();
        spec.kind = object.value(u"kind"_s).toString();
        spec.file = object.value(u"file"_s).toString();
        spec.sha256 = object.value(u"sha256"_s).toString().toLower();
        const QJsonObject input = object.value(u"input"_s).toObject();
        spec.inputWidth = input.value(u"width"_s).toInt();
        spec.inputHeight = input.value(u"height"_s).toInt();
        spec.inputChannels = input.value(u"channels"_s).toInt(3);
        spec.rgb = input.value(u"order"_s).toString(u"RGB"_s) != u"BGR"_s;
        const QJsonObject normalisation = object.value(u"normalisation"_s).toObject();
        spec.mean = normalisation.value(u"mean"_s).toDouble(0.0);
        spec.scale = normalisation.value(u"scale"_s).toDouble(1.0);
        spec.source = object.value(u"source"_s).toString();
        spec.licence = object.value(u"licence"_s).toString();
        if (spec.role.isEmpty() || spec.kind.isEmpty() || spec.file.isEmpty() || spec.file.contains(u'/') ||
            spec.file.contains(u'\\') || spec.sha256.size() != 64 || spec.inputWidth <= 0 || spec.inputHeight <= 0 ||
            spec.inputWidth > 4096 || spec.inputHeight > 4096 || (spec.inputChannels != 1 && spec.inputChannels != 3))
            return fail(Error::invalidInput(u"model manifest entry %1 is incomplete or invalid"_s.arg(spec.role)));
        manifest.models.append(spec);
    }
    for (const QString& role : requiredModelRoles()) {
        if (!manifest.find(role))
            return fail(Error::invalidInput(u"model manifest lacks the %1 model"_s.arg(role)));
    }
    return manifest;
}

ModelManifest ModelManifest::builtIn()
{
    initFaceResources();
    QFile file(u":/shiming/face/manifest.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the built-in face model manifest is missing from the resources");
    auto manifest = parse(file.readAll());
    if (!manifest)
        qFatal("the built-in face model manifest is invalid");
    return *manifest;
}

Result<QList<LocatedModel>> locateModels(const QStringList& dirs, const ModelManifest& builtInManifest)
{
    ModelManifest manifest = builtInManifest;
    for (const QString& dir : dirs) {
        QFile override(QDir(dir).filePath(u"manifest.json"_s));
        if (!override.exists())
            continue;
        if (!override.open(QIODevice::ReadOnly))
            continue;
        auto parsed = ModelManifest::parse(override.readAll());
        if (!parsed)
            return fail(parsed.error());
        qCInfo(lcFace) << "using the model manifest in" << dir;
        manifest = *parsed;
        break;
    }

    QList<LocatedModel> located;
    for (const ModelSpec& spec : std::as_const(manifest.models)) {
        QString path;
        for (const QString& dir : dirs) {
            const QString candidate = QDir(dir).filePath(spec.file);
            if (QFile::exists(candidate)) {
                path = candidate;
                break;
            }
        }
        if (path.isEmpty()) {
            if (spec.role == u"liveness"_s)
                continue; // optional: comparison works without it
            return fail(Error::notFound(u"face model %1 (%2) not found"_s.arg(spec.file, spec.role)));
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error::notFound(u"face model %1 cannot be read"_s.arg(spec.file)));
        LocatedModel model{spec, path, file.readAll()};
        const QByteArray sum = QCryptographicHash::hash(model.bytes, QCryptographicHash::Sha256).toHex();
        if (QString::fromLatin1(sum) != spec.sha256)
            return fail(Error::invalidInput(u"face model %1 does not match its sha256 checksum"_s.arg(spec.file)));
        located.append(std::move(model));
    }
    return located;
}

} // namespace shiming::face
