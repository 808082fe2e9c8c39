# Test registration. One executable per core module: tests/test_<module>.c.
# FRISE_TEST_DATA points the tests at tests/data; FRISE_SOURCE_DIR at the repo.
file(GLOB FRISE_UNIT_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/test_*.c)
foreach(src ${FRISE_UNIT_TESTS})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_link_libraries(${name} PRIVATE frise_core)
  target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/tests)
  target_compile_definitions(${name} PRIVATE
    FRISE_TEST_DATA="${CMAKE_SOURCE_DIR}/tests/data"
    FRISE_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  add_test(NAME ${name} COMMAND ${name})
endforeach()

# Tests that drive the real executable (headless render, replay, --check).
file(GLOB FRISE_CLI_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/cli/*.sh)
foreach(script ${FRISE_CLI_TESTS})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME cli_${name} COMMAND bash ${script} $<TARGET_FILE:frise> ${CMAKE_SOURCE_DIR})
  set_tests_properties(cli_${name} PROPERTIES SKIP_RETURN_CODE 77
    ENVIRONMENT "SDL_VIDEODRIVER=dummy;SDL_AUDIODRIVER=dummy;LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
endforeach()
