#include "core/reader/ReaderSettings.h"

using namespace Qt::StringLiterals;

namespace shiming::reader {

QString readerKindKey(ReaderSettings::Kind kind)
{
    switch (kind) {
    case ReaderSettings::Kind::None:
        return u"none"_s;
    case ReaderSettings::Kind::Serial:
        return u"serial"_s;
    case ReaderSettings::Kind::VendorSdk:
        return u"vendor-sdk"_s;
    }
    return u"serial"_s;
}

std::optional<ReaderSettings::Kind> parseReaderKind(QStringView key)
{
    for (auto kind : {ReaderSettings::Kind::None, ReaderSettings::Kind::Serial, ReaderSettings::Kind::VendorSdk}) {
        if (key.compare(readerKindKey(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

ReaderSettings ReaderSettings::load(const QSettings& settings)
{
    ReaderSettings s;
    s.kind = parseReaderKind(settings.value(u"reader/kind"_s, readerKindKey(s.kind)).toString()).value_or(s.kind);
    s.port = settings.value(u"reader/port"_s, s.port).toString();
    s.baud = settings.value(u"reader/baud"_s, s.baud).toInt();
    if (s.baud <= 0)
        s.baud = 115200;
    s.pollIntervalMs = std::max(300, settings.value(u"reader/pollIntervalMs"_s, s.pollIntervalMs).toInt());
    s.readFingerprint = settings.value(u"reader/readFingerprint"_s, s.readFingerprint).toBool();
    s.readAppendedAddress = settings.value(u"reader/readAppendedAddress"_s, s.readAppendedAddress).toBool();
    s.sdkLibrary = settings.value(u"reader/sdkLibrary"_s, s.sdkLibrary).toString();
    s.sdkPort = settings.value(u"reader/sdkPort"_s, s.sdkPort).toInt();
    s.decoderLibrary = settings.value(u"reader/decoderLibrary"_s, s.decoderLibrary).toString();
    s.decoderSymbol = settings.value(u"reader/decoderSymbol"_s, s.decoderSymbol).toString();
    return s;
}

void ReaderSettings::save(QSettings& settings) const
{
    settings.setValue(u"reader/kind"_s, readerKindKey(kind));
    settings.setValue(u"reader/port"_s, port);
    settings.setValue(u"reader/baud"_s, baud);
    settings.setValue(u"reader/pollIntervalMs"_s, pollIntervalMs);
    settings.setValue(u"reader/readFingerprint"_s, readFingerprint);
    settings.setValue(u"reader/readAppendedAddress"_s, readAppendedAddress);
    settings.setValue(u"reader/sdkLibrary"_s, sdkLibrary);
    settings.setValue(u"reader/sdkPort"_s, sdkPort);
    settings.setValue(u"reader/decoderLibrary"_s, decoderLibrary);
    settings.setValue(u"reader/decoderSymbol"_s, decoderSymbol);
}

std::unique_ptr<WltDecoder> createWltDecoder(const ReaderSettings& settings)
{
    if (settings.decoderLibrary.isEmpty())
        return nullptr;
    return std::make_unique<LibraryWltDecoder>(
        LibraryWltDecoder::Config{settings.decoderLibrary, settings.decoderSymbol});
}

std::unique_ptr<IdCardReader> createIdCardReader(const ReaderSettings& settings, WltDecoder* decoder,
                                                 const Clock& clock)
{
    switch (settings.kind) {
    case ReaderSettings::Kind::None:
        return nullptr;
    case ReaderSettings::Kind::Serial: {
        Ga467Reader::Options options;
        options.port = settings.port;
        options.baud = settings.baud;
        options.pollIntervalMs = settings.pollIntervalMs;
        options.readFingerprint = settings.readFingerprint;
        options.readAppendedAddress = settings.readAppendedAddress;
        return std::make_unique<Ga467Reader>(options, decoder, clock);
    }
    case ReaderSettings::Kind::VendorSdk: {
        VendorSdkReader::Options options;
        options.libraryPath = settings.sdkLibrary;
        options.port = settings.sdkPort;
        options.pollIntervalMs = settings.pollIntervalMs;
        return std::make_unique<VendorSdkReader>(options, decoder, clock);
    }
    }
    return nullptr;
}

} // namespace shiming::reader
