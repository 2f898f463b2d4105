"""Command line: ``python -m timeline.extraction --published YYYY-MM-DD [--mode news|narrative] [FILE]``.

Reads a German text from FILE (or stdin) and prints one JSON object per line for each
temporal expression found (``TemporalExpression.as_dict()``).  Needs no Django settings.
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys

from .dates import find_dates


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {value!r}: expected YYYY-MM-DD, e.g. 2022-04-05") from None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m timeline.extraction",
                                 description="Tag German temporal expressions; one JSON object per line.")
    ap.add_argument("--published", required=True, type=_date, help="publication date, YYYY-MM-DD")
    ap.add_argument("--mode", choices=("news", "narrative"), default="news",
                    help="news: year-less dates take the year from the publication date; "
                         "narrative: from the preceding dated expression")
    ap.add_argument("--events-only", action="store_true", help="print only expressions that are timeline events")
    ap.add_argument("file", nargs="?", help="text file (UTF-8); stdin when omitted")
    args = ap.parse_args(argv)
    try:
        if args.file and args.file != "-":
            with open(args.file, encoding="utf-8") as fh:
                text = fh.read()
        else:
            text = sys.stdin.read()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    out = sys.stdout
    for te in find_dates(text, args.published, mode=args.mode):
        if args.events_only and not te.is_event:
            continue
        out.write(json.dumps(te.as_dict(), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
