#!/usr/bin/env python3
"""A deterministic synthetic news archive of N articles, for scale benchmarks.

usage: scripts/make-scale-corpus.py [--shared DIR] [--seed N] N OUT.jsonl

Every article is made of real Korean prose from the development data ($SINMUN_SHARED/data, by
default ../shared/data beside the checkout: news-dev.jsonl, news_rss_leads-dev.jsonl and
bulk/kowiki-2020-sample.jsonl), reassembled:
  title     the first half of a real headline (RSS or news) and the second half of another,
            so that titles look like real ones and, as real ones, are nearly all unique (a
            pasted headline must not match hundreds of copies of itself)
  body      the first headline's own lead first when it has one, then 3-11 sentences drawn from
            the pool of every sentence of the three files (news and encyclopaedia prose)
  date      2005-01-01 .. 2026-11-30, denser towards the present (archives grow)
  source    one of 16 invented outlets; category one of 8 desks; url from both
  id        scale-0000001 ...
The result is not news and its rankings mean nothing; it has the size, vocabulary, length
and date spread of an archive, which is what index size, indexing speed and query latency
depend on. Same data, N and seed: the same bytes (Python's random with a fixed seed).
Numbers measured on it must say so ("synthetic, scripts/make-scale-corpus.py").
"""
import argparse
import datetime
import json
import os
import random
import re
import sys

SOURCES = [
    ("한빛일보", "hanbit.example"), ("동해신문", "donghae.example"), ("서울경제신보", "seoulecon.example"),
    ("미래일보", "mirae.example"), ("새벽뉴스", "saebyeok.example"), ("누리타임스", "nuri.example"),
    ("푸른방송", "pureun.example"), ("가람신문", "garam.example"), ("한길일보", "hangil.example"),
    ("다솜경제", "dasom.example"), ("바른뉴스", "bareun.example"), ("온누리신문", "onnuri.example"),
    ("아리랑통신", "arirang.example"), ("해오름일보", "haeoreum.example"), ("별빛타임스", "byeolbit.example"),
    ("이음뉴스", "ieum.example"),
]
CATEGORIES = ["정치", "경제", "사회", "국제", "IT과학", "문화", "스포츠", "오피니언"]
FIRST_DAY = datetime.date(2005, 1, 1)
LAST_DAY = datetime.date(2026, 11, 30)
SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
MIN_SENTENCE, MAX_SENTENCE = 20, 600  # bytes; shorter is debris, longer is a table row


def records(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


def sentences_of(text):
    for paragraph in text.split("\n"):
        for sentence in SENTENCE_END.split(paragraph.strip()):
            if MIN_SENTENCE <= len(sentence.encode("utf-8")) <= MAX_SENTENCE:
                yield sentence


def load(shared):
    data = os.path.join(shared, "data")
    news = [os.path.join(data, "news_rss_leads-dev.jsonl"), os.path.join(data, "news-dev.jsonl")]
    bulk = os.path.join(data, "bulk", "kowiki-2020-sample.jsonl")
    for path in news + [bulk]:
        if not os.path.isfile(path):
            sys.exit(f"make-scale-corpus: {path} not found (set SINMUN_SHARED or --shared)")
    headlines, pool = [], []
    for path in news:
        for record in records(path):
            title = (record.get("title") or "").strip()
            lead = list(sentences_of(record.get("body") or ""))
            if title:
                headlines.append((title, lead[0] if lead else ""))
            pool.extend(lead)
    for record in records(bulk):
        pool.extend(sentences_of(record.get("body") or ""))
    return headlines, pool


def random_day(rng):
    # Density grows linearly towards LAST_DAY: the square root of a uniform draw.
    span = (LAST_DAY - FIRST_DAY).days
    return FIRST_DAY + datetime.timedelta(days=int(span * rng.random() ** 0.5))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("count", type=int, help="articles to write")
    ap.add_argument("out", help="the JSON Lines file to write ('-' for standard output)")
    ap.add_argument("--seed", type=int, default=20261201)
    default_shared = os.environ.get("SINMUN_SHARED") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
    ap.add_argument("--shared", default=default_shared, help="the shared directory (default: %(default)s)")
    args = ap.parse_args()
    if args.count < 1:
        sys.exit("make-scale-corpus: N must be at least 1")
    headlines, pool = load(args.shared)
    rng = random.Random(args.seed)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    with out:
        for n in range(1, args.count + 1):
            title, lead = headlines[rng.randrange(len(headlines))]
            other = headlines[rng.randrange(len(headlines))][0].split()
            words = title.split()
            title = " ".join(words[: (len(words) + 1) // 2] + other[len(other) // 2 :])
            body = [lead] if lead else []
            body.extend(pool[rng.randrange(len(pool))] for _ in range(rng.randint(3, 11)))
            source, domain = SOURCES[rng.randrange(len(SOURCES))]
            article_id = f"scale-{n:07d}"
            out.write(json.dumps({
                "id": article_id,
                "title": title,
                "body": "\n".join(body),
                "date": random_day(rng).isoformat(),
                "source": source,
                "url": f"https://{domain}/article/{article_id}",
                "category": CATEGORIES[rng.randrange(len(CATEGORIES))],
            }, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
