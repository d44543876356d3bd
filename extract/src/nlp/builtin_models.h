#pragma once

#include <span>
#include <string_view>

namespace newsx::extract::nlp {

// A model file compiled into the binary (cmake/EmbedFiles.cmake).
struct EmbeddedFile {
  std::string_view name;     // Basename: "en-pos.bin".
  std::string_view content;  // Static storage; lives for the program.
};

// models/en-pos.bin and models/en-dep.bin, in that order. Defined in a
// source generated at build time. Thread-safe (immutable).
std::span<const EmbeddedFile> BuiltinModelFiles();

}  // namespace newsx::extract::nlp
