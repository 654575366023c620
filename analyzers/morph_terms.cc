#include "analyzers/morph_terms.h"

#include <algorithm>
#include <array>

namespace sinmun {
namespace {

std::string_view first_tag(std::string_view pos) { return pos.substr(0, pos.find('+')); }

bool one_of(std::string_view tag, std::initializer_list<std::string_view> tags) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

// Nouns that glue into compounds with their neighbours.
bool is_compounding_noun(std::string_view tag) { return one_of(tag, {"NNG", "NNP", "XR", "SH", "UNKNOWN"}); }

bool is_other_content(std::string_view tag) {
  return one_of(tag, {"NNB", "NNBC", "NR", "NP", "SL", "SN"});
}

bool is_stem(std::string_view tag) { return one_of(tag, {"VV", "VA"}); }

std::size_t syllables(std::string_view utf8) {
  std::size_t count = 0;
  for (unsigned char c : utf8) count += (c & 0xC0) != 0x80;
  return count;
}

// One unit of a compound being built: a part term, or a prefix that belongs to the whole only.
struct Unit {
  std::string text;
  std::size_t begin;
  std::size_t end;
  std::string tags;
  bool is_part;
};

class TermBuilder {
 public:
  explicit TermBuilder(std::string_view text) : text_(text) {}

  void add_single(std::string term, std::size_t begin, std::size_t end, std::string tags) {
    flush_compound();
    out_.push_back({std::move(term), begin, end, next_position_++, 1, std::move(tags)});
  }

  // A unit of a compound; it only joins the pending one when it touches it.
  void add_unit(Unit unit) {
    if (!units_.empty() && units_.back().end != unit.begin) flush_compound();
    if (!units_.empty() && !units_.back().is_part && !unit.is_part) flush_compound();
    units_.push_back(std::move(unit));
  }

  std::vector<PieceTerm> finish() {
    flush_compound();
    return std::move(out_);
  }

  void flush_compound() {
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
    if (units_.size() > 1) {
      std::string tags;
      for (const Unit& unit : units_) tags += (tags.empty() ? "" : "+") + unit.tags;
      out_.push_back({std::string(text_.substr(begin, end - begin)), begin, end, next_position_,
                      static_cast<std::uint32_t>(parts.size()), std::move(tags)});
    }
    for (const Unit* part : parts) {
      out_.push_back({part->text, part->begin, part->end, next_position_++, 1, part->tags});
    }
    units_.clear();
  }

 private:
  std::string_view text_;
  std::vector<Unit> units_;
  std::vector<PieceTerm> out_;
  std::uint32_t next_position_ = 0;
};

// Adds a dictionary noun, split into its expression parts when it is a compound of
// multi-syllable parts whose surfaces spell it out.
void add_noun(TermBuilder& builder, const morph::Morpheme& m, std::string_view surface) {
  const std::string tag(m.pos);
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
        builder.add_unit({part.surface, offset, offset + part.surface.size(), part.pos, true});
        offset += part.surface.size();
      }
      return;
    }
  }
  builder.add_unit({std::string(surface), m.begin, m.end, tag, true});
}

}  // namespace

std::vector<PieceTerm> content_terms(std::string_view piece_text,
                                     const std::vector<morph::Morpheme>& morphemes) {
  TermBuilder builder(piece_text);
  for (const morph::Morpheme& m : morphemes) {
    const std::string_view surface = piece_text.substr(m.begin, m.end - m.begin);
    const std::string_view tag = first_tag(m.pos);
    if (is_compounding_noun(tag)) {
      add_noun(builder, m, surface);
    } else if (tag == "XPN") {
      builder.add_unit({std::string(surface), m.begin, m.end, "XPN", false});
    } else if (is_other_content(tag)) {
      builder.add_single(std::string(surface), m.begin, m.end, std::string(m.pos));
    } else if (is_stem(tag)) {
      // An inflected form (밝혔 = 밝히/VV + 었/EP) is indexed by its stem, which need not be
      // a substring of the text; its offsets are those of the whole form.
      const std::vector<morph::ExpressionPart> parts = morph::expression_parts(m.feature);
      std::string stem = parts.empty() ? std::string(surface) : parts.front().surface;
      builder.add_single(std::move(stem), m.begin, m.end, std::string(m.pos));
    } else {
      builder.flush_compound();
    }
  }
  return builder.finish();
}

}  // namespace sinmun
