#include "FaceTestSupport.h"

#include "core/face/FaceDecision.h"
#include "core/face/FaceEvaluation.h"
#include "core/face/FaceSettings.h"

#include <QSettings>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace shiming::face;

TEST_CASE("Cosines fall into pass, review and fail bands at the thresholds", "[face]")
{
    FaceSettings settings;
    settings.passCosine = 0.40;
    settings.reviewCosine = 0.28;
    CHECK(decisionForCosine(0.40, settings) == Decision::Pass);
    CHECK(decisionForCosine(0.3999, settings) == Decision::Review);
    CHECK(decisionForCosine(0.28, settings) == Decision::Review);
    CHECK(decisionForCosine(0.2799, settings) == Decision::Fail);
    CHECK(decisionForCosine(-0.5, settings) == Decision::Fail);
    CHECK(decisionName(Decision::Review) == u"review"_s);
}

TEST_CASE("The 0-100 score is monotonic and its bands match the decision", "[face]")
{
    FaceSettings settings;
    settings.passCosine = 0.37;
    settings.reviewCosine = 0.26;
    int previous = -1;
    for (int i = -100; i <= 100; ++i) {
        const double cosine = i / 100.0;
        const int score = scoreForCosine(cosine, settings);
        CHECK(score >= previous);
        CHECK(score >= 0);
        CHECK(score <= 100);
        const Decision decision = decisionForCosine(cosine, settings);
        if (decision == Decision::Pass)
            CHECK(score >= 80);
        else if (decision == Decision::Review)
            CHECK((score >= 60 && score < 80));
        else
            CHECK(score < 60);
        previous = score;
    }
    CHECK(scoreForCosine(1.0, settings) == 100);
    CHECK(scoreForCosine(0.37, settings) == 80);
    CHECK(scoreForCosine(0.26, settings) == 60);
    CHECK(scoreForCosine(std::nan(""), settings) == 0);
}

TEST_CASE("Face thresholds are read from settings, and inconsistent ones are refused", "[face]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(u"shiming.ini"_s);
    {
        QSettings settings(path, QSettings::IniFormat);
        settings.setValue(u"face/passCosine"_s, 0.45);
        settings.setValue(u"face/reviewCosine"_s, 0.30);
        settings.setValue(u"face/maxYawDegrees"_s, u"not a number"_s);
    }
    QSettings settings(path, QSettings::IniFormat);
    const FaceSettings read = FaceSettings::fromSettings(settings);
    CHECK(read.passCosine == 0.45);
    CHECK(read.reviewCosine == 0.30);
    CHECK(read.maxYawDegrees == FaceSettings{}.maxYawDegrees);

    settings.setValue(u"face/reviewCosine"_s, 0.9); // above pass: HQ sent nonsense
    const FaceSettings refused = FaceSettings::fromSettings(settings);
    CHECK(refused.passCosine == FaceSettings{}.passCosine);
    CHECK(refused.reviewCosine == FaceSettings{}.reviewCosine);

    FaceSettings saved;
    saved.passCosine = 0.5;
    saved.reviewCosine = 0.33;
    saved.save(settings);
    CHECK(FaceSettings::fromSettings(settings).passCosine == 0.5);
    CHECK(FaceSettings::fromSettings(settings).reviewCosine == 0.33);
}

TEST_CASE("Operating points: the threshold keeps false accepts at or below the target", "[face]")
{
    std::vector<float> impostor;
    for (int i = 0; i < 1000; ++i)
        impostor.push_back(float(i) / 1000.0f * 0.5f); // 0.0 … 0.4995
    std::vector<float> genuine{0.1f, 0.3f, 0.45f, 0.6f, 0.7f, 0.8f, 0.9f, 0.95f};
    std::sort(genuine.begin(), genuine.end());

    const OperatingPoint onePercent = operatingPointAtFar(genuine, impostor, 0.01);
    CHECK(onePercent.falseAccept <= 0.01);
    CHECK(onePercent.falseAccept >= 0.009);
    CHECK(onePercent.threshold > 0.4945f);
    CHECK(onePercent.trueAccept == Approx(5.0 / 8.0)); // 0.6 and above

    const OperatingPoint tenth = operatingPointAtFar(genuine, impostor, 0.001);
    CHECK(tenth.falseAccept <= 0.001);
    CHECK(tenth.threshold > onePercent.threshold);
}

TEST_CASE("Simulated chip photos and counter frames have the card's and the camera's geometry", "[face]")
{
    const cv::Mat photo(350, 350, CV_8UC1, cv::Scalar(200));
    const cv::Mat chip = makeChipPhoto(photo, 1.0);
    CHECK(chip.size() == cv::Size(102, 126));
    const cv::Mat frame = makeLiveFrame(photo);
    CHECK(frame.size() == cv::Size(640, 480));
    CHECK(frame.at<uchar>(240, 320) == 200); // the photo in the middle
    CHECK(frame.at<uchar>(5, 5) == 128);     // neutral background at the edge
    const cv::Mat big(1000, 1200, CV_8UC3, cv::Scalar::all(50));
    CHECK(makeLiveFrame(big).size() == cv::Size(640, 480));
}

TEST_CASE("Settings from HQ's feed: numbers apply, anything else refuses the whole item", "[face]")
{
    auto pushed = FaceSettings::fromMap({{u"passCosine"_s, 0.42}, {u"reviewCosine"_s, 0.28}, {u"future"_s, 1}});
    REQUIRE(pushed.has_value());
    CHECK(pushed->passCosine == 0.42);
    CHECK(pushed->reviewCosine == 0.28);
    CHECK(pushed->minSharpness == FaceSettings{}.minSharpness);

    FaceSettings current;
    current.passCosine = 0.5;
    auto partial = FaceSettings::fromMap({{u"minSharpness"_s, 40}}, current);
    REQUIRE(partial.has_value());
    CHECK(partial->passCosine == 0.5);
    CHECK(partial->minSharpness == 40.0);

    CHECK(FaceSettings::fromMap({{u"passCosine"_s, u"high"_s}}).error().code == shiming::Error::Code::InvalidInput);
    CHECK(FaceSettings::fromMap({{u"passCosine"_s, true}}).error().code == shiming::Error::Code::InvalidInput);
    CHECK(FaceSettings::fromMap({{u"reviewCosine"_s, 0.9}}).error().code == shiming::Error::Code::InvalidInput);
    CHECK(FaceSettings::fromMap({{u"passCosine"_s, 2.0}}).error().code == shiming::Error::Code::InvalidInput);
    CHECK(FaceSettings::fromMap({{u"minBrightness"_s, 250}}).error().code == shiming::Error::Code::InvalidInput);
}
