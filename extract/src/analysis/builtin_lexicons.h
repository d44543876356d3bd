#pragma once

#include <span>
#include <string_view>

namespace newsx {

// A data file compiled into the binary (see cmake/EmbedFiles.cmake).
struct EmbeddedFile {
  std::string_view name;     // Basename: "chips.tsv".
  std::string_view content;  // Static storage; lives for the program.
};

}  // namespace newsx

namespace newsx::extract::analysis {

// The lexicons/*.tsv files of the source tree, in a fixed order. Defined in
// a source generated at build time. Thread-safe (immutable).
std::span<const EmbeddedFile> BuiltinLexiconFiles();

// The models/*.bin files (trained models), likewise.
std::span<const EmbeddedFile> BuiltinModelFiles();

}  // namespace newsx::extract::analysis
