# The document check form, in its own small library so that its widget test links only core/identity and the
# outlet layer's clerk texts (core/outlet/ValidationIssueText).
add_library(shiming_identity_widgets STATIC
    ${CMAKE_CURRENT_LIST_DIR}/DocumentCheckForm.h
    ${CMAKE_CURRENT_LIST_DIR}/DocumentCheckForm.cpp)
target_include_directories(shiming_identity_widgets PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(shiming_identity_widgets PUBLIC shiming_identity Qt6::Widgets PRIVATE shiming_outlet)
target_link_libraries(shiming_widgets PUBLIC shiming_identity_widgets)
