#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/doc_state.h"
#include "newsx/core/analysis.h"

namespace newsx::extract::analysis {

// What a sentence says about an event beyond its arguments: whether it is
// negated, whether it is asserted, reported or only possible, who reports
// it, and when it happened. Reads the parse when there is one (the
// trigger's own dependents and the verbs that govern it), else the words
// around the trigger. Thread-compatible.
class EventContext {
 public:
  // `published`: the article's publication time (ISO 8601) or empty.
  EventContext(const DocState& d, const std::vector<Quantity>& quantities,
               const std::vector<DateExpr>& dates, const std::string& published);

  // "not approved", "declined to approve", "no approval", "lifted the ban".
  bool Negated(const Sentence& s, std::uint32_t trigger_first, std::uint32_t head) const;
  // "possible" for modals, plans, proposals, requests and conditions ("could
  // impose", "plans to invest", "if approved"); "reported" for attributed
  // statements ("according to", "people familiar said"); else "asserted".
  std::string Modality(const Sentence& s, std::uint32_t trigger_first, std::uint32_t head) const;
  // "according to a Reuters report", "Bloomberg reported": the attributed
  // organization or person, or empty.
  std::string Source(const Sentence& s) const;
  // Sets ev->time_* from the date in the trigger's clause, else the nearest
  // date of the sentence, else the publication date (time_source says which).
  void Time(const Sentence& s, std::uint32_t first, std::uint32_t end, std::uint32_t head,
            Event* ev) const;

 private:
  // The verbs (and nouns) above `head` in its clause chain, nearest first:
  // "declined" for "declined to approve", "plans" for "plans to invest".
  std::vector<std::uint32_t> Governors(std::uint32_t head) const;

  const DocState& d_;
  const std::vector<DateExpr>& dates_;
  std::string published_day_;  // "2026-01-20", or empty.
};

}  // namespace newsx::extract::analysis
