// newsx_train: trains the language models (tagger + lemmatizer, parser)
// from the UD English treebanks and scores them on the test splits. See
// docs/models.md.
//
//   newsx_train CORPORA_DIR [--out models] [--only tagger|parser|eval]
//               [--folds 10] [--seed 1] [--tagger-epochs N] [--parser-epochs N]
//               [--jackknife-cache FILE]
//
// CORPORA_DIR holds ud-english-ewt/ and ud-english-gum/. Training reads
// EWT train + GUM train, chooses epochs on EWT dev + GUM dev, and writes
// OUT/en-pos.bin and OUT/en-dep.bin; then it prints UPOS/XPOS/lemma
// accuracy and UAS/LAS on EWT test and GUM test. --only eval scores the
// existing files.

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "newsx/extract/nlp_training.h"

namespace {

using newsx::extract::nlp::Evaluation;
using newsx::extract::nlp::EvaluationOptions;

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

bool WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

// Key of a jackknife cache: the tagger model and the options the tags
// depend on (FNV-1a; the cache is a developer aid on one machine).
std::uint64_t CacheKey(const std::string& pos_model,
                       const newsx::extract::nlp::TrainingOptions& o) {
  std::uint64_t h = 1469598103934665603ULL;
  const auto add = [&h](std::string_view bytes) {
    for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  };
  add(pos_model);
  add(std::to_string(o.jackknife_folds) + "/" + std::to_string(o.seed) + "/" +
      std::to_string(o.augment) + "/" + std::to_string(o.tagger_max_epochs) + "/" +
      std::to_string(o.tagger_epochs) + "/" + std::to_string(o.tagger_prune));
  return h;
}

using TagLists = std::vector<std::vector<std::uint16_t>>;

// The cached tags for `key`, or empty.
TagLists ReadTagCache(const std::string& path, std::uint64_t key) {
  std::string bytes;
  TagLists out;
  if (!ReadFile(path, &bytes) || bytes.size() < 16) return out;
  std::uint64_t stored = 0, count = 0;
  std::memcpy(&stored, bytes.data(), 8);
  std::memcpy(&count, bytes.data() + 8, 8);
  if (stored != key) return out;
  std::size_t at = 16;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint32_t n = 0;
    if (at + 4 > bytes.size()) return {};
    std::memcpy(&n, bytes.data() + at, 4);
    at += 4;
    if (at + 2ull * n > bytes.size()) return {};
    std::vector<std::uint16_t> tags(n);
    if (n > 0) std::memcpy(tags.data(), bytes.data() + at, 2ull * n);
    at += 2ull * n;
    out.push_back(std::move(tags));
  }
  return out;
}

