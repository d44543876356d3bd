#include "newsx/core/strings.h"
#include "newsx/ingest/robots_rules.h"

#include <charconv>

namespace newsx::ingest {
namespace {

// Space, tab and the CR of a CRLF line end around a field or value.
std::string_view TrimLineSpace(std::string_view s) { return Trim(s, " \t\r"); }

// Glob match of a robots pattern ('*' any run, final '$' anchors) against
// the start of `path`.
bool PatternMatches(std::string_view pattern, std::string_view path) {
  bool anchored = false;
  if (!pattern.empty() && pattern.back() == '$') {
    anchored = true;
    pattern.remove_suffix(1);
  }
  std::size_t p = 0, s = 0;
  std::size_t star = std::string_view::npos, star_s = 0;
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || s == path.size()) return true;
      if (star == std::string_view::npos) return false;
      p = star + 1;
      s = ++star_s;
      continue;
    }
    if (pattern[p] == '*') {
      star = p++;
      star_s = s;
      continue;
    }
    if (s < path.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
      continue;
    }
    if (star == std::string_view::npos || star_s >= path.size()) return false;
    p = star + 1;
    s = ++star_s;
  }
}

}  // namespace

std::string ProductToken(std::string_view user_agent) {
  user_agent = TrimLineSpace(user_agent);
  const std::size_t end = user_agent.find_first_of("/ ");
  return AsciiLower(user_agent.substr(0, end));
}

RobotsRules RobotsRules::AllowAll() { return RobotsRules(); }

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules rules;
  rules.disallow_all_ = true;
  return rules;
}

RobotsRules RobotsRules::Parse(std::string_view text, std::string_view product_token) {
  const std::string token = AsciiLower(product_token);
  RobotsRules mine, star;
  bool have_mine = false;
  // State of the group being read: which agents it names.
  bool group_is_mine = false, group_is_star = false, in_agent_lines = false;
  while (!text.empty()) {
    const std::size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = AsciiLower(TrimLineSpace(line.substr(0, colon)));
    const std::string_view value = TrimLineSpace(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agent_lines) group_is_mine = group_is_star = false;
      in_agent_lines = true;
      const std::string agent = AsciiLower(value);
      if (agent == "*") group_is_star = true;
      else if (!token.empty() && agent == token) group_is_mine = have_mine = true;
      continue;
    }
    in_agent_lines = false;
    RobotsRules* target = group_is_mine ? &mine : (group_is_star ? &star : nullptr);
    if (target == nullptr) continue;
    if (key == "allow" || key == "disallow") {
      // An empty Disallow allows everything: it adds no rule.
      if (!value.empty()) target->rules_.push_back(Rule{std::string(value), key == "allow"});
    } else if (key == "crawl-delay") {
      double seconds = 0;
      const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
      if (ec == std::errc() && seconds >= 0) target->crawl_delay_s_ = seconds;
    }
  }
  return have_mine ? mine : star;
}

bool RobotsRules::Allowed(std::string_view path) const {
  if (path == "/robots.txt") return true;
  if (disallow_all_) return false;
  std::size_t best_length = 0;
  bool allowed = true;
  for (const Rule& rule : rules_) {
    if (rule.pattern.size() < best_length) continue;
    if (!PatternMatches(rule.pattern, path)) continue;
    if (rule.pattern.size() > best_length || rule.allow) allowed = rule.allow;
    best_length = rule.pattern.size();
  }
  return allowed;
}

}  // namespace newsx::ingest
