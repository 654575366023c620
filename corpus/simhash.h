#ifndef SINMUN_CORPUS_SIMHASH_H_
#define SINMUN_CORPUS_SIMHASH_H_

#include <cstdint>
#include <string_view>

namespace sinmun {

// Near-duplicate signature of an article body (Charikar's SimHash, 64 bits).
//
// The text is normalised first: letters and digits only (white space, punctuation and symbols
// dropped, so re-spacing and re-punctuating do not count), lower-cased. Every run of
// kSimhashShingle consecutive characters (a shingle) is hashed with a fixed 64-bit hash, and
// bit i of the signature is set when more shingles have bit i set than not. Each distinct
// shingle counts once, so a repeated sentence does not outweigh the rest. The result depends
// only on the text, never on the platform or the run, so it can be stored in an index.
// Texts shorter than one shingle hash their whole normalised text; an empty text gives 0.
//
// SimHash rather than MinHash: one 64-bit value per article fits a Xapian value slot, and a
// whole collection can be searched for near neighbours with the usual band trick (split the 64
// bits into kSimhashNearDuplicate + 1 bands: two signatures within that distance share a band
// exactly). MinHash estimates Jaccard similarity better but needs ~100 values per article.
std::uint64_t simhash(std::string_view utf8_text);

// The number of bits in which two signatures differ (0–64).
int hamming(std::uint64_t a, std::uint64_t b);

// Characters per shingle: 4 Hangul syllables are about one or two words, long enough that
// unrelated articles share few shingles, short enough that a changed word touches few.
inline constexpr int kSimhashShingle = 4;

// Bodies whose signatures differ in at most this many bits are near-duplicates. The sample
// wire story printed twice with a rewritten first sentence (sample-0005/0006) is 6 bits apart;
// the other 2,484 pairs of sample articles are 19–45 bits apart (unrelated texts centre on 32;
// a binomial tail below 11 bits is about 1e-7 per pair), so 10 leaves room on both sides.
inline constexpr int kSimhashNearDuplicate = 10;

}  // namespace sinmun

#endif  // SINMUN_CORPUS_SIMHASH_H_
