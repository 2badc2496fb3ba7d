#include "core/reader/Ga467Reader.h"

#include "core/common/Logging.h"
#include "core/reader/WltDecoder.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace shiming::reader {

using ga467::Command;
using ga467::Reply;
using ReplyResult = std::expected<Reply, ReaderError>;

Ga467Reader::Ga467Reader(Options options, WltDecoder* decoder, const Clock& clock, QObject* parent)
    : IdCardReader(parent)
    , m_options(std::move(options))
    , m_decoder(decoder)
    , m_clock(clock)
{
    // Receivers on other threads get the signals queued.
    qRegisterMetaType<CardReadout>();
    qRegisterMetaType<ReaderError>();
    qRegisterMetaType<ReaderStatus>();
    m_options.pollIntervalMs = std::max(m_options.pollIntervalMs, kMinPollIntervalMs);
    m_link = new Ga467Link({m_options.port, m_options.baud, m_options.replyTimeoutMs, m_options.readTimeoutMs,
                            m_options.retries, m_options.lateReplyMs},
                           this);
    connect(m_link, &Ga467Link::linkLost, this, [this](const QString& detail) {
        deviceFailed(ReaderError{ReaderError::Kind::Link, 0, detail});
    });
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &Ga467Reader::poll);
    m_reopenTimer.setSingleShot(true);
    connect(&m_reopenTimer, &QTimer::timeout, this, &Ga467Reader::openDevice);
}

Ga467Reader::~Ga467Reader() = default;

void Ga467Reader::start()
{
    if (m_running)
        return;
    m_running = true;
    m_lastReported.clear();
    openDevice();
}

void Ga467Reader::stop()
{
    m_running = false;
    m_pollTimer.stop();
    m_reopenTimer.stop();
    m_link->close();
    m_waitingForLift = false;
    setStatus(ReaderStatus::NoDevice);
}

void Ga467Reader::setStatus(ReaderStatus status)
{
    if (m_status == status)
        return;
    m_status = status;
    qCDebug(lcReader) << "reader status" << readerStatusName(status);
    emit statusChanged(status);
}

void Ga467Reader::reportOnce(const ReaderError& error)
{
    // A condition that persists (no reader, SAM not authorised) is reported when it starts, not every poll.
    if (error.codeName() == m_lastReported)
        return;
    m_lastReported = error.codeName();
    qCWarning(lcReader) << "reader problem:" << error.detail;
    emit readFailed(error);
}

void Ga467Reader::openDevice()
{
    if (!m_running)
        return;
    ++m_openAttempts;
    if (Result<void> opened = m_link->open(); !opened) {
        setStatus(ReaderStatus::NoDevice);
        reportOnce(ReaderError{ReaderError::Kind::Link, 0, opened.error().detail});
        m_reopenTimer.start(m_options.reopenIntervalMs);
        return;
    }
    m_link->request(Command::SamId, [this](ReplyResult reply) { onSamId(std::move(reply)); });
}

void Ga467Reader::onSamId(ReplyResult reply)
{
    if (!reply) {
        deviceFailed(reply.error());
        return;
    }
    if (reply->sw3 != kStatusOk) {
        // The SAM answers but refuses (not authorised, self-test failed): the port is right, reading is not
        // possible. Try again later; the reader may be re-initialised by support staff.
        setStatus(ReaderStatus::NoDevice);
        reportOnce(ReaderError::fromStatus(reply->sw3));
        m_link->close();
        m_reopenTimer.start(m_options.reopenIntervalMs);
        return;
    }
    m_samId = formatSamId(reply->data);
    qCInfo(lcReader) << "reader ready, SAM" << m_samId;
    m_lastReported.clear();
    m_waitingForLift = false;
    setStatus(ReaderStatus::Idle);
    poll();
}

void Ga467Reader::schedulePoll()
{
    if (!m_running)
        return;
    const qint64 elapsed = m_sinceLastFind.isValid() ? m_sinceLastFind.elapsed() : m_options.pollIntervalMs;
    m_pollTimer.start(int(std::max<qint64>(0, m_options.pollIntervalMs - elapsed)));
}

void Ga467Reader::poll()
{
    if (!m_running || !m_link->isOpen() || m_link->busy())
        return;
    if (m_sinceLastFind.isValid() && m_sinceLastFind.elapsed() < m_options.pollIntervalMs) {
        schedulePoll();
        return;
    }
    m_sinceLastFind.start();
    ++m_polls;
    m_link->request(Command::FindCard, [this](ReplyResult reply) { onFind(std::move(reply)); });
}

void Ga467Reader::onFind(ReplyResult reply)
{
    if (!reply) {
        deviceFailed(reply.error());
        return;
    }
    if (reply->sw3 == std::uint8_t(Sw3::FindFailed)) {
        m_waitingForLift = false;
        m_lastReported.clear();
        setStatus(ReaderStatus::Idle);
        schedulePoll();
        return;
    }
    if (reply->sw3 != kStatusCardFound) {
        reportOnce(ReaderError::fromStatus(reply->sw3));
        schedulePoll();
        return;
    }
    m_lastReported.clear();
    if (m_waitingForLift) {
        setStatus(ReaderStatus::LiftCard);
        schedulePoll();
        return;
    }
    setStatus(ReaderStatus::CardPresent);
    m_link->request(Command::SelectCard, [this](ReplyResult reply) { onSelect(std::move(reply)); });
}

