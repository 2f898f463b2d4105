"""Property tests: find_dates never raises and always returns well-formed, ordered spans."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction.dates import GRANULARITIES, KINDS, find_dates

FRAGMENTS = [
    "am", "im", "vom", "bis", "seit", "vor", "nach", "zwischen", "und", "Anfang", "Mitte", "Ende",
    "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "Sept.", "Okt.",
    "Dezember", "Montag", "Dienstag", "Dienstags", "Sonntagabend", "heute", "gestern", "morgen",
    "Woche", "Wochen", "Monat", "Jahr", "Jahre", "Jahren", "Jahres", "Tag", "Tage", "Tagen",
    "diese", "dieser", "diesen", "vergangenen", "letzten", "nächsten", "kommenden", "gleichen", "selben",
    "Sommer", "Winter", "Frühjahr", "Quartal", "Halbjahr", "Jahrhunderts", "1990er", "90er-Jahren",
    "später", "danach", "zuvor", "darauf", "kurz", "wenigen", "einigen", "zwei", "drei", "eine", "einer",
    "Jahreswechsel", "Q3", "jeden", "täglich", "die", "mit", "so", "Don", "ein",
    "2022", "1990", "2019", "2014–2016", "05.04.2022", "5.4.22", "07/02/2024", "2022-04-05",
    "10.", "31.", "29.", "0.", "99.", "1.400", "69,5", "BM-21", "122-mm", "16-mal", "Prozent",
    ".", ",", "–", "-", "(", ")", "/", " ", "\n", "\u00a0", "https://x.de/2022/01/01",
]

german_ish = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(
    lambda parts: "".join(p + (" " if i % 3 else "") for i, p in enumerate(parts)))
any_text = st.one_of(st.text(max_size=300), german_ish,
                     st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), max_size=30).map(" ".join))
pub_dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
modes = st.sampled_from(["news", "narrative"])


def _check(text, exprs):
    last_end = 0
    for e in exprs:
        assert 0 <= e.char_start < e.char_end <= len(text)
        assert text[e.char_start:e.char_end] == e.text
        assert e.char_start >= last_end, "overlapping or unsorted"
        last_end = e.char_end
        assert e.kind in KINDS
        assert 0.0 <= e.confidence <= 1.0
        assert isinstance(e.explanation, str) and e.explanation
        if e.start is not None or e.end is not None:
            assert e.start is not None and e.end is not None
            assert e.start <= e.end
        if e.is_event:
            assert e.kind not in ("duration", "set")
            assert e.granularity in GRANULARITIES
        d = e.as_dict()
        assert d["text"] == e.text


@settings(max_examples=200, deadline=None)
@given(any_text, pub_dates, modes)
def test_never_raises_and_well_formed(text, published, mode):
    _check(text, find_dates(text, published, mode=mode))


@settings(max_examples=200, deadline=None)
@given(german_ish, pub_dates, modes)
def test_german_fragments(text, published, mode):
    _check(text, find_dates(text, published, mode=mode))


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=31), st.sampled_from(["Januar", "Februar", "März", "April", "Juni",
                                                                   "September", "November", "Dezember"]),
       st.integers(min_value=1900, max_value=2099), pub_dates)
def test_explicit_dates_resolve_or_are_skipped(day, month, year, published):
    text = f"Das geschah am {day}. {month} {year} in Berlin."
    exprs = find_dates(text, published)
    _check(text, exprs)
    for e in exprs:
        if e.is_event:
            assert e.start.year == year and e.start == e.end


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["Ende März", "Anfang Juli", "im Juni", "im vergangenen Januar", "diesen Sommer",
                        "am Dienstag", "kommenden Montag", "diese Woche", "vor wenigen Tagen"]), pub_dates)
def test_yearless_expressions_near_publication(phrase, published):
    exprs = [e for e in find_dates(f"Es geschah {phrase}.", published) if e.is_event]
    assert len(exprs) == 1
    e = exprs[0]
    assert abs((e.start - published).days) <= 400
