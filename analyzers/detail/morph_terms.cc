#include "analyzers/detail/morph_terms.h"

#include <algorithm>
#include <array>

namespace sinmun {
namespace {

// Nouns that glue into compounds with their neighbours.
constexpr PosTagSet kCompoundingNouns = {PosTag::kNNG, PosTag::kNNP, PosTag::kXR, PosTag::kSH, PosTag::kUnknown};
// Other content that stands alone: bound nouns, pronouns, numerals, Latin and numbers.
constexpr PosTagSet kOtherContent = {PosTag::kNNB, PosTag::kNNBC, PosTag::kNR, PosTag::kNP, PosTag::kSL, PosTag::kSN};
// Adverbs, general and conjunctive (mecab-ko-dic tags 오히려 MAJ).
constexpr PosTagSet kAdverbs = {PosTag::kMAG, PosTag::kMAJ};
// The plural suffix makes no new word: 사람들 is searched as 사람.
constexpr std::string_view kPluralSuffix = "들";
// Verb and adjective stems, indexed in their dictionary form.
constexpr PosTagSet kStems = {PosTag::kVV, PosTag::kVA};

std::size_t syllables(std::string_view utf8) {
  std::size_t count = 0;
  for (unsigned char c : utf8) count += (c & 0xC0) != 0x80;
  return count;
}

// One unit of a compound being built: a part term, or an affix (a prefix before the parts, a
// derivational suffix after them) that belongs to the whole only.
struct Unit {
  std::string text;
  std::size_t begin;
  std::size_t end;
  PosTag pos;
  std::string tags;
  bool is_part;
  // A user word's terms as the system dictionary reads it (see add_noun); empty otherwise.
  std::vector<PieceTerm> reading = {};
};

class TermBuilder {
 public:
  explicit TermBuilder(std::string_view text) : text_(text) {}

  void add_single(std::string term, std::size_t begin, std::size_t end, PosTag pos, std::string tags) {
    flush_compound();
    out_.push_back(
        {std::move(term), begin, end, next_position_++, 1, TokenRole::kWhole, kNoCompound, pos, std::move(tags)});
  }

  // A unit of a compound; it only joins the pending one when it touches it.
  void add_unit(Unit unit) {
    if (!units_.empty() && units_.back().end != unit.begin) flush_compound();
    if (!units_.empty() && !units_.back().is_part && !unit.is_part) flush_compound();
    units_.push_back(std::move(unit));
  }

  // True while a compound being built has a part (a suffix needs one to attach to).
  bool has_parts() const {
    return std::any_of(units_.begin(), units_.end(), [](const Unit& unit) { return unit.is_part; });
  }

  std::vector<PieceTerm> finish() {
    flush_compound();
    return std::move(out_);
  }

  void flush_compound() {
    if (units_.size() == 1 && !units_.front().reading.empty()) {
      flush_read_word();
      return;
    }
    std::vector<const Unit*> parts;
    for (const Unit& unit : units_) {
      if (unit.is_part) parts.push_back(&unit);
    }
    if (parts.empty()) {  // a prefix alone is not a term
      units_.clear();
      return;
    }
    const std::size_t begin = units_.front().begin;
    const std::size_t end = units_.back().end;
    std::uint32_t compound = kNoCompound;
    if (units_.size() > 1) {
      std::string tags;
      for (const Unit& unit : units_) tags += (tags.empty() ? "" : "+") + unit.tags;
      compound = static_cast<std::uint32_t>(out_.size());
      const TokenRole role = parts.size() == units_.size() ? TokenRole::kCompound : TokenRole::kAffixed;
      out_.push_back({std::string(text_.substr(begin, end - begin)), begin, end, next_position_,
                      static_cast<std::uint32_t>(parts.size()), role, kNoCompound, units_.front().pos,
                      std::move(tags)});
    }
    for (const Unit* part : parts) {
      const TokenRole role = compound == kNoCompound ? TokenRole::kWhole : TokenRole::kPart;
      out_.push_back({part->text, part->begin, part->end, next_position_++, 1, role, compound, part->pos, part->tags});
    }
    units_.clear();
  }

  // A user word alone: the word as a compound whose parts are its reading.
  void flush_read_word() {
    const Unit& word = units_.front();
    const auto compound = static_cast<std::uint32_t>(out_.size());
    out_.push_back({word.text, word.begin, word.end, next_position_, static_cast<std::uint32_t>(word.reading.size()),
                    TokenRole::kCompound, kNoCompound, word.pos, word.tags});
    for (const PieceTerm& part : word.reading) {
      out_.push_back(
          {part.term, part.begin, part.end, next_position_++, 1, TokenRole::kPart, compound, part.pos, part.tags});
    }
    units_.clear();
  }

