#pragma once

#include "core/auth/Account.h"
#include "core/review/HallScope.h"
#include "core/store/OutletStore.h"
#include "core/sync/HallReader.h"

#include <QWidget>

#include <functional>

class QDateEdit;
class QLabel;
class QTableWidget;
class QTabWidget;

namespace shiming::report {
class DailyReportView;
}

namespace shiming::review {

/// The manager window's "whole hall" scope: the day's records of every counter of the hall and the hall's daily
/// report, read from HQ (docs/manager.md "Whole hall"). Offline it says so, with when this counter last reached
/// HQ; the local scope keeps working. Personal fields come masked; a record opens with its photos (held in
/// memory only), and "Show full numbers" asks HQ again with reveal, audited at HQ and in this outlet's log.
class HallPage : public QWidget {
    Q_OBJECT
public:
    /// One read from HQ (sync::HallReader's targets); the window supplies it from the outlet's credentials, and
    /// tests from a real HQ. Null: the outlet is not enrolled.
    using Reader = std::function<void(const QByteArray& target, std::function<void(const sync::HallAnswer&)> done)>;

    /// `account`: the manager whose window this is (HQ checks the name; exports and reveals are audited as theirs).
    HallPage(store::OutletStore& store, auth::Account account, Reader reader, QWidget* parent = nullptr);

    /// Reads the day's records and report of `date` from HQ.
    void showDate(QDate date);
    const HallDay& day() const { return m_day; }
    QString statusText() const;
    /// Opens a record of the list (row index) with its photos; `reveal` asks for the full fields.
    void openRecord(int row, bool reveal = false);
    const std::optional<HallRecord>& openedRecord() const { return m_record; }
    report::DailyReportView* reportView() const { return m_report; }

signals:
    void recordOpened();

private:
    void fill();
    void setStatus(const QString& text, bool error);
    QString offlineText(const sync::HallAnswer& answer) const;

    store::OutletStore& m_store;
    auth::Account m_account;
    Reader m_reader;
    HallDay m_day;
    std::optional<HallRecord> m_record;
    QDateEdit* m_date = nullptr;
    QLabel* m_status = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_recordView = nullptr;
    QTabWidget* m_tabs = nullptr;
    report::DailyReportView* m_report = nullptr;
};

} // namespace shiming::review
