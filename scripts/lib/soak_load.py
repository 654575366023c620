#!/usr/bin/env python3
"""The load of scripts/soak.sh: CONNECTIONS threads, each with one keep-alive connection to
sinmun-serve, asking mixed requests back to back for SECONDS, while RSS of the server's PID is
sampled every 10 s. Prints a JSON summary on stdout: requests, errors (any status but 200,
any failed connection), their first examples, p50/p99/max latency in ms, and the RSS samples.

usage: soak_load.py --port P --pid PID --seconds S --connections C --queries FILE...
"""
import argparse
import http.client
import json
import random
import threading
import time
import urllib.parse


def requests_for(queries, rng):
    """An endless mix: plain and phrase queries, operators, a wildcard, date sort and filters,
    paging, an article, the health check."""
    while True:
        q = rng.choice(queries)
        words = q.replace('"', "").split()
        kind = rng.randrange(10)
        if kind == 0 and len(words) >= 2:
            q = f"{words[0]} OR {words[1]}"
        elif kind == 1 and len(words) >= 2:
            q = f"{words[0]} -{words[1]}"
        elif kind == 2:
            q = f"{words[0][:1]}*" if words[0][:1].isascii() else f"title:{words[0]}"
        params = {"q": q, "limit": str(rng.choice([10, 10, 20, 50]))}
        if kind == 3:
            params["sort"] = "date"
        if kind == 4:
            params["offset"] = "10"
        if kind == 5:
            params["from"] = "2025-12-01"
        yield "/api/search?" + urllib.parse.urlencode(params)
        if kind == 6:
            yield "/healthz"
        if kind == 7:
            yield "/api/doc?id=sample-00%02d" % rng.randrange(1, 72)


def worker(port, deadline, queries, seed, results, lock):
    rng = random.Random(seed)
    latencies, errors, examples = [], 0, []
    conn = None
    for target in requests_for(queries, rng):
        if time.monotonic() >= deadline:
            break
        start = time.perf_counter()
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", target)
            response = conn.getresponse()
            body = response.read()
            # /api/doc of an id that is not there is a correct 404
            ok = response.status == 200 or (response.status == 404 and target.startswith("/api/doc"))
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException) as e:
            ok, body = False, repr(e).encode()
            if conn is not None:
                conn.close()
            conn = None
        latencies.append((time.perf_counter() - start) * 1000)
        if not ok:
            errors += 1
            if len(examples) < 3:
                examples.append(f"{target}: {body[:200]!r}")
    if conn is not None:
        conn.close()
    with lock:
        results["latencies"].extend(latencies)
        results["errors"] += errors
        results["examples"].extend(examples)


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--connections", type=int, required=True)
    parser.add_argument("--queries", nargs="+", required=True)
    args = parser.parse_args()
    queries = []
    for path in args.queries:
        with open(path, encoding="utf-8") as f:
            queries += [line.rstrip("\n").split("\t", 1)[1] for line in f if "\t" in line]
    start = time.monotonic()
    deadline = start + args.seconds
    results = {"latencies": [], "errors": 0, "examples": []}
    lock = threading.Lock()
    threads = [threading.Thread(target=worker, args=(args.port, deadline, queries, i, results, lock))
               for i in range(args.connections)]
    for t in threads:
        t.start()
    rss = []
    while any(t.is_alive() for t in threads):
        rss.append([round(time.monotonic() - start), rss_kib(args.pid) // 1024])
        next_sample = time.monotonic() + 10
        while time.monotonic() < next_sample and any(t.is_alive() for t in threads):
            time.sleep(0.5)
    rss.append([round(time.monotonic() - start), rss_kib(args.pid) // 1024])
    latencies = sorted(results["latencies"])

    def percentile(p):
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))], 1) if latencies else None

    elapsed = time.monotonic() - start
    print(json.dumps({
        "seconds": round(elapsed), "connections": args.connections, "requests": len(latencies),
        "requests_per_second": round(len(latencies) / elapsed, 1), "errors": results["errors"],
        "error_examples": results["examples"], "p50_ms": percentile(0.50), "p99_ms": percentile(0.99),
        "max_ms": round(latencies[-1], 1) if latencies else None, "rss_mib": rss,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
