include_guard(GLOBAL)
# Included by tests/hq and tests/sync (whichever comes first). HQ and sync tests run against a real PostgreSQL: a throwaway cluster started by a CTest fixture (scripts/pg-test-cluster.sh)
# and shared by the hq and sync tests; each test case makes its own database in it. Run a test binary directly
# and it starts (and stops) a cluster of its own.
string(MD5 pg_dir_hash "${CMAKE_BINARY_DIR}")
string(SUBSTRING "${pg_dir_hash}" 0 10 pg_dir_hash)
set(SHIMING_PG_TEST_DIR "/tmp/shiming-pg-test-${pg_dir_hash}" CACHE INTERNAL "")
add_test(NAME "hq: start PostgreSQL" COMMAND ${PROJECT_SOURCE_DIR}/scripts/pg-test-cluster.sh start ${SHIMING_PG_TEST_DIR})
set_tests_properties("hq: start PostgreSQL" PROPERTIES FIXTURES_SETUP shiming_pg LABELS "hq;sync" TIMEOUT 120)
add_test(NAME "hq: stop PostgreSQL" COMMAND ${PROJECT_SOURCE_DIR}/scripts/pg-test-cluster.sh stop ${SHIMING_PG_TEST_DIR})
set_tests_properties("hq: stop PostgreSQL" PROPERTIES FIXTURES_CLEANUP shiming_pg LABELS "hq;sync" TIMEOUT 120)

add_library(shiming_hq_test_support STATIC ${CMAKE_CURRENT_LIST_DIR}/HqTestSupport.h ${CMAKE_CURRENT_LIST_DIR}/HqTestSupport.cpp)
target_include_directories(shiming_hq_test_support PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(shiming_hq_test_support PUBLIC shiming_test_support shiming_protocol shiming_hq_lib)
target_compile_definitions(shiming_hq_test_support PUBLIC
    SHIMING_HQ_BINARY="$<TARGET_FILE:shiming-hq>"
    SHIMING_PG_SCRIPT="${PROJECT_SOURCE_DIR}/scripts/pg-test-cluster.sh")
add_dependencies(shiming_hq_test_support shiming-hq)

# shiming_add_pg_test(NAME module SOURCES ... LIBS ...): like shiming_add_test, plus the PostgreSQL fixture.
function(shiming_add_pg_test)
    cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS" ${ARGN})
    set(exe tests_${T_NAME})
    add_executable(${exe} ${T_SOURCES})
    target_link_libraries(${exe} PRIVATE shiming_hq_test_support ${T_LIBS})
    foreach(kind quick slow)
        if(kind STREQUAL "quick")
            set(spec "~[slow]")
            set(prefix "${T_NAME}: ")
            set(labels "${T_NAME}")
            set(timeout 300)
        else()
            set(spec "[slow]")
            set(prefix "${T_NAME} (slow): ")
            set(labels "slow") # plus the module label below: catch_discover_tests splits a list of labels
            set(timeout 1200)
        endif()
        catch_discover_tests(${exe}
            TEST_SPEC "${spec}"
            EXTRA_ARGS --warn NoTests
            TEST_PREFIX "${prefix}"
            PROPERTIES LABELS "${labels}" TIMEOUT ${timeout} FIXTURES_REQUIRED shiming_pg
                       ENVIRONMENT "SHIMING_TEST_PG_DIR=${SHIMING_PG_TEST_DIR}"
            TEST_LIST ${exe}_${kind}_tests
            DISCOVERY_TIMEOUT 60)
    endforeach()
    # Give the slow tests their module label too, once discovery has listed them.
    set(label_script "${CMAKE_CURRENT_BINARY_DIR}/${exe}_slow_labels.cmake")
    file(WRITE "${label_script}"
        "foreach(t IN LISTS ${exe}_slow_tests)\n"
        "    set_tests_properties(\"\${t}\" PROPERTIES LABELS \"slow;${T_NAME}\")\n"
        "endforeach()\n")
    set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${label_script}")
endfunction()

