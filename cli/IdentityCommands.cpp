#include "cli/IdentityCommands.h"

#include "cli/Options.h"
#include "core/common/Clock.h"
#include "core/common/Json.h"
#include "core/identity/Validators.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace shiming::cli {

namespace {

const QString kTypes = u"auto, resident-id, temporary-resident-id, household-register, residence-permit, "
                       u"foreign-permanent, hkmo-permit, tw-permit, mrz (or passport), uscc, iccid, mobile"_s;

QString usage()
{
    return u"shimingctl validate [--type TYPE] VALUE [--json] [--today YYYY-MM-DD]\n"
           u"  TYPE: "_s +
           kTypes +
           u" (default auto)\n"
           u"  VALUE '-' reads the value from stdin. MRZ lines are separated by newline or '|'.\n"
           u"  exit status: 0 valid, 1 invalid, 2 usage error"_s;
}

QString fieldText(const QVariant& value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? u"true"_s : u"false"_s;
    return value.toString();
}

} // namespace

int runValidateCommand(const QStringList& args, const Io& io)
{
    const auto options =
        parseCommand(args, {usage(), {u"--type"_s, u"--today"_s}, {u"--json"_s}, {}, OptionSpec::AnyNumber}, io);
    if (!options)
        return options.error();
    const QString typeName = options->value(u"--type"_s, u"auto"_s);
    const QString todayText = options->value(u"--today"_s);
    const bool json = options->flag(u"--json"_s);
    const QStringList& values = options->positional();
    if (values.size() != 1)
        return options->usageError(io, values.isEmpty() ? u"validate: no VALUE given"_s
                                                        : u"validate: more than one VALUE given (quote the MRZ)"_s);

    std::optional<DocumentType> type;
    if (typeName.compare(u"auto", Qt::CaseInsensitive) != 0) {
        type = parseDocumentType(typeName);
        if (!type)
            return options->usageError(io, u"validate: unknown type '%1'; one of: %2"_s.arg(typeName, kTypes));
    }
    QDate today = SystemClock().today();
    if (!todayText.isEmpty()) {
        today = QDate::fromString(todayText, Qt::ISODate);
        if (!today.isValid())
            return options->usageError(io, u"validate: --today needs a date as YYYY-MM-DD"_s);
    }
    QString value = values.first();
    if (value == u"-") {
        QByteArray input = io.readStdin ? io.readStdin() : QByteArray();
        while (input.endsWith('\n') || input.endsWith('\r'))
            input.chop(1);
        value = QString::fromUtf8(input);
    }

    const ValidationResult result = type ? validate(*type, value, today) : validateAuto(value, today);
    if (json) {
        QJsonObject object = validationResultToJson(result);
        if (!type && (result.hasError(identity::codes::Empty) || result.hasError(identity::codes::TooLong)))
            object.insert(u"type"_s, u"unknown"_s);
        io.out(compactJson(object) + '\n');
    } else {
        const bool unknown =
            !type && (result.hasError(identity::codes::Unrecognized) || result.hasError(identity::codes::Empty) ||
                      result.hasError(identity::codes::TooLong));
        io.print(u"%1: %2"_s.arg(unknown ? u"unknown"_s : documentTypeKey(result.type),
                                 result.valid() ? u"valid"_s : u"invalid"_s));
        if (!result.normalized.isEmpty())
            io.print(u"normalized: "_s + QString(result.normalized).replace(u'\n', u'|'));
        for (auto it = result.fields.cbegin(); it != result.fields.cend(); ++it)
            io.print(u"  "_s + it.key() + u": "_s + fieldText(it.value()));
        for (const auto& issue : result.errors)
            io.print(u"error %1: %2"_s.arg(issue.code, issue.message));
        for (const auto& issue : result.warnings)
            io.print(u"warning %1: %2"_s.arg(issue.code, issue.message));
    }
    return result.valid() ? ExitOk : ExitFailure;
}

QList<Command> identityCommands()
{
    return {Command{u"validate"_s,
                    u"Validate an ID number, MRZ, USCC, ICCID or mobile number (--type TYPE VALUE [--json])"_s,
                    runValidateCommand}};
}

} // namespace shiming::cli
