#include "html.h"

namespace newsx::pipelines::serve {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string QueryValue(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' ||
        u == '_' || u == '.' || u == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

std::string Href(std::string_view path,
                 const std::vector<std::pair<std::string, std::string>>& params) {
  std::string url(path);
  char sep = '?';
  for (const auto& [name, value] : params) {
    if (value.empty()) continue;
    url += sep + QueryValue(name) + "=" + QueryValue(value);
    sep = '&';
  }
  return Escape(url);
}

std::string Page(std::string_view title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" + Escape(title) + " · newsx</title>"
         "<link rel=\"stylesheet\" href=\"/style.css\"></head><body>"
         "<nav><a href=\"/\">newsx</a> <a href=\"/events\">events</a> "
         "<form method=\"get\" action=\"/\" class=\"search\"><input name=\"q\" "
         "placeholder=\"find an entity\" aria-label=\"find an entity\"></form></nav>"
         "<main>" + body + "</main></body></html>\n";
}

const std::string& StyleSheet() {
  static const std::string kCss = R"css(
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d232a; background: #fafafa; }
nav { background: #243447; padding: .5em 1em; display: flex; gap: 1em; align-items: center; }
nav a { color: #fff; text-decoration: none; font-weight: 600; }
nav .search { margin-left: auto; }
main { max-width: 1200px; margin: 0 auto; padding: 1em; }
h1 { font-size: 1.5em; margin: .3em 0; }
h2 { font-size: 1.15em; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid #dde; padding: .3em .5em; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
td.num { text-align: right; }
.muted { color: #667; font-size: .9em; }
.error { background: #fee; border: 1px solid #d99; padding: .8em; }
.chart { background: #fff; border: 1px solid #dde; }
.legend span { display: inline-block; margin-right: 1em; }
.swatch { display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: -1px; }
.article-text { white-space: pre-wrap; background: #fff; padding: 1em; border: 1px solid #dde; }
mark { background: #fff1a8; }
mark.chip { background: #ffe0b3; } mark.org { background: #cfe3ff; }
mark.person { background: #d9f5d0; } mark.place { background: #f2d9f7; }
mark a { color: inherit; text-decoration: none; }
.event-span { border-bottom: 2px solid #c33; }
form.filters { display: flex; flex-wrap: wrap; gap: .5em; margin: .5em 0 1em; }
form.filters label { font-size: .9em; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5em; }
@media (max-width: 800px) { .cols { grid-template-columns: 1fr; } }
)css";
  return kCss;
}

}  // namespace newsx::pipelines::serve
