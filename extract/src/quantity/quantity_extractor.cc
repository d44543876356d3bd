#include "newsx/extract/quantity_extractor.h"

#include <algorithm>
#include <utility>

#include "quantity/lexicon.h"
#include "quantity/modifiers.h"
#include "quantity/number_parser.h"
#include "quantity/quantity_builder.h"
#include "quantity/tokenizer.h"

namespace newsx::extract {

using internal::NumberParser;
using internal::NumberPhrase;
using internal::QuantityBuilder;
using internal::TokenizedText;

namespace {

// Texts are processed in chunks cut at a line end after kChunkBytes (or at a
// space, or anywhere between code points, for very long lines), so that
// memory stays proportional to a chunk whatever the input.
constexpr std::size_t kChunkBytes = 16 * 1024;
constexpr std::size_t kMaxChunkBytes = 256 * 1024;

std::size_t ChunkEnd(std::string_view text, std::size_t begin) {
  if (text.size() - begin <= kChunkBytes) return text.size();
  const std::size_t soft = begin + kChunkBytes;
  const std::size_t hard = std::min(text.size(), begin + kMaxChunkBytes);
  std::size_t newline = text.find('\n', soft);
  if (newline != std::string_view::npos && newline < hard) return newline + 1;
  for (std::size_t i = soft; i < hard; ++i) {
    if (text[i] == ' ') return i + 1;
  }
  std::size_t cut = hard;
  while (cut > soft && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

}  // namespace

struct QuantityExtractor::Impl {
  QuantityOptions options;
  internal::Lexicon lexicon;
  internal::ModifierTables tables;

  // Calls fn(tokenized chunk, number phrases) for each chunk of `text`.
  template <typename Fn>
  void ForEachChunk(std::string_view text, Fn fn) const {
    TokenizedText tt;
    std::vector<NumberPhrase> phrases;
    std::uint32_t cp_base = 0;
    for (std::size_t begin = 0; begin < text.size();) {
      const std::size_t end = ChunkEnd(text, begin);
      internal::Tokenize(text.substr(begin, end - begin), cp_base, lexicon, &tt);
      phrases.clear();
      NumberParser(tt, options).FindAll(&phrases);
      fn(tt, phrases);
      cp_base += tt.cp_count;
      begin = end;
    }
  }
};

Result<std::unique_ptr<QuantityExtractor>> QuantityExtractor::Create(
    const QuantityOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  static constexpr std::string_view kTables[] = {
      "cardinal", "ordinal",    "denominator",   "suffix_magnitude", "plural_magnitude",
      "vague",    "multiplier", "starter",       "relative_ordinal", "currency",
      "dollar_prefix", "national", "month",      "change_verb",      "determiner",
      "stop",     "plural",     "unit",          "before",           "after"};
  NEWSX_ASSIGN_OR_RETURN(const auto rows,
                         internal::ReadVocabulary(internal::BuiltinQuantityVocabulary(), kTables));
  NEWSX_ASSIGN_OR_RETURN(impl->lexicon, internal::BuildLexicon(rows, options.relative_ordinals));
  NEWSX_ASSIGN_OR_RETURN(impl->tables, internal::BuildModifierTables(rows));
  return std::unique_ptr<QuantityExtractor>(new QuantityExtractor(std::move(impl)));
}

QuantityExtractor::QuantityExtractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
QuantityExtractor::~QuantityExtractor() = default;

std::vector<QuantityMatch> QuantityExtractor::ExtractMatches(std::string_view utf8_text) const {
  std::vector<QuantityMatch> matches;
  impl_->ForEachChunk(utf8_text, [&](const TokenizedText& tt, const auto& phrases) {
    QuantityBuilder builder(tt, impl_->lexicon, impl_->tables, impl_->options);
    std::vector<QuantityMatch> chunk;
    builder.Build(phrases, &chunk);
    if (impl_->options.unit_mentions) builder.AddUnitMentions(&chunk);
    matches.insert(matches.end(), std::make_move_iterator(chunk.begin()),
                   std::make_move_iterator(chunk.end()));
  });
  return matches;
}

std::vector<Quantity> QuantityExtractor::Extract(std::string_view utf8_text) const {
  std::vector<Quantity> out;
  for (auto& m : ExtractMatches(utf8_text)) {
    if (m.unit_only) continue;
    out.push_back(std::move(m.quantity));
  }
  return out;
}

std::vector<Quantity> QuantityExtractor::ExtractNumbers(std::string_view utf8_text) const {
  std::vector<Quantity> out;
  impl_->ForEachChunk(utf8_text, [&](const TokenizedText& tt, const auto& phrases) {
    QuantityBuilder(tt, impl_->lexicon, impl_->tables, impl_->options).BuildNumbers(phrases, &out);
  });
  return out;
}

}  // namespace newsx::extract
