<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>SessionText</name>
    <message numerus="yes">
        <location filename="../widgets/registration/SessionText.cpp" line="+165"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shiming::ClerkText</name>
    <message numerus="yes">
        <location filename="../core/outlet/ClerkText.cpp" line="+91"/>
        <source>Too many wrong passwords: this account is locked for %n more minute(s).</source>
        <translation>
            <numerusform>Too many wrong passwords: this account is locked for %n more minute.</numerusform>
            <numerusform>Too many wrong passwords: this account is locked for %n more minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>The password needs at least %n character(s).</source>
        <translation>
            <numerusform>The password needs at least %n character.</numerusform>
            <numerusform>The password needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shiming::DocumentPage</name>
    <message numerus="yes">
        <location filename="../widgets/registration/DocumentPage.cpp" line="+317"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shiming::FacePage</name>
    <message numerus="yes">
        <location filename="../widgets/registration/FacePage.cpp" line="+229"/>
        <source>%n attempt(s) left</source>
        <translation>
            <numerusform>%n attempt left</numerusform>
            <numerusform>%n attempts left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shiming::MainWindow</name>
    <message numerus="yes">
        <location filename="../widgets/MainWindow.cpp" line="+321"/>
        <source>database damaged: %n records cannot be read, tell the manager</source>
        <translation>
            <numerusform>database damaged: %n record cannot be read, tell the manager</numerusform>
            <numerusform>database damaged: %n records cannot be read, tell the manager</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>To HQ: %n waiting · demo outlet, no HQ</source>
        <translation>
            <numerusform>To HQ: %n waiting · demo outlet, no HQ</numerusform>
            <numerusform>To HQ: %n waiting · demo outlet, no HQ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>To HQ: %n waiting · not enrolled with HQ</source>
        <translation>
            <numerusform>To HQ: %n waiting · not enrolled with HQ</numerusform>
            <numerusform>To HQ: %n waiting · not enrolled with HQ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shiming::StatusPanel</name>
    <message numerus="yes">
        <location filename="../widgets/common/StatusPanel.cpp" line="+62"/>
        <source>To HQ: %n waiting</source>
        <translation>
            <numerusform>To HQ: %n waiting</numerusform>
            <numerusform>To HQ: %n waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shiming::review::AuditPage</name>
    <message numerus="yes">
        <location filename="../widgets/review/AuditPage.cpp" line="+129"/>
        <source>The hash chain verifies: %n entries, none altered or removed.</source>
        <translation>
            <numerusform>The hash chain verifies: %n entry, not altered or removed.</numerusform>
            <numerusform>The hash chain verifies: %n entries, none altered or removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shiming::review::DayListPage</name>
    <message numerus="yes">
        <location filename="../widgets/review/DayListPage.cpp" line="+163"/>
        <source>%n registration(s)</source>
        <translation>
            <numerusform>%n registration</numerusform>
            <numerusform>%n registrations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shiming::review::HallPage</name>
    <message numerus="yes">
        <location filename="../widgets/review/HallPage.cpp" line="+162"/>
        <source>Hall %1, %2: %n record(s) from %3 counter(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shiming::review::ManagerWindow</name>
    <message numerus="yes">
        <location filename="../widgets/review/ManagerWindow.cpp" line="+282"/>
        <source>%n records cannot be read and cannot go to HQ;</source>
        <translation>
            <numerusform>%n record cannot be read and cannot go to HQ;</numerusform>
            <numerusform>%n records cannot be read and cannot go to HQ;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>HQ has been told of %n of them by id.</source>
        <translation>
            <numerusform>HQ has been told of %n of them by id.</numerusform>
            <numerusform>HQ has been told of %n of them by id.</numerusform>
        </translation>
    </message>
</context>
</TS>