 private:
  std::string_view text_;
  std::vector<Unit> units_;
  std::vector<PieceTerm> out_;
  std::uint32_t next_position_ = 0;
};

// The terms a word had before it was added to the user dictionary, each one position, offsets
// into the piece: the words and parts of the system dictionary's reading, not its compounds.
std::vector<PieceTerm> system_terms(const morph::Morpheme& m, std::string_view surface) {
  std::vector<PieceTerm> terms;
  if (m.system_reading.empty()) return terms;
  const std::vector<morph::Morpheme> reading(m.system_reading.begin(), m.system_reading.end());
  for (PieceTerm& term : content_terms(surface, reading)) {
    if (term.role != TokenRole::kWhole && term.role != TokenRole::kPart) continue;
    term.begin += m.begin;
    term.end += m.begin;
    terms.push_back(std::move(term));
  }
  // A reading that is the word itself adds nothing.
  if (terms.size() == 1 && terms[0].term == surface) terms.clear();
  return terms;
}

// Adds a dictionary noun, split into its expression parts when it is a compound of
// multi-syllable parts whose surfaces spell it out. A user word keeps the terms the system
// dictionary gave it as its parts (노란봉투법: 노랗, 봉투, 법), so that adding a word never
// loses a match its pieces made: a query or article that spells it apart (노란 봉투법), or
// names only a piece (한화에어로 of 한화에어로스페이스), still finds it.
void add_noun(TermBuilder& builder, const morph::Morpheme& m, std::string_view surface) {
  if (m.user) {
    builder.add_unit({std::string(surface), m.begin, m.end, m.tag, std::string(m.pos), true, system_terms(m, surface)});
    return;
  }
  if (morph::feature_field(m.feature, 4) == "Compound") {
    const std::vector<morph::ExpressionPart> parts = morph::expression_parts(m.feature);
    std::string spelled;
    bool all_long = !parts.empty();
    for (const morph::ExpressionPart& part : parts) {
      spelled += part.surface;
      all_long &= syllables(part.surface) >= 2;
    }
    if (all_long && spelled == surface) {
      std::size_t offset = m.begin;
      for (const morph::ExpressionPart& part : parts) {
        builder.add_unit({part.surface, offset, offset + part.surface.size(), parse_pos_tag(part.pos), part.pos, true});
        offset += part.surface.size();
      }
      return;
    }
  }
  builder.add_unit({std::string(surface), m.begin, m.end, m.tag, std::string(m.pos), true});
}

}  // namespace

std::vector<PieceTerm> content_terms(std::string_view piece_text, const std::vector<morph::Morpheme>& morphemes) {
  TermBuilder builder(piece_text);
  for (const morph::Morpheme& m : morphemes) {
    const std::string_view surface = piece_text.substr(m.begin, m.end - m.begin);
    if (kCompoundingNouns.contains(m.tag)) {
      add_noun(builder, m, surface);
    } else if (m.tag == PosTag::kXPN) {
      builder.add_unit({std::string(surface), m.begin, m.end, m.tag, "XPN", false});
    } else if (m.tag == PosTag::kXSN && surface != kPluralSuffix && builder.has_parts()) {
      // A derived noun is a word of its own (가동률 is not 가동, 수도권 not 수도): the whole
      // with its root as a part, and it ends the compound (가동률저하: 가동률, then 저하).
      builder.add_unit({std::string(surface), m.begin, m.end, m.tag, "XSN", false});
      builder.flush_compound();
    } else if (kOtherContent.contains(m.tag)) {
      builder.add_single(std::string(surface), m.begin, m.end, m.tag, std::string(m.pos));
    } else if (kAdverbs.contains(m.tag) && syllables(surface) >= 2) {
      // Adverbs of two syllables or more carry meaning a search may want (함께, 여전히,
      // 오히려); one-syllable ones (안, 더, 잘, 또) are everywhere and say little.
      builder.add_single(std::string(surface), m.begin, m.end, m.tag, std::string(m.pos));
    } else if (kStems.contains(m.tag)) {
      // An inflected form (밝혔 = 밝히/VV + 었/EP) is indexed by its stem, which need not be
      // a substring of the text; its offsets are those of the whole form.
      const std::vector<morph::ExpressionPart> parts = morph::expression_parts(m.feature);
      std::string stem = parts.empty() ? std::string(surface) : parts.front().surface;
      builder.add_single(std::move(stem), m.begin, m.end, m.tag, std::string(m.pos));
    } else {
      builder.flush_compound();
    }
  }
  return builder.finish();
}

}  // namespace sinmun
