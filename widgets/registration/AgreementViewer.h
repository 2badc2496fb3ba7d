#pragma once

#include <QTextBrowser>

namespace shiming {

/// Shows an agreement or notice in full and tells when it was scrolled to the end (the customer must have
/// been shown all of it). Keyboard: PgDn/Space scroll, End jumps to the end.
class AgreementViewer : public QTextBrowser {
    Q_OBJECT

public:
    explicit AgreementViewer(QWidget* parent = nullptr);

    void setDocumentHtml(const QString& html);
    bool readToEnd() const { return m_readToEnd; }

signals:
    void readToEndChanged(bool read);

protected:
    void resizeEvent(QResizeEvent* event) override;
    /// Ctrl+End / End go to the end, Ctrl+Home / Home to the top, Page Down and Space a page on: a read-only
    /// browser has no cursor to move, so without this the keys did nothing.
    void keyPressEvent(QKeyEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void check();

    bool m_readToEnd = false;
};

} // namespace shiming
