#pragma once

// Fakes for the counter application's widgets: a card reader the test places cards on, a face service with a
// scripted answer, and an account gate with fixed accounts. Header-only; added to the widgets test target.

#include "core/outlet/AccountGate.h"
#include "core/reader/IdCardReader.h"
#include "widgets/registration/FaceService.h"

#include <QHash>

namespace shiming::testing {

class FakeIdCardReader final : public reader::IdCardReader {
public:
    using reader::IdCardReader::IdCardReader;
    void start() override { setStatus(reader::ReaderStatus::Idle); }
    void stop() override { setStatus(reader::ReaderStatus::NoDevice); }
    reader::ReaderStatus status() const override { return m_status; }
    QString samId() const override { return QStringLiteral("05.01-20260101-0000000001-0000000001"); }

    /// Puts a card on the reader: the readout arrives at once.
    void place(const IdentityDocument& document, const QByteArray& photo)
    {
        reader::CardReadout readout;
        readout.document = document;
        readout.photo = photo;
        readout.photoStatus = photo.isEmpty() ? reader::PhotoStatus::NoDecoder : reader::PhotoStatus::Decoded;
        setStatus(reader::ReaderStatus::Reading);
        emit cardRead(readout);
        setStatus(reader::ReaderStatus::LiftCard);
    }
    void failWith(std::uint8_t sw3) { emit readFailed(reader::ReaderError::fromStatus(sw3)); }
    void setStatus(reader::ReaderStatus status)
    {
        m_status = status;
        emit statusChanged(status);
    }

private:
    reader::ReaderStatus m_status = reader::ReaderStatus::Idle;
};

class FakeFaceService final : public FaceService {
public:
    bool available() const override { return isAvailable; }
    FaceHint hint(const cv::Mat& frame) override
    {
        ++hints;
        FaceHint h;
        h.ok = true;
        h.boxes.append(QRectF(frame.cols / 4.0, frame.rows / 4.0, frame.cols / 2.0, frame.rows / 2.0));
        return h;
    }
    Result<FaceCheck> compare(const cv::Mat& live, const QByteArray& documentPhoto) override
    {
        ++comparisons;
        lastLiveSize = QSize(live.cols, live.rows);
        lastDocumentPhoto = documentPhoto;
        if (!answers.isEmpty())
            nextBand = answers.takeFirst();
        if (noFace)
            return fail(Error::invalidInput(QStringLiteral("no face (fake)")));
        FaceCheck check;
        check.evidence.band = nextBand;
        check.evidence.score = nextBand == registration::FaceBand::Pass ? 0.62 : 0.3;
        check.evidence.threshold = 0.4;
        check.score = nextBand == registration::FaceBand::Pass ? 88 : 55;
        return check;
    }
    void prepare(const QByteArray& documentPhoto) override { preparedPhotos.append(documentPhoto); }

    bool isAvailable = true;
    bool noFace = false;
    registration::FaceBand nextBand = registration::FaceBand::Pass;
    QList<registration::FaceBand> answers;
    int comparisons = 0;
    int hints = 0;
    QSize lastLiveSize;
    QByteArray lastDocumentPhoto;
    QList<QByteArray> preparedPhotos;
};

class FakeAccountGate final : public AccountGate {
public:
    struct Entry {
        QByteArray password;
        bool manager = false;
    };

    Result<QString> login(const QString& user, const QByteArray& password) override
    {
        ++logins;
        if (!accounts.contains(user) || accounts.value(user).password != password)
            return fail(Error::wrongKey(QStringLiteral("wrong password (fake)")));
        m_user = user;
        m_locked = false;
        emit loggedIn();
        return user;
    }
    void logout() override
    {
        m_user.clear();
        emit loggedOut();
    }
    bool isLoggedIn() const override { return !m_user.isEmpty(); }
    QString accountName() const override { return m_user; }
    QString displayName() const override { return m_user; }
    bool isLocked() const override { return m_locked; }
    void lockNow() override
    {
        if (m_user.isEmpty() || m_locked)
            return;
        m_locked = true;
        emit locked();
    }
    Result<void> unlock(const QByteArray& password) override
    {
        if (accounts.value(m_user).password != password)
            return fail(Error::wrongKey(QStringLiteral("wrong password (fake)")));
        m_locked = false;
        emit unlocked();
        return {};
    }
    void touch() override { ++touches; }
    Result<QString> approveAsManager(const QString& user, const QByteArray& password, const QString& action) override
    {
        lastAction = action;
        if (!accounts.contains(user) || accounts.value(user).password != password || !accounts.value(user).manager)
            return fail(Error::wrongKey(QStringLiteral("not a manager (fake)")));
        return user;
    }

    QHash<QString, Entry> accounts{{QStringLiteral("clerk1"), {"clerk-pass", false}},
                                   {QStringLiteral("manager1"), {"manager-pass", true}}};
    int logins = 0;
    int touches = 0;
    QString lastAction;

private:
    QString m_user;
    bool m_locked = false;
};

} // namespace shiming::testing
