#include "core/demo/DemoData.h"

#include "core/identity/CheckDigits.h"
#include "core/store/OutletStore.h"

#include <QUuid>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <array>

using namespace Qt::StringLiterals;
using namespace shiming::registration;

namespace shiming::store {

namespace {

struct Region {
    const char16_t* code;
    const char16_t* address;
    const char16_t* authority;
};

constexpr std::array<Region, 8> kRegions{{
    {u"110105", u"北京市朝阳区建国路88号", u"北京市公安局朝阳分局"},
    {u"310104", u"上海市徐汇区漕溪北路201号", u"上海市公安局徐汇分局"},
    {u"440305", u"广东省深圳市南山区科技园南路15号", u"深圳市公安局南山分局"},
    {u"510107", u"四川省成都市武侯区人民南路四段12号", u"成都市公安局武侯区分局"},
    {u"650102", u"新疆维吾尔自治区乌鲁木齐市天山区解放南路36号", u"乌鲁木齐市公安局天山区分局"},
    {u"330106", u"浙江省杭州市西湖区文三路90号", u"杭州市公安局西湖区分局"},
    {u"420106", u"湖北省武汉市武昌区中南路7号", u"武汉市公安局武昌分局"},
    {u"530102", u"云南省昆明市五华区东风西路11号", u"昆明市公安局五华分局"},
}};

constexpr std::array<const char16_t*, 24> kSurnames{u"王", u"李", u"张", u"刘", u"陈", u"杨", u"黄", u"赵",
                                                    u"吴", u"周", u"徐", u"孙", u"马", u"朱", u"胡", u"郭",
                                                    u"何", u"林", u"罗", u"高", u"郑", u"梁", u"谢", u"欧阳"};
constexpr std::array<const char16_t*, 32> kGiven{
    u"伟",   u"芳", u"娜",   u"敏",   u"静",   u"丽",   u"强",   u"磊",   u"军",   u"洋",  u"勇",
    u"艳",   u"杰", u"娟",   u"涛",   u"明",   u"超",   u"秀英", u"霞",   u"平",   u"刚",  u"桂英",
    u"建华", u"文", u"晓燕", u"志强", u"海燕", u"子涵", u"浩然", u"雨桐", u"一诺", u"梓萱"};
// Minority names with the middle dot, and given names with 𠮷 (U+20BB7, outside the BMP).
constexpr std::array<const char16_t*, 6> kDottedNames{u"阿依古丽·买买提", u"买买提·艾力", u"古丽娜尔·吐尔逊",
                                                      u"热依拉·阿不都",   u"扎西·多吉",   u"努尔兰·哈斯木"};
constexpr std::array<const char16_t*, 4> kPackages{u"P-8", u"P-58", u"P-128", u"P-199"};

QByteArray encode(const cv::Mat& image, const char* ext, const std::vector<int>& params)
{
    std::vector<uchar> buffer;
    cv::imencode(ext, image, buffer, params);
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

} // namespace

DemoDataGenerator::DemoDataGenerator(quint32 seed, int photoPoolSize)
    : m_rng(seed)
    , m_poolSize(qMax(1, photoPoolSize))
{}

QByteArray DemoDataGenerator::drawPhoto(int variant, int width, int height, int targetBytes)
{
    cv::RNG rng(quint64(variant) * 7919u + 17u);
    cv::Mat image(height, width, CV_8UC3);
    const cv::Vec3b top(uchar(rng.uniform(150, 230)), uchar(rng.uniform(150, 230)), uchar(rng.uniform(180, 250)));
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x)
            image.at<cv::Vec3b>(y, x) =
                cv::Vec3b(uchar(top[0] - y * 60 / height), uchar(top[1] - x * 40 / width), top[2]);
    }
    const cv::Point centre(width / 2 + rng.uniform(-width / 20, width / 20 + 1), height * 12 / 25);
    const cv::Size face(width * 7 / 25, height * 7 / 25);
    const cv::Scalar skin(rng.uniform(120, 170), rng.uniform(150, 190), rng.uniform(190, 235));
    cv::ellipse(image, centre + cv::Point(0, height * 2 / 5), cv::Size(width * 2 / 5, height / 5), 0, 180, 360,
                cv::Scalar(rng.uniform(20, 120), rng.uniform(20, 120), rng.uniform(20, 120)), -1);
    cv::ellipse(image, centre, face, 0, 0, 360, skin, -1);
    cv::ellipse(image, centre - cv::Point(0, face.height * 3 / 4), cv::Size(face.width, face.height / 2), 0, 180, 360,
                cv::Scalar(30, 30, 40), -1);
    const int eye = qMax(2, width / 30);
    cv::circle(image, centre + cv::Point(-face.width * 2 / 5, -face.height / 8), eye, cv::Scalar(40, 30, 20), -1);
    cv::circle(image, centre + cv::Point(face.width * 2 / 5, -face.height / 8), eye, cv::Scalar(40, 30, 20), -1);
    cv::ellipse(image, centre + cv::Point(0, face.height / 2), cv::Size(face.width / 3, face.height / 10), 0, 0, 180,
                cv::Scalar(80, 80, 160), qMax(1, width / 100));
    cv::Mat noise(image.size(), CV_16SC3);
    cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(7));
    cv::Mat mixed;
    image.convertTo(mixed, CV_16SC3);
    mixed += noise;
    mixed.convertTo(image, CV_8UC3);
    // Find the JPEG quality that lands near the target size.
    int low = 20;
    int high = 98;
    QByteArray best = encode(image, ".jpg", {cv::IMWRITE_JPEG_QUALITY, 60});
    while (low <= high) {
        const int quality = (low + high) / 2;
        QByteArray bytes = encode(image, ".jpg", {cv::IMWRITE_JPEG_QUALITY, quality});
        if (std::abs(bytes.size() - targetBytes) < std::abs(best.size() - targetBytes))
            best = bytes;
        if (bytes.size() < targetBytes)
            low = quality + 1;
        else
            high = quality - 1;
    }
    return best;
}

