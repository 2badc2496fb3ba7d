// shiming-face-eval: calibrates and evaluates the face comparison on labelled photos (live vs chip-sized pairs).
// The logic lives in core/face/FaceEvaluation; this file only reads the command line.
#include "core/common/Json.h"
#include "core/common/Paths.h"
#include "core/face/FaceEngine.h"
#include "core/face/FaceEvaluation.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Shiming"_s);
    QCoreApplication::setApplicationName(u"shiming"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Evaluates live-vs-chip face comparison on a folder of labelled photos (Name_NNNN.jpg) and suggests "
        "thresholds."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"folder"_s, u"folder of labelled photos, e.g. ../shared/faces/lfw"_s);
    const QCommandLineOption limit(u"limit"_s, u"use only the first N photos"_s, u"N"_s, u"0"_s);
    const QCommandLineOption models(u"models"_s, u"model folder"_s, u"DIR"_s);
    const QCommandLineOption crop(u"chip-crop"_s, u"width of the chip crop as a fraction of the photo"_s, u"FRACTION"_s,
                                  u"1.0"_s);
    const QCommandLineOption threads(u"threads"_s, u"OpenCV threads"_s, u"N"_s, u"2"_s);
    const QCommandLineOption mirror(u"mirror"_s, u"average the embedding with the mirrored face"_s);
    const QCommandLineOption mirrorLive(u"mirror-live"_s, u"mirrored-face augmentation on the live side only"_s);
    const QCommandLineOption mirrorId(u"mirror-id"_s, u"mirrored-face augmentation on the chip side only"_s);
    const QCommandLineOption upscale(u"id-upscale"_s, u"enlarge chip photos under 200 px by FACTOR first"_s,
                                     u"FACTOR"_s, u"0"_s);
    const QCommandLineOption upscaleFilter(u"id-upscale-filter"_s, u"cubic, lanczos or linear"_s, u"FILTER"_s,
                                           u"cubic"_s);
    const QCommandLineOption degrade(u"live-degrade"_s,
                                     u"shrink the aligned live face to SIDE pixels and back before embedding"_s,
                                     u"SIDE"_s, u"0"_s);
    const QCommandLineOption antialias(u"antialias"_s, u"area-average large faces before the alignment warp"_s);
    const QCommandLineOption missed(u"list-missed"_s,
                                    u"list the genuine pairs below the 0.1% false-accept threshold"_s);
    const QCommandLineOption landmarkFlip(u"landmark-flip"_s, u"average landmarks with the mirrored crop's"_s);
    const QCommandLineOption exclude(u"exclude"_s,
                                     u"leave out the photos listed in FILE (label errors), e.g. "
                                     "app/face-eval/lfw-label-errors.txt"_s,
                                     u"FILE"_s);
    const QCommandLineOption sequential(u"sequential"_s, u"analyse both sides on one thread"_s);
    const QCommandLineOption rawLive(u"raw-live"_s,
                                     u"use the photo itself as the live image instead of a simulated camera frame"_s);
    const QCommandLineOption json(u"json"_s, u"print JSON instead of text"_s);
    const QCommandLineOption dump(u"dump"_s, u"write the first photos' crops and aligned faces to DIR"_s, u"DIR"_s);
    parser.addOptions({limit, models, crop, threads, mirror, mirrorLive, mirrorId, upscale, upscaleFilter, degrade,
                       antialias, missed, landmarkFlip, exclude, sequential, json, dump, rawLive});
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);

    auto engine = shiming::face::FaceEngine::load(parser.isSet(models) ? QStringList{parser.value(models)}
                                                                       : shiming::paths::modelSearchDirs());
    if (!engine) {
        std::fprintf(stderr, "%s\n", qPrintable(engine.error().detail));
        return 1;
    }
    shiming::face::FaceEngine::setThreads(parser.value(threads).toInt());
    shiming::face::FaceEngine::Tuning tuning = (*engine)->tuning();
    if (parser.isSet(mirror))
        tuning.mirrorLive = tuning.mirrorId = true;
    if (parser.isSet(mirrorLive))
        tuning.mirrorLive = true;
    if (parser.isSet(mirrorId))
        tuning.mirrorId = true;
    if (parser.isSet(upscale)) {
        tuning.idUpscaleFactor = parser.value(upscale).toDouble();
        tuning.idUpscaleBelow = tuning.idUpscaleFactor > 1.0 ? 200 : 0;
    }
    if (parser.isSet(upscaleFilter)) {
        const QString filter = parser.value(upscaleFilter);
        tuning.idUpscaleInterpolation = filter == u"lanczos"_s ? 4 : filter == u"linear"_s ? 1 : 2;
    }
    if (parser.isSet(degrade))
        tuning.liveDegradeSide = parser.value(degrade).toInt();
    if (parser.isSet(landmarkFlip))
        tuning.landmarkFlip = true;
    if (parser.isSet(antialias))
        tuning.antialiasAlign = true;
    (*engine)->setTuning(tuning);
    (*engine)->setParallel(!parser.isSet(sequential));

    shiming::face::EvaluationOptions options;
    options.photoDir = parser.positionalArguments().first();
    options.maxImages = parser.value(limit).toInt();
    options.chipCropFraction = parser.value(crop).toDouble();
    options.dumpDir = parser.value(dump);
    if (parser.isSet(exclude)) {
        auto listed = shiming::face::readPhotoList(parser.value(exclude));
        if (!listed) {
            std::fprintf(stderr, "%s\n", qPrintable(listed.error().detail));
            return 2;
        }
        options.exclude = *listed;
    }
    options.liveAsCameraFrame = !parser.isSet(rawLive);
    auto report = shiming::face::evaluatePhotos(**engine, options, [](int done, int total) {
        std::fprintf(stderr, "\r%d/%d photos", done, total);
        if (done == total)
            std::fprintf(stderr, "\n");
    });
    if (!report) {
        std::fprintf(stderr, "%s\n", qPrintable(report.error().detail));
        return 1;
    }
    if (parser.isSet(json))
        std::fputs(shiming::compactJson(report->toJson()).constData(), stdout);
    else
        std::fputs(report->toText().toUtf8().constData(), stdout);
    std::fputs("\n", stdout);
    if (parser.isSet(missed)) {
        for (const auto& pair : report->missedGenuine)
            std::printf("missed %.4f %s %s\n", pair.cosine, qPrintable(pair.live), qPrintable(pair.id));
    }
    return 0;
}
