#pragma once

#include "cli/CommandLine.h"
#include "core/common/Error.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <expected>

namespace shiming::cli {

/// What one command accepts. Every command of shimingctl and shiming-hq declares one, so they all read
/// `--name VALUE`, `--name=VALUE`, flags, `--` and `--help` the same way and fail with the same messages.
struct OptionSpec {
    /// Printed after "usage: " on a command-line error (stderr) and on --help (stdout).
    QString usage;
    /// Options that take a value, with their dashes: {"--db", "--user"}. Given twice, value() is the last.
    QStringList values;
    /// Options without a value: {"--json"}.
    QStringList flags;
    /// Value options that must be given (and not empty); a missing one fails with "missing --db".
    QStringList required = {};
    /// How many positional arguments the command takes at most; AnyNumber leaves the check to the command.
    qsizetype maxPositional = 0;

    static constexpr qsizetype AnyNumber = -1;
};

/// A command line parsed against an OptionSpec.
class Options {
public:
    /// Parses `args` (the command's own arguments). Fails with Error::InvalidInput whose detail is the message
    /// for the user: "unknown option --x", "option --db needs a value", "unexpected argument x", "missing --db".
    /// `--help` and `-h` are always accepted and set helpRequested(); `--` ends the options; `-` is positional.
    static Result<Options> parse(const QStringList& args, const OptionSpec& spec);

    QString value(const QString& name, const QString& fallback = {}) const;
    /// Every value given for `name`, in command-line order.
    QStringList values(const QString& name) const;
    /// True when the value option was given at all (even as an empty string).
    bool has(const QString& name) const;
    bool flag(const QString& name) const;
    const QStringList& positional() const { return m_positional; }
    bool helpRequested() const { return m_help; }

    /// Prints `message` (when given) and the usage to stderr, and returns ExitUsage: for the checks a command
    /// makes after parsing (a date that is not a date, two exclusive options).
    int usageError(const Io& io, const QString& message = {}) const;
    /// Prints the usage to stdout and returns ExitOk (the answer to --help).
    int printHelp(const Io& io) const;

private:
    QString m_usage;
    QList<QPair<QString, QString>> m_values;
    QStringList m_flags;
    QStringList m_positional;
    bool m_help = false;
};

/// Parses `args` for a command and deals with what ends it at once: on --help prints the usage to stdout, on an
/// error prints the message and the usage to stderr. Either way the unexpected value is the exit status to
/// return (ExitOk or ExitUsage).
std::expected<Options, int> parseCommand(const QStringList& args, const OptionSpec& spec, const Io& io);

/// Prints "usage: TEXT" to stderr and returns ExitUsage, for a command that failed before it could parse
/// (an unknown subcommand).
int usageError(const Io& io, const QString& usage);

} // namespace shiming::cli
