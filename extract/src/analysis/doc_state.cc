#include "analysis/doc_state.h"

#include <algorithm>

namespace newsx::extract::analysis {

DocState::DocState(const AnalysisModel& m, std::string_view text) : model(m) {
  Tokenize(text, m.vocab, &tt);
  covered.assign(tt.tokens.size(), -1);
  sentence_of_.resize(tt.tokens.size());
  for (std::uint32_t s = 0; s < tt.sentences.size(); ++s) {
    for (std::uint32_t i = tt.sentences[s].first; i < tt.sentences[s].end; ++i) sentence_of_[i] = s;
  }
}

std::uint32_t DocState::SentenceOf(std::uint32_t i) const { return sentence_of_[i]; }

std::int32_t DocState::Intern(const Entity& proto) {
  auto [it, inserted] = index_.emplace(proto.id, static_cast<std::int32_t>(entities.size()));
  if (inserted) {
    entities.push_back(proto);
    entities.back().aliases.clear();
    entities.back().mentions.clear();
  }
  return it->second;
}

std::int32_t DocState::Find(const std::string& id) const {
  const auto it = index_.find(id);
  return it == index_.end() ? -1 : it->second;
}

bool DocState::IsCovered(std::uint32_t first, std::uint32_t end) const {
  for (std::uint32_t i = first; i < end; ++i) {
    if (covered[i] >= 0) return true;
  }
  return false;
}

bool DocState::AddMention(std::uint32_t first, std::uint32_t end, std::int32_t entity) {
  if (first >= end || end > size() || IsCovered(first, end)) return false;
  const auto index = static_cast<std::int32_t>(mentions.size());
  mentions.push_back(DocMention{first, end, entity});
  for (std::uint32_t i = first; i < end; ++i) covered[i] = index;
  return true;
}

void DocState::RemoveMention(std::int32_t index) {
  mentions.erase(mentions.begin() + index);
  // Indices after it moved down by one.
  for (std::int32_t& c : covered) {
    if (c == index) {
      c = -1;
    } else if (c > index) {
      --c;
    }
  }
}

std::vector<Entity> DocState::Finish() {
  mentions.insert(mentions.end(), nested.begin(), nested.end());
  std::sort(mentions.begin(), mentions.end(),
            [](const DocMention& a, const DocMention& b) { return a.first < b.first; });
  for (const DocMention& m : mentions) {
    Entity& e = entities[static_cast<std::size_t>(m.entity)];
    const std::string_view text = Text(m.first, m.end);
    e.mentions.push_back(
        Mention{Span{tt.tokens[m.first].cp_begin, tt.tokens[m.end - 1].cp_end}, std::string(text)});
    if (text != e.name && std::find(e.aliases.begin(), e.aliases.end(), text) == e.aliases.end()) {
      e.aliases.emplace_back(text);
    }
  }
  std::vector<Entity> out;
  out.reserve(entities.size());
  for (Entity& e : entities) {
    if (!e.mentions.empty()) out.push_back(std::move(e));
  }
  return out;
}

}  // namespace newsx::extract::analysis
