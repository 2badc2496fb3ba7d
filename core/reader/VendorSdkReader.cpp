#include "core/reader/VendorSdkReader.h"

#include "core/common/Logging.h"
#include "core/reader/CardReadout.h"
#include "core/reader/Ga467Frame.h"

#include <QLibrary>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace shiming::reader {

/// Runs on the reader's thread: every SDK call happens here.
class VendorSdkWorker final : public QObject {
    Q_OBJECT

public:
    explicit VendorSdkWorker(VendorSdkReader::Options options)
        : m_options(std::move(options))
    {
        m_options.pollIntervalMs = std::max(m_options.pollIntervalMs, 300);
    }

    void begin()
    {
        if (!m_timer) {
            m_timer = new QTimer(this);
            m_timer->setSingleShot(true);
            connect(m_timer, &QTimer::timeout, this, &VendorSdkWorker::tick);
        }
        if (!m_timer->isActive())
            tick();
    }

    void end()
    {
        if (m_timer)
            m_timer->stop();
        closePort();
        if (m_library.isLoaded())
            m_library.unload();
    }

signals:
    void rawCard(const QByteArray& text, const QByteArray& photo);
    void failure(const shiming::reader::ReaderError& error);
    void status(shiming::reader::ReaderStatus status);
    void samId(const QString& samId);

private:
    using OpenPort = int (*)(int);
    using ClosePort = int (*)(int);
    using FindCard = int (*)(int, unsigned char*, int);
    using SelectCard = int (*)(int, unsigned char*, int);
    using ReadBase = int (*)(int, unsigned char*, unsigned int*, unsigned char*, unsigned int*, int);
    using SamIdToStr = int (*)(int, char*, int);

    void report(const ReaderError& error)
    {
        if (error.codeName() == m_lastReported)
            return;
        m_lastReported = error.codeName();
        qCWarning(lcReader) << "vendor reader problem:" << error.detail;
        emit failure(error);
    }

    bool load()
    {
        if (m_open_ && m_readBase)
            return true;
        if (!m_library.isLoaded()) {
            m_library.setFileName(m_options.libraryPath);
            if (m_options.libraryPath.isEmpty() || !m_library.load()) {
                report({ReaderError::Kind::Library, 0,
                        u"vendor SDK library does not load: %1"_s.arg(m_library.errorString())});
                return false;
            }
        }
        m_open = reinterpret_cast<OpenPort>(m_library.resolve("SDT_OpenPort"));
        m_close = reinterpret_cast<ClosePort>(m_library.resolve("SDT_ClosePort"));
        m_find = reinterpret_cast<FindCard>(m_library.resolve("SDT_StartFindIDCard"));
        m_select = reinterpret_cast<SelectCard>(m_library.resolve("SDT_SelectIDCard"));
        m_readBase = reinterpret_cast<ReadBase>(m_library.resolve("SDT_ReadBaseMsg"));
        m_samIdToStr = reinterpret_cast<SamIdToStr>(m_library.resolve("SDT_GetSAMIDToStr"));
        if (!m_open || !m_close || !m_find || !m_select || !m_readBase) {
            m_readBase = nullptr;
            report({ReaderError::Kind::Library, 0, u"vendor SDK library lacks the SDT_* functions"_s});
            return false;
        }
        m_open_ = true;
        return true;
    }

    void closePort()
    {
        if (m_portOpen && m_close)
            m_close(m_options.port);
        m_portOpen = false;
    }

    void lost(const QString& detail)
    {
        closePort();
        m_waitingForLift = false;
        emit status(ReaderStatus::NoDevice);
        report({ReaderError::Kind::Link, 0, detail});
        m_timer->start(m_options.reopenIntervalMs);
    }

    void tick()
    {
        if (!load()) {
            emit status(ReaderStatus::NoDevice);
            m_timer->start(m_options.reopenIntervalMs);
            return;
        }
        if (!m_portOpen) {
            const int rc = m_open(m_options.port);
            if (rc != kStatusOk) {
                lost(u"SDT_OpenPort(%1) returned 0x%2"_s.arg(m_options.port).arg(uint(rc), 2, 16, QChar(u'0')));
                return;
            }
            m_portOpen = true;
            if (m_samIdToStr) {
                char buffer[128] = {};
                if (m_samIdToStr(m_options.port, buffer, 0) == kStatusOk)
                    emit samId(QString::fromLatin1(buffer, qstrnlen(buffer, sizeof buffer - 1)));
            }
            m_lastReported.clear();
            emit status(ReaderStatus::Idle);
        }
        unsigned char manage[64] = {};
        const int found = m_find(m_options.port, manage, 0);
        if (found == int(Sw3::FindFailed)) {
            m_waitingForLift = false;
            m_lastReported.clear();
            emit status(ReaderStatus::Idle);
        } else if (found == kStatusCardFound) {
            m_lastReported.clear();
            if (m_waitingForLift)
                emit status(ReaderStatus::LiftCard);
            else
                readCard();
        } else if (found < 0x10) {
            // sdtapi's own codes below 0x10 are port and communication failures: the reader went away.
            lost(u"SDT_StartFindIDCard returned 0x%1"_s.arg(uint(found), 2, 16, QChar(u'0')));
            return;
        } else {
            report(ReaderError::fromStatus(std::uint8_t(found)));
        }
        m_timer->start(m_options.pollIntervalMs);
    }

