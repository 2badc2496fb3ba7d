# cmake -DCLOSURE_FILE=core-link-closure.txt -P CheckNoQtGuiLinks.cmake
# Fails, naming the library and what it reaches, when a core library's link closure holds a Qt Gui module or
# one of the widgets libraries.
cmake_minimum_required(VERSION 3.25) # IN_LIST in script mode
file(STRINGS "${CLOSURE_FILE}" lines)
if(NOT lines)
    message(FATAL_ERROR "${CLOSURE_FILE} is empty: configure the project first")
endif()
set(offenders "")
foreach(line IN LISTS lines)
    # Split at the first ": " by position: REGEX REPLACE with ^ would apply again to what remains (Qt6::Gui).
    string(FIND "${line}" ": " colon)
    if(colon LESS 0)
        continue()
    endif()
    string(SUBSTRING "${line}" 0 ${colon} library)
    math(EXPR rest "${colon} + 2")
    string(SUBSTRING "${line}" ${rest} -1 closure)
    string(REPLACE " " ";" closure "${closure}")
    foreach(item IN LISTS closure)
        if(item MATCHES "^Qt6?::(Gui|Widgets|PrintSupport|Svg|SvgWidgets|OpenGL|OpenGLWidgets)$"
           OR item MATCHES "^shiming_.*widgets$")
            list(APPEND offenders "  ${library} links ${item}")
        endif()
    endforeach()
endforeach()
if(offenders)
    list(JOIN offenders "\n" text)
    message(FATAL_ERROR "core libraries must not link Qt Gui or Widgets (STYLE.md); found:\n${text}")
endif()
list(LENGTH lines count)
message(STATUS "${count} core libraries, none links Qt Gui or Widgets")
