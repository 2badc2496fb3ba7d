# The document check form, in its own small library so that its widget test links only core/identity.
add_library(shiming_identity_widgets STATIC
    ${CMAKE_CURRENT_LIST_DIR}/DocumentCheckForm.h
    ${CMAKE_CURRENT_LIST_DIR}/DocumentCheckForm.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ValidationIssueText.h
    ${CMAKE_CURRENT_LIST_DIR}/ValidationIssueText.cpp)
target_include_directories(shiming_identity_widgets PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(shiming_identity_widgets PUBLIC shiming_identity Qt6::Widgets)
target_link_libraries(shiming_widgets PUBLIC shiming_identity_widgets)
