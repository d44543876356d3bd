#include "boilerplate.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "html_dom.h"
#include "newsx/core/strings.h"
#include "nlp/word_atoms.h"

namespace newsx::extract::internal {

namespace {

template <std::size_t N>
bool OneOf(std::string_view s, const std::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), s) != std::end(set);
}

// clang-format off
constexpr std::string_view kDropTags[] = {
    "script", "style",  "noscript", "template", "svg",      "math",   "canvas",   "iframe",
    "object", "embed",  "video",    "audio",    "picture",  "button", "input",    "select",
    "option", "textarea", "nav",    "footer",   "aside",    "header", "menu",     "dialog",
    "figure", "figcaption", "head", "title",    "meta",     "link",   "map",      "source"};

constexpr std::string_view kInlineTags[] = {
    "a",    "span", "em",  "strong", "b",   "i",    "u",    "small", "sub",  "sup", "font",
    "abbr", "cite", "code", "q",     "time", "mark", "s",   "del",   "ins",  "label", "img",
    "bdi",  "bdo",  "dfn", "kbd",    "samp", "var", "wbr",  "tt",    "big",  "strike", "nobr"};

// Whole words of class/id values that mark boilerplate.
constexpr std::string_view kBoilerplateWords[] = {
    "ad",         "ads",        "adv",        "advert",     "advertisement", "advertising",
    "sponsor",    "sponsored",  "promo",      "promotion",  "promoted",   "banner",
    "share",      "sharing",    "shares",     "social",     "sharebar",   "comment",
    "comments",   "related",    "recommended", "recommendations", "newsletter", "subscribe",
    "subscription", "signup",   "cookie",     "cookies",    "consent",    "gdpr",
    "sidebar",    "widget",     "widgets",    "footer",     "nav",        "navbar",
    "navigation", "menu",       "breadcrumb", "breadcrumbs", "popup",     "modal",
    "byline",     "caption",    "credit",     "credits",    "toolbar",    "pagination",
    "pager",      "trending",   "popular",    "tags",       "author",     "bio",
    "masthead",   "header",     "disclaimer", "copyright",  "outbrain",   "taboola",
    "print",      "skip",       "dateline",   "timestamp",  "meta",       "rail",
    "more",       "teaser",     "teasers",    "overlay",    "paywall",    "login",
    "donate",     "jump",       "tooltip",    "video",      "gallery",
    "slideshow",  "embed",      "follow",     "topics",     "keywords",   "rating",
    "ratings",    "cta",        "disclosure"};

// Stems that mark boilerplate even inside camelCase or glued names.
constexpr std::string_view kBoilerplateStems[] = {
    "share",   "social",  "comment", "newsletter", "subscribe", "related",  "recommend",
    "kommentar", "comentario",
    "sidebar", "advert",  "sponsor", "cookie",     "breadcrumb", "outbrain", "taboola",
    "promo",   "byline",  "caption", "footer",     "popup",     "trending", "screen-reader",
    "sr-only", "visually-hidden", "visuallyhidden", "signup",  "paywall",  "disclaimer"};

constexpr std::string_view kBoilerplateRoles[] = {
    "navigation", "banner", "contentinfo", "complementary", "menu", "menubar",
    "dialog",     "alertdialog", "search", "toolbar", "tablist", "alert"};

