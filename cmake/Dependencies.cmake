# The only place where third-party packages are found. All come from Debian
# packages installed by scripts/setup.sh; nothing is downloaded.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(CURL REQUIRED)
find_package(ZLIB REQUIRED)
find_package(pugixml 1.11 CONFIG REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(RocksDB CONFIG REQUIRED)
find_package(nlohmann_json 3.10 CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(tomlplusplus CONFIG REQUIRED)
find_package(LibXml2 REQUIRED)

# Debian 12's libre2-dev ships only re2.pc.
find_package(re2 CONFIG QUIET)
if(NOT TARGET re2::re2)
  pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
  add_library(re2::re2 ALIAS PkgConfig::RE2)
endif()
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
pkg_check_modules(BROTLIDEC REQUIRED IMPORTED_TARGET libbrotlidec)
pkg_check_modules(LZ4 REQUIRED IMPORTED_TARGET liblz4)  # LZ4-framed WARC files
# NATS C client (libnats-dev 3.4): JetStream transport of the cluster workers.
pkg_check_modules(NATS REQUIRED IMPORTED_TARGET libnats)

# cpp-httplib is header-only in Debian (/usr/include/httplib.h); tests and
# the offline demo server use it.
find_path(HTTPLIB_INCLUDE_DIR httplib.h REQUIRED)
add_library(newsx_httplib INTERFACE)
target_include_directories(newsx_httplib SYSTEM INTERFACE ${HTTPLIB_INCLUDE_DIR})
target_link_libraries(newsx_httplib INTERFACE Threads::Threads)
# Debian builds it as a library with OpenSSL, zlib and brotli support; the
# header must see the same CPPHTTPLIB_* macros (pkg-config gives them).
pkg_check_modules(CPPHTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
target_link_libraries(newsx_httplib INTERFACE PkgConfig::CPPHTTPLIB)

# toml++: Debian ships a compiled library whose exported target forces
# exceptions on; we use it header-only with exceptions off (config.cc), so
# take only its include directory.
get_target_property(TOMLPP_INCLUDE_DIRS tomlplusplus::tomlplusplus INTERFACE_INCLUDE_DIRECTORIES)
add_library(newsx_tomlplusplus INTERFACE)
target_include_directories(newsx_tomlplusplus SYSTEM INTERFACE ${TOMLPP_INCLUDE_DIRS})

# RapidJSON (header-only, Debian rapidjson-dev): JSON Feed parsing, where
# nlohmann-json's DOM was the bottleneck.
find_path(RAPIDJSON_INCLUDE_DIR rapidjson/document.h REQUIRED)
add_library(newsx_rapidjson INTERFACE)
target_include_directories(newsx_rapidjson SYSTEM INTERFACE ${RAPIDJSON_INCLUDE_DIR})

# CLD2 (Debian libcld2-dev, no pkg-config file): language identification of
# the extracted text (extract/src/text/language_id.cc).
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY cld2 REQUIRED)
add_library(newsx_cld2 INTERFACE)
target_include_directories(newsx_cld2 SYSTEM INTERFACE ${CLD2_INCLUDE_DIR})
target_link_libraries(newsx_cld2 INTERFACE ${CLD2_LIBRARY})
