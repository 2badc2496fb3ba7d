#include "core/demo/ReaderSimulator.h"

#include "core/common/Logging.h"
#include "core/reader/ReaderError.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace shiming::reader {

using ga467::Command;

QStringList simulatorErrorNames()
{
    return {u"no-card"_s,       u"sam-not-authorised"_s, u"read-failed"_s, u"unknown-card-type"_s,
            u"select-failed"_s, u"bad-checksum"_s,       u"auth-failed"_s, u"link-fault"_s};
}

Result<void> addSimulatorError(SimulatorOptions& options, QStringView name)
{
    const auto force = [&options](std::initializer_list<Command> commands, Sw3 sw3) {
        for (Command command : commands)
            options.forcedStatus.insert(std::uint16_t(command), std::uint8_t(sw3));
    };
    if (name == u"no-card")
        force({Command::FindCard}, Sw3::FindFailed);
    else if (name == u"sam-not-authorised")
        force({Command::SamStatus, Command::SamId, Command::FindCard, Command::SelectCard, Command::ReadBase,
               Command::ReadWithFingerprint},
              Sw3::SamNotAuthorised);
    else if (name == u"read-failed")
        force({Command::ReadBase, Command::ReadWithFingerprint}, Sw3::ReadFailed);
    else if (name == u"unknown-card-type")
        force({Command::ReadBase, Command::ReadWithFingerprint}, Sw3::UnknownCardType);
    else if (name == u"select-failed")
        force({Command::SelectCard}, Sw3::SelectFailed);
    else if (name == u"auth-failed")
        force({Command::ReadBase, Command::ReadWithFingerprint}, Sw3::AuthFailed1);
    else if (name == u"link-fault")
        force({Command::FindCard}, Sw3::LinkFault);
    else if (name == u"bad-checksum")
        options.corruptEvery = 1;
    else
        return fail(Error::invalidInput(u"unknown simulator error '%1'"_s.arg(name)));
    return {};
}

Ga467Responder::Ga467Responder(const SimulatorOptions& options)
    : m_options(options)
    , m_present(!options.startEmpty && !options.cards.isEmpty())
    , m_liftMidReadPending(options.liftMidRead)
{}

void Ga467Responder::place(int cardIndex)
{
    if (m_options.cards.isEmpty())
        return;
    m_card = std::clamp(cardIndex, 0, int(m_options.cards.size()) - 1);
    m_present = true;
    m_found = m_selected = false;
}

void Ga467Responder::lift()
{
    m_present = false;
    m_found = m_selected = false;
}

QByteArray Ga467Responder::respondToBadFrame() const
{
    return ga467::encodeReply(std::uint8_t(Sw3::BadChecksum));
}

QByteArray Ga467Responder::respond(const ga467::CommandFrame& frame)
{
    const auto forced = m_options.forcedStatus.constFind(std::uint16_t(frame.command));
    if (forced != m_options.forcedStatus.constEnd())
        return ga467::encodeReply(forced.value());
    const auto status = [](Sw3 sw3) {
        return ga467::encodeReply(std::uint8_t(sw3));
    };
    const CardFixture* card = m_present ? &m_options.cards.at(m_card) : nullptr;
    switch (frame.command) {
    case Command::ResetSam:
        m_found = m_selected = false;
        return ga467::encodeReply(kStatusOk);
    case Command::SamStatus:
        return ga467::encodeReply(kStatusOk);
    case Command::SamId:
        return ga467::encodeReply(kStatusOk, m_options.samId);
    case Command::FindCard:
        if (!card)
            return status(Sw3::FindFailed);
        m_found = true;
        m_selected = false;
        return ga467::encodeReply(kStatusCardFound, QByteArray(4, '\0'));
    case Command::SelectCard:
        if (!card || !m_found)
            return status(Sw3::SelectFailed);
        m_selected = true;
        return ga467::encodeReply(kStatusOk, QByteArray(8, '\0'));
    case Command::ReadBase:
    case Command::ReadWithFingerprint: {
        if (!card || !m_selected)
            return status(Sw3::ReadFailed);
        if (std::exchange(m_liftMidReadPending, false)) {
            lift();
            m_midReadLift = true;
            return status(Sw3::ReadFailed);
        }
        const bool withFinger = frame.command == Command::ReadWithFingerprint;
        QByteArray fingerprint;
        if (withFinger && card->fingerprint) {
            fingerprint.resize(1024);
            for (int i = 0; i < fingerprint.size(); ++i)
                fingerprint[i] = char((i * 7 + 3) & 0xFF);
        }
        QByteArray data;
        const auto put16 = [&data](qsizetype v) {
            data.append(char((v >> 8) & 0xFF));
            data.append(char(v & 0xFF));
        };
        put16(card->textBlock.size());
        put16(card->photoBlock.size());
        if (withFinger)
            put16(fingerprint.size());
        data += card->textBlock + card->photoBlock + fingerprint;
        return ga467::encodeReply(kStatusOk, data);
    }
    case Command::ReadAppendedAddress: {
        if (!card || !m_selected)
            return status(Sw3::ReadFailed);
        if (card->appendedAddress.isEmpty())
            return status(Sw3::NoSuchItem);
        return ga467::encodeReply(kStatusOk, encodeAppendedAddress(card->appendedAddress).value_or(QByteArray()));
    }
    }
    return status(Sw3::BadCommand);
}

