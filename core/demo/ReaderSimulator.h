#pragma once

#include "core/common/Error.h"
#include "core/demo/CardFixture.h"
#include "core/reader/Ga467Frame.h"

#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <memory>

class QSocketNotifier;

namespace shiming::reader {

/// How the simulated reader behaves, including the faults it injects.
struct SimulatorOptions {
    QList<CardFixture> cards;
    /// Present the cards one after another: each lies on the reader for presentMs, then is lifted for liftMs.
    bool cycle = false;
    int presentMs = 3000;
    int liftMs = 1000;
    /// Start with no card on the reader (until place() or the cycle puts one there).
    bool startEmpty = false;
    /// Bytes leave at this line speed (8N1, 10 bits a byte) like on a real serial line; 0 sends at once.
    qint32 baud = 115200;
    /// Every reply waits this long before its first byte (slow reader).
    int delayMs = 0;
    /// The first reply to these commands (CMD<<8 | PARA) waits this long instead of delayMs: a reader that is
    /// late once. Like a real reader, the simulator answers one command at a time, so a late reply holds back
    /// the replies to the commands sent after it.
    QMap<std::uint16_t, int> delayOnceMs;
    /// Every Nth reply carries a wrong check byte (0 = never; 1 = every reply).
    int corruptEvery = 0;
    /// Every Nth reply stops half way and the rest never comes (0 = never).
    int truncateEvery = 0;
    /// Random bytes, sometimes with a false preamble, before every reply.
    bool garbage = false;
    /// Forced status words: command (CMD<<8 | PARA) → SW3 answered instead of the normal reply.
    QMap<std::uint16_t, std::uint8_t> forcedStatus;
    /// The first read (30 01 / 30 10) fails with SW3 41 because the card is lifted; it comes back after liftMs.
    bool liftMidRead = false;
    /// The 16 bytes of the SAM id.
    QByteArray samId = QByteArray::fromHex("050001008e78330145bb1b02981f078a");
};

/// Adds a named fault to `options`: "no-card" (find answers 80), "sam-not-authorised" (66 to every SAM and card
/// command), "read-failed" (41 to the reads), "unknown-card-type" (40 to the reads), "select-failed" (81),
/// "bad-checksum" (every reply corrupted), "auth-failed" (31 to the reads), "link-fault" (FF to find).
Result<void> addSimulatorError(SimulatorOptions& options, QStringView name);
/// The names addSimulatorError() knows.
QStringList simulatorErrorNames();

/// The GA 467 reader logic of the simulator, without any I/O: answers one command frame at a time from the
/// current card and the forced statuses. Follows a real reader's rules: read only after find and select,
/// select only after find, and a lifted card must be found again.
class Ga467Responder {
public:
    explicit Ga467Responder(const SimulatorOptions& options);

    /// The complete reply frame to `command`.
    QByteArray respond(const ga467::CommandFrame& command);
    /// The reply to a command frame whose checksum was wrong.
    QByteArray respondToBadFrame() const;

    void place(int cardIndex);
    void lift();
    bool cardPresent() const { return m_present; }
    int currentCard() const { return m_card; }
    /// True once after a read that lifted the card (lift-mid-read fault).
    bool takeMidReadLift() { return std::exchange(m_midReadLift, false); }

private:
    const SimulatorOptions& m_options;
    int m_card = 0;
    bool m_present = false;
    bool m_found = false;
    bool m_selected = false;
    bool m_liftMidReadPending = false;
    bool m_midReadLift = false;
};

/// The simulated reader on a pseudo-terminal: opens a pty, makes `linkPath` a symlink to its slave device and
/// answers GA 467 commands written there until destroyed. Transport faults (delay, corruption, truncation,
/// garbage) and the line speed are applied here; the protocol logic is Ga467Responder's. Replies leave in
/// command order: a command that arrives while an earlier reply is still delayed is answered after it.
class PtyReaderSimulator final : public QObject {
    Q_OBJECT

public:
    explicit PtyReaderSimulator(SimulatorOptions options, QObject* parent = nullptr);
    ~PtyReaderSimulator() override;

    Result<void> open(const QString& linkPath);
    QString slavePath() const { return m_slavePath; }

    void place();
    void lift();
    void togglePresence();
    void nextCard();
    qint64 commandsAnswered() const { return m_answered; }

signals:
    void commandAnswered(quint16 command, quint8 sw3);

private:
    void onReadable();
    void sendReply(QByteArray reply, int delayMs);
    void releaseDueReplies();
    void enqueue(const QByteArray& bytes);
    void pump();
    void onCycle();

    SimulatorOptions m_options;
    Ga467Responder m_responder;
    FrameDecoder m_decoder;
    int m_master = -1;
    int m_slave = -1;
    QString m_slavePath;
    QString m_linkPath;
    QSocketNotifier* m_notifier = nullptr;
    QByteArray m_out;
    QTimer m_pumpTimer;
    QElapsedTimer m_wireClock;
    qint64 m_wireSent = 0;
    QTimer m_cycleTimer;
    /// Replies waiting for their time (slow reader), in command order, with the time each is due.
    QList<std::pair<qint64, QByteArray>> m_delayed;
    QTimer m_delayTimer;
    QElapsedTimer m_clock;
    qint64 m_busyUntil = 0;
    QMap<std::uint16_t, int> m_delayOnce;
    qint64 m_replies = 0;
    qint64 m_answered = 0;
};

} // namespace shiming::reader
