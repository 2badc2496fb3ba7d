#pragma once

#include "core/auth/Session.h"
#include "core/review/ReviewRepository.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;

namespace shiming::review {

class DayListModel;

/// The manager's day list: the filter boxes (dates, clerk, status, face band, package, customer type, sync
/// state, document digits, phone), the paged table and the count of matching registrations. Choosing a row
/// only announces it (recordSelected); the window shows the record through its audited path.
class DayListPage : public QWidget {
    Q_OBJECT
public:
    DayListPage(auth::Session& session, ReviewRepository& repository, QWidget* parent = nullptr);

    DayListModel& model() { return *m_model; }

    /// Re-reads the list with the filter boxes' values.
    Result<void> applyFilter();
    /// Re-reads with the same filter (after a decision changed a record).
    Result<void> reload();

    /// Package names for the list and the package filter (ids stay the filter's data).
    void setPackageNames(const QHash<QString, QString>& names);

signals:
    /// The manager moved to another row.
    void recordSelected(const QString& uuid);
    void failed(const shiming::Error& error);

private:
    QHash<QString, QString> m_packageNames;
    void fillFilterChoices();

    auth::Session& m_session;
    ReviewRepository& m_repository;
    DayListModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_countLabel = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_clerk = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_band = nullptr;
    QComboBox* m_package = nullptr;
    QComboBox* m_transaction = nullptr;
    QComboBox* m_customerType = nullptr;
    QComboBox* m_sync = nullptr;
    QLineEdit* m_documentDigits = nullptr;
    QLineEdit* m_phone = nullptr;
};

} // namespace shiming::review
