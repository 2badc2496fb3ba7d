#pragma once

// Answers the counter's modal manager sign-in dialog (Account > Manager review) from a timer, as a manager
// at the counter would, and counts the manager windows that are open.

#include "widgets/review/ManagerWindow.h"

#include <QApplication>
#include <QDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QTest>
#include <QTimer>

#include <memory>

namespace shiming::testing {

// What the dialog answerer saw; `finished` once it has stopped looking (tests wait for it, so that no handler
// outlives its test and runs inside the next one).
struct Answer {
    bool refused = false;
    bool finished = false;
};

// Fills the modal manager sign-in dialog once it is up, then closes whatever modal box follows it.
inline void answerManagerDialog(const QString& account, const QByteArray& password, std::shared_ptr<Answer> answer)
{
    QTimer::singleShot(0, [=] {
        auto* dialog = QTest::qWaitFor([] { return QApplication::activeModalWidget() != nullptr; }, 5000)
                           ? qobject_cast<QDialog*>(QApplication::activeModalWidget())
                           : nullptr;
        if (!dialog || dialog->objectName() != QStringLiteral("managerLoginDialog")) {
            answer->finished = true;
            return;
        }
        dialog->findChild<QLineEdit*>(QStringLiteral("managerAccountEdit"))->setText(account);
        dialog->findChild<QLineEdit*>(QStringLiteral("managerPasswordEdit"))->setText(QString::fromLatin1(password));
        dialog->accept();
        QTimer::singleShot(0, [=] {
            if (QTest::qWaitFor([] { return qobject_cast<QMessageBox*>(QApplication::activeModalWidget()); }, 3000)) {
                answer->refused = true;
                QApplication::activeModalWidget()->close();
            }
            answer->finished = true;
        });
    });
}

inline QList<review::ManagerWindow*> managerWindows()
{
    QList<review::ManagerWindow*> windows;
    for (QWidget* widget : QApplication::topLevelWidgets())
        if (auto* window = qobject_cast<review::ManagerWindow*>(widget); window && window->isVisible())
            windows.append(window);
    return windows;
}

inline int openManagerWindows()
{
    return int(managerWindows().size());
}

} // namespace shiming::testing
