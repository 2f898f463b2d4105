"""From an article's text to event candidates: dates, then actors and topics around them.

Plain Python: the Django side turns candidates into rows, the benchmark runs this alone.
"""

import bisect
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from .actors import ActorMatcher, default_registry
from .dates import find_dates
from .topics import TopicClassifier, default_topics

# A line this short without closing punctuation reads as a heading, the best context for a topic.
HEADING_MAX_WORDS = 12
# A text whose stated years lie mostly this far before its publication is a history: year-less
# dates ("im Juni") then take their year from the text before them, not from the publication date.
HISTORY_YEARS_BACK = 10
HISTORY_MIN_YEARS = 3
# A text "published" this many years ago (a date inferred from a history's latest date) reads as a story.
ARCHIVAL_YEARS_BACK = 40
# Two reference dates far apart: what resolves the same against both does not depend on one.
_PROBE_REFERENCES = (date(1950, 6, 15), date(2050, 6, 15))
_YEAR = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")
# Lines a web page adds about itself or other pages: their dates are no events of the story.
_PAGE_LINE = re.compile(
    r"^\W*(?:(?:erstellt|aktualisiert|zuletzt\s+aktualisiert|stand|veröffentlicht|publiziert|datum|quelle|"
    r"published|updated|posted|last\s+updated)\s*(?::|am\b|vom\b|on\b)"
    r"|artikel\s+vom\b|mehr\s+zum\s+thema\b|zum\s+thema\b|lesen\s+sie\s+(?:auch|mehr)\b|auch\s+interessant\b|"
    r"weitere\s+artikel\b|das\s+könnte\s+sie\s+(?:auch\s+)?interessieren\b|©|\(c\)\s|copyright\b|"
    r"alle\s+rechte\s+vorbehalten\b)",
    re.IGNORECASE,
)
# "er" as a subject pronoun (not "Er" the abbreviation of a title, which stands before a name)
_HE = re.compile(r"(?<![\w-])[Ee]r(?![\w-])(?!\s+[A-ZÄÖÜ][a-zäöü]+\s+[A-ZÄÖÜ])")
_YEARS_ONLY = re.compile(r"[\W\d]*(?:(?:und|bis|sowie|oder)\b[\W\d]*)*", re.IGNORECASE)
_CLOCK = re.compile(r"\b(?:um\s+)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?\b|\bUhr\b", re.IGNORECASE)


def is_page_metadata(sentence: str, date_text: str) -> bool:
    """A dateline, a timestamp ("05.04.2023, 14:32 Uhr"), or a line that labels the page's own date
    or points at other articles ("Aktualisiert am …", "Mehr zum Thema: …")."""
    if _PAGE_LINE.match(sentence):
        return True
    rest = _CLOCK.sub(" ", sentence.replace(date_text, " ", 1))
    if not re.search(r"\w", rest):
        return True
    # a section heading of years alone ("1916 und 1917", "1939–1945") labels a part, tells no event
    return _is_heading(sentence) and bool(_YEARS_ONLY.fullmatch(rest))


@dataclass
class EventCandidate:
    sentence_index: int
    char_start: int
    char_end: int
    date_text: str
    kind: str
    start: date
    end: date
    granularity: str
    explanation: str
    confidence: float
    actors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)


@dataclass
class ProposedPerson:
    name: str
    role: str


def _is_heading(sentence: str) -> bool:
    stripped = sentence.strip()
    return bool(stripped) and stripped[-1] not in ".!?:“\"…)" and len(stripped.split()) <= HEADING_MAX_WORDS


