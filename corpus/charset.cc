#include "corpus/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

#include "corpus/text_utils.h"

namespace sinmun {
namespace {

// The value after "charset=" in `text`, stopping at a quote, semicolon, space or '>'.
std::string charset_parameter(std::string_view text) {
  const std::string lower = lowercase_ascii(text);
  const std::size_t at = lower.find("charset");
  if (at == std::string::npos) return "";
  std::size_t i = at + 7;
  while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\t')) ++i;
  if (i >= lower.size() || lower[i] != '=') return "";
  ++i;
  while (i < lower.size() && (lower[i] == ' ' || lower[i] == '"' || lower[i] == '\'')) ++i;
  const std::size_t end = lower.find_first_of("\"'; \t>/\r\n", i);
  return std::string(text.substr(i, (end == std::string::npos ? lower.size() : end) - i));
}

// Counts undecodable bytes and writes one U+FFFD per byte, matching repair_utf8, so that
// messages give the same kind of number for every charset.
void count_and_substitute(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t length,
                          UConverterCallbackReason reason, UErrorCode* error) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to substitute
  *static_cast<std::size_t*>(const_cast<void*>(context)) += static_cast<std::size_t>(length);
  *error = U_ZERO_ERROR;
  static const UChar kReplacement[4] = {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD};
  ucnv_cbToUWriteUChars(args, kReplacement, std::min<int32_t>(length, 4), 0, error);
}

bool convert(std::string_view bytes, const std::string& converter_name, DecodedText& out) {
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(converter_name.c_str(), &status),
                                                                     ucnv_close);
  if (U_FAILURE(status)) return false;
  std::size_t invalid = 0;
  ucnv_setToUCallBack(converter.get(), count_and_substitute, &invalid, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return false;
  const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(), status);
  if (U_FAILURE(status)) return false;
  out.text.clear();
  text.toUTF8String(out.text);
  out.charset = converter_name;
  out.invalid = invalid;
  return true;
}

// At least one valid UTF-8 sequence of more than one byte (ASCII alone says nothing).
bool has_multibyte_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0x80) return true;
    if (c < 0) i = start + 1;
  }
  return false;
}

// UTF-8 with a few stray bytes is still UTF-8: legacy Korean encodings almost never form
// valid multi-byte UTF-8 sequences, so many valid ones per invalid byte settle it.
bool is_mostly_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  std::size_t valid_multibyte = 0;
  std::size_t invalid = 0;
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      ++invalid;
      i = start + 1;
    } else if (i - start > 1) {
      ++valid_multibyte;
    }
  }
  return invalid == 0 || valid_multibyte >= 8 * invalid;
}

// ucsdet calls short Korean pages Latin-1. Bytes that decode as CP949 without error into
// (almost) nothing but Hangul syllables beyond ASCII are Korean: Latin-1 or other legacy text
// practically never does that.
bool looks_like_cp949(std::string_view bytes) {
  DecodedText decoded;
  if (!convert(bytes.substr(0, 64 * 1024), "windows-949", decoded) || decoded.invalid > 0) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(decoded.text.data());
  const auto length = static_cast<int32_t>(decoded.text.size());
  std::size_t hangul = 0;
  std::size_t other = 0;
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0xAC00 && c <= 0xD7A3) {
      ++hangul;
    } else if (c >= 0x80) {
      ++other;
    }
  }
  return hangul > 0 && other * 10 <= hangul;
}

std::string detect(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> detector(ucsdet_open(&status), ucsdet_close);
  if (U_FAILURE(status)) return "";
  // 64 KiB is plenty for a confident guess and keeps detection cheap on huge files.
  const std::string_view sample = bytes.substr(0, 64 * 1024);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "";
  const char* name = ucsdet_getName(match, &status);
  return U_SUCCESS(status) && name ? converter_for_label(name) : "";
}

}  // namespace

std::string charset_from_content_type(std::string_view content_type) { return charset_parameter(content_type); }

std::string charset_from_html_meta(std::string_view html) {
  const std::string head = lowercase_ascii(html.substr(0, 16 * 1024));
  std::size_t at = 0;
  while ((at = head.find("<meta", at)) != std::string::npos) {
    const std::size_t end = head.find('>', at);
    const std::string_view tag = std::string_view(html).substr(at, (end == std::string::npos ? head.size() : end) - at);
    at += 5;
    std::string label = charset_parameter(tag);
    if (!label.empty()) return label;
  }
  return "";
}

std::string converter_for_label(std::string_view label) {
  std::string name = lowercase_ascii(trim(label));
  if (name.empty()) return "";
  for (const char* korean : {"euc-kr", "euckr", "euc_kr", "ks_c_5601-1987", "ks_c_5601", "ksc5601", "ksc_5601", "cp949",
                             "ms949", "uhc", "windows-949", "x-windows-949", "korean", "cseuckr"}) {
    if (name == korean) return "windows-949";
  }
  if (name == "utf8" || name == "utf-8") return "UTF-8";
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status)) return "";
  ucnv_close(converter);
  return name;
}

DecodedText decode_to_utf8(std::string_view bytes, std::string_view declared, bool look_in_html_meta) {
  DecodedText out;
  std::string converter;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    converter = "UTF-8";
  } else if (bytes.starts_with("\xFF\xFE")) {
    bytes.remove_prefix(2);
    converter = "UTF-16LE";
  } else if (bytes.starts_with("\xFE\xFF")) {
    bytes.remove_prefix(2);
    converter = "UTF-16BE";
  }
  std::string label;  // what the page or its header declared, when that chose the converter
  if (converter.empty() && !(converter = converter_for_label(declared)).empty()) label = std::string(trim(declared));
  if (converter.empty() && look_in_html_meta) {
    const std::string meta = charset_from_html_meta(bytes);
    if (!(converter = converter_for_label(meta)).empty()) label = meta;
  }
  // A declaration is checked against the bytes: pages are re-saved as UTF-8 with their old
  // <meta charset=euc-kr> (and servers send a stale header), and the reverse happens too.
  // Text in a legacy charset is practically never valid UTF-8 beyond ASCII, so UTF-8 bytes
  // win over a legacy label; bytes that are not UTF-8 but clean Korean CP949 win over a
  // label that garbles them.
  if (!label.empty()) {
    std::string actual;
    if (converter != "UTF-8" && has_multibyte_utf8(bytes) && is_mostly_utf8(bytes)) {
      actual = "UTF-8";
    } else if (converter != "windows-949" && !is_mostly_utf8(bytes) && looks_like_cp949(bytes)) {
      DecodedText declared_decoding;
      if (converter == "UTF-8" || !convert(bytes, converter, declared_decoding) || declared_decoding.invalid > 0) {
        actual = "windows-949";
      }
    }
    if (!actual.empty()) {
      out.note = "declared charset " + label + " does not match the bytes, which are " +
                 (actual == "UTF-8" ? "UTF-8" : "EUC-KR/CP949") + ": read as such";
      converter = actual;
    }
  }
  if (converter.empty() && is_mostly_utf8(bytes)) converter = "UTF-8";
  if (converter.empty() && looks_like_cp949(bytes)) converter = "windows-949";
  if (converter.empty()) converter = detect(bytes);
  if (converter != "UTF-8" && !converter.empty() && convert(bytes, converter, out)) return out;
  out.text = std::string(bytes);
  out.charset = "UTF-8";
  out.invalid = repair_utf8(out.text);
  return out;
}

std::string describe_invalid(const DecodedText& decoded) {
  return "invalid " + decoded.charset + ": " + std::to_string(decoded.invalid) + " byte(s) replaced by U+FFFD";
}

}  // namespace sinmun
