#include "newsx/extract/language_id.h"

#include <cstdio>  // compact_lang_det.h uses FILE without including it.

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

namespace newsx::extract {

namespace {

constexpr std::size_t kMaxBytesRead = 64 * 1024;

// Cuts `text` to at most `max` bytes without splitting a UTF-8 sequence.
std::string_view Prefix(std::string_view text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

// CLD2 keeps a few pre-2000 codes and script variants; the record carries
// BCP 47 primary tags.
std::string ToPrimaryTag(const char* cld_code) {
  std::string code = cld_code == nullptr ? "" : cld_code;
  if (const std::size_t dash = code.find('-'); dash != std::string::npos) code.resize(dash);
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "in") return "id";
  if (code == "un" || code == "xx" || code.size() < 2 || code.size() > 3) return "";
  return code;
}

// The primary subtag of a declared language ("pt-BR" -> "pt"), lower case.
std::string DeclaredPrimary(std::string_view declared) {
  std::string out;
  for (const char c : declared) {
    if (c == '-' || c == '_') break;
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c >= 'a' && c <= 'z') {
      out += c;
    } else {
      return "";
    }
  }
  return out.size() >= 2 && out.size() <= 3 ? out : "";
}

}  // namespace

LanguageGuess IdentifyLanguage(std::string_view text, std::string_view declared) {
  LanguageGuess fallback{DeclaredPrimary(declared), 0};
  const std::string_view head = Prefix(text, kMaxBytesRead);
  if (head.empty()) return fallback;
  CLD2::CLDHints hints{};
  hints.content_language_hint = nullptr;
  hints.tld_hint = nullptr;
  hints.encoding_hint = CLD2::UNKNOWN_ENCODING;
  hints.language_hint = CLD2::UNKNOWN_LANGUAGE;
  if (!fallback.code.empty()) {
    // Boosts the declared language; the text still outweighs it.
    hints.content_language_hint = fallback.code.c_str();
  }
  CLD2::Language top3[3];
  int percent3[3] = {0, 0, 0};
  double scores3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  // The text is valid UTF-8 (NormalizeText went through ICU). The checking
  // variant also refuses valid text with a C1 control or a noncharacter in
  // it ("interchange-valid" only), which real pages carry.
  const CLD2::Language lang = CLD2::ExtDetectLanguageSummary(
      head.data(), static_cast<int>(head.size()), /*is_plain_text=*/true, &hints, /*flags=*/0,
      top3, percent3, scores3, /*resultchunkvector=*/nullptr, &text_bytes, &reliable);
  // text_bytes counts letters (and the spaces between words) that CLD2
  // scored: digits, punctuation and markup do not tell a language.
  if (!reliable || text_bytes < kMinLettersToIdentify || lang == CLD2::UNKNOWN_LANGUAGE) {
    return fallback;
  }
  std::string code = ToPrimaryTag(CLD2::LanguageCode(lang));
  if (code.empty()) return fallback;
  return LanguageGuess{std::move(code), percent3[0] / 100.0};
}

}  // namespace newsx::extract
