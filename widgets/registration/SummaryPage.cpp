#include "widgets/registration/SummaryPage.h"

#include "core/common/Logging.h"
#include "core/outlet/ClerkText.h"
#include "core/registration/RegistrationSession.h"
#include "widgets/common/FileDialogs.h"
#include "widgets/common/Tone.h"
#include "widgets/registration/RegistrationForm.h"
#include "widgets/registration/SessionText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming {

using namespace registration;

namespace {

RegistrationForm formOf(const RegistrationSession& session, const RegistrationContext& context)
{
    Registration record = session.committedRecord() ? *session.committedRecord() : session.buildRegistration();
    std::optional<catalog::Package> package;
    if (const catalog::Package* p = context.services.catalog->find(record.packageId))
        package = *p;
    return RegistrationForm(std::move(record), std::move(package), session.numberFeeFen());
}

} // namespace

SummaryPage::SummaryPage(RegistrationContext& context, QWidget* parent)
    : WizardPage(parent)
    , m_context(context)
{
    setObjectName(u"summaryPage"_s);
    auto* layout = new QVBoxLayout(this);
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(u"summaryBrowser"_s);
    layout->addWidget(m_browser, 1);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"summaryStatusLabel"_s);
    m_statusLabel->setWordWrap(true);
    QFont big = m_statusLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_statusLabel->setFont(big);
    layout->addWidget(m_statusLabel);
    auto* buttons = new QHBoxLayout;
    m_commitButton = new QPushButton(tr("Commit registration (Ctrl+Enter)"), this);
    m_commitButton->setObjectName(u"commitButton"_s);
    m_printButton = new QPushButton(tr("Print form (Ctrl+P)"), this);
    m_printButton->setObjectName(u"printButton"_s);
    m_pdfButton = new QPushButton(tr("Save form as PDF (Ctrl+S)"), this);
    m_pdfButton->setObjectName(u"savePdfButton"_s);
    m_newButton = new QPushButton(tr("Next customer (Enter)"), this);
    m_newButton->setObjectName(u"newRegistrationButton"_s);
    for (QPushButton* b : {m_commitButton, m_printButton, m_pdfButton, m_newButton})
        buttons->addWidget(b);
    buttons->addStretch();
    layout->addLayout(buttons);

    connect(m_commitButton, &QPushButton::clicked, this, &SummaryPage::commit);
    connect(m_printButton, &QPushButton::clicked, this, &SummaryPage::print);
    connect(m_pdfButton, &QPushButton::clicked, this, [this] { savePdf(); });
    connect(m_newButton, &QPushButton::clicked, this, &SummaryPage::newRegistrationRequested);
    auto add = [this](const QKeySequence& keys, auto slot) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    add(QKeySequence(u"Ctrl+Return"_s), [this] { commit(); });
    add(QKeySequence(u"Ctrl+Enter"_s), [this] { commit(); });
    add(QKeySequence::Print, [this] {
        if (isCommitted())
            print();
    });
    add(QKeySequence::Save, [this] {
        if (isCommitted())
            savePdf();
    });
}

void SummaryPage::attach(RegistrationSession* s)
{
    WizardPage::attach(s);
    connect(s, &RegistrationSession::stepChanged, this, &SummaryPage::refresh);
}

void SummaryPage::enter()
{
    refresh();
    m_commitButton->setFocus();
}

bool SummaryPage::isCommitted() const
{
    return session() && session()->committedRecord().has_value();
}

void SummaryPage::refresh()
{
    if (!session())
        return;
    const RegistrationForm form = formOf(*session(), m_context);
    std::unique_ptr<QTextDocument> doc(form.document());
    m_browser->setDocument(doc.release());
    m_browser->document()->setParent(m_browser);
    const bool committed = isCommitted();
    m_commitButton->setVisible(!committed);
    m_printButton->setVisible(committed);
    m_pdfButton->setVisible(committed);
    m_newButton->setVisible(committed);
    if (committed) {
        m_statusLabel->setText(tr("Registered. Print the form or save it as PDF; Enter for the next customer."));
        setTone(m_statusLabel, Tone::Ok);
        m_newButton->setFocus();
    } else {
        const Cause reason = session()->blocker();
        m_statusLabel->setText(reason.isSpecified() ? ClerkText::of(reason)
                                                    : tr("Check with the customer, then commit."));
        m_statusLabel->setStyleSheet({});
    }
}

void SummaryPage::commit()
{
    if (!session() || isCommitted() || session()->step() != SessionStep::Summary)
        return;
    auto stored = session()->commit();
    if (!stored) {
        m_statusLabel->setText(ClerkText::of(stored.error()));
        setTone(m_statusLabel, Tone::Error);
        qCWarning(lcUi) << "commit failed:" << stored.error().detail;
        return;
    }
    refresh();
}

void SummaryPage::print()
{
    if (!isCommitted())
        return;
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    formOf(*session(), m_context).render(&printer);
}

bool SummaryPage::savePdf(QString path)
{
    if (!isCommitted())
        return false;
    if (path.isEmpty()) {
        const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/' +
                                  tr("registration-%1.pdf").arg(session()->committedRecord()->sequence);
        path = saveFileName(this, tr("Save registration form"), suggested, tr("PDF (*.pdf)"));
        if (path.isEmpty())
            return false;
    }
    auto saved = formOf(*session(), m_context).savePdf(path);
    m_statusLabel->setText(saved ? tr("Form saved.") : ClerkText::of(saved.error()));
    return saved.has_value();
}

} // namespace shiming
