"""German temporal-expression tagger.

``find_dates(text, published)`` returns the temporal expressions of a German text
as :class:`TemporalExpression` objects with resolved intervals.  A grammar of
compiled regular expressions over a small lexicon (``dates_lexicon``) proposes
candidate spans; the longest non-overlapping candidates are kept and resolved in
text order, so that year-less expressions can take their year from the
publication date (``mode="news"``) or from the preceding dated expressions
(``mode="narrative"``) and anaphora ("am gleichen Tag", "eine Woche später")
can be resolved against the previous dated expression.

Plain Python: no Django, no database. dateparser reads only the explicit dates written in formats
outside the German grammar ("5 April 2022", "April 5, 2022", "2022/04/05").
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from . import dates_lexicon as L

__all__ = ["TemporalExpression", "find_dates", "KINDS", "GRANULARITIES"]

KINDS = ("date", "range", "duration", "set", "vague")
GRANULARITIES = ("day", "week", "month", "season", "quarter", "half", "year",
                 "decade", "century", "approx")

D = _dt.date
ONE = _dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    char_start: int
    char_end: int
    text: str
    kind: str
    start: Optional[_dt.date]
    end: Optional[_dt.date]
    granularity: Optional[str]
    explanation: str
    confidence: float

    @property
    def is_event(self) -> bool:
        """True when the expression should become a timeline event."""
        return (self.kind in ("date", "range", "vague")
                and self.start is not None and self.end is not None)

    def as_dict(self) -> dict:
        d = {"char_start": self.char_start, "char_end": self.char_end,
             "text": self.text, "kind": self.kind}
        if self.start is not None and self.end is not None:
            d["start"] = self.start.isoformat()
            d["end"] = self.end.isoformat()
            d["granularity"] = self.granularity
        d["explanation"] = self.explanation
        d["confidence"] = round(self.confidence, 2)
        return d


# ---------------------------------------------------------------------------
# calendar helpers

def _month_end(y: int, m: int) -> D:
    return D(y, m, calendar.monthrange(y, m)[1])


def _month_iv(y: int, m: int):
    return D(y, m, 1), _month_end(y, m)


def _add_months(d: D, n: int) -> D:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    if not 1 <= y <= 9999:
        raise ValueError("year out of range")
    return D(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _add_years(d: D, n: int) -> D:
    return _add_months(d, 12 * n)


def _shift(d: D, n: float, unit: str) -> D:
    if unit == "day":
        return d + _dt.timedelta(days=round(n))
    if unit == "week":
        return d + _dt.timedelta(days=round(7 * n))
    if unit == "month":
        whole = int(n)
        d2 = _add_months(d, whole)
        return d2 + _dt.timedelta(days=round((n - whole) * 30))
    if unit == "year":
        whole = int(n)
        d2 = _add_years(d, whole)
        return d2 + _dt.timedelta(days=round((n - whole) * 365))
    if unit == "decade":
        return _add_years(d, int(round(10 * n)))
    if unit == "century":
        return _add_years(d, int(round(100 * n)))
    return d + _dt.timedelta(days=round(n))  # hours etc. ~ same day


def _week_iv(d: D):
    mon = d - _dt.timedelta(days=d.weekday())
    return mon, mon + _dt.timedelta(days=6)


def _season_iv(season: str, y: int):
    """Season of year ``y``; winter ``y`` is Dec (y-1) .. Feb y."""
    a, b = L.SEASON_MONTHS[season]
    if season == "winter":
        return D(y - 1, 12, 1), _month_end(y, 2)
    return D(y, a, 1), _month_end(y, b)


def _iso(s: D, e: D) -> str:
    return s.isoformat() if s == e else f"{s.isoformat()}..{e.isoformat()}"


def _with_mod(s: D, e: D, mod: Optional[str], gran: str):
    """Anfang/Mitte/Ende narrows an interval to an approximate part of it; returns
    (start, end, granularity, note for the explanation)."""
    if not mod:
        return s, e, gran, ""
    s, e, note = _mod_interval(s, e, mod, gran)
    return s, e, "approx", f" ({note})"


def _mod_interval(s: D, e: D, mod: str, gran: str):
    """Apply Anfang/Mitte/Ende to an interval; returns (start, end, note)."""
    mod = _mod_key(mod)
    if gran == "month":
        if mod == "start":
            return s, s + 9 * ONE, "days 1–10"
        if mod == "mid":
            return s + 10 * ONE, s + 19 * ONE, "days 11–20"
        return s + 20 * ONE, e, "days 21–end"
    if gran == "year":
        y = s.year
        if mod == "start":
            return D(y, 1, 1), D(y, 3, 31), "first quarter"
        if mod == "mid":
            return D(y, 5, 1), D(y, 8, 31), "May–August"
        return D(y, 10, 1), D(y, 12, 31), "last quarter"
    if gran == "week":
        if mod == "start":
            return s, s + 2 * ONE, "Monday–Wednesday"
        if mod == "mid":
            return s + ONE, s + 3 * ONE, "Tuesday–Thursday"
        return s + 3 * ONE, e, "Thursday–Sunday"
    if gran in ("decade", "century"):
        n = e.year - s.year + 1
        a = max(1, n // 3)
        if mod == "start":
            return s, D(s.year + a - 1, 12, 31), "first third"
        if mod == "mid":
            return D(s.year + a, 1, 1), D(e.year - a, 12, 31), "middle third"
        return D(e.year - a + 1, 1, 1), e, "last third"
    n = (e - s).days + 1
    a = max(1, n // 3)
    if mod == "start":
        return s, s + (a - 1) * ONE, "first third"
    if mod == "mid":
        return s + a * ONE, e - a * ONE, "middle third"
    return e - (a - 1) * ONE, e, "last third"


def _mod_key(mod: str) -> str:
    m = mod.strip().lower()
    if m.startswith(("anfang", "beginn", "früh")):
        return "start"
    if m.startswith("mitte"):
        return "mid"
    return "end"


def _rel_key(word: Optional[str]) -> Optional[str]:
    if not word:
        return None
    w = word.lower()
    if w.startswith(("vergangen", "letzt", "vorig", "zurückliegend")):
        return "past"
    if w.startswith(("kommend", "nächst", "bevorstehend")):
        return "next"
    if w.startswith(("dies", "laufend")):
        return "this"
    return None


def _num(word: str) -> Optional[float]:
    w = word.strip().lower()
    if w in L.NUMBER_WORDS:
        return L.NUMBER_WORDS[w]
    try:
        return float(w.replace(",", "."))
    except ValueError:
        return None


def _two_digit_year(yy: int, pub: D) -> int:
    y = 2000 + yy
    return y if y <= pub.year + 10 else 1900 + yy


# ---------------------------------------------------------------------------
# tense heuristics (clause level, falling back to the sentence)

_FUT_RE = re.compile(
    r"(?<!\w)(?:wird|werden|werde|will|wollen|plant|planen|geplant|beabsichtigt|"
    r"voraussichtlich|künftig|demnächst|bevorstehend\w*|anstehend\w*|soll|sollen|droht|drohen|beginnt|"
    r"startet|endet|stattfinden|findet|tritt|treten|erwartet|erwarten|dürfte|dürften|"
    r"bald|geplante[nmrs]?|kommende[nmrs]?)(?!\w)")
# Past tense: auxiliaries, frequent strong/irregular preterites of news German and a
# few weak-verb endings that are rarely anything but a preterite.
_PAST_RE = re.compile(
    r"(?<!\w)(?:war|waren|wurde|wurden|hatte|hatten|hat|haben|habe|gewesen|worden|"
    r"brachten?|dachten?|wussten?|konnten?|mussten?|wollten?|durften?|geschah|gewann(?:en)?|"
    # strong preterites, with or without a separable or inseparable prefix
    r"(?:er|ver|be|ent|zer|an|aus|ab|auf|ein|zu|vor|unter|über|nieder|fest|fort|weg|zurück|statt)?(?:schoss|griff|"
    r"stach|fing|hing|riet|stritt|litt|schnitt|biss|wich|schwieg|stieß|flog|zwang|sang|sprang|trank|band|gelang|"
    r"schwand|fahl|warb|half|galt|las|aß|vergaß|wusch|grub|schuf|lud|hieß|schlief|trieb|mied|schied|glich|riss|"
    r"goss|floss|genoss|bog|fror|kroch|brach|sprach|stahl|trat|lag|sank|stand|fand|wand|rang|nahm|kam|gab|zog|"
    r"rief|wies|schrieb|stieg|bot|hielt|ließ|lief|fiel|fuhr|trug|schlug|wuchs|starb|sah|saß|ging|traf|bat|warf|"
    r"schloss|floh|lor|begann|sog|log)(?:en)?|"
    # weak preterites (meldete, forderte, führte, setzte, nannte, einigten, handelten);
    # participial adjectives ("angekündigte", "die besetzten Gebiete"), ordinals and
    # present forms sharing the ending are excluded
    r"(?!\w{0,4}ge|letzt|verletzt|vorletzt|besetzt|bekannt|unbekannt|genannt|sogenannt|anerkannt|bewaffnet|"
    r"verheiratet|erwartet|harte|zarte|vierte|\w*(?:biet|tret)en)"
    r"[a-zäöü]\w*(?:ierten?|igten?|\welten?|\w\weten?|rte|hrten?|tzten?|nnten?)|"
    r"(?!\w{0,4}ge|\w*(?:alte|alten|gelten|selten|rechten?|echten?|leichten?|möchten?|dichten?|nächten?|richten|"
    r"zichten|achten|fürchten|flüchten|leuchten|nichten|schlachten|trachten|pachten)(?!\w))"
    r"[a-zäöü]\w*(?:[^a]lten?|chten?)|"
    r"(?:sag|frag|leg|leb|klag|wag|erklär|forder|änder|äußer|hör|zerstör|gehör|bau|trau|schau|warn|plan|lern|"
    r"mach|such|besuch|versuch|kauf|verkauf|lauf|hoff|prüf|ruf|schaff|griff|stopp|tipp|wähl|zähl|erzähl|"
    r"fehl|hol|teil|stell|spiel|zahl|kost|test|fass|pass|lass|reis|wies|lös|folg|räum|sieg|beton|mein|dien|"
    r"verdien|lehn|wohn|kämpf|glaub|wirk|stärk|merk|schick|senk|lenk|rück|drück|erhöh|schnei)ten?|"
    r"damals|zuvor|bereits|einst|(?:ist|sind|sei|seien)\b[^,.;]{0,60}?\b(?!geplant|gedacht)ge\w{3,}(?:t|en))(?!\w)")
# "unterzeichnet werden", "entschieden werden": participle + infinitive passive (no past cue).
_PASSIVE_INF_RE = re.compile(r"(?<!\w)[a-zäöü]\w*(?:t|en)\s+werden(?!\w)")
# A clause with a present-tense copula and no other cue is present tense even when
# the rest of the sentence is not ("..., hatte es geheißen; die Abstimmung ist am 16. Juni").
_PRESENT_RE = re.compile(r"(?<!\w)(?:ist|sind|gilt|gelten|bleibt|bleiben|steht|stehen|läuft|laufen)(?!\w)")


def _tense(text: str, start: int, end: int) -> str:
    """'past', 'future' or 'present' (no cue) for the clause around ``text[start:end]``."""
    lo = max(0, start - 250)
    hi = min(len(text), end + 250)
    left = text[lo:start]
    right = text[end:hi]
    # sentence
    ls = max((m.end() for m in re.finditer(r"[.!?]\s+(?=[A-ZÄÖÜ„\"])|\n", left)), default=0)
    rm = re.search(r"[.!?](?:\s+[A-ZÄÖÜ„\"]|\s*$)|\n", right)
    sent_left, sent_right = left[ls:], right[:rm.start() if rm else len(right)]
    # clause
    cl = max((m.end() for m in re.finditer(r"[,;–]", sent_left)), default=0)
    cr = re.search(r"[,;–]", sent_right)
    clause = sent_left[cl:] + " " + sent_right[:cr.start() if cr else len(sent_right)]
    for chunk in (clause, sent_left + " " + sent_right):
        # "soll im Herbst entschieden werden": a participle before the infinitive "werden" is a
        # passive, not a preterite ("entschieden" also reads as "ent+schied+en").
        chunk = _PASSIVE_INF_RE.sub(" werden", chunk)
        fut = bool(_FUT_RE.search(chunk))
        past = bool(_PAST_RE.search(chunk))
        if fut and not past:
            return "future"
        if past:
            return "past"
        if chunk is clause and _PRESENT_RE.search(chunk):
            return "present"
    return "present"


# German news report past events in the past tense and use the present tense both
# for scheduled events and for figures just published ("die Zahlen für Dezember
# liegen vor"): without a tense cue the candidate closest to the publication date wins.
def _distance(s: D, e: D, pub: D) -> int:
    if s <= pub <= e:
        return 0
    return (pub - e).days if e < pub else (s - pub).days


# ---------------------------------------------------------------------------
# resolution context

_SENT_BREAK = re.compile(r"(?<!\d)[.!?]\s+[A-ZÄÖÜ„\"]|\n")
_HAS_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


# "Ende Juni/Anfang Juli 1941", "im Juni und Juli 1943", "4. und 5. Mai 1945": the year written once at the end
_COORD_YEAR_AFTER = re.compile(
    r"\s*(?:/|,|und|oder|sowie|bzw\.|bis(?:\s+(?:zum|in\s+den|Ende|Anfang|Mitte))?|[-–—])\s*"
    r"(?:(?:Anfang|Mitte|Ende)\s+)?(?:\d{1,2}\.\s*)?(?P<mon>" + L.alt(L.FULL_MONTHS) + r")\s+(?P<y>(?:1[0-9]|20)\d\d)(?!\d)")
_LOOK_BACK = re.compile(r"(?i)\b(?:bereits|schon|zuvor|vorher|davor|damals|seit|noch)\b[^.;]*$")


class _Ctx:
    __slots__ = ("text", "pub", "mode", "last_year", "last_year_src", "explicit_year_end", "anchors", "last_span")

    def __init__(self, text: str, pub: D, mode: str):
        self.text = text
        self.pub = pub
        self.mode = mode
        self.last_year: Optional[int] = None
        self.last_year_src = ""
        # end offset of the last expression that spelled out its year (-1: none)
        self.explicit_year_end = -1
        self.anchors: list[TemporalExpression] = []
        # interval of the expression the year was taken from, when it is shorter than a season
        self.last_span: Optional[tuple] = None

    def _year_in_sentence(self, start: int) -> bool:
        """News mode: a year written earlier in the same sentence carries over
        ('Ostern 2023 fällt auf den 9. April')."""
        a = self.explicit_year_end
        return a >= 0 and start - a < 200 and not _SENT_BREAK.search(self.text, a, start)

    def pick_year(self, make: Callable[[int], tuple], start: int, end: int, rel: Optional[str] = None):
        """Choose the year for a year-less expression. Returns (s, e, note)."""
        pub = self.pub
        if rel is None:
            nxt = _COORD_YEAR_AFTER.match(self.text, end)
            if nxt:
                y = int(nxt.group("y"))
                try:
                    s, e = make(y)
                    nm = L.MONTHS.get(nxt.group("mon").lower().rstrip(".")) if nxt.group("mon") else None
                    if nm and s.month > nm and s.year == y:  # "Dezember bis Februar 1943"
                        s, e = make(y - 1)
                    return s, e, f"year {s.year} from the coordinated {nxt.group(0).strip()!r}"
                except ValueError:
                    pass
        if rel is None and self.last_year is not None and (self.mode == "narrative" or self._year_in_sentence(start)):
            try:
                s, e = make(self.last_year)
                if self._rolls_over(s, start):
                    s, e = make(self.last_year + 1)
                    return s, e, (f"year {self.last_year + 1}: the year after {self.last_year_src!r}, "
                                  f"whose month lies well after it")
                return s, e, f"year {self.last_year} from the preceding expression {self.last_year_src!r}"
            except ValueError:
                pass
        cands = []
        # Four years either side, so that a 29 February always has a leap year on each side.
        for y in range(pub.year - 4, pub.year + 5):
            try:
                cands.append(make(y))
            except ValueError:
                continue
        if not cands:
            raise ValueError("no valid year")
        if rel == "past":
            ok = [c for c in cands if c[1] < pub] or cands
            s, e = max(ok)
            how = "the last one before"
        elif rel == "next":
            ok = [c for c in cands if c[0] > pub] or cands
            s, e = min(ok)
            how = "the next one after"
        elif rel == "this":
            inside = [c for c in cands if c[0] <= pub <= c[1]]
            if inside:
                s, e = inside[0]
            else:
                s, e = min(cands, key=lambda c: min(abs((c[0] - pub).days), abs((c[1] - pub).days)))
            how = "the one closest to"
        else:
            tense = _tense(self.text, start, end)
            if tense == "future":
                ok = [c for c in cands if c[1] >= pub] or cands
                s, e = min(ok)
                how = "future tense: the next one from"
            elif tense == "past":
                ok = [c for c in cands if c[0] <= pub] or cands
                s, e = max(ok)
                how = "past tense: the last one up to"
            else:
                s, e = min(cands, key=lambda c: _distance(c[0], c[1], pub))
                how = "no tense cue: the one nearest to"
        years = s.year if s.year == e.year else f"{s.year}/{e.year}"
        return s, e, f"year {years} from the publication date {pub.isoformat()} ({how} it)"

    def _rolls_over(self, s: D, start: int) -> bool:
        """Narrative: "Im Dezember 1812 … Im Januar …" goes on into the next year. A year-less month
        five or more months before the autumn or winter just told is the next year's, unless the text
        looks back ("bereits im Januar", "zuvor")."""
        if self.mode != "narrative" or self.last_span is None:
            return False
        ls, _le = self.last_span
        if ls.year != self.last_year or s.year != ls.year or ls.month - s.month < 5:
            return False
        before = self.text[max(0, start - 40):start]
        return not _LOOK_BACK.search(before)

    def note_year(self, te: TemporalExpression) -> None:
        if te.start is None or te.kind not in ("date", "range"):
            return
        if te.granularity in ("decade", "century"):
            return
        self.last_year = te.end.year if te.kind == "range" else te.start.year
        self.last_year_src = te.text
        self.last_span = ((te.start, te.end) if te.kind == "date" and te.end is not None
                          and (te.end - te.start).days <= 100 else None)
        self.explicit_year_end = te.char_end if _HAS_YEAR.search(te.text) else -1

    def anchor(self, want_day: bool = False) -> Optional[TemporalExpression]:
        if not self.anchors:
            return None
        if want_day:
            for a in reversed(self.anchors[-4:]):
                if a.granularity == "day":
                    return a
        return self.anchors[-1]


# ---------------------------------------------------------------------------
# grammar

_B = r"(?<![\w])"
_E = r"(?!\w)"
MON_FULL = L.alt(L.FULL_MONTHS) + _E
MON_ANY = "(?:" + L.alt(L.FULL_MONTHS) + _E + "|" + L.alt(L.ABBR_MONTHS) + r"(?:\.|" + _E + "))"
YEAR4 = r"(?:1[0-9]\d\d|20\d\d|21\d\d)(?![\d]|[.,]\d)"
DAYN = r"(?:0?[1-9]|[12]\d|3[01])"
MODS = r"(?:Anfang|Mitte|Ende|Ausgang|Beginn|Anfangs)"
REL = r"(?:[Vv]ergangen|[Ll]etzt|[Vv]orig|[Kk]ommend|[Nn]ächst|[Dd]ies|[Ll]aufend)e[nmrs]?"
WD = L.alt(L.WEEKDAYS)
WDP = WD + r"(?:" + L.DAYPARTS + r")?" + _E
NUMW = L.cap_alt(list(L.NUMBER_WORDS)) + _E
NUMANY = r"(?:\d+(?:,\d+)?|" + NUMW.replace(_E, "") + r")"
VAGUEW = r"(?:wenigen|wenige|einigen|einige|mehreren|mehrere|ein\s+paar|etlichen|etliche|zahlreichen|zahlreiche|vielen|viele)"
APPROXW = r"(?:(?:über|mehr\s+als|weniger\s+als|fast|knapp|rund|etwa|gut|genau|kaum|ungefähr|ca\.|circa|mindestens|höchstens|ganze[n]?)\s+)"
FOCUSW = r"(?:(?:[Nn]ur|[Bb]ereits|[Ss]chon|[Ee]rst|[Gg]erade\s+einmal|[Gg]erade\s+mal|[Nn]och)\s+)"
SEASONW = (r"(?:(?:Spät|Früh)(?:sommer|herbst|winter|frühling|frühjahr)|Frühling|Frühjahr|Sommer|Herbst|Winter)"
           r"(?:s|es)?" + _E)
NUMDATE = (r"(?<![\w.,/-])(?:(?P<nd>\d{1,2})\.(?P<nm>\d{1,2})\.(?P<ny>\d{4}|\d{2})"
           r"|(?P<sd>\d{1,2})/(?P<sm>\d{1,2})/(?P<sy>\d{4})"
           r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?!\d|[.,]\d|/\d)")


class _Rule:
    __slots__ = ("name", "rx", "fn", "prio", "check")

    def __init__(self, name, pattern, fn, prio=5, flags=0, check=None):
        self.name = name
        self.rx = re.compile(pattern, flags)
        self.fn = fn
        self.prio = prio
        self.check = check


def _te(ctx: _Ctx, m, kind, s, e, gran, expl, conf, span=None):
    a, b = span if span else m.span("x")
    return TemporalExpression(a, b, ctx.text[a:b], kind, s, e, gran, expl, conf)


# --- numeric dates --------------------------------------------------------

def _numdate(m, pub: D) -> Optional[D]:
    g = m.groupdict()
    try:
        if g.get("nd"):
            y = int(g["ny"])
            if len(g["ny"]) == 2:
                y = _two_digit_year(y, pub)
            return D(y, int(g["nm"]), int(g["nd"]))
        if g.get("sd"):
            return D(int(g["sy"]), int(g["sm"]), int(g["sd"]))
        if g.get("iy"):
            return D(int(g["iy"]), int(g["im"]), int(g["id"]))
    except ValueError:
        return None
    return None


def h_numdate(m, ctx):
    d = _numdate(m, ctx.pub)
    if d is None or not 1000 <= d.year <= 2199:
        return None
    return _te(ctx, m, "date", d, d, "day", f"numeric date → {d.isoformat()} (day.month.year)", 0.95)


@lru_cache(maxsize=4096)
def _dateparser_day(text: str) -> Optional[D]:
    import dateparser  # loaded on first use: most texts never need it

    year_first = bool(re.match(r"\d{4}", text))
    parsed = dateparser.parse(
        text,
        languages=["de", "en"],
        settings={
            "DATE_ORDER": "YMD" if year_first else "DMY",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["absolute-time"],
        },
    )
    return parsed.date() if parsed else None


def h_other_format(m, ctx):
    d = _dateparser_day(m["x"])
    if d is None:
        return None
    return _te(ctx, m, "date", d, d, "day", f"{m['x']} → {d.isoformat()} (read by dateparser)", 0.9)


def h_numdate_noyear(m, ctx):
    dd, mm = int(m["d"]), int(m["m"])

    def make(y):
        d = D(y, mm, dd)
        return d, d
    try:
        s, e, note = ctx.pick_year(make, *m.span("x"))
    except ValueError:
        return None
    return _te(ctx, m, "date", s, e, "day", f"{m['x']} → {s.isoformat()}; {note}", 0.8)


def h_wd_numdate(m, ctx):
    d = _numdate(m, ctx.pub)
    if d is None:
        return None
    wd = L.WEEKDAYS.get(m["wd"]) if m.groupdict().get("wd") else L.WEEKDAY_ABBR.get(m.groupdict().get("wda"))
    conf = 0.97 if wd is None or wd == d.weekday() else 0.8
    return _te(ctx, m, "date", d, d, "day", f"weekday with numeric date → {d.isoformat()}", conf)


# --- day + month names ------------------------------------------------------

def _month_no(name: str) -> int:
    return L.MONTHS[name.rstrip(".")]


def _ryrel_year(m, ctx) -> Optional[int]:
    """Year of a '... vergangenen/desselben/des folgenden Jahres' suffix, if any."""
    g = m.groupdict()
    r = (g.get("ryrel") or g.get("ryrel2") or "").lower()
    if not r:
        return None
    k = _rel_key(r)
    if k is not None:  # deictic: relative to the publication date
        return ctx.pub.year + {"past": -1, "next": 1, "this": 0}[k]
    # anaphoric: relative to the year of the preceding expression
    base = ctx.last_year if ctx.last_year is not None else ctx.pub.year
    if r.startswith(("folge", "folgend", "darauf")):
        return base + 1
    if r.startswith("vorjahr"):
        return base - 1
    return base


def h_day_month(m, ctx):
    day, mon = int(m["d"]), _month_no(m["mon"])
    ry = _ryrel_year(m, ctx)
    wdn = m.groupdict().get("wdn")
    if ry is not None:
        try:
            d = D(ry, mon, day)
        except ValueError:
            return None
        return _te(ctx, m, "date", d, d, "day", f"{m['x']} → {d.isoformat()} (year relative to the publication date)", 0.9)
    if wdn and not m["y"]:
        wd = L.WEEKDAYS[wdn]
        best = None
        for y in range(ctx.pub.year - 3, ctx.pub.year + 4):
            try:
                d = D(y, mon, day)
            except ValueError:
                continue
            if d.weekday() == wd and (best is None or abs((d - ctx.pub).days) < abs((best - ctx.pub).days)):
                best = d
        if best is not None and abs((best - ctx.pub).days) < 400:
            return _te(ctx, m, "date", best, best, "day",
                       f"{m['x']} → {best.isoformat()} (year {best.year}: the nearest year in which it is a {wdn})", 0.88)
    if m["y"]:
        try:
            d = D(int(m["y"]), mon, day)
        except ValueError:
            return None
        conf = 0.97
        note = f"{m['x']} → {d.isoformat()}"
    else:
        def make(y):
            d = D(y, mon, day)
            return d, d
        try:
            d, _, yn = ctx.pick_year(make, *m.span("x"))
        except ValueError:
            return None
        conf = 0.85
        note = f"{m['x']} → {d.isoformat()}; {yn}"
    return _te(ctx, m, "date", d, d, "day", note, conf)


def h_day_range(m, ctx):
    """'10.–12. März 2022', 'vom 1. bis 3. März'."""
    d1, d2, mon = int(m["d1"]), int(m["d2"]), _month_no(m["mon"])
    if d2 <= d1:
        return None

    def make(y):
        return D(y, mon, d1), D(y, mon, d2)
    try:
        if m["y"]:
            s, e = make(int(m["y"]))
            note = ""
        else:
            s, e, note = ctx.pick_year(make, *m.span("x"))
            note = "; " + note
    except ValueError:
        return None
    return _te(ctx, m, "range", s, e, "day", f"{m['x']} → {_iso(s, e)}{note}", 0.92)


def h_dm_dm_range(m, ctx):
    """'vom 1. März bis 3. April 2022'."""
    m1, m2 = _month_no(m["mon1"]), _month_no(m["mon2"])
    d1, d2 = int(m["d1"]), int(m["d2"])
    y2 = m["y2"]
    y1 = m["y1"]
    try:
        if y2:
            ye = int(y2)
            ys = int(y1) if y1 else (ye if (m1, d1) <= (m2, d2) else ye - 1)
            s, e = D(ys, m1, d1), D(ye, m2, d2)
            note = ""
        else:
            def make(y):
                a = D(y, m1, d1)
                b = D(y if (m1, d1) <= (m2, d2) else y + 1, m2, d2)
                return a, b
            s, e, note = ctx.pick_year(make, *m.span("x"))
            note = "; " + note
    except ValueError:
        return None
    if e < s:
        return None
    return _te(ctx, m, "range", s, e, "day", f"{m['x']} → {_iso(s, e)}{note}", 0.92)


# --- months ---------------------------------------------------------------

_COORD_BEFORE = re.compile(L.alt(L.FULL_MONTHS) + r"(?:\s+\d{4})?\s*(?:,|und|oder|sowie|bzw\.)\s*$")


def _coordinated(text: str, start: int) -> bool:
    """A bare month name in a list after another month: 'im Januar und Februar'."""
    return bool(_COORD_BEFORE.search(text, max(0, start - 30), start))


def h_month(m, ctx):
    g = m.groupdict()
    mod, rel, y, pre = g.get("mod"), g.get("rel"), g.get("y"), g.get("pre")
    comp = g.get("comp")
    if not (mod or rel or y or pre or comp or g.get("ryrel") or g.get("ryrel2") or _coordinated(ctx.text, m.start("x"))):
        return None
    mon = _month_no(m["mon"])
    relk = _rel_key(rel)
    if rel and relk is None:
        return None
    ry = _ryrel_year(m, ctx)
    if y or ry is not None:
        s, e = _month_iv(int(y) if y else ry, mon)
        note = "" if y else "; year relative to the publication date"
        conf = 0.95 if y else 0.9
    else:
        if comp and relk is None and _tense(ctx.text, *m.span("x")) != "future":
            # A month that names something ("die Januar-Proteste") names what already happened.
            relk = "past"
        try:
            s, e, note = ctx.pick_year(lambda yy: _month_iv(yy, mon), *m.span("x"), rel=relk)
        except ValueError:
            return None
        note = "; " + note
        conf = 0.85 if pre or mod or rel else 0.6
    s, e, gran, extra = _with_mod(s, e, mod, "month")
    span = None
    if comp:
        conf = 0.4
        span = m.span("x")
    return _te(ctx, m, "date", s, e, gran, f"{m['x']} → {_iso(s, e)}{extra}{note}", conf, span)


def _month_range_ok(m) -> bool:
    g = m.groupdict()
    if not (g.get("pre") or g.get("y1") or g.get("y2")):
        return False
    if re.search(r"\sund\s", m.group("x")) and not (g.get("pre") or "").lower().startswith("zwischen"):
        return False
    if g["mon1"] == g["mon2"] and g.get("y1") == g.get("y2"):
        return False
    return True


def h_month_range(m, ctx):
    """'von Januar bis März 2022', 'zwischen Mai und Juli'."""
    g = m.groupdict()
    if not (g.get("pre") or g.get("y1") or g.get("y2")):
        return None
    m1, m2 = _month_no(m["mon1"]), _month_no(m["mon2"])
    try:
        if g.get("y2"):
            ye = int(g["y2"])
            ys = int(g["y1"]) if g.get("y1") else (ye if m1 <= m2 else ye - 1)
            s, e = D(ys, m1, 1), _month_end(ye, m2)
            note = ""
        elif g.get("y1"):
            ys = int(g["y1"])
            s, e = D(ys, m1, 1), _month_end(ys if m1 <= m2 else ys + 1, m2)
            note = ""
        else:
            def make(y):
                return D(y, m1, 1), _month_end(y if m1 <= m2 else y + 1, m2)
            s, e, note = ctx.pick_year(make, *m.span("x"))
            note = "; " + note
    except ValueError:
        return None
    if e < s:
        return None
    return _te(ctx, m, "range", s, e, "month", f"{m['x']} → {_iso(s, e)}{note}", 0.9)


# --- seasons, quarters, halves ----------------------------------------------

def _season_key(word: str) -> str:
    for k, v in L.SEASONS.items():
        if word.startswith(k):
            return v
    raise KeyError(word)


def h_season(m, ctx):
    g = m.groupdict()
    mod, rel, y, pre = g.get("mod"), g.get("rel"), g.get("y"), g.get("pre")
    if not (mod or rel or y or pre or g.get("ryrel") or g.get("ryrel2")):
        return None
    relk = _rel_key(rel)
    if rel and relk is None:
        return None
    word, early_late = m["s"], None
    for prefix, md in (("Spät", "Ende"), ("Früh", "Anfang")):
        if word.startswith(prefix) and not word.startswith(("Frühling", "Frühjahr")):
            # "Spätsommer", "Frühherbst": the late or early part of the season
            word, early_late = word[len(prefix):].capitalize(), md
    mod = mod or early_late
    season = _season_key(word)
    ry = _ryrel_year(m, ctx)
    if ry is not None:
        s, e = _season_iv(season, ry)
        note = f"; year {ry}"
        conf = 0.85
    elif y:
        yy = int(y)
        if season == "winter":
            y2 = g.get("y2")
            if y2:  # Winter 2022/23 → Dec 2022 .. Feb 2023
                yy = yy + 1
        s, e = _season_iv(season, yy)
        note = ""
        conf = 0.93
    else:
        make = lambda yy: _season_iv(season, yy)  # noqa: E731
        last = ctx.anchors[-1] if ctx.anchors else None
        if (season == "winter" and relk is None and ctx.mode == "narrative" and last is not None
                and last.end is not None and ctx.last_year == last.end.year and last.end.month >= 6):
            # a story that has reached the autumn goes on into the winter that follows it
            make = lambda yy: _season_iv(season, yy + 1)  # noqa: E731
        try:
            s, e, note = ctx.pick_year(make, *m.span("x"), rel=relk)
        except ValueError:
            return None
        note = "; " + note
        conf = 0.8
    s, e, gran, extra = _with_mod(s, e, mod, "season")
    return _te(ctx, m, "date", s, e, gran,
               f"{m['x']} → {L.SEASON_DE[season]} {_iso(s, e)}{extra}{note}", conf)


def _ordinal(word: str) -> Optional[int]:
    w = word.strip().rstrip(".")
    if w.isdigit():
        return int(w)
    return L.ORDINAL_WORDS.get(w.lower())


def h_quarter(m, ctx):
    g = m.groupdict()
    if g.get("qn"):
        n, kind = int(g["qn"]), "quarter"
        ytxt = g["qy"].lstrip("'")
        y = int(ytxt) if len(ytxt) == 4 else _two_digit_year(int(ytxt), ctx.pub)
        relk = None
    else:
        n = _ordinal(g["ord"])
        word = g["q"].lower()
        kind = "quarter" if word.startswith(("quartal", "viertel")) else "half"
        if word.startswith("hälfte") and not (g.get("y") or g.get("relj") or g.get("dj") or g.get("dj2")):
            return None
        y = int(g["y"]) if g.get("y") else None
        relk = _rel_key(g.get("relj"))
    parts = 4 if kind == "quarter" else 2
    if n is None:
        return None
    if n == -1:
        n = parts
    if not 1 <= n <= parts:
        return None
    size = 12 // parts

    def make(yy):
        return D(yy, (n - 1) * size + 1, 1), _month_end(yy, n * size)
    if y is not None:
        s, e = make(y)
        note = ""
        conf = 0.93
    else:
        if relk is not None:
            yy = ctx.pub.year + {"past": -1, "next": 1, "this": 0}[relk]
            s, e = make(yy)
            note = f"; year {yy} relative to the publication date {ctx.pub.isoformat()}"
        else:
            try:
                s, e, note = ctx.pick_year(make, *m.span("x"))
            except ValueError:
                return None
            note = "; " + note
        conf = 0.8
    return _te(ctx, m, "date", s, e, kind, f"{m['x']} → {_iso(s, e)}{note}", conf)


def h_first_months(m, ctx):
    """'in den ersten beiden Monaten des Jahres', 'in den ersten neun Monaten 2023',
    'in den letzten drei Monaten des vergangenen Jahres': the months counted from the year's
    start (or back from its end)."""
    g = m.groupdict()
    n = _num(g["n"])
    if n is None or n != int(n) or not 1 < n < 12:
        return None
    n = int(n)
    if g.get("y"):
        y, note = int(g["y"]), ""
    elif g.get("relj"):
        relk = _rel_key(g["relj"])
        if relk is None:
            return None
        y = ctx.pub.year + {"past": -1, "next": 1, "this": 0}[relk]
        note = f"; year {y} relative to the publication date {ctx.pub.isoformat()}"
    elif ctx.mode == "narrative" and ctx.last_year is not None:
        y, note = ctx.last_year, f"; year {ctx.last_year} from the preceding expression {ctx.last_year_src!r}"
    else:
        y, note = ctx.pub.year, f"; the year of the publication date {ctx.pub.isoformat()}"
    if g["ord"].lower().startswith("erst"):
        s, e = D(y, 1, 1), _month_end(y, n)
    else:
        s, e = D(y, 13 - n, 1), D(y, 12, 31)
    return _te(ctx, m, "date", s, e, "month", f"{m['x']} → {_iso(s, e)}{note}", 0.8)


# --- years ------------------------------------------------------------------

def h_year_explicit(m, ctx):
    y = int(m["y"])
    s, e, gran, extra = _with_mod(D(y, 1, 1), D(y, 12, 31), m.groupdict().get("mod"), "year")
    return _te(ctx, m, "date", s, e, gran, f"{m['x']} → {_iso(s, e)}{extra}", 0.95)


_STRONG_YEAR_BEFORE = re.compile(
    r"(?:[Ii]m|[Ss]eit|[Bb]is|[Aa]b|[Vv]on|[Zz]wischen|[Aa]nno|[Jj]ahre?s?|[Ss]ommer|[Ww]inter|[Hh]erbst|"
    r"[Ff]rühjahr|[Ff]rühling|[Ss]tand|[Ss]aison|[Ww]ahl|[Ww]ahlen)\s+$")
_QUANT_BEFORE = re.compile(
    r"(?:rund|etwa|ca\.|circa|über|fast|knapp|mehr\s+als|weniger\s+als|insgesamt|bis\s+zu|mindestens|"
    r"höchstens|genau|exakt|weitere|weiteren|Nr\.|Nummer|Seite|S\.|Tel\.?|Telefon|Fax|Art\.|§|Artikel|"
    r"Paragrafe?n?|Kapitel|Band|Heft|Platz|Zimmer|Raum|Punkte|Linie|Route|Flug|Version|Typ|Modell)\s*$")
_AFTER_CAP = re.compile(r"\s+([A-ZÄÖÜ][\wäöüß-]*)")
_AFTER_UNIT = re.compile(r"\s*(?:-?mal\b|-?fach|%|‰|°|km\b|kg\b|m\b|mm\b|cm\b|t\b|ha\b|qm\b|m²|€|\$|"
                         r"Prozent|Euro|Dollar|Franken|Rubel)")
_YEARISH_NEXT = {"Jahr", "Jahre", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                 "September", "Oktober", "November", "Dezember"}


# Years before 1900 are rarer than plain numbers of that size ("auf 1500 gestiegen",
# "die 1200 Beschäftigten"), so they need a cleaner context than modern years.
_OLD_YEAR_REJECT_BEFORE = re.compile(
    r"(?:\d\D{0,15}|(?:[Aa]uf|[Bb]ei|[Zz]u|[Üü]ber|[Uu]nter|[Aa]ls|[Mm]it|[Nn]ur|[Nn]och|[Jj]e|[Pp]ro|[Dd]ie|[Dd]er|"
    r"[Dd]en|[Dd]es|[Dd]em|[Ee]ine?[mnrs]?|[Aa]lle|[Zz]irka|es|betrug|beträgt|waren|sind)\s+)$")
_LIST_TAIL = re.compile(r"(?:\s*(?:,|und|oder|sowie)\s*\d{4}(?!\d))+")
_YEAR_LIST_BEFORE = re.compile(r"(?<![\d.,])(?:1[0-9]|20)\d\d\s*(?:,|und|oder|sowie|bzw\.)\s*$")
_YEAR_LIST_AFTER = re.compile(r"\s*(?:,|und|oder|sowie)\s*(?:1[0-9]|20)\d\d(?!\d|[.,]\d|\s+[A-ZÄÖÜ](?!(?:Jahr|Januar)))")
_OLD_YEAR_REJECT_AFTER = re.compile(r"\s*(?:bis|und|oder|[-–])\s*\d|\s+(?:mal|fach|Mal)\b|\s*[.,]\d")


def _bare_year_ok(a: int, b: int, text: str) -> bool:
    """Context filter for a standalone four-digit year (1000–2099)."""
    before = text[max(0, a - 25):a]
    after = text[b:b + 40]
    if re.search(r"\d[\s/]*$", before) or re.match(r"\s*\d", after):
        return False  # digit clusters: phone numbers, tables
    if re.search(r"[€$£]\s*$", before) or _AFTER_UNIT.match(after):
        return False
    # "1772, 1793 und 1795": the later members of a list of years
    old = int(text[a:b]) < 1900 and not _YEAR_LIST_BEFORE.search(before)
    if old and _OLD_YEAR_REJECT_AFTER.match(after) and not _YEAR_LIST_AFTER.match(after):
        return False
    if _STRONG_YEAR_BEFORE.search(before):
        return True
    if _QUANT_BEFORE.search(before):
        return False
    if old and _OLD_YEAR_REJECT_BEFORE.search(before):
        return False
    tail = _LIST_TAIL.match(text, b)
    mm = _AFTER_CAP.match(text[tail.end():tail.end() + 40] if tail else after)
    if mm and mm.group(1) not in _YEARISH_NEXT:
        return False  # "2000 Soldaten", "2019 Millionen", "1500, 1800 und 2000 Soldaten"
    return True


def h_bare_year(m, ctx):
    y = int(m["x"])
    s, e = D(y, 1, 1), D(y, 12, 31)
    strong = bool(_STRONG_YEAR_BEFORE.search(ctx.text[max(0, m.start("x") - 25):m.start("x")]))
    return _te(ctx, m, "date", s, e, "year", f"year {y} → {_iso(s, e)}", 0.9 if strong else 0.8)


def h_mod_year(m, ctx):
    y = int(m["y"])
    s, e, extra = _mod_interval(D(y, 1, 1), D(y, 12, 31), m["mod"], "year")
    return _te(ctx, m, "date", s, e, "approx", f"{m['x']} → {_iso(s, e)} ({extra} of {y})", 0.9)


def _year_range_years(m):
    y1 = int(m.group("y1"))
    y2t = m.group("y2")
    if len(y2t) == 2:
        y2 = (y1 // 100) * 100 + int(y2t)
        if y2 < y1:
            y2 += 100
    else:
        y2 = int(y2t)
    return y1, y2


def _year_range_ok(m) -> bool:
    y1, y2 = _year_range_years(m)
    conn = m.group("conn").strip()
    pre = (m.group("pre") or "").lower()
    if conn == "und" and not pre.startswith("zwischen"):
        return False
    if not y1 < y2 or y2 - y1 > 100:
        return False
    if conn == "/" and y2 != y1 + 1:
        return False
    if len(m.group("y2")) == 2 and conn not in ("/", "-", "–", "—"):
        return False
    return True


def h_year_range(m, ctx):
    y1, y2 = _year_range_years(m)
    s, e = D(y1, 1, 1), D(y2, 12, 31)
    return _te(ctx, m, "range", s, e, "year", f"{m['x']} → {y1}–{y2}", 0.9)


def h_rel_year(m, ctx):
    g = m.groupdict()
    pub = ctx.pub
    if g.get("vj"):
        y = pub.year - 1
        how = "previous year"
    elif g.get("heuer"):
        y = pub.year
        how = "this year"
    elif g.get("rel"):
        relk = _rel_key(g["rel"])
        if relk is None:
            return None
        y = pub.year + {"past": -1, "next": 1, "this": 0}[relk]
        how = {"past": "previous year", "next": "next year", "this": "this year"}[relk]
    elif g.get("neu"):  # "im neuen Jahr": the coming one late in the year
        if ctx.mode == "narrative" and ctx.last_year is not None:
            y = ctx.last_year + 1
            how = f"year after the preceding expression {ctx.last_year_src!r}"
        else:
            y = pub.year + 1 if pub.month >= 10 else pub.year
            how = "the new year"
    else:  # "Anfang des Jahres", "im Laufe des Jahres": context year
        if ctx.last_year is not None and (ctx.mode == "narrative" or ctx._year_in_sentence(m.start("x"))):
            y = ctx.last_year
            how = f"year of the preceding expression {ctx.last_year_src!r}"
        else:
            y = pub.year
            how = "the publication year"
    s, e, gran, extra = _with_mod(D(y, 1, 1), D(y, 12, 31), g.get("mod"), "year")
    return _te(ctx, m, "date", s, e, gran,
               f"{m['x']} → {_iso(s, e)}{extra} ({how}; publication date {pub.isoformat()})", 0.88)


def h_jahreswende(m, ctx):
    g = m.groupdict()
    pre = (g.get("pre") or "").lower()
    k = g["k"].lower()
    explicit = g.get("y")

    if k.startswith("wechsel") or k.startswith("wende"):
        if pre.startswith("nach"):
            make = lambda y: (D(y, 1, 1), D(y, 1, 15))
            what = "first two weeks of the year"
        elif pre.startswith("vor"):
            make = lambda y: (D(y - 1, 12, 15), D(y - 1, 12, 31))
            what = "second half of December"
        else:
            make = lambda y: (D(y - 1, 12, 24), D(y, 1, 7))
            what = "around New Year"
    elif k.startswith(("beginn", "anfang", "auftakt", "start")):
        make = lambda y: (D(y, 1, 1), D(y, 2, 15))
        what = "start of the year"
    elif k.startswith("mitte"):
        make = lambda y: (D(y, 6, 1), D(y, 7, 31))
        what = "middle of the year"
    else:  # ende
        make = lambda y: (D(y, 11, 15), D(y, 12, 31))
        what = "end of the year"
    if explicit:
        yy = int(explicit)
        if k.startswith(("wechsel", "wende")) and not pre.startswith("nach"):
            yy += 1
        s, e = make(yy)
        note = ""
    elif k.startswith(("wechsel", "wende")):
        try:
            s, e, note = ctx.pick_year(make, *m.span("x"))
        except ValueError:
            return None
        note = "; " + note
    else:
        y = ctx.last_year if ctx.mode == "narrative" and ctx.last_year else ctx.pub.year
        s, e = make(y)
        note = f"; year {y}"
    return _te(ctx, m, "date", s, e, "approx", f"{m['x']} → {_iso(s, e)} ({what}){note}", 0.7)


def h_turn(m, ctx):
    """'um die Jahrtausendwende' (2000), 'Jahrhundertwende' (the century boundary
    nearest to the preceding year, else 1900): two years either side."""
    if m["k"] == "Jahrtausend":
        y = 2000
    elif ctx.last_year is not None:
        y = round(ctx.last_year / 100) * 100
    else:
        y = 1900
    s, e = D(y - 2, 1, 1), D(y + 2, 12, 31)
    return _te(ctx, m, "date", s, e, "approx", f"{m['x']} → {_iso(s, e)} (around {y})", 0.6)


# --- decades and centuries ----------------------------------------------------

def h_decade(m, ctx):
    g = m.groupdict()
    if g.get("w"):
        d = L.DECADE_WORDS[g["w"].lower()]
        start = 1900 + d
    else:
        d = int(g["d"]) * 10
        if g.get("c"):
            start = int(g["c"]) * 100 + d
        else:
            start = 2000 + d if d <= 10 else 1900 + d
    s, e, gran, extra = _with_mod(D(start, 1, 1), D(start + 9, 12, 31), g.get("mod"), "decade")
    return _te(ctx, m, "date", s, e, gran, f"{m['x']} → {start}s {_iso(s, e)}{extra}", 0.88)


def h_century(m, ctx):
    g = m.groupdict()
    n = int(g["n"]) if g.get("n") else L.ORDINAL_WORDS.get((g.get("w") or "").lower())
    if not n or n < 1 or n > 22:
        return None
    if g.get("bc"):
        return _te(ctx, m, "date", None, None, None, f"{m['x']}: BC, not representable", 0.5)
    # German usage: das 20. Jahrhundert = 1900–1999
    y0 = (n - 1) * 100
    s, e = D(max(1, y0), 1, 1), D(y0 + 99, 12, 31)
    gran, extra = "century", ""
    if g.get("mod"):
        s, e, extra = _mod_interval(s, e, g["mod"], "century")
        gran, extra = "approx", f" ({extra})"
    elif g.get("half"):
        h = 1 if g["half"].lower().startswith("erst") else 2
        s, e = (D(max(1, y0), 1, 1), D(y0 + 49, 12, 31)) if h == 1 else (D(y0 + 50, 1, 1), D(y0 + 99, 12, 31))
        gran, extra = "approx", f" ({'first' if h == 1 else 'second'} half)"
    return _te(ctx, m, "date", s, e, gran, f"{m['x']} → {_iso(s, e)}{extra}", 0.9)


def h_century_range(m, ctx):
    """'im 17. und 18. Jahrhundert', 'vom 16. bis 18. Jahrhundert': from the first to the last."""
    n1, n2 = int(m["n1"]), int(m["n2"])
    if not 1 <= n1 < n2 <= 22:
        return None
    s, e = D(max(1, (n1 - 1) * 100), 1, 1), D((n2 - 1) * 100 + 99, 12, 31)
    return _te(ctx, m, "range", s, e, "century", f"{m['x']} → {_iso(s, e)}", 0.85)


# --- weeks, months relative -----------------------------------------------------

def h_rel_week(m, ctx):
    g = m.groupdict()
    pub = ctx.pub
    relk = _rel_key(g.get("rel")) if g.get("rel") else "this"
    if g.get("vw"):
        relk = "past"
    if relk is None:
        return None
    s, e = _week_iv(pub)
    shift = {"past": -7, "next": 7, "this": 0}[relk]
    s, e = s + shift * ONE, e + shift * ONE
    gran, extra = "week", ""
    if g.get("we"):
        # "kommendes/nächstes Wochenende" is the first one after the publication date,
        # "vergangenes/letztes" the last one before it, whatever the calendar week.
        sat = _week_iv(pub)[0] + 5 * ONE
        if relk == "next" and sat <= pub:
            sat += 7 * ONE
        elif relk == "past" and sat >= pub - ONE:
            sat -= 7 * ONE
        s, e = sat, sat + ONE
        gran, extra = "approx", " (weekend)"
    if g.get("mod"):
        s, e, gran, extra = _with_mod(s, e, g["mod"], "week")
    how = {"past": "week before", "next": "week after", "this": "week of"}[relk]
    return _te(ctx, m, "date", s, e, gran,
               f"{m['x']} → {_iso(s, e)}{extra} ({how} the publication date {pub.isoformat()})", 0.85)


def h_weekend(m, ctx):
    pub = ctx.pub
    tense = _tense(ctx.text, *m.span("x"))
    mon, _ = _week_iv(pub)
    sat = mon + 5 * ONE
    if tense != "past":  # as for weekdays: present tense is scheduled
        if sat < pub - ONE:
            sat += 7 * ONE
    else:
        if sat > pub:
            sat -= 7 * ONE
    return _te(ctx, m, "date", sat, sat + ONE, "approx",
               f"{m['x']} → {_iso(sat, sat + ONE)} (weekend {'before' if tense == 'past' else 'after'} "
               f"the publication date {pub.isoformat()})", 0.7)


def h_rel_month(m, ctx):
    g = m.groupdict()
    pub = ctx.pub
    if g.get("vm"):
        relk = "past"
    elif g.get("rel"):
        relk = _rel_key(g["rel"])
    else:
        relk = "this"
    if relk is None:
        return None
    first = D(pub.year, pub.month, 1)
    first = _add_months(first, {"past": -1, "next": 1, "this": 0}[relk])
    s, e, gran, extra = _with_mod(*_month_iv(first.year, first.month), g.get("mod"), "month")
    return _te(ctx, m, "date", s, e, gran,
               f"{m['x']} → {_iso(s, e)}{extra} (relative to the publication date {pub.isoformat()})", 0.85)


def h_rel_decade(m, ctx):
    relk = _rel_key(m["rel"])
    if relk is None:
        return None
    d0 = ctx.pub.year // 10 * 10 + {"past": -10, "next": 10, "this": 0}[relk]
    s, e = D(d0, 1, 1), D(d0 + 9, 12, 31)
    return _te(ctx, m, "date", s, e, "decade", f"{m['x']} → {d0}s", 0.8)


# --- deictic days and weekdays --------------------------------------------------

_DEICTIC = {"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2,
            "heutigen": 0, "gestrigen": -1, "vorgestrigen": -2, "morgigen": 1}


_UNTIL_BEFORE = re.compile(r"(?<!\w)(?:[Bb]is|[Bb]is\s+zum|[Bb]is\s+auf\s+den)\s+$")


def h_deictic(m, ctx):
    w = m["w"].lower()
    off = _DEICTIC[w]
    if off == 0 and _UNTIL_BEFORE.search(ctx.text, max(0, m.start("x") - 20), m.start("x")):
        # "bis heute umstritten", "bis zum heutigen Tag": a state that lasts up to now, no event
        return _te(ctx, m, "vague", None, None, None, f"{m['x']}: up to now, not an event", 0.4)
    d = ctx.pub + off * ONE
    conf = 0.85 if w != "heute" else 0.75
    return _te(ctx, m, "date", d, d, "day",
               f"{m['x']} → {d.isoformat()} ({off:+d} days from the publication date {ctx.pub.isoformat()})", conf)


def h_weekday(m, ctx):
    g = m.groupdict()
    wd = L.WEEKDAYS[g["wd"]]
    pub = ctx.pub
    rel = g.get("rel")
    if g.get("adj"):
        off = _DEICTIC[g["adj"].lower()]
        d = pub + off * ONE
        return _te(ctx, m, "date", d, d, "day",
                   f"{m['x']} → {d.isoformat()} (relative to the publication date {pub.isoformat()})", 0.85)
    if g.get("wrel"):  # "Dienstag vergangener Woche"
        wk = _rel_key(g["wrel"])
        if wk is None:
            return None
        d = _week_iv(pub)[0] + ({"past": -7, "next": 7, "this": 0}[wk] + wd) * ONE
        return _te(ctx, m, "date", d, d, "day",
                   f"{m['x']} → {d.isoformat()} (in the week relative to the publication date {pub.isoformat()})", 0.85)
    relk = _rel_key(rel) if rel else None
    if rel and relk is None:
        return None
    if ctx.mode == "narrative" and relk is None and ctx.anchors:
        a = ctx.anchor(want_day=True)
        if a is not None and a.granularity == "day":
            base = a.start
            d = base + ((wd - base.weekday()) % 7) * ONE
            return _te(ctx, m, "date", d, d, "day",
                       f"{m['x']} → {d.isoformat()} (first such weekday from {a.text!r})", 0.6)
    if relk == "this":
        d = _week_iv(pub)[0] + wd * ONE
        how = "in the publication week"
    elif relk == "next":
        d = pub + ((wd - pub.weekday()) % 7 or 7) * ONE
        how = "the next one after"
    elif relk == "past":
        d = pub - ((pub.weekday() - wd) % 7 or 7) * ONE
        how = "the last one before"
    else:
        # past events come with a past-tense verb; a weekday in a present-tense
        # clause is a scheduled one ("Am Samstag spielt Dortmund gegen Köln")
        if _tense(ctx.text, *m.span("x")) != "past":
            d = pub + ((wd - pub.weekday()) % 7) * ONE
            how = "present/future tense: the next one from"
        else:
            d = pub - ((pub.weekday() - wd) % 7) * ONE
            how = "past tense: the last one up to"
    return _te(ctx, m, "date", d, d, "day",
               f"{m['x']} → {d.isoformat()} ({how} the publication date {pub.isoformat()})",
               0.8 if relk else 0.7)


# --- ago / recent windows ----------------------------------------------------------

_UNIT_OF = {"tag": "day", "woche": "week", "monat": "month", "jahr": "year", "jahrzehnt": "decade",
            "stunde": "hour", "minute": "minute", "sekunde": "second", "jahrhundert": "century"}


def _unit(word: str) -> str:
    w = word.lower()
    for k in sorted(_UNIT_OF, key=len, reverse=True):
        if w.startswith(k):
            return _UNIT_OF[k]
    return "day"


def _quant(word: str):
    """Returns (lo, hi, exact)."""
    w = " ".join(word.lower().split())
    if w in L.VAGUE_QUANT:
        lo, hi = L.VAGUE_QUANT[w]
        return lo, hi, False
    n = _num(w)
    if n is None:
        return None
    return n, n, True


def h_ago(m, ctx):
    g = m.groupdict()
    pub = ctx.pub
    if g.get("kurz"):
        return _te(ctx, m, "vague", None, None, None, f"{m['x']}: recent past, not datable", 0.4)
    q = _quant(g["n"])
    if q is None:
        return None
    lo, hi, exact = q
    unit = _unit(g["u"])
    approx = bool(g.get("ap") and _APPROX_ONLY.search(g["ap"])) or not exact
    whole = exact and not approx and lo == int(lo)
    try:
        if unit in ("hour", "minute", "second"):
            s = e = pub
            gran = "day"
        elif whole and (unit == "day" or (g.get("ap") or "").strip().lower() == "genau"):
            # "vor genau einem Jahr": the same calendar day
            s = e = _shift(pub, -lo, unit)
            gran = "day"
        elif whole and unit == "year":
            y = pub.year - int(lo)
            s, e = D(y, 1, 1), D(y, 12, 31)
            gran = "year"
        elif whole and unit == "month":
            d0 = _add_months(pub, -int(lo))
            s, e = _month_iv(d0.year, d0.month)
            gran = "month"
        elif whole and unit == "week":
            s, e = _week_iv(_shift(pub, -lo, "week"))
            gran = "week"
        elif exact:
            c = _shift(pub, -lo, unit)
            span = {"day": 1, "week": 3, "month": 10, "year": 45, "decade": 365, "century": 3650}.get(unit, 1)
            if approx:
                span *= 2
            s, e = c - span * ONE, min(pub, c + span * ONE)
            gran = "approx"
        else:
            if unit == "day":
                s, e = pub - (hi + 1) * ONE, pub - ONE
            elif unit == "week":
                s, e = pub - (hi + 1) * 7 * ONE, pub - lo * 7 * ONE
            else:
                s, e = _shift(pub, -hi, unit), _shift(pub, -lo, unit)
            gran = "approx"
    except (ValueError, OverflowError):
        return None
    kind = "date" if gran in ("day", "week", "month", "year") else "vague"
    return _te(ctx, m, kind, s, e, gran,
               f"{m['x']} → {_iso(s, e)} (counted back from the publication date {pub.isoformat()})",
               0.75 if exact else 0.5)


def h_recent_window(m, ctx):
    """'in den vergangenen Wochen', 'in den kommenden drei Monaten'."""
    g = m.groupdict()
    pub = ctx.pub
    relk = _rel_key(g["rel"])
    if relk not in ("past", "next"):
        return None
    unit = _unit(g["u"])
    n = 4.0
    if g.get("n"):
        q = _quant(g["n"])
        if q is None:
            return None
        n = q[1]
    if unit in ("year", "decade") and not g.get("n"):
        return _te(ctx, m, "vague", None, None, None,
                   f"{m['x']}: {'recent' if relk == 'past' else 'coming'} {unit}s, too vague to date", 0.4)
    try:
        if relk == "past":
            s, e = _shift(pub, -n, unit), pub
        else:
            s, e = pub, _shift(pub, n, unit)
    except (ValueError, OverflowError):
        return None
    return _te(ctx, m, "vague", s, e, "approx",
               f"{m['x']} → {_iso(s, e)} ({'before' if relk == 'past' else 'after'} the publication date)", 0.45)


# --- anaphora ----------------------------------------------------------------------

def _anaphor(ctx, m, shift_lo, shift_hi, unit, want_day, label, exact):
    a = ctx.anchor(want_day=want_day)
    if a is None:
        return _te(ctx, m, "vague", None, None, None, f"{m['x']}: relative to an earlier event, no anchor found", 0.3)
    try:
        # "zwei Jahre später", "drei Monate zuvor": whole units are reported at that
        # unit's granularity, as TimeML does, not as a shifted copy of the anchor
        whole = exact and shift_lo == shift_hi == int(shift_lo)
        if unit == "year" and whole and a.granularity not in ("decade", "century"):
            y = a.start.year + int(shift_lo)
            s, e, gran = D(y, 1, 1), D(y, 12, 31), "year"
        elif unit == "month" and whole and a.granularity in ("month", "day"):
            d0 = _add_months(a.start, int(shift_lo))
            s, e = _month_iv(d0.year, d0.month)
            gran = "month"
        else:
            s = _shift(a.start, shift_lo, unit)
            e = _shift(a.end, shift_hi, unit)
            gran = "day" if (a.granularity == "day" and unit == "day" and exact and s == e) else "approx"
    except (ValueError, OverflowError):
        return None
    if e < s:
        s, e = e, s
    kind = "date" if exact else "vague"
    return _te(ctx, m, kind, s, e, gran, f"{m['x']} → {_iso(s, e)} ({label} {a.text!r})",
               0.6 if exact else 0.45)


def h_same_day(m, ctx):
    g = m.groupdict()
    k = (g.get("k") or "").lower()
    off = 0
    if any(w in k for w in ("darauf", "danach", "nächst", "folgend", "folgetag")):
        off = 1
    elif any(w in k for w in ("zuvor", "davor", "vortag", "vorabend")):
        off = -1
    label = {0: "same day as", 1: "day after", -1: "day before"}[off]
    return _anaphor(ctx, m, off, off, "day", True, label, True)


def h_same_period(m, ctx):
    g = m.groupdict()
    unit = _unit(g["u"])
    k = g["k"].lower()
    off = 0
    if "folge" in k or "darauf" in k or "danach" in k:
        off = 1
    elif "zuvor" in k or "davor" in k or "vor" in k:
        off = -1
    a = ctx.anchor()
    if a is None:
        return _te(ctx, m, "vague", None, None, None, f"{m['x']}: no anchor found", 0.3)
    try:
        if unit == "year":
            y = a.start.year + off
            s, e = D(y, 1, 1), D(y, 12, 31)
        else:
            d0 = _add_months(D(a.start.year, a.start.month, 1), off)
            s, e = _month_iv(d0.year, d0.month)
    except ValueError:
        return None
    return _te(ctx, m, "date", s, e, unit, f"{m['x']} → {_iso(s, e)} (relative to {a.text!r})", 0.6)


_APPROX_ONLY = re.compile(r"(?i)über|mehr|weniger|fast|knapp|rund|etwa|gut|ungefähr|ca\.|circa|kaum")


def h_later(m, ctx):
    g = m.groupdict()
    q = _quant(g["n"])
    if q is None:
        return None
    lo, hi, exact = q
    unit = _unit(g["u"])
    if unit in ("hour", "minute", "second"):
        lo = hi = 0
        unit = "day"
    d = g["dir"].lower()
    sign = -1 if d in ("zuvor", "davor", "vorher", "früher") else 1
    if g.get("ap") and _APPROX_ONLY.search(g["ap"]):
        exact = False
    if sign > 0:
        a, b = lo, hi
    else:
        a, b = -hi, -lo
    label = "after" if sign > 0 else "before"
    return _anaphor(ctx, m, a, b, unit, False, f"{g['n']} {g['u']} {label}", exact)


def h_following_window(m, ctx):
    """'in den ersten Tagen', 'in den folgenden vier Jahrzehnten': a window that opens with the
    event just named (without a number: a few units)."""
    a = ctx.anchor()
    if a is None:
        return _te(ctx, m, "vague", None, None, None, f"{m['x']}: relative to an earlier event, no anchor found", 0.3)
    unit = _unit(m["u"])
    n = m.groupdict().get("n")
    q = _quant(n) if n else (2, 6, False)
    if q is None:
        return None
    try:
        e = _shift(a.start, q[1], unit) - ONE
    except (ValueError, OverflowError):
        return None
    if e < a.start:
        return None
    return _te(ctx, m, "vague", a.start, e, "approx",
               f"{m['x']} → {_iso(a.start, e)} (window opening with {a.text!r})", 0.45)


def h_shortly(m, ctx):
    d = m["dir"].lower()
    if d in ("zuvor", "davor", "vorher"):
        return _anaphor(ctx, m, -7, 0, "day", False, "shortly before", False)
    return _anaphor(ctx, m, 0, 7, "day", False, "shortly after", False)


# --- durations, sets, vague -------------------------------------------------------

def h_duration(m, ctx):
    g = m.groupdict()
    unit = _unit(g["u"])
    n = g.get("n")
    q = _quant(n) if n else None
    iso = ""
    if q and q[2]:
        v = q[0]
        v = int(v) if v == int(v) else v
        iso = f" P{v}{L.UNIT_ISO.get(unit, '')}" if unit not in ("hour", "minute", "second") \
            else f" PT{v}{L.UNIT_ISO.get(unit, '')}"
    return _te(ctx, m, "duration", None, None, None, f"duration{iso}: {m['x']}", 0.8)


def h_set(m, ctx):
    return _te(ctx, m, "set", None, None, None, f"recurring: {m['x']}", 0.8)


def h_vague_ref(m, ctx):
    w = m["x"].lower()
    what = "past reference" if w.startswith(("damals", "kürzlich", "neulich", "jüngst", "einst", "vor kurzem", "früher",
                                              "in jüngster", "in letzter")) \
        else "present reference"
    return _te(ctx, m, "vague", None, None, None, f"{m['x']}: {what}, not datable", 0.4)


def h_holiday(m, ctx):
    g = m.groupdict()
    name = " ".join(g["h"].split())
    if name in L.FIXED_HOLIDAYS:
        (m1, d1), (m2, d2) = L.FIXED_HOLIDAYS[name]
        make = lambda y: (D(y, m1, d1), D(y, m2, d2))
    else:
        o1, o2 = L.EASTER_HOLIDAYS[name]
        make = lambda y: (L.easter(y) + o1 * ONE, L.easter(y) + o2 * ONE)
    relk = _rel_key(g.get("rel"))
    if g.get("rel") and relk is None:
        return None
    try:
        if g.get("y"):
            s, e = make(int(g["y"]))
            note = ""
        else:
            s, e, note = ctx.pick_year(make, *m.span("x"), rel=relk)
            note = "; " + note
    except ValueError:
        return None
    gran = "day" if s == e else "approx"
    return _te(ctx, m, "date", s, e, gran, f"{m['x']} → {_iso(s, e)} (holiday){note}", 0.85 if g.get("y") else 0.75)


def h_in_future(m, ctx):
    """'in zwei Wochen': a future date when the clause is not in the past tense, else a duration."""
    q = _quant(m["n"])
    if q is None:
        return None
    lo, hi, exact = q
    unit = _unit(m["u"])
    if _tense(ctx.text, *m.span("x")) != "future" or not exact:
        return h_duration(m, ctx)
    pub = ctx.pub
    try:
        if unit == "day":
            s = e = _shift(pub, lo, "day")
            gran = "day"
        elif unit == "year" and lo == int(lo):
            y = pub.year + int(lo)
            s, e, gran = D(y, 1, 1), D(y, 12, 31), "year"
        else:
            c = _shift(pub, lo, unit)
            span = {"week": 3, "month": 10, "year": 45}.get(unit, 1)
            s, e, gran = c - span * ONE, c + span * ONE, "approx"
    except (ValueError, OverflowError):
        return None
    return _te(ctx, m, "date", s, e, gran, f"{m['x']} → {_iso(s, e)} (counted forward from {pub.isoformat()})", 0.6)


def h_time(m, ctx):
    return _te(ctx, m, "date", None, None, None, f"time of day {m['x']}: day not resolved", 0.6)


# ---------------------------------------------------------------------------
# rules

def _p(*parts):
    return "".join(parts)


PRE_MONTH = (r"(?P<pre>(?:[Ii]m|[Ii]n|[Ss]eit|[Bb]is(?:\s+(?:zum|in\s+den))?|[Aa]b|[Vv]om|[Zz]um|[Dd]es|[Dd]en|[Dd]em|"
             r"[Nn]ach|[Vv]or|[Uu]m|[Ff]ür|[Ww]ährend|[Ii]m\s+Laufe\s+des|[Ii]m\s+Verlauf\s+des|[Ss]pätestens|"
             r"[Ff]rühestens|[Ss]eit\s+dem|[Aa]b\s+dem|[Zz]u|[Dd]er)\s+)?")

RULES: list[_Rule] = []


def _rule(name, pattern, fn, prio=5, flags=0, check=None):
    RULES.append(_Rule(name, pattern, fn, prio, flags, check))


def _has(*names):
    def check(m, text):
        g = m.groupdict()
        return any(g.get(n) for n in names)
    return check


# numeric dates
_rule("wd_numdate", _p(_B, r"(?P<x>(?:(?P<wd>", WD, r")(?:", L.DAYPARTS, r")?|(?P<wda>",
                       L.alt(L.WEEKDAY_ABBR), r")(?:\.,?|,))\s*(?:\(\s*(?:den\s+)?", NUMDATE, r"\s*\)|,?\s*(?:den\s+|dem\s+)?",
                       NUMDATE.replace("?P<", "?P<b_").replace("(?P<b_", "(?P<b_"), r"))"),
      lambda m, ctx: h_wd_numdate(_Flat(m), ctx), prio=1)
_rule("numdate", _p(r"(?P<x>", NUMDATE, r")"), h_numdate, prio=2)
_rule("numdate_noyear", _p(r"(?:[Aa]m|[Vv]om|[Bb]is(?:\s+zum)?|[Zz]um|[Aa]b(?:\s+dem)?|[Ss]eit\s+dem)\s+",
                           r"(?P<x>(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.)(?![\d])"), h_numdate_noyear, prio=3)

# Explicit dates in formats the German grammar does not cover: English month names and order,
# a day without its dot, year first with slashes. dateparser reads them.
EN_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
            r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
_rule("other_format", _p(r"(?<![\w./-])(?P<x>", DAYN, r"\s+(?:", MON_ANY, "|", EN_MONTH, r"\.?)\s+", YEAR4,
                         "|(?:", MON_ANY, "|", EN_MONTH, r"\.?)\s+", DAYN, r",\s*", YEAR4,
                         r"|(?:1[0-9]|20|21)\d\d/(?:0?[1-9]|1[0-2])/", DAYN, r")(?![\w/-])"),
      lambda m, ctx: h_other_format(m, ctx), prio=4)

# day + month name (+ year), optionally with weekday
# "5. März vergangenen Jahres", "im Dezember desselben Jahres", "im März des Vorjahres"
RELJ = _p(r"(?:\s+(?:des\s+)?(?P<ryrel>", REL, r"|(?:des)?selben|gleichen|(?:darauf)?folgenden)\s+Jahres", _E,
          r"|\s+des\s+(?P<ryrel2>Vorjahres|Folgejahres)", _E, r")")
_DM = _p(r"(?P<d>", DAYN, r")\.\s?(?P<mon>", MON_ANY, r")(?:\s*,?\s+(?:des\s+Jahres\s+)?(?P<y>", YEAR4, r")|", RELJ, ")?")
_rule("day_month", _p(_B, r"(?P<x>(?:(?P<wdn>", WD, r")(?:", L.DAYPARTS, r")?", _E, r",?\s+(?:(?:den|dem)\s+)?)?", _DM, r")"),
      h_day_month, prio=2)
_rule("day_range", _p(_B, r"(?P<pre>(?:[Vv]om|[Vv]on|[Zz]wischen(?:\s+dem)?)\s+)?(?P<x>(?P<d1>", DAYN, r")\.?\s*",
                      r"(?:[-–—]|bis(?:\s+(?:zum|einschließlich))?|und(?:\s+dem)?)\s*(?P<d2>", DAYN,
                      r")\.\s?(?P<mon>", MON_ANY, r")(?:\s*,?\s+(?P<y>", YEAR4, r"))?)"), h_day_range, prio=1)
_rule("dm_dm_range", _p(_B, r"(?P<pre>(?:[Vv]om|[Vv]on|[Zz]wischen(?:\s+dem)?)\s+)?(?P<x>(?P<d1>", DAYN,
                        r")\.\s?(?P<mon1>", MON_ANY, r")(?:\s+(?P<y1>", YEAR4, r"))?\s*",
                        r"(?:[-–—]|bis(?:\s+(?:zum|einschließlich))?|und(?:\s+dem)?)\s*(?P<d2>", DAYN,
                        r")\.\s?(?P<mon2>", MON_ANY, r")(?:\s*,?\s+(?P<y2>", YEAR4, r"))?)"), h_dm_dm_range, prio=1)

# months
_rule("month", _p(_B, PRE_MONTH, r"(?P<x>(?:(?P<mod>", MODS, r")\s+(?:des\s+)?)?(?:(?P<rel>", REL, r")\s+)?(?P<mon>",
                  MON_FULL, r")(?:\s+(?:des\s+Jahres\s+)?(?P<y>", YEAR4, r")|", RELJ, r")?)(?P<comp>-[A-ZÄÖÜ][\wäöüß]+)?"),
      h_month, prio=4, check=lambda m, t: _has("mod", "rel", "y", "pre", "comp", "ryrel", "ryrel2")(m, t) or _coordinated(t, m.start("x")))
_rule("month_abbr_year", _p(_B, r"(?P<x>(?P<mon>", L.alt(L.ABBR_MONTHS), r")\.?\s+(?P<y>", YEAR4, r"))"),
      h_month, prio=4)
_rule("month_range", _p(_B, r"(?P<pre>(?:[Vv]on|[Zz]wischen)\s+)?(?P<x>(?P<mon1>", MON_FULL, r")(?:\s+(?P<y1>", YEAR4,
                        r"))?\s*(?:[-–—]|bis(?:\s+(?:zum|einschließlich))?|und)\s*(?P<mon2>", MON_FULL,
                        r")(?:\s+(?P<y2>", YEAR4, r"))?)"), h_month_range, prio=3, check=lambda m, t: _month_range_ok(m))

# seasons
_rule("season", _p(_B, PRE_MONTH, r"(?P<x>(?:(?P<mod>", MODS, r")\s+(?:des\s+|der\s+)?)?(?:(?P<rel>", REL,
                   r")\s+)?(?P<s>", SEASONW, r")(?:\s+(?:des\s+Jahres\s+)?(?P<y>", YEAR4,
                   r")(?:/(?P<y2>\d{4}|\d{2})(?!\d))?|", RELJ, r")?)"), h_season, prio=4,
      check=_has("mod", "rel", "y", "pre", "ryrel", "ryrel2"))

# quarters and halves
_rule("quarter", _p(_B, r"(?P<x>(?:(?P<ord>(?:[Ee]rste[nms]?|[Zz]weite[nms]?|[Dd]ritte[nms]?|[Vv]ierte[nms]?|[Ll]etzte[nms]?|[1-4]\.))\s+",
                    r"(?P<q>Quartal|Vierteljahr|Halbjahr|Jahreshälfte|Hälfte)(?:es|s)?",
                    r"(?:\s+(?:(?P<dj>des\s+Jahres)\s+)?(?P<y>", YEAR4, r")|\s+(?P<relj>", REL, r")\s+Jahres|\s+(?P<dj2>des\s+Jahres))?)",
                    r"|(?P<qn2>Q)(?P<qn>[1-4])(?:\s*|/|\s*/\s*|\s*-\s*)(?P<qy>\d{4}|'?\d{2})(?!\d))"),
      lambda m, ctx: h_quarter(_Quarter(m), ctx), prio=3)

_rule("first_months", _p(_B, r"(?P<x>(?:[Ii]n\s+den\s+)?(?P<ord>[Ee]rsten|[Ll]etzten)\s+(?P<n>\d{1,2}|", NUMW.replace(_E, ""),
                         r")\s+Monaten?(?:\s+(?:des\s+Jahres\s+)?(?P<y>", YEAR4, r")|\s+(?:des|dieses)\s+Jahres",
                         r"|\s+(?:des\s+)?(?P<relj>", REL, r")\s+Jahres))", _E), h_first_months, prio=3)

# years
_rule("year_explicit", _p(_B, r"(?P<x>(?:(?P<mod>", MODS, r")\s+(?:des\s+)?)?Jahr(?:e|es|s)?\s+(?P<y>", YEAR4, r"))"),
      h_year_explicit, prio=3)
_rule("mod_year", _p(_B, r"(?P<x>(?P<mod>", MODS, r")\s+(?P<y>", YEAR4, r"))"), h_mod_year, prio=3)
_rule("year_range", _p(r"(?<![\w.,/-])(?P<pre>(?:[Vv]on|[Zz]wischen)\s+)?(?P<x>(?P<y1>(?:1[5-9]|20)\d\d)\s*",
                       r"(?P<conn>[-–—/]|\s(?:bis|und)\s)\s*(?P<y2>(?:1[5-9]|20)\d\d|\d\d)(?![\d\w%]|[.,]\d))"),
      h_year_range, prio=3, check=lambda m, t: _year_range_ok(m))
_rule("bare_year", r"(?<![\w.,/%€$§#@+=:'’-])(?P<x>(?:1\d|20)\d\d)(?![\w%€$]|[.,:/]\d|-\w|\s*[-–]\s*\d)", h_bare_year, prio=8,
      check=lambda m, t: _bare_year_ok(m.start("x"), m.end("x"), t))
_rule("rel_year", _p(_B, r"(?P<x>(?:(?P<mod>", MODS, r")\s+(?:des\s+)?)?(?:(?P<rel>", REL, r")\s+Jahr(?:es|s)?|",
                     r"(?P<vj>Vorjahr(?:es|s)?)|(?P<heuer>[Hh]euer)|(?<=[Ii]m\s)(?:Laufe|Verlauf)\s+des\s+Jahres(?!\s+\d)|",
                     r"(?<=[Ii]m\s)(?P<neu>neuen)\s+Jahr)", _E, r")"),
      h_rel_year, prio=5)
_rule("turn", r"(?<![\w])(?P<x>(?P<k>Jahrtausend|Jahrhundert)wende)(?!\w)", lambda m, ctx: h_turn(m, ctx), prio=4)
_rule("mod_des_jahres", _p(_B, r"(?P<x>(?P<mod>", MODS, r")\s+des\s+Jahres)(?!\s+\d)"), h_rel_year, prio=5)
_rule("jahreswende", _p(_B, r"(?P<x>(?:(?P<pre>nach\s+dem|[Nn]ach\s+dem|[Vv]or\s+dem|[Zz]um|[Uu]m\s+den|[Üü]ber\s+den|rund\s+um\s+den)\s+)?",
                        r"Jahres(?P<k>wechsel|wende|beginn|anfang|auftakt|start|mitte|ende)s?(?:\s+(?P<y>", YEAR4,
                        r")(?:/\d{2,4})?)?)", _E), h_jahreswende, prio=4)

# decades, centuries
_rule("decade", _p(r"(?<![\w.,/-])(?P<x>(?:(?P<mod>", MODS, r")\s+der\s+)?(?:(?P<c>1[0-9]|20)?(?P<d>\d)0er(?:[- ]?[Jj]ahre[n]?|n)?",
                   r"|(?P<w>", L.cap_alt(L.DECADE_WORDS), r")(?:[- ]?[Jj]ahre[n]?|n)))", _E),
      lambda m, ctx: h_decade(_Decade(m), ctx), prio=4,
      check=lambda m, t: bool(m.group("w") or m.group("c") or not m.group("x").endswith("er")))
_rule("century", _p(_B, r"(?P<x>(?:(?P<mod>", MODS, r")\s+des\s+|(?P<half>[Ee]rsten|[Zz]weiten)\s+Hälfte\s+des\s+)?",
                    r"(?:(?P<n>\d{1,2})\.|(?P<w>", L.alt([w for w, v in L.ORDINAL_WORDS.items() if v > 0]), r"))\s*",
                    r"(?:Jahrhunderts?|Jh\.)(?P<bc>\s+v\.\s?Chr\.)?)"), h_century, prio=3)
_rule("century_range", _p(_B, r"(?P<x>(?P<n1>\d{1,2})\.\s*(?:und|bis|[-–])\s*(?P<n2>\d{1,2})\.\s*",
                          r"(?:Jahrhunderts?|Jh\.))(?!\s+v\.\s?Chr\.)"), lambda m, ctx: h_century_range(m, ctx), prio=2)
_rule("rel_decade", _p(_B, r"(?P<x>(?P<rel>", REL, r")\s+Jahrzehnts?)", _E), h_rel_decade, prio=5)

# weeks, months relative
_rule("rel_week", _p(_B, r"(?P<x>(?:(?P<mod>", MODS, r")\s+)?(?:(?P<rel>", REL, r")\s+(?:Woche|(?P<we>Wochenende)s?)|",
                     r"(?<=\s)(?P<modonly>der)\s+Woche|(?P<vw>Vorwoche))", _E, r")"),
      h_rel_week, prio=5, check=_has("rel", "vw", "mod"))
_rule("weekend", r"(?<![\w])(?:[Aa]m|[Üü]ber\s+das|[Dd]as)\s+(?P<x>Wochenende)(?!\w)", h_weekend, prio=6)
_rule("rel_month", _p(_B, r"(?P<x>(?:(?P<mod>", MODS, r")\s+(?:des\s+)?)?(?:(?P<rel>", REL, r")\s+Monats?|(?P<vm>Vormonats?)|",
                      r"(?<=des\s)Monats)", _E, r")"),
      h_rel_month, prio=5, check=_has("rel", "vm", "mod"))
_rule("monatsende", _p(_B, r"(?P<x>Monats(?P<mod>ende|anfang|beginn|mitte))", _E),
      lambda m, ctx: h_rel_month(_ModFix(m), ctx), prio=5)

# deictic
_rule("deictic", _p(r"(?<![\w])(?P<x>(?P<w>[Hh]eute|[Gg]estern|[Vv]orgestern|[Üü]bermorgen|(?<![Aa]m\s)(?<![Dd]en\s)(?<!jeden\s)morgen|",
                    # capitalised at the start of a sentence: "Morgen früh ...", "Morgen beginnt ..."
                    r"(?:^|(?<=[.!?:]\s)|(?<=[„\"]))Morgen(?!\s+für\s)(?=\s+(?:früh|[Aa]bend|[Vv]ormittag|[Nn]achmittag|[Mm]ittag|[a-zäöü])))",
                    r"(?:\s+(?:Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|früh|morgen))?)", _E), h_deictic, prio=5)
_rule("weekday", _p(_B, r"(?P<x>(?:(?P<adj>heutigen|gestrigen|vorgestrigen|morgigen)\s+|(?P<rel>", REL, r")\s+)?(?P<wd>", WD,
                    r")(?:", L.DAYPARTS, r")?", _E, r"(?:\s+(?:der\s+)?(?P<wrel>", REL, r")\s+Woche", _E, r")?)"), h_weekday, prio=6)
_rule("today_adj", _p(_B, r"(?P<x>(?P<w>heutigen|gestrigen|vorgestrigen|morgigen)\s+Tag(?:es|s)?)", _E), h_deictic, prio=5)

# ago / windows
_rule("ago", _p(r"(?<![\w])(?P<x>[Vv]or\s+(?:(?P<kurz>[Kk]urzem)|(?P<ap>", APPROXW, r")?(?P<n>", VAGUEW, r"|\d+(?:,\d+)?|",
                NUMW.replace(_E, ""), r")\s+(?P<u>Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?|Jahrzehnt(?:en)?|Stunden?|Minuten?|Jahrhundert(?:en)?)))",
                _E), h_ago, prio=3)
_rule("recent_window", _p(_B, r"(?:in\s+den\s+|[Ii]n\s+den\s+)?(?P<x>(?P<rel>[Vv]ergangenen|[Ll]etzten|[Zz]urückliegenden|[Kk]ommenden|[Nn]ächsten)\s+",
                          r"(?:(?P<n>\d+|", VAGUEW, r"|", NUMW.replace(_E, ""), r")\s+)?(?P<u>Tagen|Wochen|Monaten|Jahren|Jahrzehnten|Stunden))", _E),
      h_recent_window, prio=4)

# anaphora
_rule("same_day", _p(r"(?<![\w])(?:[Nn]och\s+)?(?:[Aa]m|[Aa]n\s+dem|[Aa]n\s+ebendiesem)\s+(?P<x>(?P<k>(?:gleichen|selben|selbigen|nämlichen|",
                     r"nächsten|folgenden|darauffolgenden|darauf\s+folgenden|nachfolgenden)\s+Tag(?:e)?|Tag\s+(?:darauf|danach|zuvor|davor)|",
                     r"Folgetag|Vortag|Vorabend))", _E,
                     r"|(?<![\w])(?:[Aa]m\s+(?:Morgen|Vormittag|Mittag|Nachmittag|Abend)|[Ii]m\s+Laufe|[Ii]n\s+der\s+Nacht)\s+"
                     r"(?P<x4>(?P<k4>desselben|des\s+gleichen|des\s+selben|des\s+folgenden|des\s+nächsten)\s+Tages)", _E,
                     r"|(?<![\w])(?P<x2>(?:(?P<k2>[Dd]emselben)\s+Tag|(?P<k3>[Tt]ags\s+(?:darauf|zuvor))))", _E),
      lambda m, ctx: h_same_day(_SameDay(m), ctx), prio=3)
_rule("this_day", r"(?<![\w])[Aa]n\s+(?P<x>(?P<k>diesem|jenem|ebendiesem)\s+Tag(?:e)?)(?!\w)",
      h_same_day, prio=3)
_rule("same_period", _p(r"(?<![\w])(?:[Ii]m|[Ii]n\s+dem)\s+(?P<x>(?P<k>gleichen|selben|folgenden|darauffolgenden|darauf\s+folgenden)\s+",
                        r"(?P<u>Jahr|Monat))", _E, r"(?!\s+\d)"), h_same_period, prio=4)
_rule("same_period2", _p(r"(?<![\w])(?:[Ii]m)\s+(?P<x>(?P<u>Jahr|Monat)\s+(?P<k>darauf|danach|zuvor|davor))", _E), h_same_period, prio=4)
_rule("next_period", _p(r"(?<![\w])(?:[Ii]m)\s+(?P<x>(?P<k>Folge)(?P<u>jahr|monat))", _E, r"(?!\s+\d)"), h_same_period, prio=4)
_rule("later", _p(r"(?<![\w])", FOCUSW, r"?(?P<x>(?P<ap>", APPROXW, r")?(?P<n>", VAGUEW, r"|\d+(?:,\d+)?|", NUMW.replace(_E, ""), r")\s+",
                  r"(?P<u>Tage?|Wochen?|Monate?|Jahre?|Jahrzehnte?|Stunden?|Minuten?)\s+(?P<dir>später|danach|darauf|zuvor|davor|vorher|früher))",
                  _E), h_later, prio=3, flags=re.IGNORECASE)
_rule("following_window", _p(_B, r"(?P<x>[Ii]n\s+den\s+(?:ersten|folgenden|darauffolgenden|darauf\s+folgenden|anschließenden)\s+",
                             r"(?:(?P<n>", VAGUEW, r"|\d+|", NUMW.replace(_E, ""), r")\s+)?",
                             r"(?P<u>Tagen|Wochen|Monaten|Jahren|Jahrzehnten))", _E), h_following_window, prio=4)
_rule("shortly", _p(r"(?<![\w])(?P<x>(?:[Kk]urz|[Kk]urze\s+Zeit|[Ww]enig)\s+(?P<dir>darauf|danach|zuvor|davor|vorher|später))", _E),
      h_shortly, prio=4)

# durations
_rule("duration", _p(r"(?<![\w])(?P<x>(?:(?P<seit>[Ss]eit|[Bb]innen|[Ii]nnerhalb(?:\s+von)?)\s+)?(?P<ap>", APPROXW, r")*",
                     r"(?P<n>\d+(?:,\d+)?|", VAGUEW, r"|", NUMW.replace(_E, ""), r")\s+",
                     r"(?P<u>Sekunden?|Minuten?|Stunden?|Tage?n?|Wochen?|Monate?n?|Jahre?n?|Jahrzehnte?n?|Jahrhunderte?n?)",
                     r"(?:\s+lang)?)", _E), h_duration, prio=6)
_rule("duration_plain", _p(r"(?<![\w])(?P<x>(?:[Ss]eit|[Vv]or)\s+(?P<u>Jahrzehnten|Jahren|Monaten|Wochen|Tagen|Stunden|Jahrhunderten)", _E,
                           r"|(?P<u2>[Jj]ahr|[Mm]onat|[Ww]oche|[Tt]ag|[Ss]tunde|[Jj]ahrzehnte)n?lang)", _E),
      lambda m, ctx: h_duration(_Plain(m), ctx), prio=6)

# sets
_rule("set", _p(r"(?<![\w])(?P<x>(?:[Jj]ede[nms]?|[Aa]lle)\s+(?:", WD, r"|Tag|Woche|Monat|Jahr|Sommer|Winter|Herbst|Frühjahr|Wochenende)(?:es|s)?",
                r"|[Aa]lle\s+(?:\d+|", NUMW.replace(_E, ""), r")\s+(?:Tage|Wochen|Monate|Jahre)",
                r"|(?:[Aa]ll)?[Tt]äglich|[Ww]öchentlich|(?:[Aa]ll)?[Mm]onatlich|(?:[Aa]ll)?[Jj]ährlich|[Ss]tündlich|[Hh]albjährlich|",
                r"[Vv]ierteljährlich|[Ww]erktags|[Ww]ochentags",
                r"|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)(?:", L.DAYPARTS, r")?s",
                r"|(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)s",
                r"|(?:\d+-?[Mm]al|(?:ein|zwei|drei|vier|fünf|sechs|zehn)mal)\s+(?:pro|im|in\s+der|am|je|jährlich|täglich)\s*(?:Jahr|Monat|Woche|Tag)?)", _E),
      h_set, prio=4)

# holidays
_HOLI = L.alt(list(L.FIXED_HOLIDAYS) + list(L.EASTER_HOLIDAYS)).replace("\\ ", r"\s+")
_rule("holiday", _p(_B, r"(?P<x>(?:(?P<rel>", REL, r")\s+)?(?P<h>", _HOLI, r")(?:\s+(?P<y>", YEAR4, r"))?)", _E),
      h_holiday, prio=4)

# "in zwei Wochen" (future) / duration
_rule("in_future", _p(r"(?<![\w])[Ii]n\s+(?P<x>(?P<n>\d+|", NUMW.replace(_E, ""), r")\s+",
                      r"(?P<u>Tagen|Wochen|Monaten|Jahren|Tag|Woche|Monat|Jahr))", _E, r"(?!\s+(?:später|danach|zuvor|davor))"),
      h_in_future, prio=5)

# times of day: "um 15 Uhr", "gegen 14.30 Uhr", "um 9:45 Uhr"
_rule("time", r"(?<![\w.,:])(?P<x>(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?\s*Uhr)(?!\w)", h_time, prio=6)

# vague deictic references (not datable)
_rule("vague_ref", r"(?<![\w])(?P<x>[Dd]erzeit|[Zz]urzeit|[Gg]egenwärtig|[Mm]omentan|[Hh]eutzutage|[Dd]amals|[Kk]ürzlich|[Nn]eulich|"
      r"in\s+jüngster\s+Zeit|in\s+letzter\s+Zeit)(?!\w)", h_vague_ref, prio=7)


class _Flat:
    """Match adapter: merges alternative group names (b_xx → xx)."""
    __slots__ = ("m", "g")

    def __init__(self, m):
        self.m = m
        g = {}
        for k, v in m.groupdict().items():
            kk = k[2:] if k.startswith("b_") else k
            if v is not None or kk not in g:
                g[kk] = v
        self.g = g

    def groupdict(self):
        return self.g

    def __getitem__(self, k):
        return self.g.get(k)

    def span(self, k):
        return self.m.span(k)

    def group(self, k):
        return self.g.get(k)


class _Quarter(_Flat):
    pass


class _Decade(_Flat):
    pass


class _SameDay(_Flat):
    def __init__(self, m):
        super().__init__(m)
        if self.g.get("x") is None:
            self.g["x"] = self.g.get("x2") or self.g.get("x4")
            self.g["k"] = self.g.get("k2") or self.g.get("k3") or self.g.get("k4")

    def span(self, k):
        if k == "x" and self.m.group("x") is None:
            return self.m.span("x2" if self.m.group("x2") is not None else "x4")
        return self.m.span(k)


class _Plain(_Flat):
    def __init__(self, m):
        super().__init__(m)
        if not self.g.get("u"):
            self.g["u"] = self.g.get("u2")


class _ModFix(_Flat):
    def __init__(self, m):
        super().__init__(m)
        self.g["mod"] = {"ende": "Ende", "anfang": "Anfang", "beginn": "Anfang", "mitte": "Mitte"}[m.group("mod")]
        self.g["rel"] = None
        self.g["vm"] = None


def _x_span(m):
    try:
        s = m.span("x")
    except IndexError:
        s = (-1, -1)
    for alt in ("x2", "x4"):
        if s[0] >= 0:
            break
        try:
            s = m.span(alt)
        except IndexError:
            pass
    return s


_ANAPHORIC = frozenset({"same_day", "this_day", "same_period", "same_period2", "later", "shortly"})
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+|\b[\w-]+\.(?:de|com|org|net|ru|ch|at|eu|info)/\S*")
_APPOSITION_RE = re.compile(r"\s*[,(–-]\s*(?:[Aa]m|[Ii]m|[Vv]om|[Aa]nfang|[Mm]itte|[Ee]nde)?\s*")
_SEIT_RE = re.compile(r"(?:(?<=[\s(„\"'])|^)([Ss]eit)\s+(?:(?:dem|der|den|Anfang|Mitte|Ende)\s+)?$")


def find_dates(text: str, published: _dt.date, *, mode: str = "news") -> list[TemporalExpression]:
    """Find and resolve the temporal expressions of a German text.

    ``published`` is the publication date used for deictic and year-less expressions.
    ``mode="narrative"`` lets year-less expressions take the year of the preceding dated
    expression instead of the publication date.
    """
    if mode not in ("news", "narrative"):
        raise ValueError(f"mode must be 'news' or 'narrative', not {mode!r}")
    if isinstance(published, _dt.datetime):
        published = published.date()
    if not isinstance(published, _dt.date):
        raise TypeError("published must be a datetime.date")
    if not text:
        return []
    masks = [m.span() for m in _URL_RE.finditer(text)]
    cands = []
    for ri, rule in enumerate(RULES):
        for m in rule.rx.finditer(text):
            a, b = _x_span(m)
            if a < 0 or b <= a:
                continue
            if masks and any(a < me and ms < b for ms, me in masks):
                continue
            if rule.check is not None and not rule.check(m, text):
                continue
            cands.append((a, b, rule.prio, ri, m))
    # longest match wins; ties by rule priority, then position
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in cands:
        a, b = c[0], c[1]
        if any(a < tb and ta < b for ta, tb in taken):
            continue
        taken.append((a, b))
        chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    ctx = _Ctx(text, published, mode)
    out: list[TemporalExpression] = []
    out_rules: list[str] = []
    last_end = 0
    for a, b, _prio, ri, m in chosen:
        try:
            te = RULES[ri].fn(m, ctx)
        except (ValueError, OverflowError, KeyError, TypeError):
            te = None
        if te is None:
            continue
        if te.start is not None and te.end is not None and te.end < te.start:
            continue
        # "seit 2014", "seit dem 24. Februar 2022": the state lasts, but it began on that date, and
        # that beginning is the dated event (TimeML tags the date, with "seit" as its signal).
        if te.kind in ("date", "range") and te.start is not None:
            sm = _SEIT_RE.search(text, max(last_end, te.char_start - 20), te.char_start)
            if sm and sm.end() == te.char_start:
                te = TemporalExpression(te.char_start, te.char_end, te.text, te.kind, te.start, te.end,
                                        te.granularity, f"since {te.text}, the start: {te.explanation}",
                                        te.confidence)
        if te.char_start < last_end:
            continue
        # "Wenige Monate später, am 16. Dezember 1991, ...": the explicit date restates the anaphor
        if (out and te.kind in ("date", "range") and RULES[ri].name not in _ANAPHORIC
                and out[-1].start is not None and out_rules and out_rules[-1] in _ANAPHORIC
                and _APPOSITION_RE.fullmatch(text, out[-1].char_end, te.char_start)):
            out.pop()
            out_rules.pop()
        out.append(te)
        out_rules.append(RULES[ri].name)
        last_end = te.char_end
        if te.start is not None and (te.kind in ("date", "range") or RULES[ri].name in _ANAPHORIC):
            ctx.anchors.append(te)
            ctx.note_year(te)
        elif te.kind == "vague" and RULES[ri].name == "deictic":
            # "bis heute": no event, but the narration has come back to the present
            now = TemporalExpression(te.char_start, te.char_end, te.text, "date", published, published,
                                     "day", "", te.confidence)
            ctx.anchors.append(now)
            ctx.note_year(now)
    return out
