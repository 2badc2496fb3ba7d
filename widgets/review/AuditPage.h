#pragma once

#include "core/auth/Session.h"
#include "core/review/AuditQuery.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace shiming::review {

class AuditModel;

/// The audit log, newest first, filtered by user, action, record id and dates; "Verify chain" walks the whole
/// hash chain and says whether it verifies or at which entry it breaks (entries from there are shaded).
class AuditPage : public QWidget {
    Q_OBJECT
public:
    AuditPage(auth::Session& session, AuditQuery& query, QWidget* parent = nullptr);

    AuditModel& model() { return *m_model; }

    /// Re-reads the log with the filter boxes' values (a failure is reported through failed()).
    void refresh();
    /// Verifies the hash chain and shows the outcome.
    void verify();

signals:
    void failed(const shiming::Error& error);

private:
    void fillActorChoices();

    auth::Session& m_session;
    AuditQuery& m_query;
    AuditModel* m_model = nullptr;
    QComboBox* m_actor = nullptr;
    QComboBox* m_action = nullptr;
    QLineEdit* m_record = nullptr;
    QCheckBox* m_useDates = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLabel* m_chainLabel = nullptr;
};

} // namespace shiming::review
