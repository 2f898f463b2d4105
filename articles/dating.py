"""Explicit calendar dates in German text, and the publication date an article implies.

Deliberately small and separate from timeline.extraction: articles must not depend on the
timeline app, and a publication date only ever comes from full, explicit dates.
"""

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "febr": 2, "märz": 3, "maerz": 3,
    "mär": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "dezember": 12, "dez": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10,
    "december": 12,
}  # fmt: skip
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

FULL_DATE = re.compile(
    rf"""(?<![\w./-])(?:
        (?P<d1>\d{{1,2}})\.\s?(?P<m1>\d{{1,2}})\.\s?(?P<y1>\d{{4}})            # 05.04.2022
      | (?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})/(?P<y2>\d{{4}})                    # 07/02/2024, day first
      | (?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})                        # 2022-04-05
      | (?P<d4>\d{{1,2}})\.?\s*(?P<m4>{_MONTH_NAMES})\.?\s+(?P<y4>\d{{4}})     # 17. August 2022
    )(?![\w/-]|\.\d)""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    value: date
    start: int
    end: int
    text: str


def parse_full_date(value: str) -> date | None:
    """A single explicit date: '2022-04-05', '05.04.2022', '17. August 2022', or any full date
    dateparser reads in German or English ('Wed, 17 Aug 2022 10:00:00 GMT', '2022-08-17T09:30+02:00')."""
    value = value.strip()
    found = find_full_dates(value)
    if len(found) == 1 and found[0].text == value:
        return found[0].value
    import dateparser  # only for the formats above that our own pattern does not cover

    parsed = dateparser.parse(
        value,
        languages=["de", "en"],
        settings={
            "DATE_ORDER": "DMY",
            "REQUIRE_PARTS": ["day", "month", "year"],
            # A header such as "gestern" names no date of its own.
            "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        },
    )
    return parsed.date() if parsed else None


def find_full_dates(text: str) -> list[FoundDate]:
    found = []
    for m in FULL_DATE.finditer(text):
        g = m.groupdict()
        for i in "1234":
            if g[f"y{i}"]:
                day, month, year = g[f"d{i}"], g[f"m{i}"], g[f"y{i}"]
                break
        month_no = int(month) if month.isdigit() else MONTHS[month.lower()]
        try:
            value = date(int(year), month_no, int(day))
        except ValueError:
            continue
        found.append(FoundDate(value, m.start(), m.end(), m.group(0)))
    return found


# A line a page starts with to label its own date ("Erstellt: 05.04.2022", "Veröffentlicht am
# Dienstag, 5. April 2022"): creation first, then the last update.
_WEEKDAY = r"(?:(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so)\.?,?\s*)?"
_CREATED = re.compile(rf"\s*(?:erstellt|veröffentlicht|publiziert|published|posted)\s*(?:am|on)?\s*:?\s*{_WEEKDAY}", re.I)
_UPDATED = re.compile(rf"\s*(?:stand|aktualisiert|zuletzt aktualisiert|updated)\s*(?:am|on)?\s*:?\s*{_WEEKDAY}", re.I)


def infer_published(text: str, *, today: date | None = None) -> tuple[date | None, str]:
    """The publication date an article implies, with the text it was taken from.

    In order: a date the page labels as its own ("Erstellt: 05.04.2022", "Veröffentlicht am …",
    then "Stand: …"); a line that holds nothing but a date (a dateline); otherwise the latest
    explicit full date, since news reports what happened up to its publication, so the latest date
    it states is the closest lower bound available. Dates after ``today`` are announcements, not
    publication dates, and are ignored.
    """
    today = today or date.today()
    dates = [d for d in find_full_dates(text) if d.value <= today]
    if not dates:
        return None, ""
    for label, pattern in (("created", _CREATED), ("updated", _UPDATED)):
        for d in dates:
            line_start = text.rfind("\n", 0, d.start) + 1
            if pattern.fullmatch(text, line_start, d.start):
                return d.value, f"{label} '{text[line_start:d.end].strip()[:80]}'"
    for d in dates:
        line_start = text.rfind("\n", 0, d.start) + 1
        line_end = text.find("\n", d.end)
        line = text[line_start : len(text) if line_end == -1 else line_end]
        if line.strip() == d.text:
            return d.value, f"dateline '{d.text}'"
    latest = max(dates, key=lambda d: d.value)
    return latest.value, f"latest explicit date '{latest.text}'"
