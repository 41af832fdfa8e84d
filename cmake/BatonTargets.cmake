# Warnings are applied per target, never through global flags.
function(baton_target_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Wunused -Woverloaded-virtual -Wnull-dereference
    -Wimplicit-fallthrough)
  if(BATON_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# baton_module(NAME SOURCES... DEPS ...) builds the static library baton_NAME,
# aliased baton::NAME, with the linter/ and rules/ include roots.
function(baton_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(baton_${name} STATIC ${ARG_SOURCES})
  add_library(baton::${name} ALIAS baton_${name})
  target_include_directories(baton_${name} PUBLIC ${PROJECT_SOURCE_DIR}/linter ${PROJECT_SOURCE_DIR})
  target_link_libraries(baton_${name} PUBLIC ${ARG_DEPS})
  target_compile_features(baton_${name} PUBLIC cxx_std_20)
  baton_target_warnings(baton_${name})
endfunction()
