#include "FaceTestSupport.h"
#include "support/CapturedIo.h"

#include "cli/FaceCommands.h"
#include "core/face/FaceEvaluation.h"

#include <QJsonDocument>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace shiming;

namespace {

using Captured = testing::CapturedIo;

int runFace(const QStringList& args, Captured& captured)
{
    const QList<cli::Command> commands = cli::faceCommands();
    REQUIRE(commands.size() == 1);
    return cli::runCommandLine(commands, QStringList{u"face"_s} + args, captured.io());
}

QList<QJsonObject> jsonLines(const QByteArray& out)
{
    QList<QJsonObject> objects;
    for (const QByteArray& line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        REQUIRE(error.error == QJsonParseError::NoError);
        objects.append(document.object());
    }
    return objects;
}

// Writes a live frame and a chip photo of one person, and a chip photo of another, into `dir`.
void writePhotos(const QTemporaryDir& dir)
{
    const auto people = facetest::lfwPeopleWithTwoPhotos(2);
    facetest::writeFile(dir.filePath(u"live.jpg"_s),
                        facetest::encode(facetest::counterFrame(facetest::lfwPhoto(people[0].first)), ".jpg"));
    facetest::writeFile(dir.filePath(u"id.png"_s),
                        facetest::encode(face::makeChipPhoto(facetest::lfwPhoto(people[0].second), 1.0), ".png"));
    facetest::writeFile(dir.filePath(u"other id.png"_s),
                        facetest::encode(face::makeChipPhoto(facetest::lfwPhoto(people[1].second), 1.0), ".png"));
}

} // namespace

TEST_CASE("face compare: usage errors exit 2", "[face]")
{
    Captured c;
    CHECK(runFace({}, c) == cli::ExitUsage);
    CHECK(runFace({u"compare"_s}, c) == cli::ExitUsage);
    CHECK(runFace({u"compare"_s, u"a.jpg"_s}, c) == cli::ExitUsage);
    CHECK(runFace({u"compare"_s, u"a"_s, u"b"_s, u"c"_s}, c) == cli::ExitUsage);
    CHECK(runFace({u"compare"_s, u"a"_s, u"b"_s, u"--bogus"_s}, c) == cli::ExitUsage);
    CHECK(runFace({u"compare"_s, u"--pairs"_s}, c) == cli::ExitUsage);
    CHECK(runFace({u"compare"_s, u"--pairs"_s, u"/nonexistent/pairs.txt"_s}, c) == cli::ExitUsage);
    CHECK(runFace({u"compare"_s, u"--pairs"_s, u"p.txt"_s, u"extra.jpg"_s}, c) == cli::ExitUsage);
    CHECK(c.out.isEmpty());
    CHECK(c.err.contains("usage: shimingctl face compare"));
}

TEST_CASE("face compare A B --json prints score, cosine, decision, quality and timings", "[face]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writePhotos(dir);
    Captured c;
    const int status = runFace({u"compare"_s, dir.filePath(u"live.jpg"_s), dir.filePath(u"id.png"_s), u"--json"_s,
                                u"--models"_s, facetest::modelsDir()},
                               c);
    CHECK(status == cli::ExitOk);
    const auto lines = jsonLines(c.out);
    REQUIRE(lines.size() == 1);
    const QJsonObject result = lines.first();
    const int score = result.value(u"score"_s).toInt(-1);
    CHECK((score >= 0 && score <= 100));
    CHECK(result.value(u"cosine"_s).isDouble());
    const QString decision = result.value(u"decision"_s).toString();
    CHECK((decision == u"pass"_s || decision == u"review"_s));
    CHECK(result.value(u"quality"_s).isObject());
    CHECK(result.value(u"timings_ms"_s).toObject().value(u"total"_s).toDouble() > 0.0);
}

