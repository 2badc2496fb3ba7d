#include "FaceTestSupport.h"

#include "core/face/FaceEngine.h"
#include "core/face/FaceIssue.h"
#include "core/face/ModelManifest.h"

#include <QCryptographicHash>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::face;

namespace {

void copyModels(const QString& to)
{
    const QDir from(facetest::modelsDir());
    for (const QString& name : from.entryList({u"*.onnx"_s}, QDir::Files))
        REQUIRE(QFile::copy(from.filePath(name), QDir(to).filePath(name)));
}

} // namespace

TEST_CASE("The built-in manifest names every model with its checksum, input and licence", "[face]")
{
    const ModelManifest manifest = ModelManifest::builtIn();
    for (const QString& role : {u"detector"_s, u"landmarks"_s, u"embedding"_s, u"liveness"_s}) {
        const ModelSpec* spec = manifest.find(role);
        REQUIRE(spec != nullptr);
        CHECK(spec->sha256.size() == 64);
        CHECK(spec->inputWidth > 0);
        CHECK_FALSE(spec->source.isEmpty());
        CHECK_FALSE(spec->licence.isEmpty());
        // The manifest agrees with the files the setup script installed.
        QFile file(QDir(facetest::modelsDir()).filePath(spec->file));
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK(QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()) ==
              spec->sha256);
    }
    CHECK(manifest.find(u"detector"_s)->inputWidth == 320);
    CHECK(manifest.find(u"embedding"_s)->inputHeight == 112);
}

TEST_CASE("Malformed manifests are refused", "[face]")
{
    CHECK_FALSE(ModelManifest::parse("").has_value());
    CHECK_FALSE(ModelManifest::parse("[1,2,3]").has_value());
    CHECK_FALSE(ModelManifest::parse("{\"models\": []}").has_value()); // no detector
    const QByteArray traversal = R"({"models": [{"role": "detector", "kind": "ultraface-rfb-320",
        "file": "../../etc/passwd", "sha256": "6c0256ccd3164f844736a401faf936ec2930764a87ae39442180887d0c5c8854",
        "input": {"width": 320, "height": 240}}]})";
    CHECK_FALSE(ModelManifest::parse(traversal).has_value());
    const QByteArray hugeInput = R"({"models": [{"role": "detector", "kind": "ultraface-rfb-320",
        "file": "a.onnx", "sha256": "6c0256ccd3164f844736a401faf936ec2930764a87ae39442180887d0c5c8854",
        "input": {"width": 100000, "height": 240}}]})";
    CHECK_FALSE(ModelManifest::parse(hugeInput).has_value());
}

TEST_CASE("Without models, face comparison reports itself unavailable", "[face]")
{
    QTemporaryDir empty;
    REQUIRE(empty.isValid());
    auto engine = FaceEngine::load({empty.path()});
    REQUIRE_FALSE(engine.has_value());
    CHECK(faceIssueOf(engine.error()) == FaceIssue::ModelsUnavailable);
    CHECK(engine.error().code == Error::Code::NotFound);
    CHECK(engine.error().detail.contains(u"face comparison unavailable"_s));
    CHECK(engine.error().detail.contains(u"fr_detect.onnx"_s));
}

TEST_CASE("A model that does not match its checksum is refused", "[face]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    copyModels(dir.path());
    QFile model(dir.filePath(u"fr_feature.onnx"_s));
    REQUIRE(model.open(QIODevice::ReadWrite));
    model.seek(model.size() / 2);
    model.write("tampered");
    model.close();
    auto engine = FaceEngine::load({dir.path()});
    REQUIRE_FALSE(engine.has_value());
    CHECK(faceIssueOf(engine.error()) == FaceIssue::ModelsUnavailable);
    CHECK(engine.error().detail.contains(u"sha256"_s));
}

TEST_CASE("Models load from a copied folder, and the liveness model is optional", "[face]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    copyModels(dir.path());
    REQUIRE(QFile::remove(dir.filePath(u"fr_liveness.onnx"_s)));
    auto engine = FaceEngine::load({dir.path()});
    REQUIRE(engine.has_value());
    CHECK_FALSE((*engine)->hasLiveness());
    CHECK((*engine)->loadMilliseconds() > 0.0);
}

TEST_CASE("A manifest in the model folder overrides the built-in one", "[face]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    copyModels(dir.path());
    // Names a model kind this build has no implementation for: loading must say so, not crash.
    QFile builtIn(u":/shiming/face/manifest.json"_s);
    ModelManifest::builtIn(); // registers the resource
    REQUIRE(builtIn.open(QIODevice::ReadOnly));
    QByteArray json = builtIn.readAll();
    json.replace("\"arcface-112\"", "\"some-future-embedder\"");
    facetest::writeFile(dir.filePath(u"manifest.json"_s), json);
    auto engine = FaceEngine::load({dir.path()});
    REQUIRE_FALSE(engine.has_value());
    CHECK(faceIssueOf(engine.error()) == FaceIssue::ModelsUnavailable);
    CHECK(engine.error().detail.contains(u"kind"_s));
}
