#pragma once

// The Shiming test photo format: what the reader simulator puts in the 1024-byte chip photo block in place of
// WLT (which cannot be produced), and what the test decoder library (tests/reader/testwlt) turns back into a
// 102×126 24-bit BMP like a real WLT decoder would. Plain C++ without Qt so the decoder library stays tiny.
//
//   offset 0  4 bytes  magic "SHW1"
//   offset 4  1 byte   width in pixels (32)
//   offset 5  1 byte   height in pixels (40)
//   offset 6  1 byte   bits per pixel (1..8; the simulator writes 6)
//   offset 7  1 byte   XOR of every payload byte
//   offset 8  payload  width*height grey levels, `bits` bits each, packed most significant bit first
//   rest      zero
//
// A grey level v of `bits` bits stands for the 8-bit grey round(v * 255 / (2^bits - 1)).

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace shiming::reader::testphoto {

inline constexpr std::size_t kBlockSize = 1024;
inline constexpr int kWidth = 32;
inline constexpr int kHeight = 40;
inline constexpr int kBits = 6;
inline constexpr int kHeaderSize = 8;
inline constexpr int kBmpWidth = 102;
inline constexpr int kBmpHeight = 126;
inline constexpr std::size_t kBmpRowBytes = ((kBmpWidth * 3 + 3) / 4) * 4;
inline constexpr std::size_t kBmpSize = 54 + kBmpRowBytes * kBmpHeight; // 38862

/// Packs kWidth × kHeight 8-bit grey pixels (row-major) into a photo block.
inline std::array<std::uint8_t, kBlockSize> pack(const std::uint8_t* grey)
{
    std::array<std::uint8_t, kBlockSize> block{};
    block[0] = 'S';
    block[1] = 'H';
    block[2] = 'W';
    block[3] = '1';
    block[4] = kWidth;
    block[5] = kHeight;
    block[6] = kBits;
    constexpr unsigned maxLevel = (1u << kBits) - 1;
    std::size_t bit = 0;
    for (int i = 0; i < kWidth * kHeight; ++i) {
        const unsigned level = (unsigned(grey[i]) * maxLevel + 127) / 255;
        for (int b = kBits - 1; b >= 0; --b, ++bit) {
            if (level & (1u << b))
                block[kHeaderSize + bit / 8] |= std::uint8_t(0x80u >> (bit % 8));
        }
    }
    std::uint8_t sum = 0;
    for (std::size_t i = kHeaderSize; i < kBlockSize; ++i)
        sum ^= block[i];
    block[7] = sum;
    return block;
}

/// Unpacks a photo block into 8-bit grey pixels; false when the block is not in this format.
inline bool unpack(const std::uint8_t* block, std::size_t size, std::vector<std::uint8_t>& grey, int& width,
                   int& height)
{
    if (size < kBlockSize || block[0] != 'S' || block[1] != 'H' || block[2] != 'W' || block[3] != '1')
        return false;
    width = block[4];
    height = block[5];
    const int bits = block[6];
    if (width == 0 || height == 0 || bits < 1 || bits > 8)
        return false;
    const std::size_t payloadBits = std::size_t(width) * std::size_t(height) * std::size_t(bits);
    if (kHeaderSize + (payloadBits + 7) / 8 > kBlockSize)
        return false;
    std::uint8_t sum = 0;
    for (std::size_t i = kHeaderSize; i < kBlockSize; ++i)
        sum ^= block[i];
    if (sum != block[7])
        return false;
    const unsigned maxLevel = (1u << bits) - 1;
    grey.assign(std::size_t(width) * std::size_t(height), 0);
    std::size_t bit = 0;
    for (std::size_t i = 0; i < grey.size(); ++i) {
        unsigned level = 0;
        for (int b = 0; b < bits; ++b, ++bit)
            level = (level << 1) | ((block[kHeaderSize + bit / 8] >> (7 - bit % 8)) & 1u);
        grey[i] = std::uint8_t((level * 255 + maxLevel / 2) / maxLevel);
    }
    return true;
}

/// Scales grey pixels bilinearly to 102×126 and writes a complete 24-bit bottom-up BMP file into `out`
/// (kBmpSize bytes).
inline void toBmp(const std::vector<std::uint8_t>& grey, int width, int height, std::uint8_t* out)
{
    auto put16 = [&](std::size_t at, unsigned v) {
        out[at] = std::uint8_t(v);
        out[at + 1] = std::uint8_t(v >> 8);
    };
    auto put32 = [&](std::size_t at, unsigned v) {
        put16(at, v & 0xFFFF);
        put16(at + 2, v >> 16);
    };
    for (std::size_t i = 0; i < kBmpSize; ++i)
        out[i] = 0;
    out[0] = 'B';
    out[1] = 'M';
    put32(2, unsigned(kBmpSize));
    put32(10, 54);
    put32(14, 40);
    put32(18, kBmpWidth);
    put32(22, kBmpHeight);
    put16(26, 1);
    put16(28, 24);
    put32(34, unsigned(kBmpRowBytes * kBmpHeight));
    put32(38, 2835);
    put32(42, 2835);
    for (int y = 0; y < kBmpHeight; ++y) {
        const double sy = (y + 0.5) * height / kBmpHeight - 0.5;
        const int y0 = sy < 0 ? 0 : int(sy);
        const int y1 = y0 + 1 < height ? y0 + 1 : height - 1;
        const double fy = sy < 0 ? 0 : sy - y0;
        std::uint8_t* row = out + 54 + kBmpRowBytes * std::size_t(kBmpHeight - 1 - y);
        for (int x = 0; x < kBmpWidth; ++x) {
            const double sx = (x + 0.5) * width / kBmpWidth - 0.5;
            const int x0 = sx < 0 ? 0 : int(sx);
            const int x1 = x0 + 1 < width ? x0 + 1 : width - 1;
            const double fx = sx < 0 ? 0 : sx - x0;
            auto at = [&](int xx, int yy) {
                return double(grey[std::size_t(yy) * std::size_t(width) + std::size_t(xx)]);
            };
            const double top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
            const double bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
            const auto v = std::uint8_t(top * (1 - fy) + bottom * fy + 0.5);
            row[3 * x] = row[3 * x + 1] = row[3 * x + 2] = v;
        }
    }
}

} // namespace shiming::reader::testphoto
