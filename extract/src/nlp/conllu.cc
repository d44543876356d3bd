#include "nlp/conllu.h"

#include <array>
#include <charconv>

namespace newsx::extract::nlp {
namespace {

bool NoSpaceAfter(std::string_view misc) {
  return misc.find("SpaceAfter=No") != std::string_view::npos;
}

bool ParseInt(std::string_view s, std::int32_t* out) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

Status LineError(std::size_t line_no, std::string_view what) {
  return Status(StatusCode::kInvalidArgument,
                "CoNLL-U line " + std::to_string(line_no) + ": " + std::string(what));
}

// Checks heads and closes the sentence being read.
Status Finish(TreebankSentence* s, std::size_t line_no, std::vector<TreebankSentence>* out) {
  if (s->words.empty()) {
    s->multiwords.clear();
    return Status::Ok();
  }
  const auto n = static_cast<std::int32_t>(s->words.size());
  for (const TreebankWord& w : s->words) {
    if (w.head < -1 || w.head >= n) return LineError(line_no, "head outside the sentence");
  }
  for (const MultiwordToken& m : s->multiwords) {
    if (m.first < 0 || m.last >= n || m.first > m.last) {
      return LineError(line_no, "multiword range outside the sentence");
    }
  }
  out->push_back(std::move(*s));
  *s = TreebankSentence();
  return Status::Ok();
}

}  // namespace

Result<std::vector<TreebankSentence>> ReadConllu(std::string_view text) {
  std::vector<TreebankSentence> out;
  TreebankSentence current;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (Status st = Finish(&current, line_no, &out); !st.ok()) return st;
      if (end == text.size()) break;
      continue;
    }
    if (line[0] == '#') continue;
    std::array<std::string_view, 10> cols;
    std::size_t ncols = 0, start = 0;
    while (ncols < cols.size()) {
      const std::size_t tab = line.find('\t', start);
      cols[ncols++] = line.substr(start, tab == std::string_view::npos ? line.npos : tab - start);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (ncols < 8) return LineError(line_no, "fewer than 8 columns");
    const std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // Empty node.
    if (const std::size_t dash = id.find('-'); dash != std::string_view::npos) {
      std::int32_t a = 0, b = 0;
      if (!ParseInt(id.substr(0, dash), &a) || !ParseInt(id.substr(dash + 1), &b)) {
        return LineError(line_no, "bad multiword id");
      }
      current.multiwords.push_back(MultiwordToken{a - 1, b - 1, std::string(cols[1]),
                                                  ncols < 10 || !NoSpaceAfter(cols[9])});
      continue;
    }
    std::int32_t index = 0, head = 0;
    if (!ParseInt(id, &index) || index != static_cast<std::int32_t>(current.words.size()) + 1) {
      return LineError(line_no, "word ids must count 1, 2, 3...");
    }
    if (!ParseInt(cols[6], &head)) return LineError(line_no, "bad head");
    TreebankWord w;
    w.form = std::string(cols[1]);
    w.lemma = std::string(cols[2]);
    w.upos = std::string(cols[3]);
    w.xpos = std::string(cols[4]);
    w.head = head - 1;
    w.deprel = std::string(cols[7]);
    w.space_after = ncols < 10 || !NoSpaceAfter(cols[9]);
    current.words.push_back(std::move(w));
  }
  if (Status st = Finish(&current, line_no, &out); !st.ok()) return st;
  return out;
}

std::string WriteConllu(const std::vector<TreebankSentence>& sentences) {
  std::string out;
  auto col = [&out](std::string_view s) {
    out.append(s.empty() ? std::string_view("_") : s);
    out.push_back('\t');
  };
  for (const TreebankSentence& s : sentences) {
    std::size_t next_mwt = 0;
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      if (next_mwt < s.multiwords.size() &&
          s.multiwords[next_mwt].first == static_cast<std::int32_t>(i)) {
        const MultiwordToken& m = s.multiwords[next_mwt++];
        out += std::to_string(m.first + 1) + "-" + std::to_string(m.last + 1) + "\t";
        out += m.form + "\t_\t_\t_\t_\t_\t_\t_\t";
        out += m.space_after ? "_\n" : "SpaceAfter=No\n";
      }
      const TreebankWord& w = s.words[i];
      out += std::to_string(i + 1) + "\t";
      col(w.form);
      col(w.lemma);
      col(w.upos);
      col(w.xpos);
      col("");
      out += std::to_string(w.head + 1) + "\t";
      col(w.deprel);
      col("");
      out += w.space_after ? "_\n" : "SpaceAfter=No\n";
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace newsx::extract::nlp
