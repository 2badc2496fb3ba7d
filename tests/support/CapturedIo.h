#pragma once

#include "cli/CommandLine.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace shiming::testing {

/// A command's stdout and stderr caught in memory, and what it reads as stdin: runs a shimingctl or shiming-hq
/// command in-process through the injectable cli::Io.
struct CapturedIo {
    QByteArray out;
    QByteArray err;
    QByteArray in;

    cli::Io io()
    {
        return {[this](const QByteArray& bytes) { out += bytes; }, [this](const QByteArray& bytes) { err += bytes; },
                [this] {
                    return in;
                }};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace shiming::testing
