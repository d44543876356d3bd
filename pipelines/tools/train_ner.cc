// newsx_train_ner: trains the name tagger shipped in models/en-ner.bin from
// the open corpora (../shared/corpora or any copy of that folder) and prints
// its scores on each corpus's test split.
//
//   newsx_train_ner CORPORA_DIR OUT_MODEL [--epochs N] [--sets a,b,...]
//   newsx_train_ner CORPORA_DIR --eval MODEL
//
// Sets: gum, wikigold, crossner, sec, re3d, btc, wnut (default: all but
// wnut, whose "emerging entities" annotation leaves most names untagged).
// Wikigold has no split: its documents are split 4:1, every fifth document
// held out for testing. Deterministic: the same inputs give the same bytes.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "newsx/extract/ner_training.h"

namespace {

using newsx::extract::NerCorpus;
using newsx::extract::NerCorpusFormat;

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

// Documents of a CoNLL file split at -DOCSTART- lines: every fifth to `test`.
void SplitDocuments(const std::string& text, std::string* train, std::string* test) {
  std::istringstream in(text);
  std::string line, doc;
  int index = 0;
  const auto flush = [&] {
    if (doc.empty()) return;
    (index % 5 == 4 ? *test : *train) += doc + "\n";
    ++index;
    doc.clear();
  };
  while (std::getline(in, line)) {
    if (line.rfind("-DOCSTART-", 0) == 0) {
      flush();
      continue;
    }
    doc += line + "\n";
  }
  flush();
}

std::vector<std::string> FirstColumn(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line.substr(0, line.find('\t')));
  }
  return out;
}

