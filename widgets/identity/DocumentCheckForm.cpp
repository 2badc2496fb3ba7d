#include "widgets/identity/DocumentCheckForm.h"

#include "core/identity/Validators.h"
#include "core/outlet/ValidationIssueText.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {

QString fieldValueText(const QString& key, const QVariant& value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? DocumentCheckForm::tr("yes") : DocumentCheckForm::tr("no");
    if (key == u"sex") {
        const QString text = sexDisplayName(value.toString());
        return text.isEmpty() ? value.toString() : text;
    }
    return value.toString();
}

} // namespace

DocumentCheckForm::DocumentCheckForm(const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
{
    setObjectName(u"documentCheckForm"_s);

    m_typeCombo = new QComboBox(this);
    m_typeCombo->setObjectName(u"typeCombo"_s);
    m_typeCombo->addItem(tr("Detect automatically"), u"auto"_s);
    for (DocumentType type : allDocumentTypes())
        m_typeCombo->addItem(documentTypeDisplayName(type), documentTypeKey(type));

    m_valueEdit = new QPlainTextEdit(this);
    m_valueEdit->setObjectName(u"valueEdit"_s);
    m_valueEdit->setPlaceholderText(tr("Type, paste or scan the number; an MRZ goes line by line"));
    m_valueEdit->setTabChangesFocus(true);
    m_valueEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_valueEdit->setMaximumHeight(m_valueEdit->fontMetrics().lineSpacing() * 4 + 12);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"statusLabel"_s);
    m_errorsLabel = new QLabel(this);
    m_errorsLabel->setObjectName(u"errorsLabel"_s);
    m_errorsLabel->setWordWrap(true);
    m_errorsLabel->setTextFormat(Qt::PlainText);

    m_normalizedEdit = new QLineEdit(this);
    m_normalizedEdit->setObjectName(u"normalizedEdit"_s);
    m_normalizedEdit->setReadOnly(true);

    m_fieldsTable = new QTableWidget(0, 2, this);
    m_fieldsTable->setObjectName(u"fieldsTable"_s);
    m_fieldsTable->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    m_fieldsTable->horizontalHeader()->setStretchLastSection(true);
    m_fieldsTable->verticalHeader()->hide();
    m_fieldsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* valueColumn = new QVBoxLayout;
    valueColumn->addWidget(m_valueEdit);
    valueColumn->addWidget(m_statusLabel);
    valueColumn->addWidget(m_errorsLabel);

    auto* form = new QFormLayout;
    form->addRow(tr("Document &type"), m_typeCombo);
    // The label of a row that holds a layout gets no buddy by itself: without one its "&" shows literally.
    auto* valueLabel = new QLabel(tr("&Value"), this);
    valueLabel->setBuddy(m_valueEdit);
    form->addRow(valueLabel, valueColumn);
    form->addRow(tr("Normalised"), m_normalizedEdit);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_fieldsTable, 1);

    connect(m_valueEdit, &QPlainTextEdit::textChanged, this, &DocumentCheckForm::revalidate);
    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, &DocumentCheckForm::revalidate);
    revalidate();
}

void DocumentCheckForm::revalidate()
{
    const QString text = m_valueEdit->toPlainText();
    const auto type = parseDocumentType(m_typeCombo->currentData().toString());
    m_result = type ? validate(*type, text, m_clock) : validateAuto(text, m_clock);
    showResult();
    emit validated(m_result);
}

void DocumentCheckForm::showResult()
{
    const bool nothing = m_valueEdit->toPlainText().trimmed().isEmpty();
    if (nothing) {
        m_statusLabel->clear();
    } else if (m_result.valid()) {
        const QString type = m_typeCombo->currentData().toString() == u"auto"
                                 ? u" (%1)"_s.arg(documentTypeDisplayName(m_result.type))
                                 : QString();
        m_statusLabel->setText(tr("✔ Valid") + type);
        m_statusLabel->setStyleSheet(u"color: #1b7f3b; font-weight: bold;"_s);
    } else {
        m_statusLabel->setText(tr("✘ Invalid"));
        m_statusLabel->setStyleSheet(u"color: #b3261e; font-weight: bold;"_s);
    }

    QStringList lines;
    if (!nothing) {
        for (const auto& issue : m_result.errors)
            lines << validationIssueText(issue);
        for (const auto& issue : m_result.warnings)
            lines << tr("Note: %1").arg(validationIssueText(issue));
    }
    m_errorsLabel->setText(lines.join(u'\n'));
    m_errorsLabel->setVisible(!lines.isEmpty());

    m_normalizedEdit->setText(QString(m_result.normalized).replace(u'\n', u" | "_s));

    m_fieldsTable->setRowCount(0);
    for (auto it = m_result.fields.cbegin(); it != m_result.fields.cend(); ++it) {
        const int row = m_fieldsTable->rowCount();
        m_fieldsTable->insertRow(row);
        auto* label = new QTableWidgetItem(validationFieldLabel(it.key()));
        label->setData(Qt::UserRole, it.key());
        m_fieldsTable->setItem(row, 0, label);
        m_fieldsTable->setItem(row, 1, new QTableWidgetItem(fieldValueText(it.key(), it.value())));
    }
}

} // namespace shiming
