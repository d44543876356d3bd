// Throughput of the language models (tagger + lemmatizer, then with the
// parser) over the article bodies of a ground-truth JSON file, in words
// per second on one core, beside a baseline measured in the same run:
// splitting the same texts into sentences of tokens (roughly as the text
// layer does: punctuation, hyphens and possessive "'s" apart, sentences at
// . ! ? and newlines, at most 160 tokens). Words are counted as the
// analyzer benchmark counts them (whitespace-separated). Each figure is the
// fastest pass, the measurements alternated over several rounds, in CPU
// time of the measuring thread (the machine may be shared: wall-clock time
// would count other processes' turns).
//
//   nlp_bench GROUND_TRUTH_JSON [min-seconds [en-pos.bin en-dep.bin]]
//   e.g. nlp_bench /work/shared/eval/article-extraction/ground-truth.json
// Without model files it measures the built-in models.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/extract/language_models.h"
#include "newsx/extract/text_normalizer.h"

namespace {

using Clock = std::chrono::steady_clock;
using Sentence = std::vector<std::string_view>;
constexpr int kRounds = 5;
constexpr std::size_t kMaxSentenceTokens = 160;

std::size_t CountWords(const std::string& text) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool IsWordByte(unsigned char c) { return c >= 0x80 || std::isalnum(c) != 0; }

// Tokens and sentences, an approximation of the text layer's.
void SplitText(std::string_view text, std::vector<Sentence>* out) {
  Sentence current;
  auto close = [&] {
    if (!current.empty()) out->push_back(std::move(current));
    current.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') close();
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    if (IsWordByte(c)) {
      while (j < text.size()) {
        const auto d = static_cast<unsigned char>(text[j]);
        const bool inner = (d == '.' || d == ',' || d == '\'') && j + 1 < text.size() &&
                           IsWordByte(static_cast<unsigned char>(text[j + 1]));
        if (d == '\'' && j + 2 <= text.size() && (text[j + 1] == 's' || text[j + 1] == 'S') &&
            (j + 2 == text.size() || !IsWordByte(static_cast<unsigned char>(text[j + 2])))) {
          break;  // Possessive "'s".
        }
        if (!IsWordByte(d) && !inner) break;
        ++j;
      }
    } else if (c == '\'' && j < text.size() && (text[j] == 's' || text[j] == 'S')) {
      ++j;
    }
    const std::string_view token = text.substr(i, j - i);
    if (!current.empty() && (current.back() == "." || current.back() == "!" ||
                             current.back() == "?") && std::isupper(c)) {
      close();
    }
    current.push_back(token);
    if (current.size() >= kMaxSentenceTokens) close();
    i = j;
  }
  close();
}

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

template <typename Fn>
double Time(double min_seconds, Fn&& fn) {
  double best = 1e300, total = 0;
  int passes = 0;
  while (total < min_seconds || passes < 2) {
    const double start = CpuSeconds();
    fn();
    const double elapsed = CpuSeconds() - start;
    best = std::min(best, elapsed);
    total += elapsed;
    ++passes;
  }
  return best;
}

long ResidentKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: nlp_bench GROUND_TRUTH_JSON [min-seconds]\n"
                 "  e.g. nlp_bench /work/shared/eval/article-extraction/ground-truth.json\n"
                 "  (a JSON object of {\"id\": {\"articleBody\": \"...\"}}; the bodies are the "
                 "corpus)\n");
    return 2;
  }
  const std::string path = argv[1];
  const double min_seconds = argc > 2 ? std::atof(argv[2]) : 3.0;
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "nlp_bench: cannot read %s\n", path.c_str());
    return 1;
  }
  const nlohmann::json truth = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (truth.is_discarded() || !truth.is_object()) {
    std::fprintf(stderr, "nlp_bench: %s is not a JSON object\n", path.c_str());
    return 1;
  }
  std::vector<std::string> corpus;
  std::size_t words = 0;
  for (const auto& [key, value] : truth.items()) {
    if (!value.is_object() || !value.contains("articleBody") || !value["articleBody"].is_string())
      continue;
    corpus.push_back(newsx::extract::NormalizeText(value["articleBody"].get<std::string>()));
    words += CountWords(corpus.back());
  }

  const long rss_before = ResidentKb();
  const auto load_start = Clock::now();
  std::string pos_bytes, dep_bytes;
  if (argc > 4) {
    for (auto [file, bytes] : {std::pair{argv[3], &pos_bytes}, std::pair{argv[4], &dep_bytes}}) {
      std::ifstream model(file, std::ios::binary);
      if (!model) {
        std::fprintf(stderr, "nlp_bench: cannot read %s\n", file);
        return 1;
      }
      bytes->assign(std::istreambuf_iterator<char>(model), std::istreambuf_iterator<char>());
    }
  }
  auto models = argc > 4 ? newsx::extract::nlp::LanguageModels::Load(pos_bytes, dep_bytes)
                         : newsx::extract::nlp::LanguageModels::LoadBuiltin();
  const double load_s = std::chrono::duration<double>(Clock::now() - load_start).count();
  if (!models.ok()) {
    std::fprintf(stderr, "nlp_bench: %s\n", models.status().ToString().c_str());
    return 1;
  }
  const long rss_after = ResidentKb();

  std::vector<Sentence> sentences;
  for (const std::string& text : corpus) SplitText(text, &sentences);
  std::size_t tokens = 0;
  for (const Sentence& s : sentences) tokens += s.size();

  std::size_t sink = 0;
  newsx::extract::nlp::ParsedSentence parsed;
  const auto tokenize = [&] {
    std::vector<Sentence> out;
    for (const std::string& text : corpus) SplitText(text, &out);
    sink += out.size();
  };
  const auto tag = [&] {
    for (const Sentence& s : sentences) {
      (*models)->Tag(s, &parsed);
      sink += parsed.lemma_text.size();
    }
  };
  const auto analyze = [&] {
    for (const Sentence& s : sentences) {
      (*models)->Analyze(s, &parsed);
      sink += static_cast<std::size_t>(parsed.heads.empty() ? 0 : parsed.heads[0] + 1);
    }
  };
  analyze();  // Warm-up.
  double t_tokenize = 1e300, t_tag = 1e300, t_analyze = 1e300;
  for (int round = 0; round < kRounds; ++round) {
    t_tokenize = std::min(t_tokenize, Time(min_seconds / kRounds / 3, tokenize));
    t_tag = std::min(t_tag, Time(min_seconds / kRounds / 3, tag));
    t_analyze = std::min(t_analyze, Time(min_seconds / kRounds / 3, analyze));
  }
  const auto info = (*models)->info();
  std::printf("corpus: %zu articles, %zu words, %zu tokens, %zu sentences (%s)\n", corpus.size(),
              words, tokens, sentences.size(), path.c_str());
  std::printf("models: en-pos %.1f MB, en-dep %.1f MB; load %.3f s, +%.0f MB resident\n",
              static_cast<double>(info.tagger_bytes) / 1e6,
              static_cast<double>(info.parser_bytes) / 1e6, load_s,
              static_cast<double>(rss_after - rss_before) / 1024.0);
  const auto rate = [&](double t) { return static_cast<double>(words) / t; };
  std::printf("baseline tokenize+split:   %12.0f words/s\n", rate(t_tokenize));
  std::printf("tag+lemma:                 %12.0f words/s  (%.2fx baseline time)\n", rate(t_tag),
              t_tag / t_tokenize);
  std::printf("tag+lemma+parse:           %12.0f words/s  (%.2fx baseline time)\n",
              rate(t_analyze), t_analyze / t_tokenize);
  if (sink == 0) std::printf("(empty corpus)\n");
  return 0;
}
