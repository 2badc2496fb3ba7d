#pragma once

#include "core/common/Error.h"
#include "core/reader/Ga467Frame.h"
#include "core/reader/ReaderError.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <expected>
#include <functional>

class QSerialPort;

namespace shiming::reader {

/// One GA 467 request/reply exchange at a time over a serial port. Handles what the line does to bytes:
/// replies split across reads, noise between frames (resynchronised by FrameDecoder), corrupted replies and
/// the reader's "bad checksum" status (the command is sent again, `retries` times), and silence (timeout).
class Ga467Link final : public QObject {
    Q_OBJECT

public:
    struct Options {
        QString port;
        qint32 baud = 115200;
        /// Time allowed for a reply on top of its wire time, for quick commands and for the read commands.
        int replyTimeoutMs = 1000;
        int readTimeoutMs = 3000;
        /// How often a command is sent again after a corrupted reply or a timeout.
        int retries = 2;
    };
    using Callback = std::function<void(std::expected<ga467::Reply, ReaderError>)>;

    explicit Ga467Link(Options options, QObject* parent = nullptr);
    ~Ga467Link() override;

    Result<void> open();
    void close();
    bool isOpen() const;
    bool busy() const { return bool(m_callback); }

    /// Sends `command` and calls `done` once with the reply or the failure. One request at a time.
    void request(ga467::Command command, Callback done, QByteArrayView data = {});
    /// Drops the outstanding request without calling its callback.
    void cancel();

    /// Corrupted replies and timeouts seen, for diagnostics and tests.
    int corruptedReplies() const { return m_corrupted; }
    qint64 discardedBytes() const { return m_decoder.discardedBytes(); }

signals:
    /// The port went away (unplugged, closed underneath). The link is closed when this is emitted.
    void linkLost(const QString& detail);

private:
    void send();
    void onReadyRead();
    void onTimeout();
    void retryOrFail(ReaderError error);
    void finish(std::expected<ga467::Reply, ReaderError> result);
    int timeoutFor(ga467::Command command) const;

    Options m_options;
    QSerialPort* m_port = nullptr;
    FrameDecoder m_decoder;
    QTimer m_timer;
    ga467::Command m_command = ga467::Command::ResetSam;
    QByteArray m_frame;
    Callback m_callback;
    int m_attempt = 0;
    int m_corrupted = 0;
    bool m_sawCorruption = false;
};

} // namespace shiming::reader
