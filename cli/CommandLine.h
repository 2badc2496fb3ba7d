#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;

namespace shiming::cli {

/// Exit statuses every command keeps: 0 success, 1 the thing checked failed (invalid document, reader error,
/// wrong password, failed check), 2 the command line itself was wrong.
enum ExitStatus { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

/// Where a command writes and reads; tests pass buffers, main() passes stdout, stderr and stdin.
struct Io {
    std::function<void(const QByteArray&)> out;
    std::function<void(const QByteArray&)> err;
    std::function<QByteArray()> readStdin;

    void print(const QString& text) const { out(text.toUtf8() + '\n'); }
    void error(const QString& text) const { err(text.toUtf8() + '\n'); }
};

/// One `shimingctl` subcommand. `args` excludes the program and the command name.
struct Command {
    QString name;
    QString summary;
    std::function<int(const QStringList& args, const Io& io)> run;
};

/// Dispatches `args` (without the program name) to the matching command; prints usage on no or unknown
/// command and returns ExitUsage; `--version` prints "<program> <version>". `program` names the program in
/// what it prints (shimingctl, shiming-hq).
int runCommandLine(const QList<Command>& commands, const QStringList& args, const Io& io,
                   const QString& program = QStringLiteral("shimingctl"));

/// Io bound to the process's stdout, stderr and stdin.
Io processIo();

/// Reads a secret for a command: from --password-file FILE when given, otherwise the first line of stdin.
/// Never from the command line. Trailing CR/LF are removed.
QByteArray readSecret(const QString& passwordFile, const Io& io, QString* errorMessage);

/// Prints "error: DETAIL" to stderr and returns ExitFailure: how a command reports the thing it did failing.
int failWith(const Io& io, const Error& error);

} // namespace shiming::cli
