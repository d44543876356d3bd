// LanguageModels (language_models.h): the tagger, lemmatizer and parser
// behind one immutable, shareable object.

#include "newsx/extract/language_models.h"

#include "nlp/builtin_models.h"
#include "nlp/dep_parser.h"
#include "nlp/hashing.h"
#include "nlp/pos_tagger.h"
#include "nlp/tag_fixes.h"
#include "nlp/word_atoms.h"

namespace newsx::extract::nlp {

struct LanguageModels::Impl {
  PosTagger tagger;
  DepParser parser;
  std::size_t pos_bytes = 0, dep_bytes = 0;
  // Joint tag of (UPOS, XPOS): index upos * num_xpos + xpos.
  std::vector<std::uint16_t> joint;

  void TagWith(std::span<const std::string_view> words, std::span<const WordAtoms> atoms,
               ParsedSentence* out, std::span<const std::uint8_t> names = {}) const;
  void ParseWith(std::span<const std::uint64_t> lower, ParsedSentence* out) const;
};

namespace {

void Compute(std::span<const std::string_view> words, std::vector<WordAtoms>* atoms) {
  atoms->resize(words.size());
  std::string scratch;
  ComputeWordAtoms(words, &scratch, *atoms);
}

}  // namespace

void LanguageModels::Impl::TagWith(std::span<const std::string_view> words,
                                   std::span<const WordAtoms> atoms, ParsedSentence* out,
                                   std::span<const std::uint8_t> names) const {
  const std::size_t n = words.size();
  std::vector<std::uint16_t> tags(n);
  tagger.Tag(atoms, ClassifySentenceCase(atoms, words), tags, names);
  const TagSet& set = tagger.tags();
  FixGerunds(words, set, tags);
  out->tags.resize(n);
  out->xpos.resize(n);
  out->heads.clear();
  out->labels.clear();
  out->lemma_text.clear();
  out->lemma_ends.resize(n);
  std::string scratch;
  for (std::size_t i = 0; i < n; ++i) {
    out->tags[i] = set.upos(tags[i]);
    out->xpos[i] = set.xpos(tags[i]);
    tagger.lemmatizer().Lemmatize(words[i], out->xpos[i], &scratch, &out->lemma_text);
    out->lemma_ends[i] = static_cast<std::uint32_t>(out->lemma_text.size());
  }
}

void LanguageModels::Impl::ParseWith(std::span<const std::uint64_t> lower,
                                     ParsedSentence* out) const {
  const std::size_t n = lower.size();
  const std::size_t num_xpos = tagger.tags().num_xpos();
  std::vector<std::uint16_t> tags(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t key = static_cast<std::size_t>(out->tags[i]) * num_xpos + out->xpos[i];
    tags[i] = key < joint.size() ? joint[key] : 0;
  }
  out->heads.resize(n);
  out->labels.resize(n);
  ParseState state;
  parser.Parse(ParserInput{lower, tags}, &state, out->heads, out->labels);
}

LanguageModels::LanguageModels(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LanguageModels::~LanguageModels() = default;

Result<std::unique_ptr<LanguageModels>> LanguageModels::Load(std::string_view pos_model,
                                                             std::string_view dep_model) {
  auto impl = std::make_unique<Impl>();
  NEWSX_ASSIGN_OR_RETURN(impl->tagger, PosTagger::Deserialize(pos_model));
  NEWSX_ASSIGN_OR_RETURN(impl->parser, DepParser::Deserialize(dep_model));
  if (impl->parser.tag_set_id() != impl->tagger.tags().Fingerprint()) {
    return Status(StatusCode::kInvalidArgument,
                  "the parser model was trained with another tagger model");
  }
  impl->pos_bytes = pos_model.size();
  impl->dep_bytes = dep_model.size();
  const TagSet& set = impl->tagger.tags();
  // Pairs the tagger never predicts (only callers' edits make them) map to
  // the most frequent tag with the same XPOS (tag ids are in frequency
  // order), else to tag 0.
  const std::size_t num_xpos = set.num_xpos();
  constexpr std::uint16_t kUnset = 0xFFFF;
  impl->joint.assign(static_cast<std::size_t>(kUposCount) * num_xpos, kUnset);
  std::vector<std::uint16_t> by_xpos(num_xpos, 0);
  for (std::size_t t = set.size(); t-- > 0;) by_xpos[set.xpos(t)] = static_cast<std::uint16_t>(t);
  for (std::size_t t = set.size(); t-- > 0;) {
    impl->joint[static_cast<std::size_t>(set.upos(t)) * num_xpos + set.xpos(t)] =
        static_cast<std::uint16_t>(t);
  }
  for (std::size_t k = 0; k < impl->joint.size(); ++k) {
    if (impl->joint[k] == kUnset) impl->joint[k] = by_xpos[k % num_xpos];
  }
  return std::unique_ptr<LanguageModels>(new LanguageModels(std::move(impl)));
}

Result<std::unique_ptr<LanguageModels>> LanguageModels::LoadBuiltin() {
  const std::span<const EmbeddedFile> files = BuiltinModelFiles();
  if (files.size() != 2) return Status(StatusCode::kInternal, "built-in models missing");
  return Load(files[0].content, files[1].content);
}

void LanguageModels::Tag(std::span<const std::string_view> words, ParsedSentence* out) const {
  std::vector<WordAtoms> atoms;
  Compute(words, &atoms);
  impl_->TagWith(words, atoms, out);
}

void LanguageModels::Parse(std::span<const std::string_view> words, ParsedSentence* inout) const {
  if (inout->tags.size() != words.size() || inout->xpos.size() != words.size()) {
    Tag(words, inout);  // The REQUIRES broken: tag rather than read out of bounds.
  }
  std::vector<std::uint64_t> lower(words.size());
  std::string scratch;
  for (std::size_t i = 0; i < words.size(); ++i) {
    scratch.clear();
    AppendNormalized(words[i], kFoldCase | kZeroDigits, &scratch);
    lower[i] = HashBytes(scratch);
  }
  impl_->ParseWith(lower, inout);
}

void LanguageModels::Analyze(std::span<const std::string_view> words, ParsedSentence* out,
                             std::span<const std::uint8_t> names) const {
  std::vector<WordAtoms> atoms;
  Compute(words, &atoms);
  impl_->TagWith(words, atoms, out, names.size() == words.size() ? names : std::span<const std::uint8_t>());
  std::vector<std::uint64_t> lower(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) lower[i] = atoms[i].lower;
  impl_->ParseWith(lower, out);
}

std::string_view LanguageModels::LabelName(std::uint16_t label) const {
  const std::vector<std::string>& labels = impl_->parser.labels();
  return label < labels.size() ? std::string_view(labels[label]) : std::string_view();
}

std::uint16_t LanguageModels::LabelId(std::string_view name) const {
  const std::vector<std::string>& labels = impl_->parser.labels();
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] == name) return static_cast<std::uint16_t>(i);
  }
  return kNoLabel;
}

std::size_t LanguageModels::num_labels() const { return impl_->parser.labels().size(); }

std::string_view LanguageModels::XposName(std::uint8_t xpos) const {
  return impl_->tagger.tags().xpos_name(xpos);
}

LanguageModelsInfo LanguageModels::info() const {
  LanguageModelsInfo i;
  i.tagger_bytes = impl_->pos_bytes;
  i.parser_bytes = impl_->dep_bytes;
  i.memory_bytes = impl_->tagger.bytes() + impl_->parser.bytes();
  i.tags = impl_->tagger.tags().size();
  i.labels = impl_->parser.labels().size();
  return i;
}

}  // namespace newsx::extract::nlp