class Extractor:
    """Holds the compiled registries so that many articles can be processed without rebuilding them."""

    def __init__(self, actors: ActorMatcher, topics: TopicClassifier):
        self.actors = actors
        self.topics = topics
        self._persons = frozenset(s.name for s in actors.specs if s.kind == "person")

    def extract(
        self, text: str, published: date | None, sentences: Sequence[tuple[int, int]], *, mode: str | None = None
    ) -> list[EventCandidate]:
        """Event candidates of one article. ``mode`` None chooses news or narrative from the text;
        without a publication date only expressions that need none (explicit dates, and year-less
        ones that follow them) are kept."""
        if not sentences:
            return []
        starts = [s for s, _ in sentences]
        candidates = []
        seen: set[tuple[str, str]] = set()
        for expr in self.dates(text, published, mode=mode):
            if not expr.is_event:
                continue
            index = max(0, bisect.bisect_right(starts, expr.char_start) - 1)
            s_start, s_end = sentences[index]
            sentence = text[s_start:s_end]
            if is_page_metadata(sentence, expr.text):
                continue
            # Scraped pages repeat captions (image caption, then alt text): one event, not two.
            key = (" ".join(sentence.split()), expr.text)
            if key in seen:
                continue
            seen.add(key)
            actors = self.actors.names(sentence)
            if not actors and sentence.rstrip().endswith("?"):
                # an interviewer's question ("Was wird in diesem Jahr entscheidend?") reports nothing
                continue
            if _HE.search(sentence) and not any(a in self._persons for a in actors) and index > 0:
                # "Im November wurde er im Amt bestätigt": "er" is the one person just named
                before = [a for a in self.actors.names(text[slice(*sentences[index - 1])]) if a in self._persons]
                if len(before) == 1:
                    actors = actors + before
            context = self._context(text, sentences, index)
            topics = self.topics.classify(sentence, context)
            candidates.append(
                EventCandidate(
                    sentence_index=index,
                    char_start=expr.char_start,
                    char_end=expr.char_end,
                    date_text=expr.text,
                    kind=expr.kind,
                    start=expr.start,
                    end=expr.end,
                    granularity=expr.granularity or "approx",
                    explanation=expr.explanation,
                    confidence=expr.confidence,
                    actors=actors,
                    topics=topics,
                )
            )
        return candidates

    @staticmethod
    def dates(text: str, published: date | None, *, mode: str | None = None) -> list:
        if published is None:
            first, second = (find_dates(text, ref, mode="narrative") for ref in _PROBE_REFERENCES)
            same = {(e.char_start, e.char_end, e.start, e.end) for e in second}
            return [e for e in first if (e.char_start, e.char_end, e.start, e.end) in same]
        found = find_dates(text, published, mode=mode or "news")
        if mode is None and (is_history(found, published) or is_archival(published)):
            return find_dates(text, published, mode="narrative")
        return found

    def propose(self, text: str) -> list[ProposedPerson]:
        seen, people = set(), []
        for p in self.actors.propose(text):
            if p.name not in seen:
                seen.add(p.name)
                people.append(ProposedPerson(p.name, p.role))
        return people

    @staticmethod
    def _context(text: str, sentences: Sequence[tuple[int, int]], index: int) -> str:
        parts = []
        if index > 0:
            parts.append(text[slice(*sentences[index - 1])])
        for j in range(index - 1, -1, -1):
            candidate = text[slice(*sentences[j])]
            if _is_heading(candidate):
                parts.append(candidate)
                break
        return "\n".join(parts)


def is_history(expressions, published: date) -> bool:
    """Whether the years a text states lie mostly long before its publication (a history, not news)."""
    years = [int(y) for e in expressions if e.start is not None for y in _YEAR.findall(e.text)]
    return len(years) >= HISTORY_MIN_YEARS and statistics.median(years) <= published.year - HISTORY_YEARS_BACK


def is_archival(published: date, today: date | None = None) -> bool:
    """A publication date this far back is no news of the day: it was read off a history's own latest
    date, so its year-less dates follow the story, not the date nearest to the last one it tells."""
    today = today or date.today()
    return published.year <= today.year - ARCHIVAL_YEARS_BACK


_default: Extractor | None = None


def default_extractor() -> Extractor:
    global _default
    if _default is None:
        _default = Extractor(ActorMatcher(default_registry()), TopicClassifier(default_topics()))
    return _default


def extract_article(
    text: str, published: date | None, sentences: Sequence[tuple[int, int]]
) -> list[EventCandidate]:
    """The whole per-article pipeline with the shipped registries (for the benchmark and quick use)."""
    return default_extractor().extract(text, published, sentences)