QByteArray DemoDataGenerator::drawSignature(int variant)
{
    cv::RNG rng(quint64(variant) * 104729u + 3u);
    cv::Mat image(150, 400, CV_8UC1, cv::Scalar(255));
    cv::Point pen(rng.uniform(20, 60), rng.uniform(60, 100));
    const int strokes = rng.uniform(3, 6);
    for (int s = 0; s < strokes; ++s) {
        std::vector<cv::Point> points{pen};
        for (int i = 0; i < 12; ++i) {
            pen += cv::Point(rng.uniform(2, 14), rng.uniform(-18, 19));
            pen.y = std::clamp(pen.y, 15, 135);
            points.push_back(pen);
        }
        cv::polylines(image, points, false, cv::Scalar(20), 2, cv::LINE_AA);
        pen += cv::Point(rng.uniform(5, 20), 0);
    }
    return encode(image, ".png", {cv::IMWRITE_PNG_COMPRESSION, 6});
}

const QByteArray& DemoDataGenerator::pooled(QList<QByteArray>& pool, const std::function<QByteArray(int)>& make)
{
    if (pool.size() < m_poolSize) {
        pool.append(make(int(pool.size()) + int(m_rng() % 100000)));
        return pool.last();
    }
    return pool.at(pick(int(pool.size())));
}

QByteArray DemoDataGenerator::livePhoto()
{
    return pooled(m_live, [](int v) { return drawPhoto(v, 480, 640, 20 * 1024); });
}

QByteArray DemoDataGenerator::chipPhoto()
{
    return pooled(m_chip, [](int v) { return drawPhoto(v + 500000, 102, 126, 4 * 1024); });
}

QByteArray DemoDataGenerator::signature()
{
    return pooled(m_signatures, [](int v) { return drawSignature(v); });
}

