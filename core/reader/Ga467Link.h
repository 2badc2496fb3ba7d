#pragma once

#include "core/common/Error.h"
#include "core/reader/Ga467Frame.h"
#include "core/reader/ReaderError.h"

#include <QDeadlineTimer>
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
/// the reader's "bad checksum" status (the command is sent again, `retries` times), silence (timeout), and
/// late replies. A GA 467 reply does not say which command it answers, so the link keeps request and reply in
/// step itself: input is flushed before every command; after a command timed out nothing else is sent until
/// its late reply has come and been dropped, or `lateReplyMs` has passed; and a reply that cannot be the answer
/// to the command waiting (couldAnswer()) is dropped as stale. A late reply is never anyone's answer.
class Ga467Link final : public QObject {
    Q_OBJECT

public:
    struct Options {
        QString port;
        qint32 baud = 115200;
        /// Time allowed for a reply on top of its wire time, for quick commands and for the read commands.
        /// Generous on purpose: some readers take over a second for SAM and find commands.
        int replyTimeoutMs = 3000;
        int readTimeoutMs = 3000;
        /// How often a command is sent again after a corrupted reply or a timeout.
        int retries = 2;
        /// After a command timed out, how long the link waits for its late reply (which it drops) before it
        /// sends anything else: the retry or the next command.
        int lateReplyMs = 1000;
    };
    using Callback = std::function<void(std::expected<ga467::Reply, ReaderError>)>;

    explicit Ga467Link(Options options, QObject* parent = nullptr);
    ~Ga467Link() override;

    Result<void> open();
    void close();
    bool isOpen() const;
    bool busy() const { return bool(m_callback); }

    /// Sends `command` and calls `done` once with the reply or the failure. One request at a time. After a
    /// timeout the command goes out only once the line has settled (the late reply came, or `lateReplyMs`).
    void request(ga467::Command command, Callback done, QByteArrayView data = {});
    /// Drops the outstanding request without calling its callback. Its reply, should it still come, is dropped.
    void cancel();

    /// Whether `reply` can be the answer to `command`: a success status belongs to its own commands (9F to
    /// find only, 90 never to find), and a read's text and photo blocks come only with a read. Error statuses
    /// fit any command.
    static bool couldAnswer(ga467::Command command, const ga467::Reply& reply);

    /// Corrupted replies and timeouts seen, for diagnostics and tests.
    int corruptedReplies() const { return m_corrupted; }
    /// Late or stale replies dropped instead of being taken as an answer, for diagnostics and tests.
    int staleReplies() const { return m_stale; }
    qint64 discardedBytes() const { return m_decoder.discardedBytes(); }

signals:
    /// The port went away (unplugged, closed underneath). The link is closed when this is emitted.
    void linkLost(const QString& detail);

private:
    /// Idle: nothing on the wire. Waiting: a command was sent, its reply is due before the timer fires.
    /// Settling: a command was given up while the reader may still answer it; nothing is sent until then.
    enum class State { Idle, Waiting, Settling };

    void send();
    void onReadyRead();
    void dropLateReplies();
    void onTimeout();
    void abandon(int lateReplyMs);
    void settle();
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
    State m_state = State::Idle;
    /// Commands given up on whose late replies have not come yet, and until when they are waited for. Kept
    /// across close() and open(): a reply can arrive after the port was reopened.
    int m_abandoned = 0;
    QDeadlineTimer m_settleDeadline;
    int m_attempt = 0;
    int m_corrupted = 0;
    int m_stale = 0;
    bool m_sawCorruption = false;
};

} // namespace shiming::reader
