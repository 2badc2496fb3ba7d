#pragma once

#include "core/common/Error.h"

#include <opencv2/core.hpp>

#include <QByteArray>
#include <QByteArrayView>

namespace shiming::demophoto {

// The demo's colour chip photo: what the demo cards carry in the 1024-byte photo block so that the demo face
// check compares a real 102×126 colour photo, as a WLT decoder would deliver it. Demo only: the reader simulator
// passes the block through untouched, and DemoEnvironment's decoder turns it into the 102×126 24-bit BMP.
//
//   offset 0  4 bytes  magic "SHC1"
//   offset 4  2 bytes  payload length, little endian (at most 1016)
//   offset 6  2 bytes  zero
//   offset 8  payload  a WebP image of 102×126 pixels
//   rest      zero

inline constexpr int kBlockSize = 1024;
inline constexpr int kHeaderSize = 8;
inline constexpr int kWidth = 102;
inline constexpr int kHeight = 126;

/// Crops `image` (8-bit BGR or grey) to the chip photo's 102:126 around its centre, scales it to 102×126 and
/// encodes it at the best WebP quality that fits the block.
Result<QByteArray> pack(const cv::Mat& image);
/// pack() of an encoded image file's bytes (JPEG, PNG, ...).
Result<QByteArray> packEncoded(const QByteArray& encodedImage);
/// True when `block` starts like a colour demo photo block.
bool isColourBlock(QByteArrayView block);
/// The block's photo as 102×126 BGR; InvalidInput for anything that is not a well-formed colour block.
Result<cv::Mat> unpack(QByteArrayView block);
/// unpack() written as the 24-bit 102×126 BMP file a WLT decoder returns (38,862 bytes).
Result<QByteArray> toBmp(QByteArrayView block);

} // namespace shiming::demophoto
