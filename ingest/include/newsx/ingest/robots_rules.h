#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsx::ingest {

// The rules of one robots.txt for one crawler (RFC 9309): the groups whose
// user-agent matches the crawler's product token (case-insensitive), else
// the "*" groups. Allow/Disallow patterns support '*' and a final '$'; the
// longest matching pattern wins and Allow wins a tie. "/robots.txt" is
// always allowed. Thread-compatible; immutable after Parse.
class RobotsRules {
 public:
  // Everything allowed (no robots.txt, or a 4xx for it).
  static RobotsRules AllowAll();
  // Nothing allowed (robots.txt unreachable: 5xx or network failure).
  static RobotsRules DisallowAll();
  // Parses robots.txt text; never fails (unknown lines are ignored).
  // `product_token` is the crawler name, e.g. "newsx".
  static RobotsRules Parse(std::string_view text, std::string_view product_token);

  // `path` is the URL's path plus "?query", e.g. "/a/b?x=1" (percent-encoded as sent).
  bool Allowed(std::string_view path) const;

  // Crawl-delay of the chosen group, in seconds, if given.
  std::optional<double> crawl_delay_s() const { return crawl_delay_s_; }

 private:
  struct Rule {
    std::string pattern;
    bool allow = false;
  };
  std::vector<Rule> rules_;
  std::optional<double> crawl_delay_s_;
  bool disallow_all_ = false;
};

// The product token of a User-Agent string: up to the first '/' or space.
std::string ProductToken(std::string_view user_agent);

}  // namespace newsx::ingest
