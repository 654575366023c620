#!/usr/bin/env python3
"""Deterministic benchmark queries from news titles (for scripts/bench-search.sh).

usage: scripts/make-queries.py --out DIR [--seed N] [--words N] [--phrases N] [--headlines N] JSONL...

Reads the `title` of every record of the JSONL files and writes, as qid<TAB>query lines:
  DIR/words.tsv    N two-word queries: two content words of one random title, in title order
  DIR/phrases.tsv  N phrase queries "w1 w2": two content words next to each other in one
                   random title (nothing between them but spaces or punctuation)
  DIR/headlines.tsv  N whole titles, as pasted from a news site (ASCII " removed: they quote,
                   they are not phrase operators); only with --headlines N
A content word is a whitespace/punctuation-separated token that is all Hangul with at least
two syllables, or all Latin letters/digits (particles are not stripped: words as they are).
Same input and seed, same queries (Python's random with a fixed seed, no hash ordering).
"""
import argparse
import json
import random
import re
import sys

SPLIT = re.compile(r"[\s\"'“”‘’`·ㆍ・…,.:;!?()\[\]{}<>〈〉《》「」『』【】/|~=+*&^%$#@\\-]+")
HANGUL = re.compile(r"^[\uac00-\ud7a3]{2,}$")
LATIN_NUM = re.compile(r"^[A-Za-z0-9]+$")


def is_content(word):
    return bool(HANGUL.match(word) or LATIN_NUM.match(word))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20251128)
    ap.add_argument("--words", type=int, default=500)
    ap.add_argument("--phrases", type=int, default=300)
    ap.add_argument("--headlines", type=int, default=0)
    ap.add_argument("jsonl", nargs="+")
    args = ap.parse_args()

    headlines = []  # every title with two content words, whole
    titles = []  # content words of each title with two or more
    pairs = []  # adjacent content-word pairs of each title with one or more
    for path in args.jsonl:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                try:
                    title = json.loads(line).get("title") or ""
                except (ValueError, AttributeError):
                    continue
                tokens = [t for t in SPLIT.split(title) if t]
                words = [t for t in tokens if is_content(t)]
                if len(words) >= 2:
                    titles.append(words)
                    headlines.append(" ".join(title.replace('"', " ").split()))
                adjacent = [(a, b) for a, b in zip(tokens, tokens[1:]) if is_content(a) and is_content(b)]
                if adjacent:
                    pairs.append(adjacent)
    if not titles:
        sys.exit("make-queries: no title with two content words")

    rng = random.Random(args.seed)
    with open(f"{args.out}/words.tsv", "w", encoding="utf-8") as out:
        for i in range(args.words):
            words = rng.choice(titles)
            a, b = sorted(rng.sample(range(len(words)), 2))
            out.write(f"w{i + 1:04d}\t{words[a]} {words[b]}\n")
    with open(f"{args.out}/phrases.tsv", "w", encoding="utf-8") as out:
        for i in range(args.phrases):
            a, b = rng.choice(rng.choice(pairs))
            out.write(f'p{i + 1:04d}\t"{a} {b}"\n')
    if args.headlines:
        with open(f"{args.out}/headlines.tsv", "w", encoding="utf-8") as out:
            for i in range(args.headlines):
                out.write(f"h{i + 1:04d}\t{rng.choice(headlines)}\n")


if __name__ == "__main__":
    main()
