#pragma once

#include "core/registration/Registration.h"
#include "core/store/AuditLog.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace shiming::review {

/// One registration as the manager inspects it: chip photo and live photo side by side at the same scale,
/// score, threshold, quality and liveness, every document field (numbers masked until the audited "show"
/// action), attachments, signature and the record's audit history. It shows what it is given: the window
/// loads the record through the audited path.
class DetailPane : public QWidget {
    Q_OBJECT
public:
    explicit DetailPane(QWidget* parent = nullptr);

    void showRecord(const registration::Registration& record, const QList<store::AuditEntry>& history);
    void clear();
    /// Puts the full document numbers on screen (after the window audited the request).
    void revealDocuments();
    bool documentsRevealed() const { return m_revealed; }
    QString recordUuid() const { return m_record.uuid; }
    /// The text of the document fields as shown (for tests: masked vs shown).
    QString documentText() const;
    /// The catalogue's package names by id (shown instead of the ids).
    void setPackageNames(QHash<QString, QString> names) { m_packageNames = std::move(names); }

signals:
    /// The manager asked for the full document number of the shown record.
    void showDocumentRequested(const QString& uuid);

private:
    QHash<QString, QString> m_packageNames;
    void renderDocuments();

    registration::Registration m_record;
    bool m_revealed = false;
    QLabel* m_chipPhoto = nullptr;
    QLabel* m_livePhoto = nullptr;
    QLabel* m_face = nullptr;
    QTextBrowser* m_documents = nullptr;
    QPushButton* m_showDocument = nullptr;
    QLabel* m_signature = nullptr;
    QListWidget* m_attachments = nullptr;
    QListWidget* m_history = nullptr;
};

} // namespace shiming::review