std::string TagCacheBytes(const TagLists& tags, std::uint64_t key) {
  std::string bytes(16, '\0');
  const std::uint64_t count = tags.size();
  std::memcpy(bytes.data(), &key, 8);
  std::memcpy(bytes.data() + 8, &count, 8);
  for (const std::vector<std::uint16_t>& t : tags) {
    const auto n = static_cast<std::uint32_t>(t.size());
    bytes.append(reinterpret_cast<const char*>(&n), 4);
    bytes.append(reinterpret_cast<const char*>(t.data()), 2ull * n);
  }
  return bytes;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"newsx_train: train the tagger, lemmatizer and parser on UD English EWT + GUM"};
  std::string corpora, out_dir = "models", only, jackknife_cache;
  newsx::extract::nlp::TrainingOptions options;
  app.add_option("corpora", corpora, "Folder with ud-english-ewt/ and ud-english-gum/")->required();
  app.add_option("--out", out_dir, "Folder for en-pos.bin and en-dep.bin (default models)");
  app.add_option("--only", only, "Train only the tagger or the parser, or only evaluate")
      ->check(CLI::IsMember({"tagger", "parser", "eval"}));
  app.add_option("--folds", options.jackknife_folds, "Jackknifing folds for the parser's tags");
  app.add_option("--seed", options.seed, "Random seed");
  app.add_option("--tagger-epochs", options.tagger_epochs, "Fixed tagger epochs (0: chosen on dev)");
  app.add_option("--parser-epochs", options.parser_epochs, "Fixed parser epochs (0: chosen on dev)");
  app.add_option("--tagger-max-epochs", options.tagger_max_epochs, "Most tagger epochs");
  app.add_option("--parser-max-epochs", options.parser_max_epochs, "Most parser epochs");
  app.add_option("--tagger-prune", options.tagger_prune, "Drop tagger weights below this");
  app.add_option("--parser-prune", options.parser_prune, "Drop parser weights below this");
  app.add_option("--jackknife-cache", jackknife_cache,
                 "Developer aid: keep the parser's jackknifed tags in this file and reuse them "
                 "while the tagger model and options are the same");
  CLI11_PARSE(app, argc, argv);
  options.log = [](std::string_view line) {
    std::cerr << line << "\n";
  };

  const std::string ewt = corpora + "/ud-english-ewt/en_ewt-ud-";
  const std::string gum = corpora + "/ud-english-gum/en_gum-ccby-";
  std::string ewt_train, ewt_dev, ewt_test, gum_train, gum_dev, gum_test;
  for (auto [path, text] : {std::pair{ewt + "train.conllu", &ewt_train},
                            std::pair{ewt + "dev.conllu", &ewt_dev},
                            std::pair{ewt + "test.conllu", &ewt_test},
                            std::pair{gum + "train.conllu", &gum_train},
                            std::pair{gum + "dev.conllu", &gum_dev},
                            std::pair{gum + "test.conllu", &gum_test}}) {
    if (!ReadFile(path, text)) {
      std::cerr << "newsx_train: cannot read " << path << "\n";
      return 1;
    }
  }
  const std::vector<std::string_view> train = {ewt_train, gum_train};
  const std::vector<std::string_view> dev = {ewt_dev, gum_dev};
  const std::string pos_path = out_dir + "/en-pos.bin", dep_path = out_dir + "/en-dep.bin";

  // Trains one model with `train_fn` and writes it to `path`; false (and
  // a message) on failure.
  const auto train_model = [](const std::string& path, std::string* bytes, auto&& train_fn) {
    const auto start = std::chrono::steady_clock::now();
    auto model = train_fn();
    if (!model.ok()) {
      std::cerr << "newsx_train: " << model.status().ToString() << "\n";
      return false;
    }
    *bytes = *model;
    if (!WriteFile(path, *bytes)) {
      std::cerr << "newsx_train: cannot write " << path << "\n";
      return false;
    }
    std::cerr << "wrote " << path << " (" << bytes->size() << " bytes) in " << Seconds(start)
              << " s\n";
    return true;
  };
  std::string pos_model, dep_model;
  if (only.empty() || only == "tagger") {
    if (!train_model(pos_path, &pos_model, [&] {
          return newsx::extract::nlp::TrainTaggerModel(train, dev, options);
        })) {
      return 1;
    }
  } else if (!ReadFile(pos_path, &pos_model)) {
    std::cerr << "newsx_train: cannot read " << pos_path << "\n";
    return 1;
  }
  if (only.empty() || only == "parser") {
    TagLists cached;
    const std::uint64_t key = CacheKey(pos_model, options);
    if (!jackknife_cache.empty()) {
      cached = ReadTagCache(jackknife_cache, key);
      if (!cached.empty()) {
        std::cerr << "jackknifed tags from " << jackknife_cache << "\n";
        options.jackknife_tags = &cached;
      }
      options.on_jackknife = [&](const TagLists& tags) {
        if (!WriteFile(jackknife_cache, TagCacheBytes(tags, key))) {
          std::cerr << "newsx_train: cannot write " << jackknife_cache << "\n";
        }
      };
    }
    if (!train_model(dep_path, &dep_model, [&] {
          return newsx::extract::nlp::TrainParserModel(train, dev, pos_model, options);
        })) {
      return 1;
    }
  } else if (!ReadFile(dep_path, &dep_model)) {
    dep_model.clear();  // Tagger only.
  }

  std::printf("%-22s %8s %7s %7s %7s %7s %7s %8s\n", "test set", "words", "UPOS", "XPOS",
              "lemma", "UAS", "LAS", "LAS-full");
  for (auto [name, text] : {std::pair{"EWT test", std::string_view(ewt_test)},
                            std::pair{"GUM test", std::string_view(gum_test)}}) {
    for (const bool newsx_tokens : {false, true}) {
      auto e = newsx::extract::nlp::EvaluateModels(pos_model, dep_model, text,
                                                   EvaluationOptions{.newsx_tokens = newsx_tokens});
      if (!e.ok()) {
        std::cerr << "newsx_train: " << e.status().ToString() << "\n";
        return 1;
      }
      const std::string label = std::string(name) + (newsx_tokens ? " (newsx tokens)" : "");
      std::printf("%-22s %8zu %7.4f %7.4f %7.4f %7.4f %7.4f %8.4f\n", label.c_str(), e->words,
                  e->upos, e->xpos, e->lemma, e->uas, e->las, e->las_full);
    }
  }
  return 0;
}
