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

struct QuantityExtractor::Impl {
  QuantityOptions options;
  internal::Lexicon lexicon;
  internal::ModifierTables tables;

  // Tokenizes and finds number phrases: the first pass, linear in the text.
  void Scan(std::string_view text, TokenizedText* tt, std::vector<NumberPhrase>* phrases) const {
    internal::Tokenize(text, lexicon, tt);
    NumberParser(*tt, lexicon, options).FindAll(phrases);
  }
};

Result<std::unique_ptr<QuantityExtractor>> QuantityExtractor::Create(
    const QuantityOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->lexicon = internal::BuildLexicon();
  impl->tables = internal::BuildModifierTables();
  return std::unique_ptr<QuantityExtractor>(new QuantityExtractor(std::move(impl)));
}

QuantityExtractor::QuantityExtractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
QuantityExtractor::~QuantityExtractor() = default;

std::vector<QuantityMatch> QuantityExtractor::ExtractMatches(std::string_view utf8_text) const {
  TokenizedText tt;
  std::vector<NumberPhrase> phrases;
  impl_->Scan(utf8_text, &tt, &phrases);
  std::vector<QuantityMatch> matches;
  QuantityBuilder(tt, impl_->lexicon, impl_->tables, impl_->options).Build(phrases, &matches);
  if (impl_->options.unit_mentions) {
    QuantityBuilder(tt, impl_->lexicon, impl_->tables, impl_->options)
        .AddUnitMentions(&matches);
  }
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
  TokenizedText tt;
  std::vector<NumberPhrase> phrases;
  impl_->Scan(utf8_text, &tt, &phrases);
  std::vector<Quantity> out;
  QuantityBuilder(tt, impl_->lexicon, impl_->tables, impl_->options).BuildNumbers(phrases, &out);
  return out;
}

}  // namespace newsx::extract
