#pragma once

#include "core/common/Clock.h"
#include "core/identity/Validation.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace shiming {

/// The interim document check: the clerk picks a type (or lets it be detected), types, pastes or scans a value,
/// and sees at once whether it is valid, what is wrong next to the field, the normalised value and the fields
/// read from it. Validates on every change; nothing is stored.
class DocumentCheckForm : public QWidget {
    Q_OBJECT

public:
    explicit DocumentCheckForm(const Clock& clock, QWidget* parent = nullptr);

    /// The result of the last validation (of the current text and type).
    const ValidationResult& result() const { return m_result; }

signals:
    /// Emitted after every validation, i.e. whenever the text or the type changed.
    void validated(const shiming::ValidationResult& result);

private:
    void revalidate();
    void showResult();

    const Clock& m_clock;
    ValidationResult m_result;
    QComboBox* m_typeCombo = nullptr;
    QPlainTextEdit* m_valueEdit = nullptr;
    QLabel* m_statusLabel = nullptr;
    QLabel* m_errorsLabel = nullptr;
    QLineEdit* m_normalizedEdit = nullptr;
    QTableWidget* m_fieldsTable = nullptr;
};

} // namespace shiming
