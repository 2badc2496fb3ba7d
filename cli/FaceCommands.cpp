#include "cli/FaceCommands.h"

#include "cli/Options.h"
#include "core/common/Json.h"
#include "core/common/Paths.h"
#include "core/common/RegularFile.h"
#include "core/face/FaceEngine.h"
#include "core/face/FaceIssue.h"
#include "core/face/ImageInput.h"
#include "core/outlet/ClerkText.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;
using namespace shiming::face;

namespace shiming::cli {

namespace {

const QString kUsage =
    u"shimingctl face compare LIVE_IMAGE ID_IMAGE [--json] [--models DIR]\n"
    "       shimingctl face compare --pairs FILE [--json] [--models DIR]\n"
    "FILE holds one pair per line: the live photo's path, whitespace (or a tab), the ID photo's "
    "path.\nExit status 0 when every comparison ran, whatever its decision; 1 when an image could not "
    "be compared (missing, not a regular file, too large, damaged, no usable face) or face "
    "comparison is unavailable; 2 on a usage error or a pairs file that cannot be read."_s;

QString codeOf(const Error& error)
{
    const auto issue = faceIssueOf(error);
    return issue ? faceIssueName(*issue) : errorCodeName(error.code);
}

QString humanText(const FaceComparison& c)
{
    QString text = u"decision %1, score %2, cosine %3 (pass >= %4, review >= %5)"_s.arg(decisionName(c.decision))
                       .arg(c.score)
                       .arg(c.cosine, 0, 'f', 4)
                       .arg(c.settings.passCosine)
                       .arg(c.settings.reviewCosine);
    for (FaceIssue issue : c.reasons)
        text += u"\n  "_s + faceIssueName(issue) + u": "_s + ClerkText::of(Cause{issue});
    if (c.id.chipLayoutUsed)
        text += u"\n  ID photo: face not detected, standard chip layout used"_s;
    text += u"\n  time %1 ms"_s.arg(c.totalMs, 0, 'f', 1);
    return text;
}

QJsonObject comparePaths(FaceEngine& engine, const QString& livePath, const QString& idPath, QString* text)
{
    QElapsedTimer timer;
    timer.start();
    auto live = loadImageFile(livePath);
    if (!live) {
        *text = u"error (live image): "_s + live.error().detail;
        return comparisonErrorJson(live.error());
    }
    auto id = loadImageFile(idPath);
    if (!id) {
        *text = u"error (ID image): "_s + id.error().detail;
        return comparisonErrorJson(id.error());
    }
    const double decodeMs = double(timer.nsecsElapsed()) / 1e6;
    auto comparison = engine.compare(*live, *id);
    if (!comparison) {
        *text = u"error: "_s + comparison.error().detail;
        return comparisonErrorJson(comparison.error());
    }
    *text = humanText(*comparison);
    QJsonObject json = comparison->toJson();
    QJsonObject timings = json.value(u"timings_ms"_s).toObject();
    timings.insert(u"decode"_s, std::round(decodeMs * 100.0) / 100.0);
    json.insert(u"timings_ms"_s, timings);
    return json;
}

bool isError(const QJsonObject& result)
{
    return result.value(u"decision"_s).toString() == u"error"_s;
}

QJsonObject errorJson(const QString& code, const QString& message)
{
    return QJsonObject{{u"decision"_s, u"error"_s},
                       {u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}};
}

int runCompare(const QStringList& args, const cli::Io& io)
{
    const auto options =
        parseCommand(args, {kUsage, {u"--pairs"_s, u"--models"_s}, {u"--json"_s}, {}, OptionSpec::AnyNumber}, io);
    if (!options)
        return options.error();
    const bool json = options->flag(u"--json"_s);
    const QString pairsFile = options->value(u"--pairs"_s);
    const QString modelsDir = options->value(u"--models"_s);
    const QStringList& positional = options->positional();
    if (pairsFile.isEmpty() ? positional.size() != 2 : !positional.isEmpty())
        return options->usageError(io);
    // The pairs file is read whole, and only if it is a regular file under the cap: a FIFO or a device would
    // block or never end.
    QByteArray pairs;
    if (!pairsFile.isEmpty()) {
        auto read = readRegularFile(pairsFile, kMaxPairsFileBytes);
        if (!read) {
            io.error(u"face compare: cannot read the pairs file: %1"_s.arg(read.error().detail));
            if (json)
                io.out(compactJson(errorJson(u"pairs_file_unreadable"_s, read.error().detail)) + '\n');
            return cli::ExitUsage;
        }
        pairs = std::move(*read);
    }

    auto engine = FaceEngine::load(modelsDir.isEmpty() ? paths::modelSearchDirs() : QStringList{modelsDir});
    if (!engine) {
        if (json)
            io.out(compactJson(comparisonErrorJson(engine.error())) + '\n');
        else
            io.error(u"face comparison unavailable: "_s + engine.error().detail);
        return cli::ExitFailure;
    }

    bool failed = false;
    const auto report = [&](const QJsonObject& object, const QString& text) {
        failed = failed || isError(object);
        if (json)
            io.out(compactJson(object) + '\n');
        else
            io.print(text);
    };
    QString text;
    if (pairsFile.isEmpty()) {
        report(comparePaths(**engine, positional[0], positional[1], &text), text);
        return failed ? cli::ExitFailure : cli::ExitOk;
    }
    static const QRegularExpression separator(u"\\t|\\s+"_s);
    QList<QByteArray> lines = pairs.split('\n');
    if (lines.last().isEmpty())
        lines.removeLast(); // the newline that ends the last line
    qint64 lineNumber = 0;
    for (const QByteArray& bytes : std::as_const(lines)) {
        QString line = QString::fromUtf8(bytes);
        ++lineNumber;
        while (line.endsWith(u'\r'))
            line.chop(1);
        // A tab separates paths that contain spaces; otherwise any whitespace does.
        const QStringList parts =
            line.contains(u'\t') ? line.split(u'\t', Qt::SkipEmptyParts) : line.split(separator, Qt::SkipEmptyParts);
        if (parts.size() != 2) {
            const Error error = Error::invalidInput(u"line %1 does not hold exactly two paths"_s.arg(lineNumber));
            report(errorJson(u"invalid_line"_s, error.detail), u"error: "_s + error.detail);
            continue;
        }
        report(comparePaths(**engine, parts[0].trimmed(), parts[1].trimmed(), &text), text);
    }
    // Every line was answered; the status says whether all of them could be compared.
    return failed ? cli::ExitFailure : cli::ExitOk;
}

} // namespace

QJsonObject comparisonErrorJson(const Error& error)
{
    return QJsonObject{{u"decision"_s, u"error"_s},
                       {u"error"_s, QJsonObject{{u"code"_s, codeOf(error)}, {u"message"_s, error.detail}}}};
}

QList<Command> faceCommands()
{
    Command face;
    face.name = u"face"_s;
    face.summary = u"compare a live photo with an ID photo (face compare A B [--json] | --pairs FILE)"_s;
    face.run = [](const QStringList& args, const cli::Io& io) {
        if (args.isEmpty() || args.first() != u"compare"_s) {
            if (!args.isEmpty() && (args.first() == u"--help"_s || args.first() == u"-h"_s)) {
                io.print(u"usage: "_s + kUsage);
                return int(ExitOk);
            }
            return usageError(io, kUsage);
        }
        return runCompare(args.mid(1), io);
    };
    return {face};
}

} // namespace shiming::cli