TEST_CASE("face compare --pairs prints one line per input line, in order", "[face]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writePhotos(dir);
    const QString pairs = dir.filePath(u"pairs.txt"_s);
    facetest::writeFile(pairs, (dir.filePath(u"live.jpg"_s) + u" "_s + dir.filePath(u"id.png"_s) + u"\n"_s +
                                dir.filePath(u"live.jpg"_s) + u" "_s + dir.filePath(u"missing.png"_s) + u"\n"_s +
                                u"only-one-path.jpg\n"_s + dir.filePath(u"live.jpg"_s) + u"\t"_s +
                                dir.filePath(u"other id.png"_s) + u"\r\n"_s)
                                   .toUtf8());
    Captured c;
    // Every line is answered, and the exit status says that some could not be compared.
    CHECK(runFace({u"compare"_s, u"--pairs"_s, pairs, u"--json"_s, u"--models"_s, facetest::modelsDir()}, c) ==
          cli::ExitFailure);
    const auto lines = jsonLines(c.out);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].value(u"decision"_s).toString() != u"error"_s);
    CHECK(lines[1].value(u"decision"_s).toString() == u"error"_s);
    CHECK(lines[1].value(u"error"_s).toObject().value(u"code"_s).toString() == u"file_not_found"_s);
    CHECK(lines[2].value(u"error"_s).toObject().value(u"code"_s).toString() == u"invalid_line"_s);
    CHECK(lines[3].value(u"decision"_s).toString() == u"fail"_s);
    CHECK(lines[0].value(u"cosine"_s).toDouble() > lines[3].value(u"cosine"_s).toDouble());
}

TEST_CASE("face compare --pairs exits 0 when every line was compared, whatever the decisions", "[face]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writePhotos(dir);
    const QString pairs = dir.filePath(u"pairs.txt"_s);
    facetest::writeFile(pairs, (dir.filePath(u"live.jpg"_s) + u" "_s + dir.filePath(u"id.png"_s) + u"\n"_s +
                                dir.filePath(u"live.jpg"_s) + u"\t"_s + dir.filePath(u"other id.png"_s) + u"\n"_s)
                                   .toUtf8());
    Captured c;
    CHECK(runFace({u"compare"_s, u"--pairs"_s, pairs, u"--json"_s, u"--models"_s, facetest::modelsDir()}, c) ==
          cli::ExitOk);
    const auto lines = jsonLines(c.out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].value(u"decision"_s).toString() == u"fail"_s);
}

TEST_CASE("face compare exits 1 on every error and --json says which", "[face]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writePhotos(dir);
    const QByteArray live = facetest::readFile(dir.filePath(u"live.jpg"_s));
    facetest::writeFile(dir.filePath(u"cut.jpg"_s), live.left(live.size() / 3) + QByteArray("\xFF\xD9", 2));
    facetest::writeFile(dir.filePath(u"wall.png"_s),
                        facetest::encode(cv::Mat(480, 640, CV_8UC3, cv::Scalar(150, 160, 170)), ".png"));
    facetest::writeFile(dir.filePath(u"notes.jpg"_s), "not a photo\n");
    const QString fifo = dir.filePath(u"fifo.jpg"_s);
    facetest::makeFifo(fifo);

    const auto errorOf = [&](const QString& livePath, const QString& idPath) {
        const QStringList args{u"face"_s,     u"compare"_s,         livePath, idPath, u"--json"_s,
                               u"--models"_s, facetest::modelsDir()};
        const auto [ran, inTime] = facetest::runReleasingFifo(
            [&] {
                Captured c;
                const int status = cli::runCommandLine(cli::faceCommands(), args, c.io());
                return std::pair{status, c.out};
            },
            fifo);
        CHECK(inTime);
        CHECK(ran.first == cli::ExitFailure);
        const auto lines = jsonLines(ran.second);
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].value(u"decision"_s).toString() == u"error"_s);
        CHECK_FALSE(lines[0].value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
        return lines[0].value(u"error"_s).toObject().value(u"code"_s).toString();
    };
    const QString id = dir.filePath(u"id.png"_s);
    CHECK(errorOf(dir.filePath(u"missing.jpg"_s), id) == u"file_not_found"_s);
    CHECK(errorOf(id, dir.filePath(u"missing.jpg"_s)) == u"file_not_found"_s);
    CHECK(errorOf(dir.filePath(u"notes.jpg"_s), id) == u"not_an_image"_s);
    CHECK(errorOf(dir.filePath(u"cut.jpg"_s), id) == u"truncated_image"_s);
    CHECK(errorOf(u"/dev/zero"_s, id) == u"unreadable_image"_s);
    CHECK(errorOf(fifo, id) == u"unreadable_image"_s);
    CHECK(errorOf(dir.path(), id) == u"unreadable_image"_s);
    CHECK(errorOf(dir.filePath(u"wall.png"_s), id) == u"no_face"_s);

    // Without --json the status is the same and the error goes to stdout's line.
    Captured plain;
    CHECK(runFace({u"compare"_s, dir.filePath(u"cut.jpg"_s), id, u"--models"_s, facetest::modelsDir()}, plain) ==
          cli::ExitFailure);
    CHECK(plain.out.contains("error (live image)"));
}