PtyReaderSimulator::PtyReaderSimulator(SimulatorOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_responder(m_options)
    , m_delayOnce(m_options.delayOnceMs)
{
    m_clock.start();
    m_delayTimer.setSingleShot(true);
    m_delayTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_delayTimer, &QTimer::timeout, this, &PtyReaderSimulator::releaseDueReplies);
    m_pumpTimer.setInterval(2);
    m_pumpTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_pumpTimer, &QTimer::timeout, this, &PtyReaderSimulator::pump);
    m_cycleTimer.setSingleShot(true);
    m_cycleTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_cycleTimer, &QTimer::timeout, this, &PtyReaderSimulator::onCycle);
}

PtyReaderSimulator::~PtyReaderSimulator()
{
    if (!m_linkPath.isEmpty() && QFileInfo(m_linkPath).symLinkTarget() == m_slavePath)
        QFile::remove(m_linkPath);
    delete m_notifier;
    if (m_slave >= 0)
        ::close(m_slave);
    if (m_master >= 0)
        ::close(m_master);
}

Result<void> PtyReaderSimulator::open(const QString& linkPath)
{
    m_master = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (m_master < 0 || ::grantpt(m_master) != 0 || ::unlockpt(m_master) != 0)
        return fail(Error::deviceFault(
            u"cannot create a pseudo-terminal: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno)))));
    const char* name = ::ptsname(m_master);
    if (!name)
        return fail(Error::deviceFault(u"pseudo-terminal has no slave name"_s));
    m_slavePath = QString::fromLocal8Bit(name);
    // Keep the slave open ourselves: the line stays up while the client closes and reopens the port, and the
    // line discipline is set to raw before anyone else looks at it (no echo, no CR/LF translation).
    m_slave = ::open(name, O_RDWR | O_NOCTTY);
    if (m_slave < 0)
        return fail(Error::deviceFault(u"cannot open the pseudo-terminal slave"_s));
    termios tio{};
    ::tcgetattr(m_slave, &tio);
    ::cfmakeraw(&tio);
    ::tcsetattr(m_slave, TCSANOW, &tio);
    ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);

    if (!linkPath.isEmpty()) {
        const QFileInfo existing(linkPath);
        if (existing.isSymLink())
            QFile::remove(linkPath);
        else if (existing.exists())
            return fail(Error::invalidInput(u"--link path exists and is not a symlink: %1"_s.arg(linkPath)));
        if (!QFile::link(m_slavePath, linkPath))
            return fail(Error::deviceFault(u"cannot create the symlink %1"_s.arg(linkPath)));
        m_linkPath = linkPath;
    }
    m_notifier = new QSocketNotifier(m_master, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &PtyReaderSimulator::onReadable);
    if (m_options.cycle && !m_options.cards.isEmpty())
        m_cycleTimer.start(m_responder.cardPresent() ? m_options.presentMs : m_options.liftMs);
    return {};
}

void PtyReaderSimulator::place()
{
    m_responder.place(m_responder.currentCard());
}

void PtyReaderSimulator::lift()
{
    m_responder.lift();
}

void PtyReaderSimulator::togglePresence()
{
    if (m_responder.cardPresent())
        lift();
    else
        place();
}

void PtyReaderSimulator::nextCard()
{
    if (m_options.cards.isEmpty())
        return;
    m_responder.place((m_responder.currentCard() + 1) % int(m_options.cards.size()));
}

void PtyReaderSimulator::onCycle()
{
    if (m_responder.cardPresent()) {
        m_responder.lift();
        m_cycleTimer.start(m_options.liftMs);
    } else {
        nextCard();
        m_cycleTimer.start(m_options.presentMs);
    }
}

void PtyReaderSimulator::onReadable()
{
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(m_master, buffer, sizeof buffer);
        if (n > 0) {
            m_decoder.feed(QByteArrayView(buffer, n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        break; // EAGAIN: all read; EIO: nobody has the slave open (cannot happen while we hold it)
    }
    while (std::optional<FrameDecoder::Event> event = m_decoder.next()) {
        if (event->kind == FrameDecoder::EventKind::BadChecksum) {
            sendReply(m_responder.respondToBadFrame(), m_options.delayMs);
            continue;
        }
        std::optional<ga467::CommandFrame> command = ga467::parseCommand(event->body);
        if (!command)
            continue;
        const QByteArray reply = m_responder.respond(*command);
        ++m_answered;
        emit commandAnswered(quint16(command->command), quint8(reply.at(ga467::kPreambleSize + 2 + 2)));
        if (m_responder.takeMidReadLift() && !m_options.cards.isEmpty()) {
            // The card comes back after the lift time, as a clerk would put it down again.
            m_cycleTimer.stop();
            QTimer::singleShot(m_options.liftMs, this, [this] {
                m_responder.place(m_responder.currentCard());
                if (m_options.cycle)
                    m_cycleTimer.start(m_options.presentMs);
            });
        }
        int delayMs = m_options.delayMs;
        if (const auto once = m_delayOnce.constFind(std::uint16_t(command->command)); once != m_delayOnce.constEnd()) {
            delayMs = once.value();
            m_delayOnce.erase(once);
        }
        sendReply(reply, delayMs);
    }
}

void PtyReaderSimulator::sendReply(QByteArray reply, int delayMs)
{
    ++m_replies;
    if (m_options.corruptEvery > 0 && m_replies % m_options.corruptEvery == 0)
        reply[reply.size() - 1] = char(reply.at(reply.size() - 1) ^ 0x5A);
    if (m_options.truncateEvery > 0 && m_replies % m_options.truncateEvery == 0)
        reply.truncate(reply.size() / 2);
    if (m_options.garbage) {
        QByteArray noise;
        QRandomGenerator* random = QRandomGenerator::global();
        const int count = int(random->bounded(3, 24));
        for (int i = 0; i < count; ++i)
            noise.append(char(random->bounded(256)));
        if (random->bounded(2) == 0)
            noise.append(QByteArray::fromHex("aaaaaa96")); // a preamble that never completes
        reply.prepend(noise);
    }
    // One command at a time: this reply's delay starts when the previous reply is due, not before.
    const qint64 now = m_clock.elapsed();
    const qint64 due = std::max(now, m_busyUntil) + std::max(delayMs, 0);
    m_busyUntil = due;
    if (due <= now && m_delayed.isEmpty()) {
        enqueue(reply);
        return;
    }
    m_delayed.append({due, reply});
    releaseDueReplies();
}

void PtyReaderSimulator::releaseDueReplies()
{
    const qint64 now = m_clock.elapsed();
    while (!m_delayed.isEmpty() && m_delayed.first().first <= now)
        enqueue(m_delayed.takeFirst().second);
    if (!m_delayed.isEmpty())
        m_delayTimer.start(int(m_delayed.first().first - now));
}

void PtyReaderSimulator::enqueue(const QByteArray& bytes)
{
    if (m_out.isEmpty()) {
        m_wireClock.start();
        m_wireSent = 0;
    }
    m_out += bytes;
    pump();
    if (!m_out.isEmpty() && !m_pumpTimer.isActive())
        m_pumpTimer.start();
}

void PtyReaderSimulator::pump()
{
    qsizetype allowed = m_out.size();
    if (m_options.baud > 0) {
        // A byte takes 10 bit times (start, 8 data, stop); release what the line would have carried by now.
        const qint64 due = m_wireClock.nsecsElapsed() * m_options.baud / 10 / 1000000000 + 1;
        allowed = std::min<qsizetype>(m_out.size(), qsizetype(std::max<qint64>(0, due - m_wireSent)));
    }
    if (allowed > 0) {
        const ssize_t n = ::write(m_master, m_out.constData(), size_t(allowed));
        if (n > 0) {
            m_out.remove(0, n);
            m_wireSent += n;
        }
    }
    if (m_out.isEmpty())
        m_pumpTimer.stop();
}

} // namespace shiming::reader
