#!/usr/bin/env python3
"""Turn a JSONL file of news records into a crawl directory of Korean-news-site HTML pages.

usage: scripts/make-crawl.py [--limit N] [--out DIR] RECORDS.jsonl

  RECORDS.jsonl   one JSON object per line: id, title, body and where known
                  date (YYYY-MM-DD), source, url, category
  --out DIR       where to write the pages (must be empty or absent, and outside this
                  repository); default: a new temp dir, whose path is printed on stdout
  --limit N       only the first N records

Writes ONE page per record at DIR/YYYY/MM/DD/ID.html (undated records: DIR/undated/ID.html),
cycling through three page shapes by record index:
  0  portal:     <div id="dic_area"> with <br>-separated text, byline box below
  1  newspaper:  <div class="article-body"> with one <p> per sentence, byline as last <p>
  2  <article>:  <time datetime>, <div itemprop="articleBody"> with <p>s, <address> byline
Every page has <title>TITLE - SOURCE</title>, og:title, og:site_name,
article:published_time (+09:00), a canonical link, a nav bar, a related-articles box (titles
of neighbouring records), a script, and a footer with "무단 전재 및 재배포 금지". The reporter
("홍길동 기자") and the time of day are derived from the id, so the output is deterministic:
the same input and options give byte-identical files.
The end of the article text is marked with "<!-- //본문 -->" (inside the last text block),
which scripts/bench-crawl.sh uses to append a sentence.

Data licences still apply to the generated pages: keep them out of the repository.
Exit status: 0 done, 1 usage error, 2 failure (unreadable input, bad record).
"""

import argparse
import hashlib
import html
import json
import os
import re
import sys
import tempfile
from urllib.parse import urlsplit

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = "민서준지현우수영은하도윤재성진태경희연주혜승동석"
SENTENCE_END = re.compile(r"(?<=[.?!…”])\s+")
SAFE_ID = re.compile(r"[^0-9A-Za-z._-]")
BODY_END = "<!-- //본문 -->"


def digest(text):
    return hashlib.sha256(text.encode("utf-8")).digest()


def reporter(record_id):
    """A 3-syllable Korean name and a mailbox, both fixed by the id."""
    d = digest(record_id)
    name = SURNAMES[d[0] % len(SURNAMES)] + GIVEN[d[1] % len(GIVEN)] + GIVEN[d[2] % len(GIVEN)]
    mailbox = "reporter%04d" % (int.from_bytes(d[3:5], "big") % 10000)
    return name, mailbox


def clock(record_id):
    """A time of day (HH, MM, SS) between 06:00 and 22:59, fixed by the id."""
    d = digest("time:" + record_id)
    return 6 + d[0] % 17, d[1] % 60, d[2] % 60


def sentences(body):
    parts = [s.strip() for s in SENTENCE_END.split(body.strip())]
    return [s for s in parts if s] or [body.strip()]


def esc(text):
    return html.escape(text, quote=True)


