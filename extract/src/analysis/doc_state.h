#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/analysis_model.h"
#include "analysis/doc_parse.h"
#include "ner/ner_features.h"
#include "ner/ner_labels.h"
#include "text/tokenizer.h"
#include "newsx/core/analysis.h"

namespace newsx::extract::analysis {

// An entity occurrence over tokens [first, end).
struct DocMention {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  std::int32_t entity = -1;  // Index into DocState::entities.
};

struct TitleHit {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  std::uint32_t title = 0;  // Index into Lexicon::titles.
};

struct TriggerHit {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  std::uint32_t trigger = 0;  // Index into Lexicon::triggers.
};

struct DateHit {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  std::uint32_t date = 0;  // Index into the article's dates.
};

struct QuantityHit {
  std::uint32_t first = 0;  // Tokens covered by the quantity's span.
  std::uint32_t end = 0;
  std::uint32_t quantity = 0;  // Index into the article's quantities.
  // A count of something other than chips ("three people", "23 types"):
  // not an event's quantity of items.
  bool counts_other = false;
};

// The working state of one Analyze() call.
class DocState {
 public:
  DocState(const AnalysisModel& model, std::string_view text);

  const AnalysisModel& model;
  TokenizedText tt;
  std::vector<Entity> entities;  // Mentions are filled by Finish().
  std::vector<DocMention> mentions;
  // Mentions inside another one ("Nvidia" in "Nvidia H200", "Japan" in
  // "Japan's trade ministry"): reported, but they cover no tokens and fill
  // no event roles.
  std::vector<DocMention> nested;
  std::vector<std::int32_t> covered;  // Per token: index into mentions, or -1.
  std::vector<TitleHit> titles;
  // Per token: analysis::GazetteerBit()s of the lexicon names covering it.
  std::vector<std::uint64_t> gazetteer;
  // Names the tagger recognized, in text order (RecognizeNames()).
  std::vector<ner::NerSpan> names;
  // Tags, lemmas and trees of the sentences; empty without language models.
  DocParse parse;
  // The words the document writes in lower case (RecognizeNames()).
  ner::DocumentWords lower_words;
  std::vector<TriggerHit> triggers;
  std::vector<DateHit> dates;
  std::vector<QuantityHit> quantities;

  // Returns the index of the entity with `proto.id`, adding `proto` if new.
  std::int32_t Intern(const Entity& proto);
  // Returns the index of entity `id`, or -1.
  std::int32_t Find(const std::string& id) const;
  // Records a mention of entity `entity` over [first, end) unless one of
  // the tokens is already covered. Returns false when it overlaps.
  bool AddMention(std::uint32_t first, std::uint32_t end, std::int32_t entity);
  // Withdraws mention `index`: its tokens become free and the mentions after
  // it move down one index. O(tokens).
  void RemoveMention(std::int32_t index);
  bool IsCovered(std::uint32_t first, std::uint32_t end) const;
  // The entity covering token i, or -1.
  std::int32_t EntityAt(std::uint32_t i) const {
    return covered[i] < 0 ? -1 : mentions[static_cast<std::size_t>(covered[i])].entity;
  }

  const Token& tok(std::uint32_t i) const { return tt.tokens[i]; }
  std::uint32_t size() const { return static_cast<std::uint32_t>(tt.tokens.size()); }
  std::string_view Text(std::uint32_t first, std::uint32_t end) const {
    return tt.text.substr(tt.tokens[first].begin, tt.tokens[end - 1].end - tt.tokens[first].begin);
  }
  bool Is(std::uint32_t i, std::int32_t word) const {
    return i < size() && tt.tokens[i].word == word;
  }
  // Index of the sentence holding token i.
  std::uint32_t SentenceOf(std::uint32_t i) const;

  // Moves entities (with sorted mentions and seen aliases) out.
  std::vector<Entity> Finish();

 private:
  std::unordered_map<std::string, std::int32_t> index_;
  std::vector<std::uint32_t> sentence_of_;
};

}  // namespace newsx::extract::analysis
