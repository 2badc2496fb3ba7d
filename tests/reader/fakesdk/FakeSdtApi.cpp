// A fake sdtapi-style vendor SDK (the API of Synjones-type readers) for testing VendorSdkReader through the
// real QLibrary path. The card and the faults are set through FakeSdt_* control functions, which a test
// resolves from the same library handle.
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#define SHIMING_EXPORT extern "C" __attribute__((visibility("default")))

namespace {

struct State {
    std::mutex mutex;
    bool plugged = true;
    bool open = false;
    int openPort = 0;
    bool present = false;
    bool found = false;
    bool selected = false;
    int readStatus = 0x90;
    std::vector<unsigned char> text;
    std::vector<unsigned char> photo;
    int finds = 0;
    int reads = 0;
};

State& state()
{
    static State s;
    return s;
}

constexpr int kPortFault = 0x01; // sdtapi: port open failed / communication failure

} // namespace

// ---- sdtapi ----

SHIMING_EXPORT int SDT_OpenPort(int port)
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    if (!s.plugged)
        return kPortFault;
    s.open = true;
    s.openPort = port;
    return 0x90;
}

SHIMING_EXPORT int SDT_ClosePort(int)
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    s.open = false;
    return 0x90;
}

SHIMING_EXPORT int SDT_GetSAMIDToStr(int, char* samId, int)
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    if (!s.plugged || !s.open)
        return kPortFault;
    std::strcpy(samId, "05.01-20150414-0035371845-2315722648");
    return 0x90;
}

SHIMING_EXPORT int SDT_StartFindIDCard(int, unsigned char* manaInfo, int)
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    if (!s.plugged || !s.open)
        return kPortFault;
    ++s.finds;
    std::memset(manaInfo, 0, 4);
    s.found = s.present;
    s.selected = false;
    return s.present ? 0x9F : 0x80;
}

SHIMING_EXPORT int SDT_SelectIDCard(int, unsigned char* manaMsg, int)
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    if (!s.plugged || !s.open)
        return kPortFault;
    std::memset(manaMsg, 0, 8);
    if (!s.present || !s.found)
        return 0x81;
    s.selected = true;
    return 0x90;
}

SHIMING_EXPORT int SDT_ReadBaseMsg(int, unsigned char* text, unsigned int* textLength, unsigned char* photo,
                                   unsigned int* photoLength, int)
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    if (!s.plugged || !s.open)
        return kPortFault;
    if (!s.present || !s.selected)
        return 0x41;
    ++s.reads;
    if (s.readStatus != 0x90)
        return s.readStatus;
    std::memcpy(text, s.text.data(), s.text.size());
    *textLength = unsigned(s.text.size());
    std::memcpy(photo, s.photo.data(), s.photo.size());
    *photoLength = unsigned(s.photo.size());
    return 0x90;
}

// ---- test control ----

SHIMING_EXPORT void FakeSdt_Reset()
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    s.plugged = true;
    s.open = s.present = s.found = s.selected = false;
    s.readStatus = 0x90;
    s.text.clear();
    s.photo.clear();
    s.finds = s.reads = 0;
}

SHIMING_EXPORT void FakeSdt_PlaceCard(const unsigned char* text, int textLength, const unsigned char* photo,
                                      int photoLength)
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    s.text.assign(text, text + textLength);
    s.photo.assign(photo, photo + photoLength);
    s.present = true;
}

SHIMING_EXPORT void FakeSdt_LiftCard()
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    s.present = s.found = s.selected = false;
}

SHIMING_EXPORT void FakeSdt_SetPlugged(int plugged)
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    s.plugged = plugged != 0;
    if (!s.plugged)
        s.open = false;
}

SHIMING_EXPORT void FakeSdt_SetReadStatus(int status)
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    s.readStatus = status;
}

SHIMING_EXPORT int FakeSdt_Reads()
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    return s.reads;
}

SHIMING_EXPORT int FakeSdt_Finds()
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    return s.finds;
}

SHIMING_EXPORT int FakeSdt_OpenPort()
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    return s.open ? s.openPort : 0;
}
