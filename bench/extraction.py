"""Throughput benchmark for the German temporal tagger.

Run from the project root:  python bench/extraction.py [--repeat N]

Measures characters/second over the seed articles (``seeds/*.txt``) for
(a) ``timeline.extraction.dates.find_dates``,
(b) the whole per-article pipeline ``timeline.extraction.pipeline.extract_article``
    (when it exists), and
(c) plain ``dateparser.search.search_dates(text, languages=['de'])``,
each repeated a few times (best run kept), and prints the ratios against (c).
This prints numbers; it is not a test.
"""
from __future__ import annotations

import argparse
import datetime
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PUBLISHED = datetime.date(2022, 7, 1)  # speed does not depend on it
_SENT = re.compile(r"\n+|(?<=[.!?])(?<!\d\.)\s+(?=[A-ZÄÖÜ„\"])")


def sentences(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _SENT.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def best_rate(fn, texts, repeat: int) -> tuple[float, float]:
    chars = sum(len(t) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return chars / best, best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seeds", default=str(ROOT / "seeds"))
    args = ap.parse_args(argv)
    files = sorted(Path(args.seeds).glob("*.txt"))
    if not files:
        print(f"no seed articles in {args.seeds}", file=sys.stderr)
        return 2
    texts = [f.read_text(encoding="utf-8") for f in files]
    chars = sum(len(t) for t in texts)
    print(f"{len(texts)} articles, {chars} characters, best of {args.repeat} runs")

    from timeline.extraction.dates import find_dates
    rows = []
    find_dates(texts[0], PUBLISHED)  # warm-up
    rate_fd, sec_fd = best_rate(lambda t: find_dates(t, PUBLISHED), texts, args.repeat)
    rows.append(("find_dates", rate_fd, sec_fd))

    rate_pl = None
    try:
        from timeline.extraction.pipeline import extract_article
    except Exception as exc:  # noqa: BLE001 - optional component
        print(f"pipeline: not available ({type(exc).__name__}: {exc})")
    else:
        spans = {id(t): sentences(t) for t in texts}
        extract_article(texts[0], PUBLISHED, spans[id(texts[0])])
        rate_pl, sec_pl = best_rate(lambda t: extract_article(t, PUBLISHED, spans[id(t)]), texts, args.repeat)
        rows.append(("pipeline", rate_pl, sec_pl))

    from dateparser.search import search_dates
    search_dates(texts[0], languages=["de"])  # warm-up: loads language data
    rate_sd, sec_sd = best_rate(lambda t: search_dates(t, languages=["de"]), texts, max(1, min(args.repeat, 3)))
    rows.append(("search_dates", rate_sd, sec_sd))

    print(f"{'component':<14}{'chars/s':>14}{'seconds':>10}{'vs search_dates':>18}")
    for name, rate, sec in rows:
        print(f"{name:<14}{rate:>14,.0f}{sec:>10.4f}{rate / rate_sd:>17.1f}x")
    print(f"ratio find_dates/search_dates = {rate_fd / rate_sd:.1f}")
    if rate_pl is not None:
        print(f"ratio pipeline/search_dates   = {rate_pl / rate_sd:.1f}")
    else:
        print("ratio pipeline/search_dates   = n/a (pipeline: not available)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