constexpr std::string_view kFurniture[] = {
    "advertisement", "advertisements", "advert", "ad", "sponsored",
    "story continues below advertisement",
    "continue reading", "continue reading below", "read more", "read more:", "share",
    "share this", "share this article", "share this story", "share on facebook",
    "share on twitter", "tweet", "email", "print", "related", "related articles",
    "related stories", "related content", "more from", "you may also like",
    "recommended", "sign up", "subscribe", "subscribe now", "click here", "skip to content",
    "back to top", "close", "copy link", "comments", "leave a comment", "scroll to continue",
    // The same furniture in the other languages of European news sites.
    // German
    "anzeige", "werbung", "weiterlesen", "mehr lesen", "lesen sie auch", "lesen sie mehr",
    "auch interessant", "das könnte sie auch interessieren", "mehr zum thema",
    "ähnliche beiträge", "ähnliche artikel", "verwandte artikel", "weitere artikel",
    "artikel teilen", "teilen", "drucken", "kommentare", "kommentar schreiben", "nach oben",
    // French
    "publicité", "lire aussi", "à lire aussi", "lire la suite", "voir aussi",
    "articles similaires", "sur le même sujet", "partager", "imprimer", "commentaires",
    // Spanish
    "publicidad", "lee también", "lea también", "leer más", "ver también", "te puede interesar",
    "noticias relacionadas", "artículos relacionados", "compartir", "imprimir", "comentarios",
    // Italian
    "pubblicità", "leggi anche", "leggi di più", "articoli correlati", "condividi", "commenti",
    // Portuguese
    "publicidade", "leia também", "leia mais", "veja também", "notícias relacionadas",
    "artigos relacionados", "compartilhar", "comentários",
    // Polish
    "reklama", "czytaj także", "czytaj też", "czytaj więcej", "zobacz również", "zobacz też",
    "udostępnij", "komentarze",
    // Dutch
    "advertentie", "lees ook", "lees meer", "gerelateerde artikelen", "delen", "reacties"};

// Labels that open a picture credit or source line, before a colon.
constexpr std::string_view kCreditLabels[] = {
    "foto", "fotos", "photo", "photos", "photo credit", "photo credits", "bild", "bilder",
    "bildquelle", "image", "images", "credit", "credits", "abbildung", "quelle", "source",
    "crédit photo", "crédits photos", "foto credit"};

// Whole words of class/id values that name an article's lead (standfirst).
constexpr std::string_view kLeadWords[] = {
    "teaser", "intro", "lead", "standfirst", "summary", "excerpt", "description", "subtitle",
    "deck", "dek", "abstract"};

// clang-format on

// True when a whole word of `lower` (split on non-letters) is in `words`.
template <std::size_t N>
bool HasWord(std::string_view lower, const std::string_view (&words)[N]) {
  std::size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !(lower[i] >= 'a' && lower[i] <= 'z')) ++i;
    std::size_t end = i;
    while (end < lower.size() && lower[end] >= 'a' && lower[end] <= 'z') ++end;
    if (end > i && OneOf(lower.substr(i, end - i), words)) return true;
    i = end;
  }
  return false;
}

// A class token that is exactly "hidden" hides its element. The word inside
// a longer token does not: "field--label-hidden" hides a label beside the
// text (Drupal puts it on every field, the article body's too), and
// "hidden-xs" hides only on small screens.
bool HasHiddenToken(std::string_view lower) {
  std::size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && IsAsciiSpace(lower[i])) ++i;
    std::size_t end = i;
    while (end < lower.size() && !IsAsciiSpace(lower[end])) ++end;
    if (lower.substr(i, end - i) == "hidden") return true;
    i = end;
  }
  return false;
}

// The class value without its BEM modifiers: each token is cut at its
// first "--". A modifier names a state or variant of the element, not what
// it is: Drupal marks an article shown on the front page "node--promoted",
// and "card--share" is still a card.
std::string WithoutModifiers(std::string_view lower) {
  std::string out;
  out.reserve(lower.size());
  bool in_modifier = false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    const char c = lower[i];
    if (IsAsciiSpace(c)) {
      in_modifier = false;
    } else if (c == '-' && i + 1 < lower.size() && lower[i + 1] == '-') {
      in_modifier = true;
    }
    if (!in_modifier) out += c;
  }
  return out;
}

bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }

// `lower` without negated words: "no-sidebar" and "non-paywall" name an
// element without a sidebar or outside the paywall, not the sidebar or the
// paywall. The word after "no", "non" or "not" is dropped with it.
std::string WithoutNegations(std::string_view lower) {
  std::string out;
  out.reserve(lower.size());
  std::size_t i = 0;
  while (i < lower.size()) {
    if (!IsLetter(lower[i])) {
      out += lower[i++];
      continue;
    }
    std::size_t end = i;
    while (end < lower.size() && IsLetter(lower[end])) ++end;
    const std::string_view word = lower.substr(i, end - i);
    if ((word == "no" || word == "non" || word == "not") && end < lower.size() &&
        (lower[end] == '-' || lower[end] == '_') && end + 1 < lower.size() &&
        IsLetter(lower[end + 1])) {
      end += 1;
      while (end < lower.size() && IsLetter(lower[end])) ++end;
      out += ' ';
    } else {
      out += word;
    }
    i = end;
  }
  return out;
}

