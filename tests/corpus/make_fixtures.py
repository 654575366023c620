#!/usr/bin/env python3
"""Writes the binary and legacy-charset fixtures under fixtures/ (the UTF-8 HTML pages in
fixtures/html are written by hand). All text is invented. Run from anywhere; the output is
deterministic (gzip mtime 0), so re-running changes nothing unless this script changes.
Legacy charsets are produced by iconv, as a real EUC-KR/CP949 site would serve them."""
import gzip
import os
import subprocess

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")


def iconv(text, charset):
    return subprocess.run(["iconv", "-f", "UTF-8", "-t", charset], input=text.encode("utf-8"),
                          check=True, capture_output=True).stdout


def write(relative, data):
    path = os.path.join(HERE, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def gz(data):
    return gzip.compress(data, mtime=0)


def page(title, site, date_line, paragraphs, byline, meta=""):
    body = "\n".join("<p>%s</p>" % p for p in paragraphs)
    return ("<html><head>%s<title>%s - %s</title></head><body>\n"
            "<div class=\"menu\"><a href=\"/\">홈</a> <a href=\"/news\">뉴스</a></div>\n"
            "<div class=\"view\"><h1>%s</h1><div class=\"info\">%s</div>\n"
            "<div class=\"content\">\n%s\n<p>%s</p></div></div>\n"
            "<div class=\"foot\">ⓒ %s 무단 전재 및 재배포 금지</div></body></html>\n"
            % (meta, title, site, title, date_line, body, byline, site))


# EUC-KR without any charset declaration: ICU's detector must find it.
EUC_KR = page("강릉 해변 겨울 바다 축제 사흘간 열린다", "동해신문", "입력 2025.12.12 14:20",
              ["강릉시는 다음 주 금요일부터 사흘 동안 경포 해변에서 겨울 바다 축제를 연다고 밝혔다.",
               "축제 기간에는 해변 불꽃놀이와 지역 음식 장터, 겨울 바다 사진 전시회가 함께 열린다.",
               "시는 방문객 안전을 위해 해변 곳곳에 안전 요원을 배치하고 임시 주차장을 마련하기로 했다."],
              "최민재 기자 minjae@example.com")

# CP949-only syllables (똠, 햏) in a page that calls itself EUC-KR, as many Korean sites did.
CP949 = page("똠얌꿍 밀키트 판매 급증…\"햏\" 유행어 광고도 화제", "새누리경제", "입력 2026.01.07 09:15",
             ["태국식 수프 똠얌꿍 밀키트 판매량이 지난달 전년보다 세 배 늘었다.",
              "한 식품 업체는 옛 인터넷 유행어 햏을 넣은 광고로 젊은 소비자의 관심을 끌었다.",
              "업계는 겨울철 따뜻한 국물 요리 수요가 당분간 이어질 것으로 내다봤다."],
             "권나래 기자 narae@example.com",
             meta="<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">")

# For the WARC: charset only in the HTTP header.
WARC_CP949 = page("울진 대게 조업 시작…첫날 위판량 12t", "동해신문", "입력 2025.12.02 07:30",
                  ["경북 울진 후포항에서 올해 첫 대게 위판이 열렸다.",
                   "첫날 위판량은 12t으로 지난해 첫날보다 조금 늘었고 값은 비슷했다.",
                   "어민들은 똠방각하 같은 옛 별명 대신 대게 홍보 행사를 준비하고 있다고 전했다."],
                  "최민재 기자")

WARC_UTF8 = page("세종 호수공원 야간 산책로 조명 새로 단다", "서울타임스", "입력 2025.12.03 18:05",
                 ["세종시가 호수공원 야간 산책로 2.4km 구간의 조명을 발광다이오드로 바꾼다.",
                  "공사는 이달 중순 시작해 내년 2월 마무리할 예정이다.",
                  "시는 조명 교체로 전기 요금이 해마다 30%가량 줄어들 것으로 기대했다."],
                 "정하율 기자")

WARC_GZ_PAGE = page("청주 공항 국제선 노선 두 곳 신설", "한빛일보", "입력 2026.01.12 11:00",
                    ["청주국제공항에 다음 달부터 국제선 노선 두 곳이 새로 생긴다.",
                     "새 노선은 주 4회씩 운항하며 왕복 항공권 할인 행사도 열린다.",
                     "충북도는 공항 이용객이 올해 처음으로 500만 명을 넘을 것으로 내다봤다."],
                    "유다인 기자 dain@example.com")

GZ_PAGE = page("대구 도심 하천 산책로 야간 개방", "새누리경제", "입력 2026.01.20 16:45",
               ["대구시가 신천 산책로 5km 구간을 밤 11시까지 개방한다.",
                "산책로에는 보안등과 비상벨이 새로 설치됐다.",
                "시는 시민 의견을 들어 개방 시간을 더 늘릴지 정하기로 했다."],
               "권나래 기자")


def warc_record(warc_type, uri, content_type, block, record_id):
    headers = ["WARC/1.1", "WARC-Type: " + warc_type, "WARC-Record-ID: <urn:uuid:%s>" % record_id,
               "WARC-Date: 2025-12-05T01:00:00Z"]
    if uri:
        headers.append("WARC-Target-URI: " + uri)
    headers += ["Content-Type: " + content_type, "Content-Length: %d" % len(block)]
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http(status, content_type, payload, extra=""):
    reason = {200: "OK", 301: "Moved Permanently", 404: "Not Found"}[status]
    head = "HTTP/1.1 %d %s\r\nServer: example\r\n" % (status, reason)
    if content_type:
        head += "Content-Type: %s\r\n" % content_type
    head += extra + "Content-Length: %d\r\n\r\n" % len(payload)
    return head.encode() + payload


def chunked(payload, size=200):
    out = b""
    for i in range(0, len(payload), size):
        piece = payload[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def main():
    write("html/euc_kr.html", iconv(EUC_KR, "EUC-KR"))
    write("html/cp949.html", iconv(CP949, "CP949"))

    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    utf8 = WARC_UTF8.encode("utf-8")
    records = [
        warc_record("warcinfo", None, "application/warc-fields", b"software: sinmun-fixtures\r\nformat: WARC File Format 1.1\r\n", 1),
        warc_record("request", "https://news.example.com/seoultimes/2025/12/03/sejong-lights", "application/http; msgtype=request",
                    b"GET /seoultimes/2025/12/03/sejong-lights HTTP/1.1\r\nHost: news.example.com\r\n\r\n", 2),
        warc_record("response", "https://news.example.com/seoultimes/2025/12/03/sejong-lights", "application/http; msgtype=response",
                    http(200, "text/html; charset=utf-8", chunked(utf8), "Transfer-Encoding: chunked\r\n").replace(
                        b"Content-Length: %d\r\n" % len(chunked(utf8)), b""), 3),
        warc_record("response", "https://news.example.com/img/logo.png", "application/http; msgtype=response",
                    http(200, "image/png", png), 4),
        warc_record("response", "https://news.example.com/donghae/missing", "application/http; msgtype=response",
                    http(404, "text/html; charset=utf-8", "<html><body><h1>페이지를 찾을 수 없습니다</h1></body></html>".encode()), 5),
        warc_record("metadata", "https://news.example.com/seoultimes/2025/12/03/sejong-lights", "application/warc-fields",
                    b"outlink: https://news.example.com/seoultimes/\r\n", 6),
        warc_record("response", "https://news.example.com/donghae/2025/12/02/uljin-crab", "application/http; msgtype=response",
                    http(200, "text/html; charset=ks_c_5601-1987", iconv(WARC_CP949, "CP949")), 7),
        warc_record("response", "https://news.example.com/old-path", "application/http; msgtype=response",
                    http(301, "text/html", b"", "Location: https://news.example.com/new-path\r\n"), 8),
    ]
    last = warc_record("response", "https://news.example.com/hanbit/cut", "application/http; msgtype=response",
                       http(200, "text/html; charset=utf-8", WARC_GZ_PAGE.encode()), 9)
    write("warc/crawl.warc", b"".join(records) + last[:len(last) // 2])

    gz_html = gz(WARC_GZ_PAGE.encode())
    members = [
        warc_record("warcinfo", None, "application/warc-fields", b"software: sinmun-fixtures\r\n", 11),
        warc_record("response", "https://news.example.com/hanbit/2026/01/12/cheongju-airport", "application/http; msgtype=response",
                    http(200, "text/html; charset=utf-8", gz_html, "Content-Encoding: gzip\r\n"), 12),
        warc_record("request", "https://news.example.com/hanbit/2026/01/12/cheongju-airport", "application/http; msgtype=request",
                    b"GET /hanbit/2026/01/12/cheongju-airport HTTP/1.1\r\n\r\n", 13),
    ]
    write("warc/pages.warc.gz", b"".join(gz(m) for m in members))

    write("gz/page.html.gz", gz(GZ_PAGE.encode()))
    good = gz('{"id": "gz-1", "title": "압축 피드 첫 기사", "body": "압축된 피드의 첫 기사 본문이다."}\n'.encode())
    bad = bytearray(gz('{"id": "gz-2", "title": "압축 피드 둘째 기사", "body": "이 기사는 CRC가 틀린 조각에 있다."}\n'.encode()))
    bad[-8] ^= 0xFF  # the CRC-32 in the member trailer
    write("gz/feed-bad-crc.jsonl.gz", good + bytes(bad))

    write("jsonl/broken.jsonl", (
        '{"id": "j-1", "title": "첫째 기사", "body": "온전한 첫 줄이다.", "date": "2025-12-05"}\n'
        '{"id": "j-2", "title": "끊긴 줄", "body": "따옴표가 닫히지 않\n'
        '\n'
        '["배열은", "기사가 아니다"]\n'
        '{"id": "j-5", "title": "", "body": ""}\n'
        '{"id": "j-6", "title": "마지막 기사", "body": "깨진 줄 뒤에도 읽힌다.", "published_at": "2025-12-05T16:00:00Z"}\n'
    ).encode())
    write("bad/image.html", png + bytes(range(256)))
    write("bad/empty.txt", b"")


if __name__ == "__main__":
    main()