struct Set {
  std::string name;
  std::vector<std::string> train;  // Files under CORPORA_DIR.
  std::string test;
  NerCorpusFormat format;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: newsx_train_ner CORPORA_DIR OUT_MODEL [--epochs N] [--sets a,b]\n"
                 "       newsx_train_ner CORPORA_DIR --eval MODEL\n";
    return 2;
  }
  const std::string dir = argv[1];
  std::string out_path, eval_path, sets_arg = "gum,wikigold,crossner,sec,re3d,btc";
  newsx::extract::NerTrainOptions options;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--eval" && i + 1 < argc) {
      eval_path = argv[++i];
    } else if (a == "--epochs" && i + 1 < argc) {
      options.epochs = std::stoi(argv[++i]);
    } else if (a == "--show") {
      options.differences = [](const std::string& gold, const std::string& got) {
        std::cout << "gold: " << gold << "\ngot:  " << got << "\n\n";
      };
    } else if (a == "--sets" && i + 1 < argc) {
      sets_arg = argv[++i];
    } else if (out_path.empty() && a.rfind("--", 0) != 0) {
      out_path = a;
    } else {
      std::cerr << "newsx_train_ner: unknown argument " << a << "\n";
      return 2;
    }
  }
  const std::vector<Set> all = {
      {"gum", {"ud-english-gum/en_gum-ccby-train.conllu"}, "ud-english-gum/en_gum-ccby-test.conllu",
       NerCorpusFormat::kGumConllu},
      {"wikigold", {}, "", NerCorpusFormat::kConll},
      {"crossner", {"ner/crossner-politics/train.conll", "ner/crossner-politics/dev.conll"},
       "ner/crossner-politics/test.conll", NerCorpusFormat::kConll},
      {"sec", {"ner/sec-filings/train.conll"}, "ner/sec-filings/test.conll", NerCorpusFormat::kConll},
      {"re3d", {"ner/re3d/train.conll"}, "ner/re3d/test.conll", NerCorpusFormat::kConll},
      {"btc", {"ner/btc/train.conll"}, "ner/btc/test.conll", NerCorpusFormat::kConll},
      {"wnut", {"ner/wnut17/train.conll"}, "ner/wnut17/test.conll", NerCorpusFormat::kConll},
  };
  std::vector<NerCorpus> train, test;
  for (const Set& s : all) {
    const bool selected = ("," + sets_arg + ",").find("," + s.name + ",") != std::string::npos;
    std::string content;
    if (s.name == "wikigold") {
      if (!ReadFile(dir + "/ner/wikigold/all.conll", &content)) {
        std::cerr << "newsx_train_ner: cannot read " << dir << "/ner/wikigold/all.conll\n";
        return 1;
      }
      NerCorpus tr{"wikigold (4/5)", "", NerCorpusFormat::kConll};
      NerCorpus te{"wikigold (1/5)", "", NerCorpusFormat::kConll};
      SplitDocuments(content, &tr.content, &te.content);
      if (selected) train.push_back(std::move(tr));
      test.push_back(std::move(te));
      continue;
    }
    if (selected) {
      for (const std::string& f : s.train) {
        NerCorpus c{f, "", s.format};
        if (!ReadFile(dir + "/" + f, &c.content)) {
          std::cerr << "newsx_train_ner: cannot read " << dir << "/" << f << "\n";
          return 1;
        }
        train.push_back(std::move(c));
      }
    }
    NerCorpus c{s.test, "", s.format};
    if (!ReadFile(dir + "/" + s.test, &c.content)) {
      std::cerr << "newsx_train_ner: cannot read " << dir << "/" << s.test << "\n";
      return 1;
    }
    test.push_back(std::move(c));
  }
  std::string names;
  if (ReadFile(dir + "/gazetteers/first_names.tsv", &names)) options.first_names = FirstColumn(names);
  std::string companies;
  if (ReadFile(dir + "/gazetteers/companies.tsv", &companies))
    options.company_words = FirstColumn(companies);
  // Common words: forms the treebanks write in lower case at least twice,
  // as any part of speech but a proper noun.
  {
    std::map<std::string, int> counts;
    for (const char* f : {"ud-english-ewt/en_ewt-ud-train.conllu",
                          "ud-english-gum/en_gum-ccby-train.conllu"}) {
      std::string conllu;
      if (!ReadFile(dir + "/" + f, &conllu)) {
        std::cerr << "newsx_train_ner: cannot read " << dir << "/" << f << "\n";
        return 1;
      }
      std::istringstream in(conllu);
      std::string line;
      while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::istringstream fields(line);
        std::string col;
        while (std::getline(fields, col, '\t')) cols.push_back(col);
        if (cols.size() < 4 || cols[3] == "PROPN" || cols[1].empty()) continue;
        const char c = cols[1][0];
        if (c >= 'a' && c <= 'z') ++counts[cols[1]];
      }
    }
    for (const auto& [word, count] : counts) {
      if (count >= 2) options.common_words.push_back(word);
    }
  }
  options.progress = [](const std::string& line) { std::cerr << "  " << line << "\n"; };

  std::string model;
  if (!eval_path.empty()) {
    if (!ReadFile(eval_path, &model)) {
      std::cerr << "newsx_train_ner: cannot read " << eval_path << "\n";
      return 1;
    }
  } else {
    auto trained = newsx::extract::TrainNerModel(train, options);
    if (!trained.ok()) {
      std::cerr << "newsx_train_ner: " << trained.status().message() << "\n";
      return 1;
    }
    model = std::move(trained).value();
    std::ofstream out(out_path, std::ios::binary);
    out << model;
    if (!out) {
      std::cerr << "newsx_train_ner: cannot write " << out_path << "\n";
      return 1;
    }
    std::cerr << "wrote " << out_path << " (" << model.size() << " bytes)\n";
  }
  std::printf("%-24s %-5s %6s %6s %6s  %5s %5s %5s\n", "test set", "type", "gold", "pred", "right",
              "P", "R", "F1");
  for (const NerCorpus& c : test) {
    auto scores = newsx::extract::EvaluateNerModel(model, c, options);
    if (!scores.ok()) {
      std::cerr << "newsx_train_ner: " << scores.status().message() << "\n";
      return 1;
    }
    for (const auto& s : *scores) {
      std::printf("%-24s %-5s %6zu %6zu %6zu  %.3f %.3f %.3f\n", c.name.c_str(), s.type.c_str(),
                  s.gold, s.predicted, s.correct, s.precision(), s.recall(), s.f1());
    }
  }
  return 0;
}
