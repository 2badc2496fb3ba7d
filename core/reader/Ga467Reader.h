#pragma once

#include "core/common/Clock.h"
#include "core/reader/Ga467Link.h"
#include "core/reader/IdCardReader.h"

#include <QElapsedTimer>
#include <QTimer>

namespace shiming::reader {

class WltDecoder;

/// An IdCardReader speaking GA 467 over a serial port (RS-232 or USB-serial). Polls with "find card" no faster
/// than every 300 ms; a found card is selected and read (text + photo, optionally fingerprint, then the
/// appended address); the photo goes through the WltDecoder. A card is read once and must be lifted (find
/// fails) before the next read. When the port disappears (unplugged) or stops answering, the reader reports
/// NoDevice and reopens the port every `reopenIntervalMs` until it works again.
class Ga467Reader final : public IdCardReader {
    Q_OBJECT

public:
    struct Options {
        QString port;
        qint32 baud = 115200;
        int pollIntervalMs = 300; ///< raised to 300 if lower
        int reopenIntervalMs = 1000;
        int replyTimeoutMs = 3000;
        int readTimeoutMs = 3000;
        int retries = 2;
        int lateReplyMs = 1000; ///< see Ga467Link::Options
        bool readFingerprint = false;
        bool readAppendedAddress = true;
    };

    /// `decoder` (may be null) and `clock` must outlive the reader.
    Ga467Reader(Options options, WltDecoder* decoder, const Clock& clock, QObject* parent = nullptr);
    ~Ga467Reader() override;

    void start() override;
    void stop() override;
    ReaderStatus status() const override { return m_status; }
    QString samId() const override { return m_samId; }

    /// "Find card" commands sent so far; tests wait on it instead of sleeping.
    qint64 pollCount() const { return m_polls; }
    /// The poll interval in effect (the configured one, raised to kMinPollIntervalMs).
    int pollIntervalMs() const { return m_options.pollIntervalMs; }
    /// Attempts to open the port so far (the first and every reopen).
    qint64 openAttempts() const { return m_openAttempts; }
    const Ga467Link& link() const { return *m_link; }

    static constexpr int kMinPollIntervalMs = 300;

private:
    void openDevice();
    void onSamId(std::expected<ga467::Reply, ReaderError> reply);
    void schedulePoll();
    void poll();
    void onFind(std::expected<ga467::Reply, ReaderError> reply);
    void onSelect(std::expected<ga467::Reply, ReaderError> reply);
    void onRead(std::expected<ga467::Reply, ReaderError> reply);
    void onAppendedAddress(std::expected<ga467::Reply, ReaderError> reply);
    void finishRead(const QString& appendedAddress);
    void cardFailed(const ReaderError& error);
    void deviceFailed(const ReaderError& error);
    void reportOnce(const ReaderError& error);
    void setStatus(ReaderStatus status);

    Options m_options;
    WltDecoder* m_decoder = nullptr;
    const Clock& m_clock;
    Ga467Link* m_link = nullptr;
    QTimer m_pollTimer;
    QTimer m_reopenTimer;
    QElapsedTimer m_sinceLastFind;
    ReaderStatus m_status = ReaderStatus::NoDevice;
    QString m_samId;
    bool m_running = false;
    bool m_waitingForLift = false;
    QString m_lastReported;
    qint64 m_polls = 0;
    qint64 m_openAttempts = 0;
    QByteArray m_textBlock;
    QByteArray m_photoBlock;
    QByteArray m_fingerprint;
};

} // namespace shiming::reader
