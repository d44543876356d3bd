// The shipped language models (models/*.bin, compiled in): they load, score
// above floors on held-out treebank sentences, produce the parses events
// need, and stay sound on hostile input.

#include "newsx/extract/language_models.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "newsx/extract/nlp_training.h"

namespace newsx::extract::nlp {
namespace {

const LanguageModels& Models() {
  static const std::unique_ptr<LanguageModels> models = [] {
    auto loaded = LanguageModels::LoadBuiltin();
    REQUIRE(loaded.ok());
    return std::move(loaded).value();
  }();
  return *models;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string_view> Split(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

struct Parsed {
  std::vector<std::string_view> words;
  ParsedSentence s;
  int Find(std::string_view word) const {
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (words[i] == word) return static_cast<int>(i);
    }
    FAIL("no word " << word);
    return -1;
  }
  std::string_view Label(std::string_view word) const {
    return Models().LabelName(s.labels[static_cast<std::size_t>(Find(word))]);
  }
  int Head(std::string_view word) const { return s.heads[static_cast<std::size_t>(Find(word))]; }
};

Parsed Analyze(std::string_view text) {
  Parsed p;
  p.words = Split(text);
  Models().Analyze(p.words, &p.s);
  return p;
}

// Every word has a head in range or is the one root, and following heads
// from any word reaches the root.
void CheckTree(const ParsedSentence& s) {
  const auto n = static_cast<std::int32_t>(s.size());
  REQUIRE(s.heads.size() == s.size());
  REQUIRE(s.labels.size() == s.size());
  REQUIRE(s.lemma_ends.size() == s.size());
  int roots = 0;
  for (std::int32_t i = 0; i < n; ++i) {
    const std::int32_t h = s.heads[static_cast<std::size_t>(i)];
    REQUIRE(h >= -1);
    REQUIRE(h < n);
    REQUIRE(h != i);
    roots += h == -1;
  }
  REQUIRE(roots == (n == 0 ? 0 : 1));
  for (std::int32_t i = 0; i < n; ++i) {
    std::int32_t k = i, steps = 0;
    while (k >= 0 && steps <= n) k = s.heads[static_cast<std::size_t>(k)], ++steps;
    REQUIRE(k == -1);
  }
}

TEST_CASE("The built-in language models load", "[extract][nlp]") {
  const LanguageModelsInfo info = Models().info();
  CHECK(info.tagger_bytes > 0);
  CHECK(info.parser_bytes > 0);
  CHECK(info.tags >= kUposCount);
  CHECK(info.labels >= 40);
  for (const char* label : {"root", "nsubj", "nsubj:pass", "obj", "obl", "obl:agent", "xcomp",
                            "acl:relcl", "conj", "cc", "compound:prt", "case", "appos"}) {
    INFO(label);
    const std::uint16_t id = Models().LabelId(label);
    REQUIRE(id != LanguageModels::kNoLabel);
    CHECK(Models().LabelName(id) == label);
  }
  CHECK(Models().LabelId("no-such-label") == LanguageModels::kNoLabel);
  CHECK(Models().LabelName(60000).empty());
}

TEST_CASE("Language models score above floors on held-out EWT sentences", "[extract][nlp]") {
  // Every tenth sentence of EWT test (fixtures/extract/nlp/README.md).
  const std::string conllu = ReadFile(std::string(NEWSX_FIXTURES_DIR) + "/extract/nlp/ewt-test-sample.conllu");
  struct Gold {
    std::string form, lemma, upos;
    int head;
    std::string deprel;
  };
  std::vector<std::vector<Gold>> sentences(1);
  std::istringstream lines(conllu);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) {
      if (!sentences.back().empty()) sentences.emplace_back();
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string> cols;
    std::istringstream fields(line);
    for (std::string c; std::getline(fields, c, '\t');) cols.push_back(c);
    REQUIRE(cols.size() == 10);
    if (cols[0].find_first_of("-.") != std::string::npos) continue;
    sentences.back().push_back(Gold{cols[1], cols[2], cols[3], std::stoi(cols[6]) - 1, cols[7]});
  }
  if (sentences.back().empty()) sentences.pop_back();
  REQUIRE(sentences.size() == 200);

  std::size_t words = 0, upos = 0, lemma = 0, uas = 0, las = 0;
  ParsedSentence s;
  for (const std::vector<Gold>& gold : sentences) {
    std::vector<std::string_view> forms;
    for (const Gold& g : gold) forms.push_back(g.form);
    Models().Analyze(forms, &s);
    CheckTree(s);
    for (std::size_t i = 0; i < gold.size(); ++i) {
      ++words;
      upos += UposName(s.tags[i]) == gold[i].upos;
      lemma += s.lemma(i) == gold[i].lemma;
      if (s.heads[i] == gold[i].head) {
        ++uas;
        las += Models().LabelName(s.labels[i]) == gold[i].deprel;
      }
    }
  }
  const auto share = [&](std::size_t n) { return static_cast<double>(n) / static_cast<double>(words); };
  INFO("UPOS " << share(upos) << " lemma " << share(lemma) << " UAS " << share(uas) << " LAS "
               << share(las));
  CHECK(share(upos) > 0.93);
  CHECK(share(lemma) > 0.94);
  CHECK(share(uas) > 0.82);
  CHECK(share(las) > 0.77);
}

TEST_CASE("EvaluateModels scores model files against CoNLL-U", "[extract][nlp]") {
  const std::string pos = ReadFile(std::string(NEWSX_MODELS_DIR) + "/en-pos.bin");
  const std::string dep = ReadFile(std::string(NEWSX_MODELS_DIR) + "/en-dep.bin");
  const std::string conllu = ReadFile(std::string(NEWSX_FIXTURES_DIR) + "/extract/nlp/ewt-test-sample.conllu");
  auto e = EvaluateModels(pos, dep, conllu, EvaluationOptions{});
  REQUIRE(e.ok());
  CHECK(e->sentences == 200);
  CHECK(e->parsed);
  CHECK(e->upos > 0.93);
  CHECK(e->uas > 0.82);
  CHECK(e->las <= e->uas);
  CHECK(!EvaluateModels(pos, dep, "1\tx\n", EvaluationOptions{}).ok());
}

TEST_CASE("Passives get nsubj:pass and an obl agent with 'by'", "[extract][nlp]") {
  const Parsed p = Analyze("Imports were approved by Beijing .");
  CheckTree(p.s);
  const int verb = p.Find("approved");
  CHECK(p.Head("approved") == -1);
  CHECK(p.Head("Imports") == verb);
  CHECK(p.Label("Imports") == "nsubj:pass");
  CHECK(p.Label("were") == "aux:pass");
  CHECK(p.Head("Beijing") == verb);
  CHECK(p.Label("Beijing").substr(0, 3) == "obl");
  CHECK(p.Head("by") == p.Find("Beijing"));
  CHECK(p.Label("by") == "case");
  CHECK(p.s.lemma(static_cast<std::size_t>(verb)) == "approve");
  CHECK(p.s.tags[static_cast<std::size_t>(p.Find("Beijing"))] == Upos::kPropn);
}

TEST_CASE("Control verbs take an xcomp", "[extract][nlp]") {
  const Parsed p = Analyze("Micron plans to invest $ 200 billion in Idaho .");
  CheckTree(p.s);
  CHECK(p.Head("plans") == -1);
  CHECK(p.Label("Micron") == "nsubj");
  CHECK(p.Head("invest") == p.Find("plans"));
  CHECK(p.Label("invest") == "xcomp");
  CHECK(p.Label("to") == "mark");
  CHECK(p.Head("$") == p.Find("invest"));
  CHECK(p.Label("$") == "obj");
  CHECK(p.s.lemma(static_cast<std::size_t>(p.Find("plans"))) == "plan");
}

TEST_CASE("Relative clauses attach to their noun as acl:relcl", "[extract][nlp]") {
  const Parsed p = Analyze("Micron , which makes chips , said it would expand .");
  CheckTree(p.s);
  CHECK(p.Head("makes") == p.Find("Micron"));
  CHECK(p.Label("makes") == "acl:relcl");
  CHECK(p.Label("which") == "nsubj");
  CHECK(p.Head("Micron") == p.Find("said"));
  CHECK(p.Label("expand") == "ccomp");
}

TEST_CASE("Coordination: conj on the second conjunct, cc on its conjunction", "[extract][nlp]") {
  const Parsed p = Analyze("Samsung and Intel announced new factories in Ohio and Texas .");
  CheckTree(p.s);
  CHECK(p.Head("Intel") == p.Find("Samsung"));
  CHECK(p.Label("Intel") == "conj");
  CHECK(p.Head("and") == p.Find("Intel"));
  CHECK(p.Label("and") == "cc");
  CHECK(p.Head("Texas") == p.Find("Ohio"));
  CHECK(p.Label("Samsung") == "nsubj");
}

TEST_CASE("Lemmas of inflected verbs and nouns", "[extract][nlp]") {
  const Parsed p = Analyze(
      "The board approved the deal , which approves investments that companies said invests "
      "in chips while approving plans .");
  const auto lemma = [&](std::string_view w) { return p.s.lemma(static_cast<std::size_t>(p.Find(w))); };
  CHECK(lemma("approved") == "approve");
  CHECK(lemma("approves") == "approve");
  CHECK(lemma("approving") == "approve");
  CHECK(lemma("invests") == "invest");
  CHECK(lemma("companies") == "company");
  CHECK(lemma("investments") == "investment");
  CHECK(lemma("The") == "the");
}

TEST_CASE("Headlines in capitals still get verbs and nouns", "[extract][nlp]") {
  const Parsed p = Analyze("MICRON PLANS TO INVEST $ 200 BILLION IN NEW CHIP FACTORIES");
  CheckTree(p.s);
  CHECK(p.s.tags[static_cast<std::size_t>(p.Find("INVEST"))] == Upos::kVerb);
  CHECK(p.s.lemma(static_cast<std::size_t>(p.Find("FACTORIES"))) == "factory");
}

TEST_CASE("Language models stay sound on hostile input", "[extract][nlp]") {
  ParsedSentence s;
  SECTION("empty") {
    Models().Analyze({}, &s);
    CHECK(s.size() == 0);
    CheckTree(s);
  }
  SECTION("5,000 tokens") {
    const std::vector<std::string_view> base = Split("the firm said , and it plans to buy 3 more of them (");
    std::vector<std::string_view> words;
    while (words.size() < 5000) words.insert(words.end(), base.begin(), base.end());
    Models().Analyze(words, &s);
    CHECK(s.size() == words.size());
    CheckTree(s);
  }
  SECTION("10,000 capitalized words") {
    std::vector<std::string> storage;
    for (int i = 0; i < 10000; ++i) storage.push_back("Word" + std::to_string(i % 97));
    std::vector<std::string_view> words(storage.begin(), storage.end());
    Models().Analyze(words, &s);
    CheckTree(s);
  }
  SECTION("mixed scripts, invalid UTF-8, huge and odd tokens") {
    const std::string huge(1 << 20, 'a');
    const std::vector<std::string_view> words = {
        "\xe4\xb8\xad\xe5\x9b\xbd", "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0",
        "\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd9\x87\xd8\xb1\xd8\xa9", "\xf0\x9f\x98\x80",
        "\xff\xfe", "\xe4\xb8", "", huge, "https", ":", "/", "/", "example.com", "1,234.5",
        "U.S.", "don't", std::string_view("\0x", 2)};
    Models().Analyze(words, &s);
    CheckTree(s);
    CHECK(s.lemma(7).size() == huge.size());
  }
  SECTION("Parse without Tag tags first") {
    const std::vector<std::string_view> words = Split("Chips were shipped .");
    s = ParsedSentence();
    Models().Parse(words, &s);
    CheckTree(s);
  }
}

TEST_CASE("Load rejects bytes that are not matching models", "[extract][nlp]") {
  const std::string pos = ReadFile(std::string(NEWSX_MODELS_DIR) + "/en-pos.bin");
  const std::string dep = ReadFile(std::string(NEWSX_MODELS_DIR) + "/en-dep.bin");
  CHECK(LanguageModels::Load(pos, dep).ok());
  CHECK(!LanguageModels::Load(dep, pos).ok());
  CHECK(!LanguageModels::Load("", "").ok());
  CHECK(!LanguageModels::Load(pos.substr(0, pos.size() / 2), dep).ok());
  CHECK(!LanguageModels::Load(pos, dep.substr(0, dep.size() - 1)).ok());
  std::string garbage = pos;
  for (std::size_t i = 40; i < garbage.size(); i += 997) garbage[i] = static_cast<char>(garbage[i] ^ 0x5a);
  auto loaded = LanguageModels::Load(garbage, dep);  // May load: then it must still be sound.
  if (loaded.ok()) {
    ParsedSentence s;
    (*loaded)->Analyze(Split("Garbage in , a tree out ."), &s);
    CheckTree(s);
  }
}

TEST_CASE("A noun in -ing between a preposition and its object is a gerund", "[extract][nlp]") {
  // The tagger alone reads "building" as the frequent noun, which the
  // parser makes the object of "into", leaving "five plants" apart; as a
  // verb it modifies the phrase "into" governs.
  const Parsed p = Analyze("The money will go into building five plants in Ohio .");
  CHECK(p.s.tags[static_cast<std::size_t>(p.Find("building"))] == Upos::kVerb);
  CHECK(p.Head("into") == p.Find("plants"));
  const Parsed noun = Analyze("The building has five floors .");
  CHECK(noun.s.tags[static_cast<std::size_t>(noun.Find("building"))] == Upos::kNoun);
}

}  // namespace
}  // namespace newsx::extract::nlp
