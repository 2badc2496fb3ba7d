# The daily report: chart, PDF and printing, the report page of the manager's window (`shimingctl report` is
# in cli/ReportCommands). See docs/manager.md.
set(_shiming_report_widget_sources
    ${CMAKE_CURRENT_LIST_DIR}/DailyReportChart.h ${CMAKE_CURRENT_LIST_DIR}/DailyReportChart.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DailyReportDocument.h ${CMAKE_CURRENT_LIST_DIR}/DailyReportDocument.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DailyReportView.h ${CMAKE_CURRENT_LIST_DIR}/DailyReportView.cpp
)
set_property(GLOBAL APPEND PROPERTY SHIMING_MANAGER_WIDGET_SOURCES ${_shiming_report_widget_sources})
target_sources(shiming_widgets PRIVATE ${_shiming_report_widget_sources})
