#include "core/face/FaceGeometry.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace shiming::face::geometry {

namespace {

cv::Point2f mean(const Landmarks68& l, int first, int count)
{
    cv::Point2f sum(0, 0);
    for (int i = first; i < first + count; ++i)
        sum += l[size_t(i)];
    return sum * (1.0f / float(count));
}

double distance(cv::Point2f a, cv::Point2f b)
{
    return std::hypot(double(a.x - b.x), double(a.y - b.y));
}

double eyeRatio(const Landmarks68& l, int first)
{
    const auto p = [&](int i) {
        return l[size_t(first + i)];
    };
    const double width = distance(p(0), p(3));
    if (width < 1e-6)
        return 0.0;
    return (distance(p(1), p(5)) + distance(p(2), p(4))) / (2.0 * width);
}

double degrees(double radians)
{
    return radians * 180.0 / std::numbers::pi;
}

// Nose-tip position between eye line and mouth line on a frontal face, measured on the LFW calibration set.
constexpr double kFrontalNoseRatio = 0.51;

} // namespace

FivePoints fivePoints(const Landmarks68& l)
{
    return {mean(l, 36, 6), mean(l, 42, 6), l[30], l[48], l[54]};
}

FivePoints arcFaceTemplate(cv::Size size)
{
    const float sx = float(size.width) / 112.0f, sy = float(size.height) / 112.0f;
    const FivePoints reference{cv::Point2f(38.2946f, 51.6963f), cv::Point2f(73.5318f, 51.5014f),
                               cv::Point2f(56.0252f, 71.7366f), cv::Point2f(41.5493f, 92.3655f),
                               cv::Point2f(70.7299f, 92.2041f)};
    FivePoints scaled;
    for (size_t i = 0; i < reference.size(); ++i)
        scaled[i] = cv::Point2f(reference[i].x * sx, reference[i].y * sy);
    return scaled;
}

cv::Mat similarityTransform(const FivePoints& from, const FivePoints& to)
{
    cv::Point2d meanFrom(0, 0), meanTo(0, 0);
    for (size_t i = 0; i < from.size(); ++i) {
        meanFrom += cv::Point2d(from[i]);
        meanTo += cv::Point2d(to[i]);
    }
    meanFrom *= 1.0 / double(from.size());
    meanTo *= 1.0 / double(to.size());
    double dot = 0.0, cross = 0.0, norm = 0.0;
    for (size_t i = 0; i < from.size(); ++i) {
        const cv::Point2d s = cv::Point2d(from[i]) - meanFrom;
        const cv::Point2d d = cv::Point2d(to[i]) - meanTo;
        dot += s.x * d.x + s.y * d.y;
        cross += s.x * d.y - s.y * d.x;
        norm += s.x * s.x + s.y * s.y;
    }
    const double a = norm > 1e-12 ? dot / norm : 1.0;
    const double b = norm > 1e-12 ? cross / norm : 0.0;
    cv::Mat m = (cv::Mat_<double>(2, 3) << a, -b, 0.0, b, a, 0.0);
    m.at<double>(0, 2) = meanTo.x - (a * meanFrom.x - b * meanFrom.y);
    m.at<double>(1, 2) = meanTo.y - (b * meanFrom.x + a * meanFrom.y);
    return m;
}

const std::array<int, 68>& mirroredLandmarkIndex()
{
    static const std::array<int, 68> partner = [] {
        std::array<int, 68> p{};
        for (int i = 0; i < 68; ++i)
            p[size_t(i)] = i;
        const auto pair = [&](int a, int b) {
            p[size_t(a)] = b;
            p[size_t(b)] = a;
        };
        for (int i = 0; i <= 7; ++i)
            pair(i, 16 - i); // jaw
        for (int i = 0; i < 5; ++i)
            pair(17 + i, 26 - i); // brows
        pair(31, 35);             // nostrils
        pair(32, 34);
        pair(36, 45); // eyes: outer corners, upper lids, inner corners, lower lids
        pair(37, 44);
        pair(38, 43);
        pair(39, 42);
        pair(40, 47);
        pair(41, 46);
        pair(48, 54); // outer lips
        pair(49, 53);
        pair(50, 52);
        pair(55, 59);
        pair(56, 58);
        pair(60, 64); // inner lips
        pair(61, 63);
        pair(65, 67);
        return p;
    }();
    return partner;
}

