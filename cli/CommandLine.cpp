#include "cli/CommandLine.h"

#include <QFile>

#include <cstdio>
#include <iostream>
#include <string>

using namespace Qt::StringLiterals;

namespace shiming::cli {

static void printUsage(const QString& program, const QList<Command>& commands, const Io& io)
{
    QString text = u"usage: "_s + program + u" COMMAND [ARGS...]\n\ncommands:\n"_s;
    for (const Command& command : commands)
        text += u"  "_s + command.name.leftJustified(12) + command.summary + u"\n"_s;
    text += u"\nRun `"_s + program + u" COMMAND --help` for a command's options; `"_s + program +
            u" --version` for the version."_s;
    io.error(text);
}

int runCommandLine(const QList<Command>& commands, const QStringList& args, const Io& io, const QString& program)
{
    if (args.isEmpty() || args.first() == u"--help"_s || args.first() == u"-h"_s) {
        printUsage(program, commands, io);
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == u"--version"_s) {
        io.print(program + u" "_s + QStringLiteral(SHIMING_VERSION));
        return ExitOk;
    }
    for (const Command& command : commands) {
        if (command.name == args.first())
            return command.run(args.mid(1), io);
    }
    io.error(u"%1: unknown command '%2'"_s.arg(program, args.first()));
    printUsage(program, commands, io);
    return ExitUsage;
}

Io processIo()
{
    Io io;
    io.out = [](const QByteArray& bytes) {
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        std::fflush(stdout);
    };
    io.err = [](const QByteArray& bytes) {
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
        std::fflush(stderr);
    };
    io.readStdin = []() {
        std::string line;
        std::getline(std::cin, line);
        return QByteArray::fromStdString(line);
    };
    return io;
}

QByteArray readSecret(const QString& passwordFile, const Io& io, QString* errorMessage)
{
    QByteArray secret;
    if (!passwordFile.isEmpty()) {
        QFile file(passwordFile);
        if (!file.open(QIODevice::ReadOnly)) {
            if (errorMessage)
                *errorMessage = u"cannot read the password file: %1"_s.arg(file.errorString());
            return {};
        }
        secret = file.readLine();
    } else {
        secret = io.readStdin();
    }
    while (secret.endsWith('\n') || secret.endsWith('\r'))
        secret.chop(1);
    if (secret.isEmpty() && errorMessage)
        *errorMessage = u"no password given (stdin or --password-file)"_s;
    return secret;
}

int failWith(const Io& io, const Error& error)
{
    io.error(u"error: %1"_s.arg(error.detail));
    return ExitFailure;
}

} // namespace shiming::cli