void Ga467Reader::onSelect(ReplyResult reply)
{
    if (!reply) {
        cardFailed(reply.error());
        return;
    }
    if (reply->sw3 != kStatusOk) {
        cardFailed(ReaderError::fromStatus(reply->sw3));
        return;
    }
    setStatus(ReaderStatus::Reading);
    const Command read = m_options.readFingerprint ? Command::ReadWithFingerprint : Command::ReadBase;
    m_link->request(read, [this](ReplyResult reply) { onRead(std::move(reply)); });
}

void Ga467Reader::onRead(ReplyResult reply)
{
    if (!reply) {
        cardFailed(reply.error());
        return;
    }
    if (reply->sw3 != kStatusOk) {
        cardFailed(ReaderError::fromStatus(reply->sw3));
        return;
    }
    // text length, photo length [, fingerprint length], then the blocks, all lengths big-endian.
    const QByteArray& data = reply->data;
    const bool withFingerprint = m_options.readFingerprint;
    const qsizetype head = withFingerprint ? 6 : 4;
    const auto bad = [this](const QString& detail) {
        cardFailed(ReaderError{ReaderError::Kind::Corrupted, 0, detail});
    };
    if (data.size() < head)
        return bad(u"read reply too short"_s);
    const auto* d = reinterpret_cast<const uchar*>(data.constData());
    const qsizetype textLength = qFromBigEndian<quint16>(d);
    const qsizetype photoLength = qFromBigEndian<quint16>(d + 2);
    const qsizetype fingerLength = withFingerprint ? qFromBigEndian<quint16>(d + 4) : 0;
    if (textLength != ga467::kTextSize || photoLength != ga467::kPhotoSize ||
        data.size() != head + textLength + photoLength + fingerLength)
        return bad(u"read reply block lengths do not add up (%1/%2/%3 in %4 bytes)"_s.arg(textLength)
                       .arg(photoLength)
                       .arg(fingerLength)
                       .arg(data.size()));
    m_textBlock = data.sliced(head, textLength);
    m_photoBlock = data.sliced(head + textLength, photoLength);
    m_fingerprint = data.sliced(head + textLength + photoLength, fingerLength);
    if (!m_options.readAppendedAddress) {
        finishRead({});
        return;
    }
    m_link->request(Command::ReadAppendedAddress, [this](ReplyResult reply) { onAppendedAddress(std::move(reply)); });
}

void Ga467Reader::onAppendedAddress(ReplyResult reply)
{
    if (!reply) {
        cardFailed(reply.error());
        return;
    }
    if (reply->sw3 == std::uint8_t(Sw3::NoSuchItem)) {
        finishRead({});
        return;
    }
    if (reply->sw3 != kStatusOk) {
        cardFailed(ReaderError::fromStatus(reply->sw3));
        return;
    }
    std::expected<QString, ReaderError> address = parseAppendedAddress(reply->data);
    if (!address) {
        cardFailed(address.error());
        return;
    }
    finishRead(*address);
}

void Ga467Reader::finishRead(const QString& appendedAddress)
{
    std::expected<CardReadout, ReaderError> readout =
        makeReadout(m_textBlock, m_photoBlock, appendedAddress, m_decoder, m_clock);
    m_textBlock.clear();
    m_photoBlock.clear();
    if (!readout) {
        cardFailed(readout.error());
        return;
    }
    readout->fingerprint = std::exchange(m_fingerprint, {});
    readout->samId = m_samId;
    m_waitingForLift = true;
    setStatus(ReaderStatus::LiftCard);
    qCInfo(lcReader) << "card read; photo" << photoStatusName(readout->photoStatus);
    emit cardRead(*readout);
    schedulePoll();
}

void Ga467Reader::cardFailed(const ReaderError& error)
{
    m_textBlock.clear();
    m_photoBlock.clear();
    m_fingerprint.clear();
    if (error.kind == ReaderError::Kind::Timeout || error.kind == ReaderError::Kind::Link) {
        deviceFailed(error);
        return;
    }
    qCWarning(lcReader) << "card read failed:" << error.detail;
    m_waitingForLift = true;
    setStatus(ReaderStatus::LiftCard);
    emit readFailed(error);
    schedulePoll();
}

void Ga467Reader::deviceFailed(const ReaderError& error)
{
    const bool midCard = m_status == ReaderStatus::CardPresent || m_status == ReaderStatus::Reading;
    m_link->close();
    m_pollTimer.stop();
    m_waitingForLift = false;
    setStatus(ReaderStatus::NoDevice);
    if (midCard) {
        m_lastReported = error.codeName();
        emit readFailed(error);
    } else {
        reportOnce(error);
    }
    if (m_running)
        m_reopenTimer.start(m_options.reopenIntervalMs);
}

} // namespace shiming::reader
