#pragma once

#include "text/tokenizer.h"

namespace newsx::extract::text {

// True when the tokenized text reads as English: at least 1 in 25 of its
// words is one of the commonest English function words ("the", "of",
// "and", "to", "in" ...), which running English text has at about 1 in 3
// and other languages almost never (Spanish "de", German "die" are not in
// the list). Texts of fewer than kMinWordsToJudge words (headlines,
// captions) are given the benefit of the doubt. The English stages
// (entities, quantities, dates, events) run only on such texts until other
// languages get models.
inline constexpr int kMinWordsToJudge = 25;
bool LooksEnglish(const TokenizedText& t);

}  // namespace newsx::extract::text
