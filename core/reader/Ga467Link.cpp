#include "core/reader/Ga467Link.h"

#include "core/common/Logging.h"

#include <QSerialPort>

using namespace Qt::StringLiterals;

namespace shiming::reader {

Ga467Link::Ga467Link(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Ga467Link::onTimeout);
}

Ga467Link::~Ga467Link()
{
    close();
}

Result<void> Ga467Link::open()
{
    close();
    m_port = new QSerialPort(this);
    m_port->setPortName(m_options.port);
    if (!m_port->open(QIODevice::ReadWrite)) {
        const QString detail = u"cannot open serial port: %1"_s.arg(m_port->errorString());
        delete m_port;
        m_port = nullptr;
        return fail(Error::deviceFault(detail));
    }
    const bool configured = m_port->setBaudRate(m_options.baud) && m_port->setDataBits(QSerialPort::Data8) &&
                            m_port->setParity(QSerialPort::NoParity) && m_port->setStopBits(QSerialPort::OneStop) &&
                            m_port->setFlowControl(QSerialPort::NoFlowControl);
    if (!configured) {
        const QString detail = u"cannot configure serial port: %1"_s.arg(m_port->errorString());
        delete m_port;
        m_port = nullptr;
        return fail(Error::deviceFault(detail));
    }
    m_port->clear();
    m_decoder.clear();
    // A reply to a command given up on before the port was closed may still be on its way.
    if (m_abandoned > 0 && !m_settleDeadline.hasExpired()) {
        m_state = State::Settling;
        m_timer.start(int(std::max<qint64>(0, m_settleDeadline.remainingTime())));
    } else {
        m_abandoned = 0;
    }
    connect(m_port, &QSerialPort::readyRead, this, &Ga467Link::onReadyRead);
    connect(m_port, &QSerialPort::errorOccurred, this, [this](QSerialPort::SerialPortError error) {
        if (error == QSerialPort::NoError || error == QSerialPort::TimeoutError)
            return;
        // Anything else on an open port (ResourceError when unplugged, ReadError, ...) means the device is gone.
        const QString detail =
            u"serial port error %1: %2"_s.arg(int(error)).arg(m_port ? m_port->errorString() : QString());
        qCWarning(lcReader) << "reader link lost:" << detail;
        QMetaObject::invokeMethod(
            this,
            [this, detail] {
                if (!m_port)
                    return;
                close();
                emit linkLost(detail);
            },
            Qt::QueuedConnection);
    });
    qCInfo(lcReader) << "reader port opened" << m_options.port << "at" << m_options.baud << "baud";
    return {};
}

void Ga467Link::close()
{
    if (m_state == State::Waiting) {
        // The reader may still answer: a reopened port must not take that reply for the next command's.
        ++m_abandoned;
        m_settleDeadline.setRemainingTime(std::max(0, m_timer.remainingTime()) + m_options.lateReplyMs);
    }
    m_state = State::Idle;
    m_timer.stop();
    m_callback = nullptr;
    m_decoder.clear();
    if (m_port) {
        m_port->disconnect(this);
        m_port->close();
        m_port->deleteLater();
        m_port = nullptr;
    }
}

bool Ga467Link::isOpen() const
{
    return m_port && m_port->isOpen();
}

int Ga467Link::timeoutFor(ga467::Command command) const
{
    using ga467::Command;
    const bool read = command == Command::ReadBase || command == Command::ReadWithFingerprint ||
                      command == Command::ReadAppendedAddress;
    // Twice the wire time of the longest reply the command can get, so slow baud rates still work.
    const qsizetype replyBytes = command == Command::ReadWithFingerprint ? 2321
                                 : command == Command::ReadBase          ? 1295
                                                                         : 96;
    const int wireMs = int(replyBytes * 10 * 1000 / std::max(m_options.baud, 1200));
    return (read ? m_options.readTimeoutMs : m_options.replyTimeoutMs) + 2 * wireMs;
}

void Ga467Link::request(ga467::Command command, Callback done, QByteArrayView data)
{
    Q_ASSERT(!m_callback);
    m_command = command;
    m_frame = ga467::encodeCommand(command, data);
    m_callback = std::move(done);
    m_attempt = 0;
    if (!isOpen()) {
        finish(std::unexpected(ReaderError{ReaderError::Kind::Link, 0, u"serial port not open"_s}));
        return;
    }
    if (m_state == State::Settling)
        return; // sent by settle(), once the late reply has come or its time is up
    send();
}

void Ga467Link::cancel()
{
    m_callback = nullptr;
    if (m_state == State::Waiting)
        abandon(std::max(0, m_timer.remainingTime()) + m_options.lateReplyMs);
}

bool Ga467Link::couldAnswer(ga467::Command command, const ga467::Reply& reply)
{
    using ga467::Command;
    const bool find = command == Command::FindCard;
    const bool read = command == Command::ReadBase || command == Command::ReadWithFingerprint;
    // Text length, photo length and the two blocks: the least a read's success reply carries.
    constexpr qsizetype readBlocks = 4 + ga467::kTextSize + ga467::kPhotoSize;
    if (reply.sw3 == kStatusCardFound)
        return find;
    if (reply.sw3 == kStatusOk)
        return !find && (read ? reply.data.size() >= readBlocks : reply.data.size() < readBlocks);
    return true;
}

