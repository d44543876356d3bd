#include "nlp/tag_fixes.h"

#include <algorithm>
#include <initializer_list>

namespace newsx::extract::nlp {

void FixGerunds(std::span<const std::string_view> words, const TagSet& set,
                std::span<std::uint16_t> tags) {
  const int vbg = set.Find(Upos::kVerb, "VBG");
  if (vbg < 0) return;
  const auto xpos_is = [&](std::size_t i, std::initializer_list<std::string_view> names) {
    const std::string_view x = set.xpos_name(set.xpos(tags[i]));
    return std::find(names.begin(), names.end(), x) != names.end();
  };
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    const std::string_view w = words[i];
    if (w.size() < 5 || !w.ends_with("ing") || !xpos_is(i, {"NN"})) continue;
    if (!std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    if (xpos_is(i - 1, {"IN"}) && xpos_is(i + 1, {"DT", "CD", "PRP$"})) {
      tags[i] = static_cast<std::uint16_t>(vbg);
    }
  }
}


}  // namespace newsx::extract::nlp
