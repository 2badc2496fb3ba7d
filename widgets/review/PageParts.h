#pragma once

#include <QDate>
#include <QString>

class QAbstractItemModel;
class QComboBox;
class QDateEdit;
class QDialog;
class QPushButton;
class QVBoxLayout;
class QTableView;
class QWidget;

namespace shiming::review {

// The pieces every page of the manager's window builds the same way, so the pages look and behave alike.

/// A read-only table that selects one whole row at a time.
QTableView* makeTable(QAbstractItemModel* model, const QString& objectName, QWidget* parent);
/// A filter choice whose first entry (`anyText`, no data) matches everything.
QComboBox* makeFilterCombo(const QString& objectName, const QString& anyText, QWidget* parent);
/// A date box with a calendar and the ISO format the manager reads in the lists.
QDateEdit* makeDateEdit(QDate date, QWidget* parent);

/// A dialog's closing rows: why it is asked again (`error`, in red; nothing when empty) and OK / Cancel wired to
/// accept and reject. Returns the OK button ("okButton").
QPushButton* addDialogEnd(QDialog* dialog, QVBoxLayout* layout, const QString& error, const QString& errorName);

} // namespace shiming::review
