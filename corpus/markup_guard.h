// Internal to corpus/ (used by html_extractor.cc, and by its tests): the markup Gumbo 0.10.1
// cannot take, taken out before it parses a page.
#ifndef SINMUN_CORPUS_MARKUP_GUARD_H_
#define SINMUN_CORPUS_MARKUP_GUARD_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace sinmun {

// Gumbo 0.10.1 looks down its stack of open elements for most start tags, so its time grows
// with tags × depth (100,000 nested <div> took 18 s), and it crashes a few hundred thousand
// levels deep. guard_markup() follows the page's tags with a model of that stack (the
// elements that hold others, the formatting elements HTML reopens, SVG and MathML) that never
// closes an element sooner than HTML does, and leaves out every start tag that would open an
// element past `max_depth` of them; such a tag's text stays where it is, and its end tag, if
// any, closes what it would close anyway. So Gumbo's tree stays within a small multiple of
// `max_depth` levels however the page is written.
//
// It also reads <select> as <aside> once the page has had an <svg> or <math> tag: a select in
// SVG or MathML inside a table (<table><svg><th><title><select></table>) fails an assertion in
// Gumbo's tree builder, which aborts the program; both are page furniture to the extractor.
//
// Returns `html` itself when nothing changes (every page nested less deeply without SVG or
// MathML before a <select>), else the changed copy, kept in `storage`. Time is linear in the
// page (times `max_depth` at worst).
std::string_view guard_markup(std::string_view html, std::size_t max_depth, std::string& storage);

}  // namespace sinmun

#endif  // SINMUN_CORPUS_MARKUP_GUARD_H_
