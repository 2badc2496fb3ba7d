#pragma once

#include "core/auth/Session.h"
#include "core/review/ReviewRepository.h"
#include "core/review/SpotCheck.h"

#include <QDate>
#include <QWidget>

#include <functional>
#include <optional>

class QDateEdit;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace shiming::review {

/// The duty manager's daily spot check: pick the day, open its sample (drawn the first time, once the hall has
/// closed; outlet::openSpotCheck), look at each sampled record in the detail pane and mark it OK or a problem
/// with a note. The list shows the record's time, clerk, masked customer name and the verdict.
class SpotCheckPage : public QWidget {
    Q_OBJECT
public:
    /// Asks for the note on a problem; empty optional when the manager cancels. Tests replace it.
    using NotePrompt = std::function<std::optional<QString>(QWidget* parent, const QString& previous)>;

    SpotCheckPage(auth::Session& session, ReviewRepository& repository, QWidget* parent = nullptr);

    void setNotePrompt(NotePrompt prompt) { m_askNote = std::move(prompt); }
    QStandardItemModel& model() { return *m_model; }
    /// The day shown, and its check once opened.
    QDate day() const;
    const std::optional<SpotCheck>& check() const { return m_check; }

    /// Opens (drawing it the first time) the spot check of `day`.
    Result<void> open(QDate day);
    /// Marks the selected (or given) sampled record.
    Result<void> markOk(const QString& uuid);
    Result<void> markProblem(const QString& uuid);
    QString selectedUuid() const;

signals:
    void recordSelected(const QString& uuid);
    void statusReported(const QString& message);
    void failed(const shiming::Error& error);

private:
    void showCheck();

    auth::Session& m_session;
    ReviewRepository& m_repository;
    NotePrompt m_askNote;
    QDateEdit* m_date = nullptr;
    QLabel* m_summary = nullptr;
    QStandardItemModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_okButton = nullptr;
    QPushButton* m_problemButton = nullptr;
    std::optional<SpotCheck> m_check;
};

} // namespace shiming::review
