#pragma once

#include "core/catalog/Package.h"
#include "core/common/Error.h"
#include "core/registration/Registration.h"

#include <QCoreApplication>

class QPagedPaintDevice;
class QTextDocument;

namespace shiming {

/// The printed registration form (登记单): photos, masked document numbers, package, number, ICCID, signature,
/// clerk and time. The same HTML shows on the summary step, so the clerk sees what will print.
class RegistrationForm {
    Q_DECLARE_TR_FUNCTIONS(RegistrationForm)

public:
    /// `numberFeeFen`: the one-off fee of the chosen number, stated on the form with the package's terms.
    RegistrationForm(registration::Registration record, std::optional<catalog::Package> package, int numberFeeFen = 0);

    /// The form as HTML; images are referenced as resources the text document provides (see document()).
    /// The form's title for the transaction ("SIM card replacement form").
    static QString title(registration::Transaction transaction);
    QString html() const;
    /// A text document of the form with its images loaded; the caller owns it.
    QTextDocument* document() const;
    /// Renders the form on a printer or PDF writer.
    void render(QPagedPaintDevice* device) const;
    /// Writes the form as a PDF file (A4) through outlet::writeExportFile: mode 0600, whole or not at all.
    Result<void> savePdf(const QString& path) const;

private:
    registration::Registration m_record;
    std::optional<catalog::Package> m_package;
    int m_numberFeeFen = 0;
};

} // namespace shiming