    void readCard()
    {
        emit status(ReaderStatus::CardPresent);
        unsigned char manage[64] = {};
        const int selected = m_select(m_options.port, manage, 0);
        if (selected != kStatusOk) {
            cardFailed(ReaderError::fromStatus(std::uint8_t(selected)));
            return;
        }
        emit status(ReaderStatus::Reading);
        QByteArray text(4096, '\0');
        QByteArray photo(4096, '\0');
        unsigned int textLength = 0;
        unsigned int photoLength = 0;
        const int rc = m_readBase(m_options.port, reinterpret_cast<unsigned char*>(text.data()), &textLength,
                                  reinterpret_cast<unsigned char*>(photo.data()), &photoLength, 0);
        if (rc != kStatusOk) {
            cardFailed(ReaderError::fromStatus(std::uint8_t(rc)));
            return;
        }
        if (textLength != ga467::kTextSize || photoLength != ga467::kPhotoSize) {
            cardFailed({ReaderError::Kind::Corrupted, 0,
                        u"SDT_ReadBaseMsg returned %1/%2 bytes"_s.arg(textLength).arg(photoLength)});
            return;
        }
        m_waitingForLift = true;
        emit status(ReaderStatus::LiftCard);
        emit rawCard(text.left(textLength), photo.left(photoLength));
    }

    void cardFailed(const ReaderError& error)
    {
        m_waitingForLift = true;
        emit status(ReaderStatus::LiftCard);
        qCWarning(lcReader) << "vendor reader: card read failed:" << error.detail;
        emit failure(error);
    }

    VendorSdkReader::Options m_options;
    QLibrary m_library;
    QTimer* m_timer = nullptr;
    OpenPort m_open = nullptr;
    ClosePort m_close = nullptr;
    FindCard m_find = nullptr;
    SelectCard m_select = nullptr;
    ReadBase m_readBase = nullptr;
    SamIdToStr m_samIdToStr = nullptr;
    bool m_open_ = false;
    bool m_portOpen = false;
    bool m_waitingForLift = false;
    QString m_lastReported;
};

VendorSdkReader::VendorSdkReader(Options options, WltDecoder* decoder, const Clock& clock, QObject* parent)
    : IdCardReader(parent)
    , m_decoder(decoder)
    , m_clock(clock)
    , m_worker(new VendorSdkWorker(std::move(options)))
{
    qRegisterMetaType<ReaderError>();
    qRegisterMetaType<ReaderStatus>();
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &VendorSdkWorker::rawCard, this, &VendorSdkReader::onRawCard);
    connect(m_worker, &VendorSdkWorker::failure, this, &VendorSdkReader::onFailure);
    connect(m_worker, &VendorSdkWorker::status, this, &VendorSdkReader::onStatus);
    connect(m_worker, &VendorSdkWorker::samId, this, [this](const QString& id) { m_samId = id; });
    m_thread.setObjectName(u"vendor-sdk-reader"_s);
}

VendorSdkReader::~VendorSdkReader()
{
    stop();
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_worker;
    }
}

void VendorSdkReader::start()
{
    if (!m_thread.isRunning())
        m_thread.start();
    QMetaObject::invokeMethod(m_worker, &VendorSdkWorker::begin, Qt::QueuedConnection);
}

void VendorSdkReader::stop()
{
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_worker, &VendorSdkWorker::end, Qt::BlockingQueuedConnection);
    onStatus(ReaderStatus::NoDevice);
}

void VendorSdkReader::onRawCard(const QByteArray& text, const QByteArray& photo)
{
    std::expected<CardReadout, ReaderError> readout = makeReadout(text, photo, {}, m_decoder, m_clock);
    if (!readout) {
        emit readFailed(readout.error());
        return;
    }
    readout->samId = m_samId;
    emit cardRead(*readout);
}

void VendorSdkReader::onFailure(const ReaderError& error)
{
    emit readFailed(error);
}

void VendorSdkReader::onStatus(ReaderStatus status)
{
    if (m_status == status)
        return;
    m_status = status;
    emit statusChanged(status);
}

} // namespace shiming::reader

#include "VendorSdkReader.moc"