bool HasBoilerplateName(std::string_view value) {
  const std::string lower = AsciiLower(value);
  if (HasHiddenToken(lower)) return true;
  std::string names = lower.find("--") == std::string::npos ? lower : WithoutModifiers(lower);
  if (names.find("no") != std::string::npos) names = WithoutNegations(names);
  for (std::string_view stem : kBoilerplateStems) {
    if (names.find(stem) != std::string::npos) return true;
  }
  return HasWord(names, kBoilerplateWords);
}

bool IsHidden(const xmlNode* element) {
  if (HasAttr(element, "hidden") || Attr(element, "aria-hidden") == "true") return true;
  const std::string_view style = Attr(element, "style");
  if (style.empty()) return false;
  std::string s = AsciiLower(style);
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

}  // namespace

namespace {

using KindTable = std::vector<std::pair<std::string_view, TagKind>>;

// The tag lists as one sorted table: KindOf runs several times for every
// element of every page, and a binary search costs a few comparisons where
// scanning the lists cost dozens.
KindTable MakeKindTable() {
  KindTable table;
  table.emplace_back("br", TagKind::kBreak);
  for (const std::string_view tag : kInlineTags) table.emplace_back(tag, TagKind::kInline);
  for (const std::string_view tag : kDropTags) table.emplace_back(tag, TagKind::kDrop);
  // A tag listed twice keeps its first kind, as the list order decided before.
  std::stable_sort(table.begin(), table.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  table.erase(std::unique(table.begin(), table.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              table.end());
  return table;
}

}  // namespace

TagKind KindOf(std::string_view tag) {
  static const KindTable table = MakeKindTable();
  const auto before = [](const auto& entry, std::string_view t) { return entry.first < t; };
  const auto it = std::lower_bound(table.begin(), table.end(), tag, before);
  return it != table.end() && it->first == tag ? it->second : TagKind::kBlock;
}

bool IsLandmarkTag(std::string_view tag) {
  return tag == "nav" || tag == "header" || tag == "footer" || tag == "aside";
}

Boilerplate ClassifyBoilerplate(const xmlNode* element) {
  if (element->properties == nullptr) return Boilerplate::kNo;
  if (IsHidden(element)) return Boilerplate::kCertain;
  const std::string_view role = Attr(element, "role");
  if (!role.empty() && OneOf(AsciiLower(role), kBoilerplateRoles)) return Boilerplate::kCertain;
  const std::string_view cls = Attr(element, "class");
  const std::string_view id = Attr(element, "id");
  if ((!cls.empty() && HasBoilerplateName(cls)) || (!id.empty() && HasBoilerplateName(id))) {
    return Boilerplate::kNamed;
  }
  return Boilerplate::kNo;
}

bool HasLeadName(const xmlNode* element) {
  if (element->properties == nullptr) return false;
  return HasWord(AsciiLower(Attr(element, "class")), kLeadWords) ||
         HasWord(AsciiLower(Attr(element, "id")), kLeadWords);
}

bool IsCreditLine(std::string_view line) {
  if (line.size() < 120 && line.find("\xC2\xA9") != std::string_view::npos) return true;  // ©
  if (line.size() >= 200) return false;
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon > 20) return false;
  std::string label = AsciiLower(line.substr(0, colon));
  while (!label.empty() && label.back() == ' ') label.pop_back();
  return OneOf(std::string_view(label), kCreditLabels);
}

bool IsFurnitureLine(std::string_view line) {
  if (line.size() > 48) return false;
  // Unicode lower case: the phrases of other languages open with capitals
  // such as "Ä" ("Ähnliche Beiträge").
  std::string lower;
  nlp::AppendNormalized(line, nlp::kFoldCase, &lower);
  while (!lower.empty() && (lower.back() == '.' || lower.back() == ':' || lower.back() == ' ')) {
    lower.pop_back();
  }
  return OneOf(std::string_view(lower), kFurniture);
}

}  // namespace newsx::extract::internal
