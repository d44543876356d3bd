#include "nlp/training_corpus.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "nlp/rng.h"
#include "text/tokenizer.h"

namespace newsx::extract::nlp {
namespace {

struct Piece {
  std::string text;
  bool word = false;
};

// Penn tag of a punctuation piece split off a word.
std::string_view PunctXpos(std::string_view p) {
  if (p == ".") return ".";
  if (p == ",") return ",";
  if (p == ":" || p == ";") return ":";
  if (p == "-") return "HYPH";
  if (p == "(" || p == "[") return "-LRB-";
  if (p == ")" || p == "]") return "-RRB-";
  if (p == "'" || p == "\"") return "''";
  if (p == "$") return "$";
  return "NFP";
}

// Maps the code points of `s` with `fn` (only the first one if `first_only`).
std::string MapCase(std::string_view s, UChar32 (*fn)(UChar32), bool first_only) {
  std::string out;
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  bool done = false;
  for (std::int32_t i = 0; i < n;) {
    const std::int32_t start = i;
    UChar32 cp = 0;
    U8_NEXT(p, i, n, cp);
    if (cp < 0 || done) {
      out.append(s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
      continue;
    }
    if (u_isalpha(cp)) {
      cp = fn(cp);
      if (first_only) done = true;
    }
    char buf[U8_MAX_LENGTH];
    std::int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, cp);
    out.append(buf, static_cast<std::size_t>(len));
  }
  return out;
}

}  // namespace

bool RetokenizeLikeNewsx(const TreebankSentence& in, TreebankSentence* out) {
  const auto n = static_cast<std::int32_t>(in.words.size());
  // Surface units (a multiword token or a word) and the sentence's text.
  struct Unit {
    std::int32_t first, last;  // Old words covered.
    std::size_t begin, end;    // Bytes of `text`.
    bool multiword;
  };
  std::vector<Unit> units;
  std::string text;
  std::size_t next_mwt = 0;
  for (std::int32_t i = 0; i < n;) {
    Unit u{i, i, text.size(), 0, false};
    bool space = true;
    if (next_mwt < in.multiwords.size() && in.multiwords[next_mwt].first == i) {
      const MultiwordToken& m = in.multiwords[next_mwt++];
      u.last = m.last;
      u.multiword = true;
      text += m.form;
      space = m.space_after;
    } else {
      text += in.words[static_cast<std::size_t>(i)].form;
      space = in.words[static_cast<std::size_t>(i)].space_after;
    }
    u.end = text.size();
    if (space) text.push_back(' ');
    units.push_back(u);
    i = u.last + 1;
  }
  const text::Vocabulary vocab;
  text::TokenizedText tokens;
  text::Tokenize(text, vocab, &tokens);

  TreebankSentence s;
  std::vector<std::int32_t> new_index(static_cast<std::size_t>(n), -1);
  std::vector<std::int32_t> origin;  // Old word behind each new word (-1: extra piece).
  std::vector<std::int32_t> attach;  // Extra pieces: new index of their unit's main word.
  auto keep = [&](std::int32_t k) {
    new_index[static_cast<std::size_t>(k)] = static_cast<std::int32_t>(s.words.size());
    s.words.push_back(in.words[static_cast<std::size_t>(k)]);
    origin.push_back(k);
    attach.push_back(-1);
  };
  bool changed = false;
  std::size_t t = 0;
  for (const Unit& u : units) {
    std::vector<Piece> pieces;
    bool crossing = false;
    while (t < tokens.tokens.size() && tokens.tokens[t].end <= u.begin) ++t;
    for (std::size_t k = t; k < tokens.tokens.size() && tokens.tokens[k].begin < u.end; ++k) {
      const text::Token& tok = tokens.tokens[k];
      if (tok.begin < u.begin || tok.end > u.end) crossing = true;
      pieces.push_back(Piece{std::string(text::TokenText(tokens, tok)),
                             (tok.flags & text::kWordToken) != 0});
    }
    const std::string_view surface = std::string_view(text).substr(u.begin, u.end - u.begin);
    bool same = crossing || pieces.empty();
    if (!same && u.multiword) {
      same = pieces.size() == static_cast<std::size_t>(u.last - u.first + 1);
      for (std::size_t k = 0; same && k < pieces.size(); ++k) {
        same = pieces[k].text == in.words[static_cast<std::size_t>(u.first) + k].form;
      }
    } else if (!same) {
      same = pieces.size() == 1 && pieces[0].text == surface;
    }
    if (same) {
      for (std::int32_t k = u.first; k <= u.last; ++k) keep(k);
      continue;
    }
    changed = true;
    // The word that carries the unit's role: the part whose head is
    // outside the unit.
    std::int32_t main = u.first;
    for (std::int32_t k = u.first; k <= u.last; ++k) {
      const std::int32_t h = in.words[static_cast<std::size_t>(k)].head;
      if (h < u.first || h > u.last) {
        main = k;
        break;
      }
    }
    const TreebankWord& w = in.words[static_cast<std::size_t>(main)];
    std::size_t main_piece = 0;
    while (main_piece < pieces.size() && !pieces[main_piece].word) ++main_piece;
    if (main_piece == pieces.size()) main_piece = 0;
    const auto main_index = static_cast<std::int32_t>(s.words.size() + main_piece);
    for (std::int32_t k = u.first; k <= u.last; ++k) {
      new_index[static_cast<std::size_t>(k)] = main_index;
    }
    const bool punct_word = w.upos == "PUNCT" || w.upos == "SYM";
    for (std::size_t k = 0; k < pieces.size(); ++k) {
      TreebankWord piece;
      if (k == main_piece) {
        piece = w;
        piece.form = pieces[k].text;
        if (w.lemma == w.form) piece.lemma = piece.form;
        origin.push_back(main);
        attach.push_back(-1);
      } else {
        piece.form = pieces[k].text;
        if (pieces[k].word || punct_word) {
          piece.upos = w.upos;
          piece.xpos = w.xpos;
        } else {
          piece.upos = "PUNCT";
          piece.xpos = std::string(PunctXpos(piece.form));
        }
        piece.lemma = piece.form;
        piece.deprel = pieces[k].word ? "goeswith" : "punct";
        origin.push_back(-1);
        attach.push_back(main_index);
      }
      s.words.push_back(std::move(piece));
    }
  }
  if (!changed) return false;
  for (std::size_t j = 0; j < s.words.size(); ++j) {
    if (origin[j] < 0) {
      s.words[j].head = attach[j];
      continue;
    }
    const std::int32_t h = in.words[static_cast<std::size_t>(origin[j])].head;
    s.words[j].head = h < 0 ? -1 : new_index[static_cast<std::size_t>(h)];
  }
  *out = std::move(s);
  return true;
}

void UppercaseForms(TreebankSentence* s) {
  for (TreebankWord& w : s->words) w.form = MapCase(w.form, u_toupper, false);
  for (MultiwordToken& m : s->multiwords) m.form = MapCase(m.form, u_toupper, false);
}

void TitlecaseForms(TreebankSentence* s) {
  for (TreebankWord& w : s->words) w.form = MapCase(w.form, u_totitle, true);
  for (MultiwordToken& m : s->multiwords) m.form = MapCase(m.form, u_totitle, true);
}

std::vector<TreebankSentence> AugmentCorpus(const std::vector<TreebankSentence>& in,
                                            const CorpusOptions& options,
                                            std::vector<std::size_t>* origins) {
  std::vector<TreebankSentence> out = in;
  std::vector<std::size_t> from(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) from[i] = i;
  Rng rng(options.seed);
  TreebankSentence variant;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const TreebankSentence& s = in[i];
    const double draw = rng.Unit();
    if (options.newsx_tokens && RetokenizeLikeNewsx(s, &variant)) {
      out.push_back(variant);
      from.push_back(i);
    }
    if (draw < options.upper_rate) {
      out.push_back(s);
      UppercaseForms(&out.back());
      from.push_back(i);
    } else if (draw < options.upper_rate + options.title_rate) {
      out.push_back(s);
      TitlecaseForms(&out.back());
      from.push_back(i);
    }
  }
  if (origins != nullptr) *origins = std::move(from);
  return out;
}

}  // namespace newsx::extract::nlp
