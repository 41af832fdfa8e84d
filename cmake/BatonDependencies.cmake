# Every dependency comes from a Debian package (see scripts/setup-deps).
find_package(PkgConfig REQUIRED)
pkg_check_modules(CMARK_GFM REQUIRED IMPORTED_TARGET libcmark-gfm)

# libcmark-gfm-extensions ships no pkg-config file or CMake config.
find_library(CMARK_GFM_EXTENSIONS_LIBRARY NAMES cmark-gfm-extensions REQUIRED)
find_path(CMARK_GFM_EXTENSIONS_INCLUDE_DIR cmark-gfm-core-extensions.h REQUIRED)
add_library(baton_cmark_gfm INTERFACE)
target_link_libraries(baton_cmark_gfm INTERFACE ${CMARK_GFM_EXTENSIONS_LIBRARY} PkgConfig::CMARK_GFM)
target_include_directories(baton_cmark_gfm INTERFACE ${CMARK_GFM_EXTENSIONS_INCLUDE_DIR})

find_package(pegtl 3.2 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(fmt 9 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
# libyaml ships a pkg-config file (yaml-0.1), no CMake package.
pkg_check_modules(LIBYAML REQUIRED IMPORTED_TARGET yaml-0.1)
# `check --jobs` lints files on several threads.
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)