def page(record, index, related):
    rid = str(record["id"])
    title = record.get("title") or ""
    body = record.get("body") or ""
    source = record.get("source") or "온누리통신"
    url = record.get("url") or "https://news.example.com/article/%s" % SAFE_ID.sub("_", rid)
    host = urlsplit(url).hostname or "news.example.com"
    date = record.get("date") or ""
    category = record.get("category") or ""
    name, mailbox = reporter(rid)
    email = "%s@%s" % (mailbox, host.removeprefix("www."))
    hh, mm, ss = clock(rid)
    iso = "%sT%02d:%02d:%02d+09:00" % (date, hh, mm, ss) if date else ""
    dotted = "%s %02d:%02d" % (date.replace("-", "."), hh, mm) if date else ""
    shape = index % 3
    lines = sentences(body)

    head = [
        "<!DOCTYPE html>",
        '<html lang="ko">',
        "<head>",
        '<meta charset="utf-8">' if shape != 1 else
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>%s - %s</title>" % (esc(title), esc(source)),
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="%s">' % esc(title),
        '<meta property="og:site_name" content="%s">' % esc(source),
        '<meta property="og:url" content="%s">' % esc(url),
        '<meta property="og:description" content="%s">' % esc(lines[0][:120]),
    ]
    if iso:
        head.append('<meta property="article:published_time" content="%s">' % iso)
    if category:
        head.append('<meta property="article:section" content="%s">' % esc(category))
    head += [
        '<link rel="canonical" href="%s">' % esc(url),
        '<link rel="stylesheet" href="/static/css/article.css?v=20250101">',
        "<script>window.dataLayer = window.dataLayer || [];"
        " function gtag(){dataLayer.push(arguments);} gtag('js', new Date());"
        " var articleId = %s;</script>" % json.dumps(rid),
        "</head>",
        "<body>",
    ]

    nav = [
        '<header class="site-header"><a class="logo" href="/">%s</a>' % esc(source),
        '<nav class="gnb"><ul>',
        '<li><a href="/politics/">정치</a></li><li><a href="/economy/">경제</a></li>',
        '<li><a href="/society/">사회</a></li><li><a href="/international/">국제</a></li>',
        '<li><a href="/culture/">문화</a></li><li><a href="/sports/">스포츠</a></li>',
        '<li><a href="/opinion/">오피니언</a></li>',
        "</ul></nav></header>",
    ]

    rel = ['<div class="related-articles"><h3>관련 기사</h3><ul>']
    for other in related:
        rel.append('<li><a href="%s">%s</a></li>' % (
            esc(other.get("url") or "#"), esc(other.get("title") or "")))
    rel.append("</ul></div>")

    footer = [
        '<footer class="site-footer">',
        '<p class="company">%s | 서울특별시 중구 세종대로 00 | 대표전화 02-000-0000</p>' % esc(source),
        "<p class=\"copyright\">Copyright ⓒ %s. All rights reserved. 무단 전재 및 재배포 금지</p>"
        % esc(source),
        "</footer>",
        '<script src="/static/js/common.js" defer></script>',
        "<script>(function(){var s=document.createElement('script');"
        "s.src='https://ads.example.com/tag.js';document.body.appendChild(s);})();</script>",
        "</body>",
        "</html>",
    ]

    if shape == 0:  # portal page: text with <br>s in #dic_area, byline box outside it
        text = "<br><br>\n".join(esc(s) for s in lines)
        main = [
            '<div id="ct" class="newsct">',
            '<div class="media_end_head">',
            '<h2 id="title_area" class="media_end_head_headline"><span>%s</span></h2>' % esc(title),
            '<div class="media_end_head_info_datestamp">',
            '<span class="media_end_head_info_datestamp_time" data-date-time="%s">입력 %s</span>'
            % (esc(iso[:19].replace("T", " ")), esc(dotted)),
            "</div></div>",
            '<div id="newsct_article" class="newsct_article _article_body">',
            '<div id="dic_area" class="go_trans _article_content">',
            text + BODY_END,
            "</div></div>",
            '<div class="byline"><p class="byline_p"><span>%s 기자 (%s)</span></p></div>'
            % (name, email),
            '<div class="media_end_linked_more"><a href="#">기사 원문</a> '
            '<a href="#">좋아요</a> <a href="#">공유</a></div>',
            "</div>",
        ]
        aside = ['<aside class="aside">'] + rel + ["</aside>"]
        parts = head + nav + ['<div id="wrap">'] + main + aside + ["</div>"] + footer
    elif shape == 1:  # newspaper: one <p> per sentence in div.article-body, byline last <p>
        paras = ["<p>%s</p>" % esc(s) for s in lines]
        paras[-1] = paras[-1][:-4] + BODY_END + "</p>"
        main = [
            '<div class="article-head">',
            '<h1 class="article-title">%s</h1>' % esc(title),
            '<ul class="info"><li>기자명 %s 기자</li><li>입력 %s</li></ul>' % (name, esc(dotted)),
            '<div class="share"><a href="#">페이스북</a><a href="#">트위터</a><a href="#">URL복사</a></div>',
            "</div>",
            '<div class="article-body" id="article-view-content-div">',
        ] + paras + [
            "<p>%s 기자 %s</p>" % (name, email),
            "</div>",
        ]
        parts = (head + nav + ['<div id="container"><section class="article">'] + main
                 + rel + ["</section></div>"] + footer)
    else:  # <article> page with <time datetime>
        paras = ["<p>%s</p>" % esc(s) for s in lines]
        paras[-1] = paras[-1][:-4] + BODY_END + "</p>"
        main = [
            '<main id="main">',
            "<article>",
            "<header>",
            "<h1>%s</h1>" % esc(title),
            '<p class="dateline"><time datetime="%s">%s</time></p>' % (esc(iso), esc(dotted)),
            "</header>",
            '<div class="article-text" itemprop="articleBody">',
        ] + paras + [
            "</div>",
            '<address class="byline">%s 기자 <a href="mailto:%s">%s</a></address>'
            % (name, email, email),
            "</article>",
        ] + ['<aside class="more">'] + rel + ["</aside>", "</main>"]
        parts = head + nav + main + footer
    return "\n".join(parts) + "\n"


