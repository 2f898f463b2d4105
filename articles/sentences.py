"""German-aware sentence splitting that keeps character offsets into the original text.

Plain Python, no Django: the offsets are what lets every event point at its exact sentence.
"""

import re

# Abbreviations whose period does not end a sentence (compared case-insensitively, without the dot).
ABBREVIATIONS = frozenset(
    """
    st dr prof nr bzw ca vgl usw etc mio mrd jh jhd abs hr fr frl sog ggf evtl inkl zzgl bspw insb
    mind tel str geb gest dt engl franz russ jan feb febr apr aug sep sept okt nov dez ff vs dipl
    lt gem ehem verh ua uä zb bzgl ebd hrsg mwst
    gen adm maj hptm kpt obstlt bd kap hl jhs
    """.split()
)
MONTHS = frozenset(
    "januar jänner februar märz april mai juni juli august september oktober november dezember".split()
)
# Words after which "<number>." is an ordinal ("am 10. Juli", "im 20. Jahrhundert"), not a sentence end.
ORDINAL_LEADS = frozenset("am vom im dem den der die das des zum zur".split())

_CANDIDATE = re.compile(r"[.!?…]+[\"'“”»«’)\]]*(?=\s)")
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
_WORD_BEFORE = re.compile(r"([\w\-]+)\W*$")
_NEXT_WORD = re.compile(r"\s+([\"'„“‚»«(\[]?)(\w+)")


def _segments(text: str):
    """Lines are hard boundaries: headings, captions and bylines are their own units."""
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _is_boundary(text: str, seg_start: int, dot_start: int, dot_end: int) -> bool:
    punct = text[dot_start:dot_end]
    nxt = _NEXT_WORD.match(text, dot_end)
    if not nxt:
        return True
    next_word = nxt.group(2)
    if "." not in punct or punct.startswith(("!", "?", "…")) or len(punct.rstrip("\"'“”»«’)]")) > 1:
        # "!" "?" and "..." end a sentence unless a lowercase word follows (an ellipsis mid-sentence).
        return not next_word[0].islower()
    before = _WORD_BEFORE.search(text, seg_start, dot_start)
    word = before.group(1) if before else ""
    if next_word[0].islower():
        return False
    if word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    if word.isdigit() and len(word) <= 2:
        if next_word.lower() in MONTHS:
            return False
        lead = _WORD_BEFORE.search(text, seg_start, before.start()) if before else None
        if lead and lead.group(1).lower() in ORDINAL_LEADS:
            return False
        if before and before.start() == seg_start:
            # "1. Startseite": a list item number at the start of a line.
            return False
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in ``text``, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    for seg_start, seg_end in _segments(text):
        start = seg_start
        for m in _CANDIDATE.finditer(text, seg_start, seg_end):
            if _is_boundary(text, seg_start, m.start(), m.end()):
                spans.append((start, m.end()))
                start = m.end()
        spans.append((start, seg_end))
    result = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            result.append((start, end))
    return result