void Ga467Link::send()
{
    // Whatever came in since the last exchange belongs to an earlier one: flush the port and the decoder.
    m_decoder.clear();
    m_sawCorruption = false;
    m_port->clear(QSerialPort::Input);
    m_port->write(m_frame);
    m_state = State::Waiting;
    m_timer.start(timeoutFor(m_command));
}

void Ga467Link::abandon(int lateReplyMs)
{
    ++m_abandoned;
    m_state = State::Settling;
    m_settleDeadline.setRemainingTime(lateReplyMs);
    m_timer.start(lateReplyMs);
}

void Ga467Link::settle()
{
    m_timer.stop();
    m_abandoned = 0;
    m_state = State::Idle;
    if (m_callback && isOpen())
        send(); // the retry, or a request made while the line settled
}

void Ga467Link::onReadyRead()
{
    if (!m_port)
        return;
    const QByteArray bytes = m_port->readAll();
    if (m_state == State::Idle)
        return; // nobody asked: noise, or a reply later than lateReplyMs
    m_decoder.feed(bytes);
    if (m_state == State::Settling) {
        dropLateReplies();
        return;
    }
    while (std::optional<FrameDecoder::Event> event = m_decoder.next()) {
        if (event->kind == FrameDecoder::EventKind::BadChecksum) {
            // Keep looking: a real frame may follow in the same buffer.
            ++m_corrupted;
            m_sawCorruption = true;
            qCDebug(lcReader) << "reply with a bad checksum";
            continue;
        }
        std::optional<ga467::Reply> reply = ga467::parseReply(event->body);
        if (!reply) {
            ++m_corrupted;
            retryOrFail(ReaderError{ReaderError::Kind::Corrupted, 0, u"reply shorter than its status word"_s});
            return;
        }
        if (!couldAnswer(m_command, *reply)) {
            // The late reply to an earlier command, later than lateReplyMs: drop it and keep waiting.
            ++m_stale;
            qCInfo(lcReader).nospace() << "dropped a stale reply (status " << Qt::hex << int(reply->sw3) << ", "
                                       << Qt::dec << reply->data.size() << " bytes) while waiting for command "
                                       << Qt::hex << int(m_command);
            continue;
        }
        if (reply->sw3 == std::uint8_t(Sw3::BadChecksum) || reply->sw3 == std::uint8_t(Sw3::BadLength)) {
            // The reader got our command damaged: say it again.
            retryOrFail(ReaderError::fromStatus(reply->sw3));
            return;
        }
        finish(std::move(*reply));
        return;
    }
    // A damaged reply and nothing that could still become a frame: ask again now rather than at the timeout.
    if (m_sawCorruption && m_decoder.pendingBytes() == 0)
        retryOrFail(ReaderError{ReaderError::Kind::Corrupted, 0, u"reply checksum mismatch"_s});
}

void Ga467Link::dropLateReplies()
{
    while (std::optional<FrameDecoder::Event> event = m_decoder.next()) {
        // Damaged or not, this is the reply to the command given up on; it answers nothing now.
        ++m_stale;
        m_abandoned = std::max(0, m_abandoned - 1);
        qCInfo(lcReader) << "dropped a late reply to a command that timed out";
    }
    if (m_abandoned == 0 && m_decoder.pendingBytes() == 0)
        settle();
}

void Ga467Link::onTimeout()
{
    if (m_state == State::Settling) {
        qCDebug(lcReader) << "no late reply within" << m_options.lateReplyMs << "ms, going on";
        settle();
        return;
    }
    if (m_state != State::Waiting || !m_callback)
        return;
    if (m_decoder.pendingBytes() > 0 || m_sawCorruption) {
        ++m_corrupted;
        retryOrFail(ReaderError{ReaderError::Kind::Corrupted, 0, u"reply truncated"_s});
        return;
    }
    // Silence. The reader may still be working on the command: until its late reply has come (and been
    // dropped) or lateReplyMs has passed, neither the retry nor the next command is sent.
    abandon(m_options.lateReplyMs);
    retryOrFail(ReaderError{
        ReaderError::Kind::Timeout, 0,
        u"no reply to command %1 within %2 ms"_s.arg(int(m_command), 4, 16, QChar(u'0')).arg(timeoutFor(m_command))});
}

void Ga467Link::retryOrFail(ReaderError error)
{
    if (m_attempt < m_options.retries && isOpen()) {
        ++m_attempt;
        qCDebug(lcReader) << "retrying command" << Qt::hex << int(m_command) << "after" << error.detail;
        if (m_state != State::Settling)
            send(); // else settle() sends it
        return;
    }
    finish(std::unexpected(std::move(error)));
}

void Ga467Link::finish(std::expected<ga467::Reply, ReaderError> result)
{
    if (m_state == State::Waiting) {
        m_timer.stop();
        m_state = State::Idle;
    }
    Callback callback = std::move(m_callback);
    m_callback = nullptr;
    if (callback)
        callback(std::move(result));
}

} // namespace shiming::reader
