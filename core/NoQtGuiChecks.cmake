# Core stays below Qt Gui (STYLE.md), checked two ways by CTest:
#   core_no_qtgui        no source under core/ includes a header of Qt Gui, Widgets, PrintSupport, Svg or OpenGL;
#   core_links_no_qtgui  no core library links one of those modules or shiming_widgets, directly or through
#                        another library.
# The core libraries are static, so build.ninja has no link line for them to inspect: their link closure is
# worked out from the targets' link properties once the whole project is configured (every target exists then).

set(_shiming_gui_modules Gui Widgets PrintSupport Svg SvgWidgets OpenGL OpenGLWidgets)
set(_shiming_gui_header_dirs)
foreach(module IN LISTS _shiming_gui_modules)
    if(TARGET Qt6::${module})
        get_target_property(dirs Qt6::${module} INTERFACE_INCLUDE_DIRECTORIES)
        foreach(dir IN LISTS dirs)
            if(dir MATCHES "/Qt${module}$" AND IS_DIRECTORY "${dir}")
                list(APPEND _shiming_gui_header_dirs "${dir}")
            endif()
        endforeach()
    endif()
endforeach()
if(NOT _shiming_gui_header_dirs)
    message(FATAL_ERROR "core_no_qtgui: cannot find the Qt Gui header directory")
endif()

add_test(NAME core_no_qtgui
    COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_CURRENT_SOURCE_DIR} "-DHEADER_DIRS=${_shiming_gui_header_dirs}"
        -P ${CMAKE_CURRENT_SOURCE_DIR}/CheckNoQtGuiIncludes.cmake)
set_tests_properties(core_no_qtgui PROPERTIES LABELS "core")

# Writes each core library's link closure (one library per line) to core-link-closure.txt at the end of the
# configure step.
function(shiming_write_core_link_closure file)
    get_property(features GLOBAL PROPERTY SHIMING_CORE_FEATURES)
    set(text "")
    foreach(feature IN LISTS features)
        set(seen "")
        set(queue ${feature})
        while(queue)
            list(POP_FRONT queue item)
            string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" item "${item}")
            if(item MATCHES "^::@" OR item MATCHES "^\\$<" OR item IN_LIST seen)
                continue()
            endif()
            list(APPEND seen "${item}")
            if(TARGET "${item}")
                get_target_property(aliased "${item}" ALIASED_TARGET)
                if(aliased)
                    list(APPEND queue "${aliased}")
                    continue()
                endif()
                get_target_property(imported "${item}" IMPORTED)
                get_target_property(type "${item}" TYPE)
                if(NOT imported AND NOT type STREQUAL "INTERFACE_LIBRARY")
                    get_target_property(libs "${item}" LINK_LIBRARIES)
                    if(libs)
                        list(APPEND queue ${libs})
                    endif()
                endif()
                get_target_property(libs "${item}" INTERFACE_LINK_LIBRARIES)
                if(libs)
                    list(APPEND queue ${libs})
                endif()
            endif()
        endwhile()
        list(REMOVE_AT seen 0)
        list(JOIN seen " " closure)
        string(APPEND text "${feature}: ${closure}\n")
    endforeach()
    file(WRITE "${file}" "${text}")
endfunction()

set(_shiming_closure_file ${CMAKE_BINARY_DIR}/core-link-closure.txt)
# A deferred call's arguments are expanded when it runs (in the top directory): pass the path itself.
cmake_language(EVAL CODE "cmake_language(DEFER DIRECTORY \"${CMAKE_SOURCE_DIR}\"
    CALL shiming_write_core_link_closure \"${_shiming_closure_file}\")")
add_test(NAME core_links_no_qtgui
    COMMAND ${CMAKE_COMMAND} -DCLOSURE_FILE=${_shiming_closure_file} -P
        ${CMAKE_CURRENT_SOURCE_DIR}/CheckNoQtGuiLinks.cmake)
set_tests_properties(core_links_no_qtgui PROPERTIES LABELS "core")