TEST_CASE("face compare --pairs reads only a regular pairs file and regular photos", "[face]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writePhotos(dir);
    const QString fifo = dir.filePath(u"fifo"_s);
    facetest::makeFifo(fifo);
    const auto run = [&](const QString& pairsFile) {
        const QStringList args{u"face"_s,   u"compare"_s,  u"--pairs"_s,         pairsFile,
                               u"--json"_s, u"--models"_s, facetest::modelsDir()};
        const auto [ran, inTime] = facetest::runReleasingFifo(
            [&] {
                Captured c;
                const int status = cli::runCommandLine(cli::faceCommands(), args, c.io());
                return std::tuple{status, c.out, c.err};
            },
            fifo);
        CHECK(inTime);
        return ran;
    };

    SECTION("the pairs file is a FIFO, a device or too large")
    {
        const QString huge = dir.filePath(u"huge.txt"_s);
        facetest::makeSparseFile(huge, cli::kMaxPairsFileBytes + 1);
        for (const QString& pairsFile : {fifo, u"/dev/zero"_s, huge, dir.path()}) {
            const auto [status, out, err] = run(pairsFile);
            CHECK(status == cli::ExitUsage);
            CHECK(err.contains("cannot read the pairs file"));
            const auto lines = jsonLines(out);
            REQUIRE(lines.size() == 1);
            CHECK(lines[0].value(u"decision"_s).toString() == u"error"_s);
        }
    }
    SECTION("a line names a FIFO or a device")
    {
        const QString pairs = dir.filePath(u"pairs.txt"_s);
        facetest::writeFile(pairs, (fifo + u" "_s + dir.filePath(u"id.png"_s) + u"\n"_s + dir.filePath(u"live.jpg"_s) +
                                    u" /dev/zero\n"_s + dir.filePath(u"live.jpg"_s) + u" "_s +
                                    dir.filePath(u"id.png"_s) + u"\n"_s)
                                       .toUtf8());
        const auto [status, out, err] = run(pairs);
        CHECK(status == cli::ExitFailure);
        const auto lines = jsonLines(out);
        REQUIRE(lines.size() == 3);
        CHECK(lines[0].value(u"error"_s).toObject().value(u"code"_s).toString() == u"unreadable_image"_s);
        CHECK(lines[1].value(u"error"_s).toObject().value(u"code"_s).toString() == u"unreadable_image"_s);
        CHECK(lines[2].value(u"decision"_s).toString() != u"error"_s);
    }
}

TEST_CASE("face compare reports unreadable images and missing models as JSON errors", "[face]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writePhotos(dir);
    facetest::writeFile(dir.filePath(u"empty.jpg"_s), {});
    Captured c;
    CHECK(runFace({u"compare"_s, dir.filePath(u"empty.jpg"_s), dir.filePath(u"id.png"_s), u"--json"_s, u"--models"_s,
                   facetest::modelsDir()},
                  c) == cli::ExitFailure);
    auto lines = jsonLines(c.out);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].value(u"decision"_s).toString() == u"error"_s);
    CHECK(lines[0].value(u"error"_s).toObject().value(u"code"_s).toString() == u"empty_file"_s);
    CHECK_FALSE(lines[0].value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());

    QTemporaryDir noModels;
    Captured unavailable;
    CHECK(runFace({u"compare"_s, dir.filePath(u"live.jpg"_s), dir.filePath(u"id.png"_s), u"--json"_s, u"--models"_s,
                   noModels.path()},
                  unavailable) == cli::ExitFailure);
    lines = jsonLines(unavailable.out);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].value(u"error"_s).toObject().value(u"code"_s).toString() == u"models_unavailable"_s);
    CHECK(lines[0].value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"unavailable"_s));
}
