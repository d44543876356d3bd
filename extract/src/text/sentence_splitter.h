#pragma once

#include <cstdint>

#include "text/tokenizer.h"

namespace newsx::extract::text {

// Sentences longer than this are cut, so that the tagger, parser and event
// rules stay linear in the text's length whatever the input.
inline constexpr std::uint32_t kMaxSentenceTokens = 160;

// Fills t->sentences from t->tokens: a sentence ends at a paragraph start,
// at ". ! ?" (and closing quotes or brackets after them) before a word that
// can start a sentence, unless the full stop ends an abbreviation or an
// initial ("Mr.", "Jan.", "Donald J. Trump"), and after kMaxSentenceTokens
// tokens. REQUIRES: t->tokens made by Tokenize() over t->text.
void SplitSentences(TokenizedText* t);

}  // namespace newsx::extract::text
