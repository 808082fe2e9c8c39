# Test registration. One executable per core module: tests/test_<module>.c.
# FRISE_TEST_DATA points the tests at tests/data; FRISE_SOURCE_DIR at the repo.
file(GLOB FRISE_UNIT_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/test_*.c)
foreach(src ${FRISE_UNIT_TESTS})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_link_libraries(${name} PRIVATE frise_app)
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
    ENVIRONMENT "SDL_VIDEODRIVER=dummy;SDL_AUDIODRIVER=dummy;LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp;LC_ALL=C")
endforeach()

# The published JSON Schema accepts the shipped and good timelines and rejects
# bad ones, checked with a real validator (Debian's python3-jsonschema).
set(FRISE_BAD ${CMAKE_SOURCE_DIR}/tests/data/bad)
add_test(NAME schema
  COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/schema_validate.py
    ${CMAKE_SOURCE_DIR}/data/timeline.schema.json
    ${CMAKE_SOURCE_DIR}/data/timeline.json
    ${CMAKE_SOURCE_DIR}/tests/data/good/minimal.json
    ${CMAKE_SOURCE_DIR}/tests/data/good/full.json
    ${CMAKE_SOURCE_DIR}/tests/data/good/universe.json
    --expect-invalid
    ${FRISE_BAD}/approximate-string.json ${FRISE_BAD}/certainty-bad.json ${FRISE_BAD}/colour-bad.json
    ${FRISE_BAD}/date-feb-30.json ${FRISE_BAD}/date-present-start.json ${FRISE_BAD}/date-slashes.json
    ${FRISE_BAD}/events-object.json ${FRISE_BAD}/field-unknown.json ${FRISE_BAD}/format-frise2.json
    ${FRISE_BAD}/format-missing.json ${FRISE_BAD}/shape-bad.json ${FRISE_BAD}/source-title-missing.json
    ${FRISE_BAD}/tags-not-array.json ${FRISE_BAD}/title-missing.json ${FRISE_BAD}/title-number.json
    ${FRISE_BAD}/tittle-typo.json ${FRISE_BAD}/tour-duration-negative.json ${FRISE_BAD}/languages-missing.json
    ${FRISE_BAD}/id-bad-characters.json ${FRISE_BAD}/event-string.json ${FRISE_BAD}/not-object-array.json)
set_tests_properties(schema PROPERTIES SKIP_RETURN_CODE 77)

# The shipped timeline as a curator would check it: sources that name their
# originals (no mirrors, content farms or propaganda sites), French
# typography, every event ranked.
add_test(NAME data_review
  COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/data_review.py ${CMAKE_SOURCE_DIR}/data/timeline.json)
set_tests_properties(data_review PROPERTIES SKIP_RETURN_CODE 77)
