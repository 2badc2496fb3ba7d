#include "cli/Options.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shiming::cli {

Result<Options> Options::parse(const QStringList& args, const OptionSpec& spec)
{
    Options options;
    options.m_usage = spec.usage;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (optionsEnded || arg == u"-"_s || !arg.startsWith(u'-')) {
            options.m_positional.append(arg);
            continue;
        }
        if (arg == u"--"_s) {
            optionsEnded = true;
            continue;
        }
        if (arg == u"--help"_s || arg == u"-h"_s) {
            options.m_help = true;
            continue;
        }
        const qsizetype equals = arg.indexOf(u'=');
        const QString name = equals < 0 ? arg : arg.first(equals);
        if (spec.values.contains(name)) {
            if (equals >= 0)
                options.m_values.append({name, arg.sliced(equals + 1)});
            else if (i + 1 < args.size())
                options.m_values.append({name, args.at(++i)});
            else
                return fail(Error::invalidInput(u"option %1 needs a value"_s.arg(name)));
        } else if (spec.flags.contains(name)) {
            if (equals >= 0)
                return fail(Error::invalidInput(u"option %1 takes no value"_s.arg(name)));
            options.m_flags.append(name);
        } else {
            return fail(Error::invalidInput(u"unknown option %1"_s.arg(name)));
        }
    }
    if (options.m_help)
        return options; // --help answers even an otherwise incomplete command line
    if (spec.maxPositional != OptionSpec::AnyNumber && options.m_positional.size() > spec.maxPositional)
        return fail(Error::invalidInput(u"unexpected argument %1"_s.arg(options.m_positional.at(spec.maxPositional))));
    for (const QString& name : spec.required) {
        if (options.value(name).isEmpty())
            return fail(Error::invalidInput(u"missing %1"_s.arg(name)));
    }
    return options;
}

QString Options::value(const QString& name, const QString& fallback) const
{
    for (auto it = m_values.crbegin(); it != m_values.crend(); ++it) {
        if (it->first == name)
            return it->second;
    }
    return fallback;
}

QStringList Options::values(const QString& name) const
{
    QStringList list;
    for (const auto& [key, value] : m_values) {
        if (key == name)
            list.append(value);
    }
    return list;
}

bool Options::has(const QString& name) const
{
    return std::ranges::any_of(m_values, [&](const auto& entry) { return entry.first == name; });
}

bool Options::flag(const QString& name) const
{
    return m_flags.contains(name);
}

int Options::usageError(const Io& io, const QString& message) const
{
    if (!message.isEmpty())
        io.error(message);
    return cli::usageError(io, m_usage);
}

int Options::printHelp(const Io& io) const
{
    io.print(u"usage: "_s + m_usage);
    return ExitOk;
}

std::expected<Options, int> parseCommand(const QStringList& args, const OptionSpec& spec, const Io& io)
{
    auto options = Options::parse(args, spec);
    if (!options) {
        io.error(options.error().detail);
        return std::unexpected(usageError(io, spec.usage));
    }
    if (options->helpRequested())
        return std::unexpected(options->printHelp(io));
    return *std::move(options);
}

int usageError(const Io& io, const QString& usage)
{
    io.error(u"usage: "_s + usage);
    return ExitUsage;
}

} // namespace shiming::cli
