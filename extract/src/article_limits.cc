#include "newsx/extract/article_limits.h"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

namespace newsx::extract {

namespace {

// Where a cut at `limit` bytes should go: after the last paragraph break
// in the second half of the allowance, else at the last UTF-8 character
// boundary at or before `limit`.
std::size_t CutPoint(const std::string& text, std::size_t limit) {
  const std::size_t newline = text.rfind('\n', limit);
  if (newline != std::string::npos && newline >= limit / 2) return newline;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

template <typename T, typename Key>
std::size_t KeepEarliest(std::vector<T>* items, std::size_t max, Key begin) {
  if (items->size() <= max) return 0;
  std::stable_sort(items->begin(), items->end(),
                   [&](const T& a, const T& b) { return begin(a) < begin(b); });
  const std::size_t dropped = items->size() - max;
  items->resize(max);
  return dropped;
}

std::set<std::string> EntitiesOfEvents(const std::vector<Event>& events) {
  std::set<std::string> ids;
  for (const Event& e : events) {
    if (!e.source.empty()) ids.insert(e.source);
    for (const EventArg& arg : e.args) {
      if (!arg.entity_id.empty()) ids.insert(arg.entity_id);
    }
  }
  return ids;
}

std::size_t FirstMention(const Entity& e) {
  return e.mentions.empty() ? std::size_t(-1) : e.mentions.front().span.begin;
}

}  // namespace

std::string Truncation::ToString() const {
  std::string out;
  const auto add = [&out](const std::string& part) {
    if (!out.empty()) out += "; ";
    out += part;
  };
  if (html_elements_limit != 0) {
    add("page cut after " + std::to_string(html_elements_limit) + " elements");
  }
  if (text_bytes_before != 0) {
    add("text cut from " + std::to_string(text_bytes_before) + " to " +
        std::to_string(text_bytes_after) + " bytes");
  }
  const std::pair<std::size_t, const char*> counts[] = {
      {mentions_dropped, "mentions"}, {entities_dropped, "entities"},
      {quantities_dropped, "quantities"}, {dates_dropped, "dates"}, {events_dropped, "events"}};
  for (const auto& [n, what] : counts) {
    if (n != 0) add(std::to_string(n) + " " + what + " dropped");
  }
  return out;
}

void CapText(const ArticleLimits& limits, ExtractedArticle* x, Truncation* truncation) {
  std::string& text = x->article.text;
  if (text.size() <= limits.max_text_bytes) return;
  truncation->text_bytes_before = text.size();
  text.resize(CutPoint(text, limits.max_text_bytes));
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  truncation->text_bytes_after = text.size();
}

void CapFindings(const ArticleLimits& limits, ExtractedArticle* x, Truncation* truncation) {
  truncation->events_dropped += KeepEarliest(&x->events, limits.max_events,
                                             [](const Event& e) { return e.trigger_span.begin; });
  truncation->quantities_dropped += KeepEarliest(
      &x->quantities, limits.max_quantities, [](const Quantity& q) { return q.span.begin; });
  truncation->dates_dropped +=
      KeepEarliest(&x->dates, limits.max_dates, [](const DateExpr& d) { return d.span.begin; });

  std::size_t mentions = 0;
  for (const Entity& e : x->entities) mentions += e.mentions.size();
  if (mentions <= limits.max_mentions && x->entities.size() <= limits.max_entities) return;

  const std::set<std::string> needed = EntitiesOfEvents(x->events);
  // The mention budget goes to the earliest mentions, whichever entity.
  if (mentions > limits.max_mentions) {
    std::vector<std::size_t> begins;
    begins.reserve(mentions);
    for (const Entity& e : x->entities) {
      for (const Mention& m : e.mentions) begins.push_back(m.span.begin);
    }
    std::nth_element(begins.begin(),
                     begins.begin() + static_cast<std::ptrdiff_t>(limits.max_mentions),
                     begins.end());
    // Kept: every mention before the max_mentions-th earliest, then as many
    // of those starting at its position as the budget leaves.
    const std::size_t bound = begins[limits.max_mentions];
    std::size_t ties = limits.max_mentions;
    for (const std::size_t b : begins) ties -= b < bound ? 1 : 0;
    for (Entity& e : x->entities) {
      std::vector<Mention> kept;
      for (Mention& m : e.mentions) {
        if (m.span.begin < bound || (m.span.begin == bound && ties > 0 && ties--)) {
          kept.push_back(std::move(m));
        }
      }
      if (kept.empty() && !e.mentions.empty() && needed.count(e.id) != 0) {
        kept.push_back(std::move(e.mentions.front()));
      }
      truncation->mentions_dropped += e.mentions.size() - kept.size();
      e.mentions = std::move(kept);
    }
  }
  // Entities left without a mention go, then the latest over the count.
  std::vector<Entity> entities;
  for (Entity& e : x->entities) {
    if (!e.mentions.empty()) entities.push_back(std::move(e));
  }
  truncation->entities_dropped += x->entities.size() - entities.size();
  if (entities.size() > limits.max_entities) {
    std::stable_sort(entities.begin(), entities.end(), [](const Entity& a, const Entity& b) {
      return FirstMention(a) < FirstMention(b);
    });
    std::vector<Entity> kept;
    std::size_t plain = 0;
    for (Entity& e : entities) {
      if (needed.count(e.id) != 0 || plain++ < limits.max_entities) kept.push_back(std::move(e));
    }
    truncation->entities_dropped += entities.size() - kept.size();
    entities = std::move(kept);
  }
  x->entities = std::move(entities);
}

}  // namespace newsx::extract
