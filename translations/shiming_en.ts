<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DocumentPage</name>
    <message numerus="yes">
        <location filename="../widgets/registration/DocumentPage.cpp" line="+285"/>
        <source>%n year(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FacePage</name>
    <message numerus="yes">
        <location filename="../widgets/registration/FacePage.cpp" line="+224"/>
        <source>%n attempt(s) left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message numerus="yes">
        <location filename="../widgets/review/ManagerWindow.cpp" line="+519"/>
        <source>%n registration(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>The hash chain verifies: %n entries, none altered or removed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackagePage</name>
    <message numerus="yes">
        <location filename="../widgets/registration/PackagePage.cpp" line="+166"/>
        <source>%n month(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message numerus="yes">
        <location filename="../widgets/common/StatusPanel.cpp" line="+60"/>
        <source>To HQ: %n waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
