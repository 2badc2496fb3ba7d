#include "FaceTestSupport.h"

#include "core/face/FaceDecision.h"
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
