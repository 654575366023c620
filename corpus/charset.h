#ifndef SINMUN_CORPUS_CHARSET_H_
#define SINMUN_CORPUS_CHARSET_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace sinmun {

// The charset label of a Content-Type value ("text/html; charset=euc-kr" → "euc-kr"), without
// quotes; empty when there is none.
std::string charset_from_content_type(std::string_view content_type);

// The charset a page declares in its first 16 KiB: <meta charset="…"> or
// <meta http-equiv="Content-Type" content="…; charset=…">; empty when it declares none.
std::string charset_from_html_meta(std::string_view html);

// The ICU converter name we decode a label with, or empty for an unknown label. All Korean
// legacy labels (EUC-KR, ks_c_5601-1987, CP949, UHC, …) map to "windows-949": pages labelled
// EUC-KR are often CP949, and ICU's EUC-KR converter loses CP949-only syllables such as 똠, 햏.
std::string converter_for_label(std::string_view label);

struct DecodedText {
  std::string text;         // UTF-8
  std::string charset;      // the converter used ("UTF-8", "windows-949", "UTF-16LE", …)
  std::size_t invalid = 0;  // input bytes that could not be decoded, each now one U+FFFD
  std::string note;         // non-empty when the declared charset was overruled by the bytes
};

// Decodes bytes of unknown origin to UTF-8. The charset is chosen from, in order: a byte order
// mark (removed), `declared` (e.g. from an HTTP header), the page's own <meta> declaration
// when `look_in_html_meta` — a declaration checked against the bytes: (almost all) valid
// UTF-8 beyond ASCII is read as UTF-8 whatever the label says, and bytes that are not UTF-8
// but decode cleanly as Korean CP949 are read so when the label would garble them, with a
// `note` saying so — then UTF-8 when the bytes are (almost all) valid UTF-8, then
// windows-949 when they decode cleanly into Hangul, then ICU's detector (ucsdet), then UTF-8. Unknown labels are
// ignored. Never throws on bad input.
DecodedText decode_to_utf8(std::string_view bytes, std::string_view declared = {}, bool look_in_html_meta = false);

// "invalid UTF-8: 3 byte(s) replaced by U+FFFD" for a result with invalid bytes; the wording
// of every repair warning, whatever the charset.
std::string describe_invalid(const DecodedText& decoded);

}  // namespace sinmun

#endif  // SINMUN_CORPUS_CHARSET_H_
