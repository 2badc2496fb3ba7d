#pragma once

#include "core/reader/IdCardReader.h"

#include <QDateTime>
#include <QWidget>

class QLabel;

namespace shiming {

/// The status bar's permanent part: card reader state, camera state, sync queue length and last sync, the
/// clerk and the outlet. Each part has a setter so that whoever knows the state (reader, camera feed, sync
/// scheduler, login) can feed it; the reader can be connected directly.
class StatusPanel : public QWidget {
    Q_OBJECT

public:
    explicit StatusPanel(QWidget* parent = nullptr);

    void connectReader(reader::IdCardReader* reader);
    void setReaderStatus(reader::ReaderStatus status);
    void setCameraText(const QString& text, bool ok);
    /// `queue` registrations waiting for HQ; `lastSync` invalid when never; `error` empty when the last try worked.
    void setSync(int queue, const QDateTime& lastSync, const QString& error = {});
    /// The sync part as a whole sentence (signed out, not enrolled); `ok` false shows it as a warning.
    void setSyncText(const QString& text, bool ok);
    /// Shows the sync part, as last set, as an error (red): the outlet database is damaged.
    void markSyncSevere();
    void setClerk(const QString& clerk);
    void setOutlet(const QString& outlet);

    QString readerText() const;
    QString syncText() const;
    QString cameraText() const;
    QString clerkText() const;
    QString outletText() const;

private:
    QLabel* m_reader = nullptr;
    QLabel* m_camera = nullptr;
    QLabel* m_sync = nullptr;
    QLabel* m_clerk = nullptr;
    QLabel* m_outlet = nullptr;
};

} // namespace shiming
