#pragma once

#include "core/common/Clock.h"
#include "core/reader/IdCardReader.h"

#include <QThread>

namespace shiming::reader {

class WltDecoder;
class VendorSdkWorker;

/// An IdCardReader for readers whose vendor only offers an SDK: loads an sdtapi-style library with QLibrary
/// (SDT_OpenPort, SDT_StartFindIDCard, SDT_SelectIDCard, SDT_ReadBaseMsg, SDT_ClosePort; SDT_GetSAMIDToStr when
/// present) and polls it on a worker thread, because vendor calls block for up to a second. The photo the SDK
/// returns is WLT and goes through the same WltDecoder. Same lift rule and recovery as Ga467Reader: a port
/// fault closes the port and reopening is retried.
class VendorSdkReader final : public IdCardReader {
    Q_OBJECT

public:
    struct Options {
        QString libraryPath;
        /// sdtapi port number: 1..16 serial (COM1..), 1001..1016 USB.
        int port = 1001;
        int pollIntervalMs = 300; ///< raised to 300 if lower
        int reopenIntervalMs = 1000;
    };

    VendorSdkReader(Options options, WltDecoder* decoder, const Clock& clock, QObject* parent = nullptr);
    ~VendorSdkReader() override;

    void start() override;
    void stop() override;
    ReaderStatus status() const override { return m_status; }
    QString samId() const override { return m_samId; }

private:
    void onRawCard(const QByteArray& text, const QByteArray& photo);
    void onFailure(const shiming::reader::ReaderError& error);
    void onStatus(shiming::reader::ReaderStatus status);

    WltDecoder* m_decoder = nullptr;
    const Clock& m_clock;
    QThread m_thread;
    VendorSdkWorker* m_worker = nullptr;
    ReaderStatus m_status = ReaderStatus::NoDevice;
    QString m_samId;
};

} // namespace shiming::reader