IdentityDocument DemoDataGenerator::person(QDate today)
{
    IdentityDocument d;
    d.type = DocumentType::ResidentId;
    const Region& region = kRegions[size_t(pick(int(kRegions.size())))];
    const int roll = pick(100);
    if (roll < 4) {
        d.name = QString::fromUtf16(kDottedNames[size_t(pick(int(kDottedNames.size())))]);
        d.nationCode = u"05"_s;
    } else if (roll < 7) {
        d.name = QString::fromUtf16(kSurnames[size_t(pick(int(kSurnames.size())))]) + u"𠮷"_s +
                 QString::fromUtf16(kGiven[size_t(pick(int(kGiven.size())))]);
        d.nationCode = u"01"_s;
    } else {
        d.name = QString::fromUtf16(kSurnames[size_t(pick(int(kSurnames.size())))]) +
                 QString::fromUtf16(kGiven[size_t(pick(int(kGiven.size())))]);
        if (pick(2) == 0)
            d.name += QString::fromUtf16(kGiven[size_t(pick(int(kGiven.size())))]);
        d.nationCode = u"01"_s;
    }
    const bool male = pick(2) == 0;
    d.sexCode = male ? u"1"_s : u"2"_s;
    d.birthDate = today.addYears(-(18 + pick(60))).addDays(-pick(365));
    int sequence = pick(500) * 2 + (male ? 1 : 0);
    const QString first17 = QString::fromUtf16(region.code) + d.birthDate.toString(u"yyyyMMdd"_s) +
                            u"%1"_s.arg(sequence, 3, 10, QLatin1Char('0'));
    d.number = first17 + QChar(identity::residentIdCheckCharacter(first17));
    d.address = QString::fromUtf16(region.address);
    if (pick(20) == 0)
        d.appendedAddress = u"迁入"_s + QString::fromUtf16(kRegions[size_t(pick(int(kRegions.size())))].address);
    d.authority = QString::fromUtf16(region.authority);
    d.validFrom = today.addDays(-pick(3650));
    const int age = d.birthDate.daysTo(today) / 365;
    if (age >= 46) {
        d.validToLongTerm = true;
    } else {
        d.validTo = d.validFrom.addYears(age < 26 ? 10 : 20);
    }
    d.nationality = u"CHN"_s;
    return d;
}

Registration DemoDataGenerator::registration(const QString& clerk, const QDateTime& at)
{
    Registration r;
    r.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.clerk = clerk;
    r.deviceTime = at;
    r.customerType = CustomerType::Individual;
    r.documents.append({DocumentRole::Customer, person(at.date())});
    r.face.band = pick(20) == 0 ? FaceBand::ManualReview : FaceBand::Pass;
    r.face.score = r.face.band == FaceBand::Pass ? 0.62 + pick(35) / 100.0 : 0.45 + pick(14) / 100.0;
    r.face.threshold = 0.6;
    // The counter's 0-100 scale for these cosines (review from 0.45, pass from 0.6, as face::scoreForCosine).
    r.face.points = r.face.band == FaceBand::Pass ? 80 + int(20.0 * (r.face.score - 0.6) / 0.4)
                                                  : 60 + int(20.0 * (r.face.score - 0.45) / 0.15);
    r.face.liveness = LivenessResult::Live;
    r.face.livenessScore = 0.9 + pick(10) / 100.0;
    r.face.quality = 0.7 + pick(30) / 100.0;
    if (r.face.band == FaceBand::ManualReview)
        r.face.overrideBy = u"manager"_s;
    r.media.append({MediaItem::Kind::ChipPhoto, {}, u"image/jpeg"_s, chipPhoto()});
    r.media.append({MediaItem::Kind::LivePhoto, {}, u"image/jpeg"_s, livePhoto()});
    r.media.append({MediaItem::Kind::Signature, {}, u"image/png"_s, signature()});
    r.packageId = QString::fromUtf16(kPackages[size_t(pick(int(kPackages.size())))]);
    static constexpr std::array<int, 6> prefixes{135, 138, 139, 150, 187, 198};
    r.number = QString::number(prefixes[size_t(pick(int(prefixes.size())))]) +
               u"%1"_s.arg(qint64(m_rng() % 100000000ull), 8, 10, QLatin1Char('0'));
    const QString body = u"898600"_s + u"%1"_s.arg(qint64(m_rng() % 10000000000000ull), 13, 10, QLatin1Char('0'));
    r.iccid = body + QChar(identity::luhnCheckDigit(body));
    ++m_counter;
    return r;
}

