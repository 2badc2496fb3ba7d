#include "core/demo/CardFixture.h"

#include "core/demo/TestPhotoCodec.h"
#include "core/reader/Ga467Frame.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace Qt::StringLiterals;

namespace shiming::reader {

static Result<QByteArray> packGrey(const cv::Mat& grey)
{
    if (grey.empty())
        return fail(Error::invalidInput(u"photo image could not be decoded"_s));
    // Crop to the chip photo's 102:126 aspect around the centre, then shrink.
    int width = grey.cols;
    int height = grey.rows;
    if (width * 126 > height * 102)
        width = std::max(1, height * 102 / 126);
    else
        height = std::max(1, width * 126 / 102);
    const cv::Rect crop((grey.cols - width) / 2, (grey.rows - height) / 2, width, height);
    cv::Mat small;
    cv::resize(grey(crop), small, cv::Size(testphoto::kWidth, testphoto::kHeight), 0, 0, cv::INTER_AREA);
    if (!small.isContinuous())
        small = small.clone();
    const auto block = testphoto::pack(small.ptr<std::uint8_t>());
    return QByteArray(reinterpret_cast<const char*>(block.data()), qsizetype(block.size()));
}

Result<QByteArray> packTestPhotoBytes(const QByteArray& encodedImage)
{
    try {
        const cv::Mat buffer(1, int(encodedImage.size()), CV_8UC1, const_cast<char*>(encodedImage.constData()));
        return packGrey(cv::imdecode(buffer, cv::IMREAD_GRAYSCALE));
    } catch (const cv::Exception& e) {
        return fail(Error::invalidInput(u"photo image could not be decoded: %1"_s.arg(QString::fromUtf8(e.what()))));
    }
}

Result<QByteArray> packTestPhotoFile(const QString& imagePath)
{
    QFile file(imagePath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::notFound(u"photo file not readable: %1"_s.arg(imagePath)));
    return packTestPhotoBytes(file.readAll());
}

Result<CardFixture> cardFixtureFromJson(const QJsonObject& object, const QString& baseDir)
{
    const auto text = [&](const char* key) {
        return object.value(QLatin1StringView(key)).toString();
    };
    CardFixture fixture;
    const QString type = text("type");
    if (type == u"resident"_s) {
        fixture.text.layout = CardText::Layout::Resident;
        fixture.text.nation = text("nation");
        fixture.text.address = text("address");
        fixture.text.number = text("id_number");
    } else if (type == u"foreign"_s) {
        fixture.text.layout = CardText::Layout::ForeignPermanent;
        fixture.text.englishName = text("english_name");
        fixture.text.nationality = text("nationality");
        fixture.text.number = text("permit_number");
        fixture.text.cardVersion = object.contains(u"card_version"_s) ? text("card_version") : u"01"_s;
    } else {
        return fail(Error::invalidInput(u"fixture type must be \"resident\" or \"foreign\""_s));
    }
    fixture.text.name = text("name");
    fixture.text.sex = text("sex");
    fixture.text.birth = text("birth");
    fixture.text.authority = text("authority");
    fixture.text.validFrom = text("valid_from");
    fixture.text.validTo = text("valid_to");
    fixture.appendedAddress = text("appended_address");
    fixture.fingerprint = object.value(u"fingerprint"_s).toBool(false);

    Result<QByteArray> block = encodeCardText(fixture.text);
    if (!block)
        return fail(block.error());
    fixture.textBlock = *block;

    const QString photo = text("photo");
    if (photo.isEmpty()) {
        fixture.photoBlock = QByteArray(ga467::kPhotoSize, '\0');
    } else {
        const QString path = QDir(baseDir).absoluteFilePath(photo);
        Result<QByteArray> packed = packTestPhotoFile(path);
        if (!packed)
            return fail(packed.error());
        fixture.photoBlock = *packed;
    }
    if (!fixture.appendedAddress.isEmpty()) {
        if (Result<QByteArray> appended = encodeAppendedAddress(fixture.appendedAddress); !appended)
            return fail(appended.error());
    }
    return fixture;
}

Result<CardFixture> loadCardFixture(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::notFound(u"fixture not readable: %1"_s.arg(path)));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.read(1 << 20), &error);
    if (!document.isObject())
        return fail(Error::invalidInput(u"fixture %1 is not a JSON object: %2"_s.arg(path, error.errorString())));
    return cardFixtureFromJson(document.object(), QFileInfo(path).absolutePath());
}

} // namespace shiming::reader