cv::Mat alignFaceAntialiased(const cv::Mat& image, const FivePoints& points, cv::Size size)
{
    const cv::Mat transform = similarityTransform(points, arcFaceTemplate(size));
    const double scale = std::hypot(transform.at<double>(0, 0), transform.at<double>(1, 0));
    if (!(scale < 0.8))
        return alignFace(image, points, size);
    // Shrinking with a bilinear warp samples a few source pixels per output pixel and aliases: first shrink the
    // face's region by area averaging to about the output's scale, then warp what remains.
    cv::Mat inverse;
    cv::invertAffineTransform(transform, inverse);
    std::vector<cv::Point2f> corners{
        {0.0f, 0.0f}, {float(size.width), 0.0f}, {0.0f, float(size.height)}, {float(size.width), float(size.height)}};
    std::vector<cv::Point2f> source;
    cv::transform(corners, source, inverse);
    const cv::Rect region =
        (cv::boundingRect(source) + cv::Size(4, 4) - cv::Point(2, 2)) & cv::Rect(0, 0, image.cols, image.rows);
    if (region.width < 4 || region.height < 4)
        return alignFace(image, points, size);
    cv::Mat shrunk;
    cv::resize(image(region), shrunk, cv::Size(), scale, scale, cv::INTER_AREA);
    const double sx = double(shrunk.cols) / region.width, sy = double(shrunk.rows) / region.height;
    FivePoints moved;
    for (size_t i = 0; i < points.size(); ++i)
        moved[i] = cv::Point2f(float((points[i].x - region.x) * sx), float((points[i].y - region.y) * sy));
    return alignFace(shrunk, moved, size);
}

cv::Mat alignFace(const cv::Mat& image, const FivePoints& points, cv::Size size)
{
    const cv::Mat transform = similarityTransform(points, arcFaceTemplate(size));
    cv::Mat aligned;
    cv::warpAffine(image, aligned, transform, size, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(0));
    return aligned;
}

double yawDegrees(const Landmarks68& l)
{
    // Horizontal distances from the nose bridge and tip to the jaw line on either side, at cheek height.
    const cv::Point2f nose = (l[30] + l[29]) * 0.5f;
    const double left = distance(nose, (l[1] + l[2]) * 0.5f);
    const double right = distance(nose, (l[14] + l[15]) * 0.5f);
    if (left + right < 1e-6)
        return 0.0;
    const double ratio = std::clamp((right - left) / (left + right), -1.0, 1.0);
    return degrees(std::asin(ratio));
}

double pitchDegrees(const Landmarks68& l)
{
    const cv::Point2f eyes = (mean(l, 36, 6) + mean(l, 42, 6)) * 0.5f;
    const cv::Point2f mouth = (l[48] + l[54]) * 0.5f;
    const double span = distance(eyes, mouth);
    if (span < 1e-6)
        return 0.0;
    // Project the nose tip onto the eye–mouth axis.
    const cv::Point2d axis = cv::Point2d(mouth - eyes) * (1.0 / span);
    const double along = cv::Point2d(l[30] - eyes).dot(axis) / span;
    const double offset = std::clamp((kFrontalNoseRatio - along) * 2.0, -1.0, 1.0);
    return degrees(std::asin(offset));
}

double eyeOpenness(const Landmarks68& l)
{
    return (eyeRatio(l, 36) + eyeRatio(l, 42)) / 2.0;
}

cv::Rect2f chipPhotoFaceBox(cv::Size imageSize)
{
    // Measured as the median detector box on chip-sized photos (tools: face-eval --calibrate-chip).
    const float sx = float(imageSize.width) / 102.0f, sy = float(imageSize.height) / 126.0f;
    return {18.0f * sx, 30.0f * sy, 66.0f * sx, 80.0f * sy};
}

} // namespace shiming::face::geometry
