#include "newsx/extract/text_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "newsx/core/charset.h"

namespace newsx::extract {

namespace {

// Line ends become '\n' and other C0 controls (but tab) are dropped.
std::string DropControls(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const char c = utf8[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < utf8.size() && utf8[i + 1] == '\n') ++i;
    } else if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
      continue;
    } else {
      out += c;
    }
  }
  return out;
}

// Most text is well-formed and already in NFC: checking that in UTF-8
// spares the round trip through UTF-16, which cost more than the check.
bool IsWellFormedNfc(std::string_view text, const icu::Normalizer2& nfc) {
  if (!IsValidUtf8(text)) return false;  // ICU's UTF-16 path repairs it.
  UErrorCode status = U_ZERO_ERROR;
  const bool normalized = nfc.isNormalizedUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
  return U_SUCCESS(status) && normalized;
}

}  // namespace

std::string NormalizeText(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const bool have_nfc = U_SUCCESS(status);
  if (have_nfc && IsWellFormedNfc(text, *nfc)) return DropControls(text);
  // fromUTF8 replaces ill-formed sequences with U+FFFD.
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (have_nfc && !nfc->isNormalized(u, status)) {
    status = U_ZERO_ERROR;
    u = nfc->normalize(u, status);
  }
  std::string utf8;
  u.toUTF8String(utf8);
  return DropControls(utf8);
}

}  // namespace newsx::extract
