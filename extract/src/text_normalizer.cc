#include "newsx/extract/text_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace newsx::extract {

std::string NormalizeText(std::string_view text) {
  // fromUTF8 replaces ill-formed sequences with U+FFFD.
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status) && !nfc->isNormalized(u, status)) {
    status = U_ZERO_ERROR;
    u = nfc->normalize(u, status);
  }
  std::string utf8;
  u.toUTF8String(utf8);
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

}  // namespace newsx::extract