def relative_path(record):
    rid = SAFE_ID.sub("_", str(record["id"])) or "record"
    date = record.get("date") or ""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date)
    folder = os.path.join(*m.groups()) if m else "undated"
    return os.path.join(folder, rid + ".html")


def inside(path, root):
    path, root = os.path.realpath(path), os.path.realpath(root)
    return path == root or path.startswith(root + os.sep)


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__.strip())
        return 0
    parser = argparse.ArgumentParser(
        prog="make-crawl.py", add_help=False,
        usage="%(prog)s [--limit N] [--out DIR] RECORDS.jsonl  (--help: the whole story)")
    parser.add_argument("records")
    parser.add_argument("--out")
    parser.add_argument("--limit", type=int)
    try:
        args = parser.parse_args(argv)
        if args.limit is not None and args.limit < 0:
            parser.error("--limit must be >= 0")
    except SystemExit as e:  # argparse exits 2 on a usage error; ours is 1
        return 1 if e.code else 0

    repo = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    if args.out:
        if inside(args.out, repo):
            print("make-crawl: refusing to write into the repository (%s)" % repo, file=sys.stderr)
            return 1
        if os.path.exists(args.out) and (not os.path.isdir(args.out) or os.listdir(args.out)):
            print("make-crawl: %s exists and is not an empty directory" % args.out, file=sys.stderr)
            return 1

    records = []
    try:
        with open(args.records, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if args.limit is not None and len(records) >= args.limit:
                    break
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as e:
                    print("make-crawl: %s:%d: %s" % (args.records, number, e), file=sys.stderr)
                    return 2
                if not isinstance(record, dict) or "id" not in record:
                    print("make-crawl: %s:%d: no id" % (args.records, number), file=sys.stderr)
                    return 2
                records.append(record)
    except OSError as e:
        print("make-crawl: %s" % e, file=sys.stderr)
        return 2

    out = args.out or tempfile.mkdtemp(prefix="sinmun-crawl-")
    seen = {}
    total = 0
    for i, record in enumerate(records):
        rel = relative_path(record)
        if rel in seen:
            print("make-crawl: records %d and %d both map to %s" % (seen[rel] + 1, i + 1, rel),
                  file=sys.stderr)
            return 2
        seen[rel] = i
        n = len(records)
        related = [records[(i + k) % n] for k in (1, 2, 3) if n > 1 and (i + k) % n != i]
        data = page(record, i, related).encode("utf-8")
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        total += len(data)
    print("make-crawl: %d pages, %d bytes in %s" % (len(records), total, out), file=sys.stderr)
    if not args.out:
        print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
