// The test WLT decoder: a stand-in for a vendor's closed WLT library, for the tests and the demo mode. It reads
// the Shiming test photo format (core/demo/TestPhotoCodec.h) that shiming-reader-sim puts in the photo block
// and writes a 102×126 24-bit BMP with the calling convention of libwlt2bmp's `unpack`, so LibraryWltDecoder
// loads it exactly like a real decoder. Two more symbols misbehave on purpose for the tests.
#include "core/demo/TestPhotoCodec.h"

#include <cstdint>
#include <cstring>

#define SHIMING_EXPORT extern "C" __attribute__((visibility("default")))

using namespace shiming::reader;

/// Decodes `wlt` (1024 bytes) into `bmp` (38862 bytes). Returns 1 on success, 0 when the block is not in the
/// test photo format (e.g. a real WLT photo).
SHIMING_EXPORT int shiming_test_wlt_unpack(const char* wlt, char* bmp, int /*flags*/)
{
    if (!wlt || !bmp)
        return 0;
    std::vector<std::uint8_t> grey;
    int width = 0;
    int height = 0;
    if (!testphoto::unpack(reinterpret_cast<const std::uint8_t*>(wlt), testphoto::kBlockSize, grey, width, height))
        return 0;
    testphoto::toBmp(grey, width, height, reinterpret_cast<std::uint8_t*>(bmp));
    return 1;
}

/// Always fails, like a vendor library whose licence check refuses to run.
SHIMING_EXPORT int shiming_test_wlt_refuse(const char*, char*, int)
{
    return -3;
}

/// Claims success but writes something that is not a BMP.
SHIMING_EXPORT int shiming_test_wlt_garbage(const char*, char* bmp, int)
{
    std::memset(bmp, 0x42, testphoto::kBmpSize);
    return 1;
}
