#include "core/face/FaceEvaluation.h"

#include "core/face/ImageInput.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace shiming::face {

namespace {

double fractionAtOrAbove(const std::vector<float>& sorted, double threshold)
{
    if (sorted.empty())
        return 0.0;
    const auto it = std::lower_bound(sorted.begin(), sorted.end(), float(threshold));
    return double(sorted.end() - it) / double(sorted.size());
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

double percent(double fraction)
{
    return std::round(fraction * 100000.0) / 1000.0;
}

} // namespace

cv::Mat makeChipPhoto(const cv::Mat& photo, double cropWidthFraction)
{
    const double width = photo.cols * std::clamp(cropWidthFraction, 0.1, 1.0);
    const double height = std::min(double(photo.rows), width * 126.0 / 102.0);
    const double fittedWidth = height * 102.0 / 126.0;
    const cv::Rect crop(int((photo.cols - fittedWidth) / 2.0), int((photo.rows - height) / 2.0), int(fittedWidth),
                        int(height));
    cv::Mat chip;
    cv::resize(photo(crop & cv::Rect(0, 0, photo.cols, photo.rows)), chip, cv::Size(102, 126), 0, 0, cv::INTER_AREA);
    return chip;
}

cv::Mat makeLiveFrame(const cv::Mat& photo)
{
    const cv::Size frameSize(640, 480);
    cv::Mat source = photo;
    const double fit = std::min({1.0, 440.0 / photo.rows, 600.0 / photo.cols});
    if (fit < 1.0)
        cv::resize(photo, source, cv::Size(), fit, fit, cv::INTER_AREA);
    cv::Mat frame(frameSize, source.type(), cv::Scalar::all(128));
    source.copyTo(frame(
        cv::Rect((frameSize.width - source.cols) / 2, (frameSize.height - source.rows) / 2, source.cols, source.rows)));
    return frame;
}

OperatingPoint operatingPointAtFar(const std::vector<float>& genuine, const std::vector<float>& impostor,
                                   double targetFar)
{
    OperatingPoint point;
    if (impostor.empty())
        return point;
    // The lowest threshold whose false-accept rate stays at or below the target: just above the impostor score
    // at that quantile.
    const size_t allowed = size_t(std::floor(targetFar * double(impostor.size())));
    const size_t index = impostor.size() - 1 - std::min(allowed, impostor.size() - 1);
    point.threshold = std::nextafter(impostor[index], 2.0f);
    if (allowed >= impostor.size())
        point.threshold = impostor.front();
    point.falseAccept = fractionAtOrAbove(impostor, point.threshold);
    point.trueAccept = fractionAtOrAbove(genuine, point.threshold);
    return point;
}

Result<QSet<QString>> readPhotoList(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::notFound(u"photo list not found"_s));
    QSet<QString> names;
    for (const QByteArray& raw : file.readAll().split('\n')) {
        QString line = QString::fromUtf8(raw);
        if (const qsizetype hash = line.indexOf(u'#'); hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        if (!line.isEmpty())
            names.insert(line);
    }
    return names;
}

Result<EvaluationReport> evaluatePhotos(FaceEngine& engine, const EvaluationOptions& options,
                                        const std::function<void(int, int)>& progress)
{
    QDir dir(options.photoDir);
    if (!dir.exists())
        return fail(Error::notFound(u"photo folder not found"_s));
    EvaluationReport report;
    QStringList files = dir.entryList({u"*.jpg"_s, u"*.png"_s}, QDir::Files, QDir::Name);
    if (options.maxImages > 0 && files.size() > options.maxImages)
        files = files.mid(0, options.maxImages);
    if (files.isEmpty())
        return fail(Error::notFound(u"no photos in the folder"_s));

    static const QRegularExpression pattern(u"^(.+)_\\d+\\.(jpg|png)$"_s);
    struct Sample {
        int person = -1;
        QString file;
        bool excluded = false; ///< listed as a label error: only in the "as published" figures
        Embedding live;
        Embedding id;
    };
    std::vector<Sample> samples;
    QHash<QString, int> people;
    report.settings = engine.settings();
    std::vector<double> liveMs, idMs, pairMs;
    for (int i = 0; i < files.size(); ++i) {
        if (progress && i % 50 == 0)
            progress(i, int(files.size()));
        const auto match = pattern.match(files[i]);
        if (!match.hasMatch())
            continue;
        auto image = loadImageFile(dir.filePath(files[i]));
        if (!image)
            continue;
        ++report.images;
        Sample sample;
        auto person = people.constFind(match.captured(1));
        if (person == people.constEnd())
            person = people.insert(match.captured(1), int(people.size()));
        sample.person = *person;
        sample.file = files[i];
        sample.excluded = options.exclude.contains(files[i]);
        report.excluded += sample.excluded ? 1 : 0;
        const cv::Mat liveImage = options.liveAsCameraFrame ? makeLiveFrame(*image) : *image;
        const cv::Mat chip = makeChipPhoto(*image, options.chipCropFraction);
        PairAnalysis pair = engine.analysePair(liveImage, chip);
        auto& live = pair.live;
        auto& id = pair.id;
        if (live)
            liveMs.push_back(live->detectMs + live->landmarksMs + live->embedMs + live->livenessMs);
        if (id)
            idMs.push_back(id->detectMs + id->landmarksMs + id->embedMs);
        pairMs.push_back(pair.totalMs);
        if (live) {
            sample.live = live->embedding;
            if (live->quality) {
                for (const QualityCheck& check : live->quality->checks)
                    report.qualityMeasures[check.name].push_back(check.value);
            }
            if (live->liveProbability)
                report.qualityMeasures[u"live_probability"_s].push_back(*live->liveProbability);
            if (live->quality && !live->quality->passed()) {
                ++report.liveQualityRejected;
                for (FaceIssue issue : live->quality->issues())
                    ++report.qualityIssues[faceIssueName(issue)];
            }
        } else {
            ++report.liveFailures;
            const auto issue = faceIssueOf(live.error());
            ++report.liveFailureReasons[issue ? faceIssueName(*issue) : errorCodeName(live.error().code)];
        }
        if (!options.dumpDir.isEmpty() && i < options.dumpCount) {
            const std::string base = QDir(options.dumpDir).filePath(QString::number(i)).toStdString();
            cv::Mat marked = live ? liveImage.clone() : cv::Mat();
            if (live) {
                if (marked.channels() == 1)
                    cv::cvtColor(marked, marked, cv::COLOR_GRAY2BGR);
                cv::rectangle(marked, live->face.rect, cv::Scalar(0, 255, 0));
                for (const cv::Point2f& p : live->landmarks)
                    cv::circle(marked, p, 2, cv::Scalar(0, 0, 255), -1);
                cv::imwrite(base + "_live.png", marked);
                cv::imwrite(base + "_live_aligned.png", live->aligned);
            }
            if (id) {
                cv::Mat chipMarked;
                if (chip.channels() == 1)
                    cv::cvtColor(chip, chipMarked, cv::COLOR_GRAY2BGR);
                else
                    chipMarked = chip.clone();
                cv::rectangle(chipMarked, id->face.rect, cv::Scalar(0, 255, 0));
                for (const cv::Point2f& p : id->landmarks)
                    cv::circle(chipMarked, p, 1, cv::Scalar(0, 0, 255), -1);
                cv::imwrite(base + "_chip.png", chipMarked);
                cv::imwrite(base + "_chip_aligned.png", id->aligned);
            }
        }
        if (id) {
            sample.id = id->embedding;
            report.idChipLayoutUsed += id->chipLayoutUsed ? 1 : 0;
        } else {
            ++report.idFailures;
            const auto issue = faceIssueOf(id.error());
            ++report.idFailureReasons[issue ? faceIssueName(*issue) : errorCodeName(id.error().code)];
        }
        samples.push_back(std::move(sample));
    }
    if (progress)
        progress(int(files.size()), int(files.size()));
    report.people = int(people.size());
    report.medianLiveMs = median(liveMs);
    report.medianIdMs = median(idMs);
    report.medianPairMs = median(pairMs);

    // A photo the pipeline cannot use counts as a failed comparison for its genuine pairs (score −1), so that
    // detection failures lower the true-accept rate instead of vanishing from it.
    std::vector<float> genuine, impostor, genuinePublished, impostorPublished;
    struct Scored {
        float score;
        size_t live, id;
    };
    std::vector<Scored> genuineScored;
    for (size_t a = 0; a < samples.size(); ++a) {
        for (size_t b = 0; b < samples.size(); ++b) {
            if (a == b)
                continue;
            const bool same = samples[a].person == samples[b].person;
            const bool usable = !samples[a].live.empty() && !samples[b].id.empty();
            const float score = usable ? float(FaceEngine::cosine(samples[a].live, samples[b].id)) : -1.0f;
            const bool listed = samples[a].excluded || samples[b].excluded;
            if (same) {
                genuinePublished.push_back(score);
                if (!listed) {
                    genuine.push_back(score);
                    genuineScored.push_back({score, a, b});
                }
            } else if (usable) {
                impostorPublished.push_back(score);
                if (!listed)
                    impostor.push_back(score);
            }
        }
    }
    if (report.excluded > 0 && !genuinePublished.empty() && !impostorPublished.empty()) {
        std::sort(genuinePublished.begin(), genuinePublished.end());
        std::sort(impostorPublished.begin(), impostorPublished.end());
        const OperatingPoint far1 = operatingPointAtFar(genuinePublished, impostorPublished, 0.01);
        const OperatingPoint far01 = operatingPointAtFar(genuinePublished, impostorPublished, 0.001);
        report.published = EvaluationReport::Published{qint64(genuinePublished.size()),
                                                       qint64(impostorPublished.size()),
                                                       far1.threshold,
                                                       far1.trueAccept,
                                                       far01.threshold,
                                                       far01.trueAccept};
    }
    if (genuine.empty() || impostor.empty())
        return fail(Error::invalidInput(u"the folder holds no genuine or no impostor pairs"_s));
    std::sort(genuine.begin(), genuine.end());
    std::sort(impostor.begin(), impostor.end());
    report.genuinePairs = qint64(genuine.size());
    report.impostorPairs = qint64(impostor.size());
    const OperatingPoint far1 = operatingPointAtFar(genuine, impostor, 0.01);
    const OperatingPoint far01 = operatingPointAtFar(genuine, impostor, 0.001);
    report.thresholdAtFar1 = far1.threshold;
    report.tarAtFar1 = far1.trueAccept;
    report.thresholdAtFar01 = far01.threshold;
    report.tarAtFar01 = far01.trueAccept;
    report.tarAtPass = fractionAtOrAbove(genuine, report.settings.passCosine);
    report.farAtPass = fractionAtOrAbove(impostor, report.settings.passCosine);
    report.rejectAtReview = 1.0 - fractionAtOrAbove(genuine, report.settings.reviewCosine);
    report.farAtReview = fractionAtOrAbove(impostor, report.settings.reviewCosine);
    for (int step = 20; step <= 50; ++step) {
        const double threshold = step / 100.0;
        report.table.push_back(
            {threshold, fractionAtOrAbove(genuine, threshold), fractionAtOrAbove(impostor, threshold)});
    }
    // Suggested: pass where false accepts reach 0.1 % (rounded up to 0.01 for headroom), review where they
    // reach 1 % (rounded down): the band between is what a manager looks at.
    std::sort(genuineScored.begin(), genuineScored.end(),
              [](const Scored& x, const Scored& y) { return x.score < y.score; });
    for (const Scored& scored : genuineScored) {
        if (scored.score >= far01.threshold)
            break;
        report.missedGenuine.push_back({samples[scored.live].file, samples[scored.id].file, scored.score});
    }
    report.suggestedPass = std::ceil(far01.threshold * 100.0) / 100.0;
    report.suggestedReview = std::floor(far1.threshold * 100.0) / 100.0;
    return report;
}

QString EvaluationReport::toText() const
{
    QString text;
    text += u"photos %1 (people %2)\n"_s.arg(images).arg(people);
    if (excluded > 0)
        text += u"photos showing someone else than their label (left out below, see --exclude): %1\n"_s.arg(excluded);
    if (published) {
        text += u"as published (label errors kept): genuine pairs %1, impostor pairs %2; TAR at FAR 1%%: %3%% "
                "(cosine %4); TAR at FAR 0.1%%: %5%% (cosine %6)\n"_s.arg(published->genuinePairs)
                    .arg(published->impostorPairs)
                    .arg(percent(published->tarAtFar1))
                    .arg(published->thresholdAtFar1, 0, 'f', 4)
                    .arg(percent(published->tarAtFar01))
                    .arg(published->thresholdAtFar01, 0, 'f', 4);
        text += u"without the label errors:\n"_s;
    }
    text += u"genuine pairs %1, impostor pairs %2\n"_s.arg(genuinePairs).arg(impostorPairs);
    text += u"detection failures: live %1, chip %2 (chip layout used for %3 more)\n"_s.arg(liveFailures)
                .arg(idFailures)
                .arg(idChipLayoutUsed);
    const auto counts = [](const QMap<QString, int>& map) {
        QStringList parts;
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            parts << it.key() + u" "_s + QString::number(it.value());
        return parts.join(u", "_s);
    };
    text += u"live photos the pipeline could not use: %1\n"_s.arg(counts(liveFailureReasons));
    text += u"chip photos the pipeline could not use: %1\n"_s.arg(counts(idFailureReasons));
    text += u"live photos failing the quality gate: %1 (%2)\n"_s.arg(liveQualityRejected).arg(counts(qualityIssues));
    for (auto it = qualityMeasures.cbegin(); it != qualityMeasures.cend(); ++it) {
        std::vector<double> values = it.value();
        std::sort(values.begin(), values.end());
        const auto at = [&](double q) {
            return values[size_t(q * double(values.size() - 1))];
        };
        text += u"  quality %1: p1 %2, p5 %3, median %4, p95 %5, p99 %6\n"_s.arg(it.key())
                    .arg(at(0.01), 0, 'f', 2)
                    .arg(at(0.05), 0, 'f', 2)
                    .arg(at(0.5), 0, 'f', 2)
                    .arg(at(0.95), 0, 'f', 2)
                    .arg(at(0.99), 0, 'f', 2);
    }
    text += u"TAR at FAR 1%%: %1%% (cosine threshold %2)\n"_s.arg(percent(tarAtFar1)).arg(thresholdAtFar1, 0, 'f', 4);
    text +=
        u"TAR at FAR 0.1%%: %1%% (cosine threshold %2)\n"_s.arg(percent(tarAtFar01)).arg(thresholdAtFar01, 0, 'f', 4);
    text += u"settings: pass >= %1 -> TAR %2%%, FAR %3%%; review >= %4 -> false fails %5%%, FAR %6%%\n"_s
                .arg(settings.passCosine)
                .arg(percent(tarAtPass))
                .arg(percent(farAtPass))
                .arg(settings.reviewCosine)
                .arg(percent(rejectAtReview))
                .arg(percent(farAtReview));
    text += u"cosine  TAR%%     FAR%%\n"_s;
    for (const Row& row : table)
        text += u"%1  %2  %3\n"_s.arg(row.threshold, 0, 'f', 2)
                    .arg(percent(row.trueAccept), 7, 'f', 3)
                    .arg(percent(row.falseAccept), 7, 'f', 4);
    text += u"suggested thresholds: pass %1, review %2\n"_s.arg(suggestedPass).arg(suggestedReview);
    text +=
        u"median analysis time: live %1 ms, chip %2 ms (stage sums); both sides %3 ms\n"_s.arg(medianLiveMs, 0, 'f', 1)
            .arg(medianIdMs, 0, 'f', 1)
            .arg(medianPairMs, 0, 'f', 1);
    return text.replace(u"%%"_s, u"%"_s);
}

QJsonObject EvaluationReport::toJson() const
{
    return QJsonObject{
        {u"photos"_s, images},
        {u"people"_s, people},
        {u"excluded"_s, excluded},
        {u"as_published"_s, published ? QJsonObject{{u"genuine_pairs"_s, double(published->genuinePairs)},
                                                    {u"tar_at_far_1"_s, published->tarAtFar1},
                                                    {u"threshold_at_far_1"_s, published->thresholdAtFar1},
                                                    {u"tar_at_far_0_1"_s, published->tarAtFar01},
                                                    {u"threshold_at_far_0_1"_s, published->thresholdAtFar01}}
                                      : QJsonValue()},
        {u"genuine_pairs"_s, double(genuinePairs)},
        {u"impostor_pairs"_s, double(impostorPairs)},
        {u"live_failures"_s, liveFailures},
        {u"chip_failures"_s, idFailures},
        {u"chip_layout_used"_s, idChipLayoutUsed},
        {u"live_quality_rejected"_s, liveQualityRejected},
        {u"tar_at_far_1"_s, tarAtFar1},
        {u"threshold_at_far_1"_s, thresholdAtFar1},
        {u"tar_at_far_0_1"_s, tarAtFar01},
        {u"threshold_at_far_0_1"_s, thresholdAtFar01},
        {u"pass_cosine"_s, settings.passCosine},
        {u"tar_at_pass"_s, tarAtPass},
        {u"far_at_pass"_s, farAtPass},
        {u"review_cosine"_s, settings.reviewCosine},
        {u"false_fail_at_review"_s, rejectAtReview},
        {u"far_at_review"_s, farAtReview},
        {u"suggested_pass"_s, suggestedPass},
        {u"suggested_review"_s, suggestedReview},
        {u"median_live_ms"_s, medianLiveMs},
        {u"median_chip_ms"_s, medianIdMs},
        {u"median_pair_ms"_s, medianPairMs},
    };
}

} // namespace shiming::face
