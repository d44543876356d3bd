#pragma once

#include <string>
#include <string_view>

namespace newsx::extract {

// The language of a text, identified from the text itself.
struct LanguageGuess {
  // ISO 639-1 code ("en", "de", "he", "zh"); the ISO 639-3 code for the few
  // languages without one ("haw", "ceb"); empty when unknown.
  std::string code;
  // Share of the text's letters in `code` (0..1) when the text was long and
  // unambiguous enough to tell; 0 when `code` is the declared language taken
  // as a fallback, or empty.
  double confidence = 0;
};

// Texts with fewer letters than this are not judged (CLD2 is built for
// "web pages of at least 200 characters"); the declared language stands.
inline constexpr int kMinLettersToIdentify = 80;

// Identifies the language of `text` with CLD2 (83 languages). `text` must be
// valid UTF-8 (as NormalizeText() gives).
// `declared` is the page's own claim (<html lang>, Content-Language, a BCP
// 47 tag or ""): only a hint that tips close calls, never the answer when
// the text says otherwise. When the text is too short or too mixed for a
// reliable answer, returns {declared primary tag, 0}. Only the first 64 KiB
// of text are read: enough to tell, and the cost stays bounded.
// Pure and thread-safe.
LanguageGuess IdentifyLanguage(std::string_view text, std::string_view declared);

}  // namespace newsx::extract
