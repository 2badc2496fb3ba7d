#include "widgets/common/StatusPanel.h"

#include "widgets/common/Tone.h"

#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace shiming {

StatusPanel::StatusPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"statusPanel"_s);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto make = [this, layout](const QString& name) {
        auto* label = new QLabel(this);
        label->setObjectName(name);
        label->setFrameShape(QFrame::StyledPanel);
        label->setContentsMargins(6, 0, 6, 0);
        layout->addWidget(label);
        return label;
    };
    m_reader = make(u"readerStatusLabel"_s);
    m_camera = make(u"cameraStatusLabel"_s);
    m_sync = make(u"syncStatusLabel"_s);
    m_clerk = make(u"clerkLabel"_s);
    m_outlet = make(u"outletStatusLabel"_s);
    setReaderStatus(reader::ReaderStatus::NoDevice);
    setCameraText(tr("Camera: none"), false);
    setSync(0, {});
    setClerk({});
}

void StatusPanel::connectReader(reader::IdCardReader* reader)
{
    if (!reader) {
        m_reader->setText(tr("Reader: none (manual entry only)"));
        return;
    }
    connect(reader, &reader::IdCardReader::statusChanged, this, &StatusPanel::setReaderStatus);
    setReaderStatus(reader->status());
}

void StatusPanel::setReaderStatus(reader::ReaderStatus status)
{
    m_reader->setText(tr("Reader: %1").arg(reader::readerStatusText(status)));
    const bool bad = status == reader::ReaderStatus::NoDevice;
    setTone(m_reader, bad ? Tone::Error : Tone::Normal);
}

void StatusPanel::setCameraText(const QString& text, bool ok)
{
    m_camera->setText(text);
    setTone(m_camera, ok ? Tone::Normal : Tone::Warning);
}

void StatusPanel::setSync(int queue, const QDateTime& lastSync, const QString& error)
{
    QString text = tr("To HQ: %n waiting", nullptr, queue);
    text += u" · "_s +
            (lastSync.isValid() ? tr("last sync %1").arg(lastSync.toString(u"MM-dd HH:mm"_s)) : tr("never synced"));
    if (!error.isEmpty())
        text += u" · "_s + error;
    m_sync->setText(text);
    setTone(m_sync, error.isEmpty() ? Tone::Normal : Tone::Warning);
}

void StatusPanel::setSyncText(const QString& text, bool ok)
{
    m_sync->setText(text);
    setTone(m_sync, ok ? Tone::Normal : Tone::Warning);
}

void StatusPanel::markSyncSevere()
{
    setTone(m_sync, Tone::Error);
}

void StatusPanel::setClerk(const QString& clerk)
{
    m_clerk->setText(clerk.isEmpty() ? tr("Not signed in") : tr("Clerk: %1").arg(clerk));
}

void StatusPanel::setOutlet(const QString& outlet)
{
    m_outlet->setText(tr("Outlet: %1").arg(outlet));
}

QString StatusPanel::readerText() const
{
    return m_reader->text();
}

QString StatusPanel::syncText() const
{
    return m_sync->text();
}

} // namespace shiming

namespace shiming {

QString StatusPanel::cameraText() const
{
    return m_camera->text();
}

QString StatusPanel::clerkText() const
{
    return m_clerk->text();
}

QString StatusPanel::outletText() const
{
    return m_outlet->text();
}

} // namespace shiming
