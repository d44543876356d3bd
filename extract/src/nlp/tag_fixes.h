#pragma once

// Corrections of the tagger's output by rules the word-by-word model
// cannot learn from its window. Applied wherever tags are made (the
// analysis and the treebank evaluation), so the figures measure them.

#include <cstdint>
#include <span>
#include <string_view>

#include "nlp/tag_set.h"

namespace newsx::extract::nlp {

// "go into building five plants", "by acquiring the firm": a lower-case
// noun in -ing right after a preposition and right before a determiner,
// numeral or possessive pronoun is a gerund with its object (the tagger
// takes the frequent noun "building", and the parser then loses the
// object). `tags` are ids of `set`, one per word.
void FixGerunds(std::span<const std::string_view> words, const TagSet& set,
                std::span<std::uint16_t> tags);

}  // namespace newsx::extract::nlp
