"""Classify a sentence into the timeline's topics with weighted German keyword stems.

Plain Python, no Django. A keyword (as stored in ``TopicSpec.keywords``, editable in the admin) is a
lower-case German stem with an optional marker:

* ``öl``        matches at the start of a word or of a hyphenated part: Öl, Öllieferung, Ölpipeline,
                 Ukraine-Krieg -> ``krieg``;
* ``*sanktion`` also matches inside a compound: Wirtschaftssanktionen, Sanktionspolitik;
* ``gas$``      only the whole word (with a German ending: Gas, Gases) - not "Gast";
* ``...^2``     a weight (default 1); strong, unambiguous cues carry 2-2.5, vague ones 0.5.

Multi-word keywords ("social media", "an die macht") match across blanks and hyphens.
A topic's score is the sum of the weights of the distinct keywords found in the sentence plus
:data:`CONTEXT_WEIGHT` times the same for the context (previous sentence, paragraph heading); when
the sentence has keywords of its own, the context adds at most :data:`CONTEXT_CAP` times the
sentence's best score to any topic, so the sentence's dominant theme wins and the context decides
ties or a silent sentence.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

CONTEXT_WEIGHT = 0.35
CONTEXT_CAP = 0.6  # of the sentence's best score
RELATIVE_THRESHOLD = 0.5
MAX_TOPICS = 3
_WHOLE_WORD_ENDINGS = r"(?:e|en|er|es|n|s)?"
_ENDINGS = ("en", "er", "es", "e", "n", "s")
_WORD_RE = re.compile(r"[^\W_]+")
_HEX_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True, slots=True)
class TopicSpec:
    slug: str
    name: str
    colour: str
    keywords: tuple[str, ...]


def _prepare(text: str) -> str:
    # case-fold (ß -> ss on both sides) and treat hyphen variants alike
    return text.casefold().replace("\u2010", "-").replace("\u2011", "-").replace("\u00ad", "")


def _parse_keyword(raw: str) -> tuple[str, str, float] | None:
    """'*sanktion^2' -> ('sanktion', 'inside', 2.0)."""
    kw = raw.strip()
    weight = 1.0
    if "^" in kw:
        kw, _, w = kw.rpartition("^")
        try:
            weight = float(w)
        except ValueError:
            weight = 1.0
    kw = kw.strip()
    mode = "start"
    if kw.startswith("*"):
        mode, kw = "inside", kw[1:]
    elif kw.endswith("$"):
        mode, kw = "word", kw[:-1]
    kw = _prepare(kw.strip())
    if not kw or weight <= 0:
        return None
    return kw, mode, weight


def _literal(kw: str) -> str:
    # blanks and hyphens inside a phrase match any run of blanks or hyphens
    parts = re.split(r"[\s\-]+", kw)
    return r"[\s\-]+".join(re.escape(p) for p in parts if p)


class TopicClassifier:
    def __init__(self, specs: Iterable[TopicSpec]):
        self.specs = list(specs)
        self.slugs = [s.slug for s in self.specs]
        self._weights: list[tuple[int, float, str]] = []  # keyword id -> (topic index, weight, stem)
        self._start: dict[str, list[int]] = {}
        self._inside: dict[str, list[int]] = {}
        self._word: dict[str, list[int]] = {}
        phrases = []
        for ti, spec in enumerate(self.specs):
            for raw in spec.keywords:
                parsed = _parse_keyword(raw)
                if parsed is None:
                    continue
                kw, mode, weight = parsed
                kid = len(self._weights)
                self._weights.append((ti, weight, kw))
                if not _WORD_RE.fullmatch(kw):  # a phrase or hyphenated compound
                    tail = _WHOLE_WORD_ENDINGS + r"(?![^\W_])" if mode == "word" else ""
                    head = "" if mode == "inside" else r"(?<![^\W_])"
                    phrases.append((len(kw), f"{head}(?P<k{kid}>{_literal(kw)}{tail})"))
                    continue
                {"start": self._start, "inside": self._inside, "word": self._word}[mode].setdefault(kw, []).append(kid)
        self._max_start = max(map(len, self._start), default=0)
        self._max_inside = max(map(len, self._inside), default=0)
        phrases.sort(key=lambda x: -x[0])
        self._phrase_re = re.compile("|".join(p for _, p in phrases)) if phrases else None

    def _hits(self, text: str) -> set[int]:
        """Keyword ids found in text. At one position of a word only the longest stem counts, so a
        specific compound ("militärbündnis") can override its generic head ("militär")."""
        found: set[int] = set()
        if not text:
            return found
        t = _prepare(text)
        start, inside, word = self._start, self._inside, self._word
        for w in _WORD_RE.findall(t):
            n = len(w)
            head = 0  # length of the start stem found, which an inside stem at 0 must beat
            for k in range(min(n, self._max_start), 0, -1):
                kids = start.get(w[:k])
                if kids:
                    found.update(kids)
                    head = k
                    break
            if inside:
                pos = 0
                while pos < n:
                    step = 1
                    for k in range(min(n - pos, self._max_inside), 0, -1):
                        kids = inside.get(w[pos : pos + k])
                        if kids:
                            if pos or k >= head:  # "kriegsbeginn" is not also "*krieg"
                                found.update(kids)
                            step = k
                            break
                    pos += step
            if word:
                kids = word.get(w)
                if kids is None:
                    for e in _ENDINGS:
                        if w.endswith(e) and (kids := word.get(w[: -len(e)])):
                            break
                if kids:
                    found.update(kids)
        if self._phrase_re is not None:
            for m in self._phrase_re.finditer(t):
                found.add(int(m.lastgroup[1:]))
        return found

    def _score_hits(self, hits: set[int], factor: float, scores: list[float]) -> None:
        # a topic gains each distinct stem once; a stem listed both as "x" and "*x" counts once
        best: dict[tuple[int, str], float] = {}
        for kid in hits:
            ti, w, kw = self._weights[kid]
            key = (ti, kw)
            if w > best.get(key, 0.0):
                best[key] = w
        for (ti, _), w in best.items():
            scores[ti] += w * factor

    def scores(self, sentence: str, context: str = "") -> dict[str, float]:
        values = [0.0] * len(self.specs)
        self._score_hits(self._hits(sentence), 1.0, values)
        if context:
            extra = [0.0] * len(self.specs)
            self._score_hits(self._hits(context), CONTEXT_WEIGHT, extra)
            best = max(values)
            # when the sentence has a theme of its own the context may only tip the balance
            cap = CONTEXT_CAP * best if best > 0 else float("inf")
            values = [v + min(x, cap) for v, x in zip(values, extra)]
        return {slug: round(v, 4) for slug, v in zip(self.slugs, values) if v > 0}

    def classify(self, sentence: str, context: str = "") -> list[str]:
        """One to three slugs, best first; empty only when no keyword matches sentence or context."""
        sc = self.scores(sentence, context)
        if not sc:
            return []
        order = sorted(sc.items(), key=lambda kv: (-kv[1], self.slugs.index(kv[0])))
        top = order[0][1]
        return [slug for slug, v in order if v >= RELATIVE_THRESHOLD * top][:MAX_TOPICS]


def valid_colour(colour: str) -> bool:
    return bool(_HEX_RE.match(colour or ""))


def default_topics() -> list[TopicSpec]:
    with open(DATA_DIR / "topics.json", encoding="utf-8") as fh:
        data = json.load(fh)
    return [
        TopicSpec(t["slug"], t["name"], t["colour"], tuple(t.get("keywords", []))) for t in data["topics"]
    ]