Registration DemoDataGenerator::transaction(const Registration& earlier, registration::Transaction t,
                                            const QString& clerk, const QDateTime& at)
{
    Registration r = registration(clerk, at); // fresh face evidence, photos and signature
    r.transaction = t;
    r.number = earlier.number;
    r.packageId.clear();
    r.documents = {{DocumentRole::Customer, earlier.customer()->document}};
    switch (t) {
    case registration::Transaction::NewNumber:
        return registration(clerk, at);
    case registration::Transaction::SimReplacement:
        break; // the fresh ICCID is the new card
    case registration::Transaction::Transfer:
        r.documents = {{DocumentRole::CurrentHolder, earlier.customer()->document},
                       {DocumentRole::Customer, person(at.date())}};
        r.media.append({MediaItem::Kind::HandlerPhoto, documentRoleKey(DocumentRole::CurrentHolder), u"image/jpeg"_s,
                        livePhoto()});
        r.iccid.clear();
        break;
    case registration::Transaction::Reverification:
    case registration::Transaction::Cancellation:
        r.iccid.clear();
        break;
    }
    return r;
}

Result<qint64> seedDemoRegistrations(OutletStore& store, const QString& clerk, qint64 count, int days,
                                     const Clock& clock, DemoDataGenerator& generator, int batchSize,
                                     const std::function<void(qint64)>& progress, bool allTransactions)
{
    if (count < 0 || days < 1 || batchSize < 1)
        return fail(Error::invalidInput(u"count must be >= 0, days >= 1, batch size >= 1"_s));
    const QDate today = clock.today();
    const QDateTime now = clock.now();
    qint64 written = 0;
    QList<Registration> fresh; // new numbers of this seed no later transaction has touched yet
    while (written < count) {
        QList<Registration> batch;
        const qint64 n = qMin<qint64>(batchSize, count - written);
        batch.reserve(n);
        for (qint64 i = 0; i < n; ++i) {
            const qint64 index = written + i;
            const int dayIndex = int(index * days / qMax<qint64>(count, 1));
            const qint64 perDay = qMax<qint64>(1, count / days);
            const qint64 inDay = index - qint64(dayIndex) * count / days;
            const QDate date = today.addDays(-(days - 1 - dayIndex));
            QDateTime at(date, QTime(9, 0).addSecs(int(inDay * (12 * 3600) / perDay) % (12 * 3600)));
            if (at > now)
                at = now;
            // Six new numbers in ten, then one of each lifecycle transaction on a number seeded before it.
            using registration::Transaction;
            static constexpr Transaction kLater[] = {Transaction::Reverification, Transaction::SimReplacement,
                                                     Transaction::Transfer, Transaction::Cancellation};
            const int slot = int(index % 10);
            if (allTransactions && slot >= 6 && !fresh.isEmpty()) {
                batch.append(generator.transaction(fresh.takeFirst(), kLater[slot - 6], clerk, at));
            } else {
                batch.append(generator.registration(clerk, at));
                if (allTransactions)
                    fresh.append(batch.last());
            }
        }
        if (auto r = store.registrations().commitMany(batch); !r)
            return fail(r.error());
        written += n;
        if (progress)
            progress(written);
    }
    return written;
}

} // namespace shiming::store
