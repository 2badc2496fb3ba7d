// bench_identity: resident-ID validations per second on one core (goal: at least 1,000,000/s), against a naive
// implementation (regular expression, QDate::fromString, QString::mid per digit, hash lookups) measured in the
// same run. Prints medians of several rounds. Not a test: tests never assert on wall-clock time.
//
// usage: bench_identity [ROUNDS] [ITERATIONS_PER_ROUND]

#include "core/common/Clock.h"
#include "core/identity/Regions.h"
#include "core/identity/Validators.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QRegularExpression>
#include <QVariantMap>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;
using namespace shiming;

namespace {

QString withCheck(const QString& seventeen)
{
    static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += seventeen.at(i).digitValue() * weights[i];
    return seventeen + QString(u"10X98765432"_s.at(sum % 11));
}

// Realistic input: mostly valid numbers from many regions and birth dates, some typos.
QStringList makeInputs(int count)
{
    const int regions[] = {110105, 440304, 330106, 650102, 510107, 320102, 370202, 210102, 420106, 500103};
    QStringList inputs;
    for (int i = 0; i < count; ++i) {
        const QDate birth = QDate(1940, 1, 1).addDays((i * 7919) % 29000);
        QString seventeen =
            u"%1%2%3"_s.arg(regions[i % 10]).arg(birth.toString(u"yyyyMMdd"_s)).arg(i % 1000, 3, 10, QLatin1Char('0'));
        QString number = withCheck(seventeen);
        if (i % 10 == 9) // a typo in one number of ten
            number[5] = number[5] == u'1' ? u'2' : u'1';
        inputs << number;
    }
    return inputs;
}

// The naive way: what a first attempt usually looks like.
struct NaiveValidator {
    QHash<QString, QString> regions;
    NaiveValidator()
    {
        for (int code : {110105, 440304, 330106, 650102, 510107, 320102, 370202, 210102, 420106, 500103})
            regions.insert(QString::number(code), identity::lookupRegion(code)->fullName());
    }

    QVariantMap validate(const QString& input, QDate today) const
    {
        QVariantMap result;
        QString number = input.trimmed().toUpper();
        static const QRegularExpression shape(u"^[0-9]{17}[0-9X]$"_s);
        if (!shape.match(number).hasMatch()) {
            result.insert(u"error"_s, u"invalid_format"_s);
            return result;
        }
        static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; ++i)
            sum += number.mid(i, 1).toInt() * weights[i];
        if (u"10X98765432"_s.mid(sum % 11, 1) != number.mid(17, 1))
            result.insert(u"error"_s, u"check_character"_s);
        const QDate birth = QDate::fromString(number.mid(6, 8), u"yyyyMMdd"_s);
        if (!birth.isValid() || birth > today)
            result.insert(u"error"_s, u"invalid_birth_date"_s);
        result.insert(u"birth_date"_s, birth.toString(u"yyyy-MM-dd"_s));
        result.insert(u"sex"_s, number.mid(16, 1).toInt() % 2 ? u"M"_s : u"F"_s);
        result.insert(u"region_code"_s, number.left(6));
        result.insert(u"region"_s, regions.value(number.left(6)));
        return result;
    }
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Runs `work` over the inputs `iterations` times per round. Returns the median rate per second of this thread's
// CPU time (what one core does, even when other processes share the machine); prints the wall-clock median too.
double measure(const char* name, int rounds, int iterations, const QStringList& inputs,
               const std::function<int(const QString&)>& work)
{
    std::vector<double> perCpuSecond;
    std::vector<double> perWallSecond;
    long long sink = 0;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuSeconds();
        for (int i = 0; i < iterations; ++i)
            sink += work(inputs.at(i % inputs.size()));
        const double cpu = threadCpuSeconds() - cpuStart;
        const double wall = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        perCpuSecond.push_back(iterations / std::max(cpu, 1e-9));
        perWallSecond.push_back(iterations / std::max(wall, 1e-9));
    }
    const double result = median(perCpuSecond);
    std::printf("%-44s median %10.0f /s CPU  %10.0f /s wall  (%d rounds x %d, check %lld)\n", name, result,
                median(perWallSecond), rounds, iterations, sink);
    return result;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
    const int iterations = argc > 2 ? std::max(1000, std::atoi(argv[2])) : 500000;
    const QStringList inputs = makeInputs(4096);
    const QDate today(2026, 6, 15);
    const FixedClock clock(QDateTime(today, QTime(12, 0)));
    const NaiveValidator naive;

    std::printf("bench_identity: resident-ID validation on one core, %lld distinct inputs (10%% with a typo)\n",
                static_cast<long long>(inputs.size()));
    const double baseline = measure("naive baseline (regex, QDate::fromString)", rounds, iterations / 5, inputs,
                                    [&](const QString& s) { return naive.validate(s, today).size(); });
    const double full =
        measure("validate(ResidentId, input, today)", rounds, iterations, inputs,
                [&](const QString& s) { return validate(DocumentType::ResidentId, s, today).valid() ? 1 : 0; });
    const double withClock =
        measure("validate(ResidentId, input, clock)", rounds, iterations, inputs,
                [&](const QString& s) { return validate(DocumentType::ResidentId, s, clock).valid() ? 1 : 0; });
    const double automatic = measure("validateAuto(input, today)", rounds, iterations, inputs,
                                     [&](const QString& s) { return validateAuto(s, today).valid() ? 1 : 0; });
    std::printf("speed-up over the naive baseline: %.1fx; goal 1,000,000/s: %s\n", full / baseline,
                full >= 1e6 ? "met" : "NOT met");
    Q_UNUSED(withClock);
    Q_UNUSED(automatic);
    return 0;
}
