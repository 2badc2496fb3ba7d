#pragma once

#include "core/common/Clock.h"
#include "core/reader/Ga467Reader.h"
#include "core/reader/LibraryWltDecoder.h"
#include "core/reader/VendorSdkReader.h"

#include <QSettings>

#include <memory>

namespace shiming::reader {

/// Which reader the counter uses and how to reach it. Stored in QSettings under "reader/..." (no secrets here).
struct ReaderSettings {
    enum class Kind {
        None,      ///< no reader: documents without a chip only
        Serial,    ///< GA 467 over a serial or USB-serial port (Ga467Reader)
        VendorSdk, ///< an sdtapi-style vendor library (VendorSdkReader)
    };

    Kind kind = Kind::Serial;
    QString port = QStringLiteral("/dev/ttyUSB0");
    qint32 baud = 115200;
    int pollIntervalMs = 300;
    bool readFingerprint = false;
    bool readAppendedAddress = true;
    QString sdkLibrary;
    int sdkPort = 1001;
    QString decoderLibrary;
    QString decoderSymbol = QStringLiteral("unpack");

    static ReaderSettings load(const QSettings& settings);
    void save(QSettings& settings) const;

    friend bool operator==(const ReaderSettings&, const ReaderSettings&) = default;
};

/// "none", "serial", "vendor-sdk"; and back (nullopt when unknown).
QString readerKindKey(ReaderSettings::Kind kind);
std::optional<ReaderSettings::Kind> parseReaderKind(QStringView key);

/// The photo decoder the settings name; null when none is configured (a readout then says "no decoder").
std::unique_ptr<WltDecoder> createWltDecoder(const ReaderSettings& settings);

/// The reader the settings name, not started; null for Kind::None. `decoder` and `clock` must outlive it.
std::unique_ptr<IdCardReader> createIdCardReader(const ReaderSettings& settings, WltDecoder* decoder,
                                                 const Clock& clock);

} // namespace shiming::reader
