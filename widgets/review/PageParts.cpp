#include "widgets/review/PageParts.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace shiming::review {

QTableView* makeTable(QAbstractItemModel* model, const QString& objectName, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    // Columns follow what a page shows (times, names, bands): fitted when rows arrive, never cut off.
    const auto fit = [view] {
        view->resizeColumnsToContents();
    };
    QObject::connect(model, &QAbstractItemModel::modelReset, view, fit);
    QObject::connect(model, &QAbstractItemModel::rowsInserted, view, fit);
    QObject::connect(model, &QAbstractItemModel::layoutChanged, view, fit);
    return view;
}

QComboBox* makeFilterCombo(const QString& objectName, const QString& anyText, QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->addItem(anyText, QString());
    return combo;
}

QDateEdit* makeDateEdit(QDate date, QWidget* parent)
{
    auto* edit = new QDateEdit(date, parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(u"yyyy-MM-dd"_s);
    return edit;
}

} // namespace shiming::review
