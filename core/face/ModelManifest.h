#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace shiming::face {

/// One model file as the manifest describes it: what it is for, which implementation runs it, how its input is
/// prepared, where it came from and under which licence. Swapping a model means editing the manifest, not code,
/// as long as an implementation of that `kind` exists.
struct ModelSpec {
    QString role; ///< "detector", "landmarks", "embedding", "liveness"
    QString kind; ///< implementation id, e.g. "ultraface-rfb-320"
    QString file; ///< file name inside a model directory
    QString sha256;
    int inputWidth = 0;
    int inputHeight = 0;
    int inputChannels = 3;
    bool rgb = true;    ///< channel order fed to the network
    double mean = 0.0;  ///< subtracted from each 0–255 pixel value
    double scale = 1.0; ///< then multiplied by this
    QString source;
    QString licence;
};

/// The list of models the face pipeline needs, read from resources/models/manifest.json.
struct ModelManifest {
    QString package;
    QList<ModelSpec> models;

    const ModelSpec* find(const QString& role) const;

    /// Parses the manifest JSON; fails on malformed JSON, a missing role or an invalid field.
    static Result<ModelManifest> parse(const QByteArray& json);
    /// The manifest compiled into the library (resources/models/manifest.json).
    static ModelManifest builtIn();
};

/// A model file found on disk and checked against the manifest's sha256.
struct LocatedModel {
    ModelSpec spec;
    QString path;
    QByteArray bytes;
};

/// Finds every model of the manifest in the first directory of `dirs` that holds it, reads it and checks its
/// sha256. A directory holding its own manifest.json overrides the built-in one. Fails with NotFound when a
/// model is missing and InvalidInput when a file does not match its checksum.
Result<QList<LocatedModel>> locateModels(const QStringList& dirs, const ModelManifest& manifest);

/// The roles the comparison needs; liveness is optional.
QStringList requiredModelRoles();

} // namespace shiming::face
