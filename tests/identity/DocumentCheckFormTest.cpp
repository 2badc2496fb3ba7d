// Widget test of the interim document check form (offscreen): types into it like a clerk and checks what it shows.

#include "support/CatchQt.h"

#include "widgets/identity/DocumentCheckForm.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shiming;

namespace {

struct Form {
    FixedClock clock{QDateTime(QDate(2026, 6, 15), QTime(10, 0))};
    DocumentCheckForm form{clock};
    QComboBox* type = form.findChild<QComboBox*>(u"typeCombo"_s);
    QPlainTextEdit* value = form.findChild<QPlainTextEdit*>(u"valueEdit"_s);
    QLabel* status = form.findChild<QLabel*>(u"statusLabel"_s);
    QLabel* errors = form.findChild<QLabel*>(u"errorsLabel"_s);
    QLineEdit* normalized = form.findChild<QLineEdit*>(u"normalizedEdit"_s);
    QTableWidget* fields = form.findChild<QTableWidget*>(u"fieldsTable"_s);

    Form()
    {
        REQUIRE(type);
        REQUIRE(value);
        REQUIRE(status);
        REQUIRE(errors);
        REQUIRE(normalized);
        REQUIRE(fields);
        form.show();
        REQUIRE(QTest::qWaitForWindowExposed(&form));
    }

    QString field(const QString& key) const
    {
        for (int row = 0; row < fields->rowCount(); ++row) {
            if (fields->item(row, 0)->data(Qt::UserRole).toString() == key)
                return fields->item(row, 1)->text();
        }
        return u"<missing>"_s;
    }

    void selectType(const QString& key)
    {
        const int index = type->findData(key);
        REQUIRE(index >= 0);
        type->setCurrentIndex(index);
    }
};

} // namespace

TEST_CASE("Document check form shows a valid resident ID with its fields in Chinese", "[identity][widgets]")
{
    Form f;
    QSignalSpy spy(&f.form, &DocumentCheckForm::validated);
    f.selectType(u"resident-id"_s);
    f.value->setFocus();
    QTest::keyClicks(f.value, u"110105 19491231 002x"_s);
    CHECK(spy.count() >= 18);
    CHECK(f.form.result().valid());
    CHECK(f.status->text().contains(u"Valid"_s));
    CHECK(f.errors->isHidden());
    CHECK(f.normalized->text() == u"11010519491231002X"_s);
    CHECK(f.field(u"birth_date"_s) == u"1949-12-31"_s);
    CHECK(f.field(u"region"_s) == u"北京市朝阳区"_s);
    CHECK(f.field(u"sex"_s) == u"Female"_s);
}

TEST_CASE("Document check form shows the error next to the field", "[identity][widgets]")
{
    Form f;
    f.selectType(u"resident-id"_s);
    f.value->setFocus();
    QTest::keyClicks(f.value, u"110105194912310021"_s);
    CHECK_FALSE(f.form.result().valid());
    CHECK(f.status->text().contains(u"Invalid"_s));
    CHECK(f.errors->isVisible());
    CHECK(f.errors->text().contains(u"Check character"_s));

    // Correcting the last character makes it valid again.
    QTest::keyClick(f.value, Qt::Key_Backspace);
    QTest::keyClicks(f.value, u"X"_s);
    CHECK(f.form.result().valid());
    CHECK(f.errors->isHidden());
}

TEST_CASE("Document check form detects the type and reads a pasted MRZ", "[identity][widgets]")
{
    Form f;
    f.clock.set(QDateTime(QDate(2010, 1, 1), QTime(10, 0)));
    CHECK(f.type->currentData().toString() == u"auto"_s);
    f.value->setPlainText(
        u"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"_s);
    CHECK(f.form.result().valid());
    CHECK(f.form.result().type == DocumentType::Passport);
    CHECK(f.field(u"surname"_s) == u"ERIKSSON"_s);
    CHECK(f.field(u"given_names"_s) == u"ANNA MARIA"_s);
    CHECK(f.normalized->text().contains(u" | "_s));

    // Changing the type re-validates the same text.
    f.selectType(u"mobile"_s);
    CHECK_FALSE(f.form.result().valid());
    CHECK(f.form.result().type == DocumentType::Mobile);

    f.value->clear();
    CHECK(f.status->text().isEmpty());
    CHECK(f.errors->isHidden());
    CHECK(f.fields->rowCount() == 0);
}
