# The daily report: chart, PDF and printing, the report page of the manager's window, and the
# `shimingctl report` command (it needs Qt Gui for the PDF). See docs/manager.md.
set(_shiming_report_widget_sources
    ${CMAKE_CURRENT_LIST_DIR}/DailyReportChart.h ${CMAKE_CURRENT_LIST_DIR}/DailyReportChart.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DailyReportDocument.h ${CMAKE_CURRENT_LIST_DIR}/DailyReportDocument.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DailyReportView.h ${CMAKE_CURRENT_LIST_DIR}/DailyReportView.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReportCommands.h ${CMAKE_CURRENT_LIST_DIR}/ReportCommands.cpp
)
set_property(GLOBAL APPEND PROPERTY SHIMING_MANAGER_WIDGET_SOURCES ${_shiming_report_widget_sources})
target_sources(shiming_widgets PRIVATE ${_shiming_report_widget_sources})
