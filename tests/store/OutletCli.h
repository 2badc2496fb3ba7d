#pragma once
// Runs a shimingctl outlet command in-process with stdin given line by line (each prompt reads the next line).

#include "cli/OutletCommands.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace shiming::testing {

struct Run {
    int status = -1;
    QByteArray out;
    QByteArray err;
};

inline Run run(const QStringList& args, const QByteArray& stdinText)
{
    Run result;
    QList<QByteArray> lines = stdinText.split('\n');
    cli::Io io{[&](const QByteArray& b) { result.out += b; }, [&](const QByteArray& b) { result.err += b; },
               [&]() {
                   return lines.isEmpty() ? QByteArray() : lines.takeFirst();
               }};
    result.status = cli::runCommandLine(cli::outletCommands(), args, io);
    return result;
}

} // namespace shiming::testing
