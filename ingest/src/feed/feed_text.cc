#include "feed/feed_text.h"

#include <pugixml.hpp>

#include <array>
#include <utility>
#include <vector>

#include "newsx/core/strings.h"
#include "newsx/core/time_format.h"
#include "newsx/core/url.h"

namespace newsx::ingest::internal {
namespace {


struct StringWriter final : pugi::xml_writer {
  std::string* out;
  explicit StringWriter(std::string* o) : out(o) {}
  void write(const void* data, std::size_t size) override {
    out->append(static_cast<const char*>(data), size);
  }
};

void EraseAll(std::string* s, std::string_view what) {
  for (std::size_t pos = s->find(what); pos != std::string::npos; pos = s->find(what, pos)) {
    s->erase(pos, what.size());
  }
}

// HTML entities seen in feeds that are not XML's predefined five.
constexpr std::array<std::pair<std::string_view, std::string_view>, 45> kHtmlEntities = {{
    {"amp", "&"},        {"lt", "<"},         {"gt", ">"},          {"quot", "\""},
    {"apos", "'"},
    {"nbsp", "\u00A0"},  {"mdash", "\u2014"}, {"ndash", "\u2013"},  {"hellip", "\u2026"},
    {"lsquo", "\u2018"}, {"rsquo", "\u2019"}, {"ldquo", "\u201C"},  {"rdquo", "\u201D"},
    {"laquo", "\u00AB"}, {"raquo", "\u00BB"}, {"copy", "\u00A9"},   {"reg", "\u00AE"},
    {"trade", "\u2122"}, {"euro", "\u20AC"},  {"pound", "\u00A3"},  {"yen", "\u00A5"},
    {"cent", "\u00A2"},  {"deg", "\u00B0"},   {"middot", "\u00B7"}, {"bull", "\u2022"},
    {"times", "\u00D7"}, {"eacute", "\u00E9"}, {"egrave", "\u00E8"}, {"aacute", "\u00E1"},
    {"agrave", "\u00E0"}, {"iacute", "\u00ED"}, {"oacute", "\u00F3"}, {"uacute", "\u00FA"},
    {"ntilde", "\u00F1"}, {"ccedil", "\u00E7"}, {"auml", "\u00E4"}, {"ouml", "\u00F6"},
    {"uuml", "\u00FC"},  {"Auml", "\u00C4"},  {"Ouml", "\u00D6"},   {"Uuml", "\u00DC"},
    {"szlig", "\u00DF"}, {"acirc", "\u00E2"}, {"ecirc", "\u00EA"},  {"sect", "\u00A7"},
}};

void AppendUtf8(std::uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

}  // namespace

std::string InnerXml(const pugi::xml_node& node) {
  std::string out;
  StringWriter writer(&out);
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    child.print(writer, "", pugi::format_raw, pugi::encoding_utf8);
  }
  if (out.find("xhtml:") != std::string::npos) {
    EraseAll(&out, "xhtml:");
  }
  // pugixml writes "<br/>"; HTML readers and feedparser expect "<br />".
  for (std::size_t pos = out.find("/>"); pos != std::string::npos; pos = out.find("/>", pos + 3)) {
    if (pos > 0 && out[pos - 1] != ' ') out.insert(pos, 1, ' ');
  }
  return std::string(Trim(out, kMarkupWhitespace));
}

std::string TextOf(const pugi::xml_node& node) {
  pugi::xml_node child = node.first_child();
  // The common case, one text or CDATA child, without a copy of the whole tree walk.
  if (child && !child.next_sibling() &&
      (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)) {
    return std::string(Trim(child.value(), kMarkupWhitespace));
  }
  std::string text;
  for (; child; child = child.next_sibling()) {
    switch (child.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        text += child.value();
        break;
      case pugi::node_element:
        return InnerXml(node);
      default:
        break;
    }
  }
  return std::string(Trim(text, kMarkupWhitespace));
}

std::optional<std::string> DecodeBase64(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (const char c : text) {
    if (IsMarkupSpace(c)) continue;
    if (c == '=') break;
    const int v = Base64Value(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

std::string DecodeHtmlEntities(std::string_view text) {
  std::size_t amp = text.find('&');
  if (amp == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t done = 0;
  for (; amp != std::string_view::npos; amp = text.find('&', amp + 1)) {
    const std::size_t semi = text.find(';', amp);
    if (semi == std::string_view::npos || semi - amp > 10) continue;
    const std::string_view name = text.substr(amp + 1, semi - amp - 1);
    if (name.size() > 1 && name[0] == '#') {
      std::uint32_t cp = 0;
      const bool hex = name[1] == 'x' || name[1] == 'X';
      bool ok = name.size() > (hex ? 2u : 1u);
      for (std::size_t i = hex ? 2 : 1; i < name.size() && ok; ++i) {
        const char c = name[i];
        const int digit = (c >= '0' && c <= '9') ? c - '0'
                          : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
                          : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
        ok = digit >= 0 && cp < 0x110000;
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
      }
      if (ok && cp > 0 && cp < 0x110000 && (cp < 0xD800 || cp > 0xDFFF)) {
        out.append(text.substr(done, amp - done));
        AppendUtf8(cp, &out);
        done = semi + 1;
      }
      continue;
    }
    for (const auto& [entity, utf8] : kHtmlEntities) {
      if (entity == name) {
        out.append(text.substr(done, amp - done));
        out.append(utf8);
        done = semi + 1;
        break;
      }
    }
  }
  out.append(text.substr(done));
  return out;
}

FeedPerson ParsePersonText(std::string_view text) {
  FeedPerson person;
  text = Trim(text, kMarkupWhitespace);
  const std::size_t open = text.find_first_of("(<");
  const std::size_t close = open == std::string_view::npos ? open : text.find_first_of(")>", open);
  if (open != std::string_view::npos && close != std::string_view::npos) {
    const std::string_view inside = Trim(text.substr(open + 1, close - open - 1), kMarkupWhitespace);
    std::string_view outside = Trim(text.substr(0, open), kMarkupWhitespace);
    if (outside.empty()) outside = Trim(text.substr(close + 1), kMarkupWhitespace);
    if (inside.find('@') != std::string_view::npos) {
      person.email = inside;
      person.name = outside;
    } else {
      person.name = inside;
      person.email = outside;
    }
    if (person.email.find('@') == std::string::npos && !person.email.empty()) {
      person.name = std::string(text);
      person.email.clear();
    }
    return person;
  }
  if (text.find('@') != std::string_view::npos && text.find(' ') == std::string_view::npos) {
    person.email = text;
  } else {
    person.name = text;
  }
  return person;
}

std::string ResolveLink(std::string_view base, std::string_view ref) {
  ref = Trim(ref, kMarkupWhitespace);
  if (ref.empty()) return "";
  if (base.empty()) return std::string(ref);
  std::string resolved = ResolveUrl(base, ref);
  return resolved.empty() ? std::string(ref) : resolved;
}

std::string BaseAt(const pugi::xml_node& node, std::string_view feed_url) {
  std::vector<std::string_view> bases;
  for (pugi::xml_node n = node; n; n = n.parent()) {
    const pugi::xml_attribute attr = n.attribute("xml:base");
    if (attr) bases.push_back(attr.value());
  }
  std::string base(feed_url);
  for (auto it = bases.rbegin(); it != bases.rend(); ++it) base = ResolveLink(base, *it);
  return base;
}

std::string ResolveHtmlLinks(std::string_view html, std::string_view base) {
  if (base.empty()) return std::string(html);
  std::string out;
  std::size_t done = 0;
  for (std::size_t pos = html.find('='); pos != std::string_view::npos; pos = html.find('=', pos + 1)) {
    const bool href = pos >= 5 && html.substr(pos - 5, 5) == " href";
    const bool src = pos >= 4 && html.substr(pos - 4, 4) == " src";
    if ((!href && !src) || pos + 1 >= html.size()) continue;
    const char quote = html[pos + 1];
    if (quote != '"' && quote != '\'') continue;
    const std::size_t close = html.find(quote, pos + 2);
    if (close == std::string_view::npos) break;
    const std::string_view ref = html.substr(pos + 2, close - pos - 2);
    if (ref.find("://") != std::string_view::npos || ref.rfind("mailto:", 0) == 0 ||
        ref.rfind("#", 0) == 0 || ref.rfind("data:", 0) == 0) {
      continue;
    }
    out.append(html.substr(done, pos + 2 - done));
    out.append(ResolveLink(base, ref));
    done = close;
    pos = close;
  }
  if (done == 0) return std::string(html);
  out.append(html.substr(done));
  return out;
}

std::optional<std::int64_t> ParseFeedDate(std::string_view text) {
  text = Trim(text, kMarkupWhitespace);
  if (text.empty()) return std::nullopt;
  return ParseDateTime(text);
}

}  // namespace newsx::ingest::internal
