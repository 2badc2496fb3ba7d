# The store manager's window (docs/manager.md). The list is kept in a global property so that tests/review can
# build these screens without the rest of shiming_widgets.
set(_shiming_review_widget_sources
    ${CMAKE_CURRENT_LIST_DIR}/ReviewText.h ${CMAKE_CURRENT_LIST_DIR}/ReviewText.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DayListModel.h ${CMAKE_CURRENT_LIST_DIR}/DayListModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RecordListModel.h ${CMAKE_CURRENT_LIST_DIR}/RecordListModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AuditModel.h ${CMAKE_CURRENT_LIST_DIR}/AuditModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AccountsModel.h ${CMAKE_CURRENT_LIST_DIR}/AccountsModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DecisionDialog.h ${CMAKE_CURRENT_LIST_DIR}/DecisionDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AccountDialog.h ${CMAKE_CURRENT_LIST_DIR}/AccountDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DetailPane.h ${CMAKE_CURRENT_LIST_DIR}/DetailPane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PageParts.h ${CMAKE_CURRENT_LIST_DIR}/PageParts.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DayListPage.h ${CMAKE_CURRENT_LIST_DIR}/DayListPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReviewQueuePage.h ${CMAKE_CURRENT_LIST_DIR}/ReviewQueuePage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AccountsPage.h ${CMAKE_CURRENT_LIST_DIR}/AccountsPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AuditPage.h ${CMAKE_CURRENT_LIST_DIR}/AuditPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SpotCheckPage.h ${CMAKE_CURRENT_LIST_DIR}/SpotCheckPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AlertsPage.h ${CMAKE_CURRENT_LIST_DIR}/AlertsPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/HallPage.h ${CMAKE_CURRENT_LIST_DIR}/HallPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ManagerWindow.h ${CMAKE_CURRENT_LIST_DIR}/ManagerWindow.cpp
)
set_property(GLOBAL APPEND PROPERTY SHIMING_MANAGER_WIDGET_SOURCES ${_shiming_review_widget_sources})
target_sources(shiming_widgets PRIVATE ${_shiming_review_widget_sources})
