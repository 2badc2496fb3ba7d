find_package(OpenSSL REQUIRED)
pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

# The ledger's decisions: pure (Qt Core and the protocol, no PostgreSQL), so they are tested without a database.
add_library(shiming_hq_decision STATIC
    ${CMAKE_CURRENT_LIST_DIR}/LedgerDecision.h ${CMAKE_CURRENT_LIST_DIR}/LedgerDecision.cpp)
target_include_directories(shiming_hq_decision PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(shiming_hq_decision PUBLIC shiming_defaults shiming_common shiming_protocol Qt6::Core)

# Everything but main(), so the tests can link the pieces (PKI, ledger, server) directly.
add_library(shiming_hq_lib STATIC
    ${CMAKE_CURRENT_LIST_DIR}/Pki.h ${CMAKE_CURRENT_LIST_DIR}/Pki.cpp
    ${CMAKE_CURRENT_LIST_DIR}/HqState.h ${CMAKE_CURRENT_LIST_DIR}/HqState.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PgUtil.h ${CMAKE_CURRENT_LIST_DIR}/PgUtil.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PgPool.h ${CMAKE_CURRENT_LIST_DIR}/PgPool.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Schema.h ${CMAKE_CURRENT_LIST_DIR}/Schema.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Ledger.h ${CMAKE_CURRENT_LIST_DIR}/Ledger.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Feeds.h ${CMAKE_CURRENT_LIST_DIR}/Feeds.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Findings.h ${CMAKE_CURRENT_LIST_DIR}/Findings.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Maintenance.h ${CMAKE_CURRENT_LIST_DIR}/Maintenance.cpp
    ${CMAKE_CURRENT_LIST_DIR}/HallReads.h ${CMAKE_CURRENT_LIST_DIR}/HallReads.cpp
    ${CMAKE_CURRENT_LIST_DIR}/FaultPlan.h ${CMAKE_CURRENT_LIST_DIR}/FaultPlan.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ConnectionGate.h ${CMAKE_CURRENT_LIST_DIR}/ConnectionGate.cpp
    ${CMAKE_CURRENT_LIST_DIR}/HqServer.h ${CMAKE_CURRENT_LIST_DIR}/HqServer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/HqCommands.h ${CMAKE_CURRENT_LIST_DIR}/HqCommands.cpp)
target_include_directories(shiming_hq_lib PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(shiming_hq_lib PUBLIC shiming_hq_decision shiming_defaults shiming_common shiming_cli_base
    shiming_protocol shiming_identity shiming_report Qt6::Core PkgConfig::PQXX PkgConfig::HTTPLIB OpenSSL::SSL OpenSSL::Crypto)

add_executable(shiming-hq ${CMAKE_CURRENT_LIST_DIR}/main.cpp)
target_link_libraries(shiming-hq PRIVATE shiming_hq_lib)
