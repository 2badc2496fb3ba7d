#pragma once

#include "core/common/Error.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

#include <cstdint>

namespace shiming::reader {

/// Why a card could not be read. `kind` says where it went wrong; `status` carries the reader's SW3 byte when
/// the reader itself reported the failure (0 otherwise). `message()` is the clerk's text, translated;
/// `detail` is English for logs and never holds personal data.
struct ReaderError {
    Q_DECLARE_TR_FUNCTIONS(shiming::reader::ReaderError)

public:
    enum class Kind {
        /// The reader answered with an error status word (see `status`).
        Status,
        /// The reader did not answer in time.
        Timeout,
        /// Replies kept arriving corrupted (checksum or length wrong).
        Corrupted,
        /// The port could not be opened or went away (unplugged).
        Link,
        /// The card's text block names a card type this program does not know.
        UnknownCardType,
        /// The card answered but its text block is not readable (bad encoding, bad dates).
        BadCardData,
        /// The vendor library is missing, broken, or returned an error.
        Library,
    };

    Kind kind = Kind::Status;
    std::uint8_t status = 0;
    QString detail;

    static ReaderError fromStatus(std::uint8_t sw3, QString detail = {});

    /// Clerk-readable text (translated), e.g. "The card could not be read. Place it flat on the reader...".
    QString message() const;
    /// Stable machine name: "status_41", "timeout", "link", ...
    QString codeName() const;
    /// The module-edge error (DeviceFault or InvalidInput).
    Error toError() const;
};

/// The success SW3 values: 0x90 for most commands, 0x9F for "find card".
inline constexpr std::uint8_t kStatusOk = 0x90;
inline constexpr std::uint8_t kStatusCardFound = 0x9F;

/// Known SW3 error values (DOMAIN.md section 3).
enum class Sw3 : std::uint8_t {
    BadChecksum = 0x10,
    BadLength = 0x11,
    BadCommand = 0x21,
    NoPrivilege = 0x23,
    UnknownError = 0x24,
    AuthFailed1 = 0x31,
    AuthFailed2 = 0x32,
    AuthFailed3 = 0x33,
    UnknownCardType = 0x40,
    ReadFailed = 0x41,
    RandomFailed = 0x47,
    SamSelfTestFailed = 0x60,
    SamNotAuthorised = 0x66,
    FindFailed = 0x80,
    SelectFailed = 0x81,
    NoSuchItem = 0x91,
    LinkFault = 0xFF,
};

/// English name of an SW3 value for logs ("read failed"), "unknown status 0x.." otherwise.
QString statusName(std::uint8_t sw3);

} // namespace shiming::reader

Q_DECLARE_METATYPE(shiming::reader::ReaderError)
