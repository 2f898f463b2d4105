"""Score an events export against a gold file of dated events.

The matching rules are those stated for ../shared/tools/score_events.py, implemented here so the
project can measure itself anywhere and users can measure it on their own annotated articles:
  * a predicted event matches a gold event when both come from the same file, its sentence overlaps
    the gold quote and its date_text overlaps the gold date_text;
  * a match is correct when both interval ends lie within max(1 day, a quarter of the gold
    interval's length) of the gold ends; a match with a wrong interval counts as a false positive;
  * unmatched predictions count against precision unless they match an entry of "optional";
  * actors: the share of gold actors (or their aliases) among the predicted ones, averaged over
    correct matches that have gold actors; topics: whether the gold topic is among the predicted.
"""

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher


def normalise(text: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.lower().replace("\u2019", "'").replace("\u2018", "'").split())


def longest_common_run(a: str, b: str) -> int:
    if not a or not b:
        return 0
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def sentence_matches_quote(sentence: str, quote: str) -> bool:
    s, q = normalise(sentence), normalise(quote)
    if not s or not q:
        return False
    return q in s or s in q or longest_common_run(s, q) >= 0.6 * min(len(s), len(q))


def date_texts_match(a: str, b: str) -> bool:
    a, b = normalise(a), normalise(b)
    if not a or not b:
        return False
    return longest_common_run(a, b) >= max(3, 0.5 * min(len(a), len(b)))


def _day(value) -> date:
    return date.fromisoformat(str(value)[:10])


def interval_close(predicted: dict, gold: dict) -> bool:
    gold_start, gold_end = _day(gold["start"]), _day(gold["end"])
    tolerance = max(1, ((gold_end - gold_start).days + 1) / 4)
    return (
        abs((_day(predicted["start"]) - gold_start).days) <= tolerance
        and abs((_day(predicted["end"]) - gold_end).days) <= tolerance
    )


def _file(path) -> str:
    return str(path or "").replace("\\", "/").rsplit("/", 1)[-1]


@dataclass
class Score:
    gold: int = 0
    true_positives: int = 0
    false_positives: int = 0
    hard_total: int = 0
    hard_true_positives: int = 0
    actor_scores: list[float] = field(default_factory=list)
    topic_hits: list[bool] = field(default_factory=list)
    published_ok: int = 0
    articles: int = 0
    lines: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def recall_not_hard(self) -> float:
        easy = self.gold - self.hard_total
        return (self.true_positives - self.hard_true_positives) / easy if easy else 0.0

    @property
    def actors(self) -> float:
        return sum(self.actor_scores) / len(self.actor_scores) if self.actor_scores else 0.0

    @property
    def topics(self) -> float:
        return sum(self.topic_hits) / len(self.topic_hits) if self.topic_hits else 0.0

    @property
    def published(self) -> float:
        return self.published_ok / self.articles if self.articles else 0.0

    def summary(self) -> str:
        return (
            f"gold {self.gold} tp {self.true_positives} fp {self.false_positives} "
            f"precision {self.precision:.3f} recall {self.recall:.3f} (not hard {self.recall_not_hard:.3f}) "
            f"actors {self.actors:.3f} topics {self.topics:.3f} published {self.published:.3f}"
        )


def score_export(export: dict, gold: dict) -> Score:
    aliases = {name: {normalise(name)} | {normalise(a) for a in alts} for name, alts in gold.get("aliases", {}).items()}
    predictions: dict[str, list[dict]] = {}
    for event in export.get("events", []):
        predictions.setdefault(_file(event.get("source_file")), []).append(event)
    score = Score(gold=len(gold["events"]))
    misses, wrong, spurious = [], [], []
    for filename in sorted({a["file"] for a in gold["articles"]}):
        candidates = predictions.get(filename, [])
        taken: set[int] = set()
        for g in (g for g in gold["events"] if g["file"] == filename):
            score.hard_total += bool(g.get("hard"))
            chosen, chosen_close = None, False
            for i, p in enumerate(candidates):
                if i in taken or not sentence_matches_quote(p.get("sentence", ""), g["quote"]):
                    continue
                if not date_texts_match(p.get("date_text", ""), g["date_text"]):
                    continue
                close = interval_close(p, g)
                # The first match wins unless a later one also has the right interval.
                if chosen is None or (close and not chosen_close):
                    chosen, chosen_close = i, close
            if chosen is None:
                misses.append(f"MISS      {filename}: {g['date_text']!r} in {g['quote'][:70]!r}")
                continue
            taken.add(chosen)
            p = candidates[chosen]
            if not chosen_close:
                score.false_positives += 1
                wrong.append(
                    f"WRONGDATE {filename}: {g['date_text']!r} gold {g['start']}..{g['end']} "
                    f"got {p.get('start')}..{p.get('end')}"
                )
                continue
            score.true_positives += 1
            score.hard_true_positives += bool(g.get("hard"))
            predicted_actors = {normalise(a) for a in p.get("actors", [])}
            if g.get("actors"):
                hits = sum(bool(aliases.get(a, {normalise(a)}) & predicted_actors) for a in g["actors"])
                score.actor_scores.append(hits / len(g["actors"]))
            score.topic_hits.append(normalise(g["topic"]) in {normalise(t) for t in p.get("topics", [])})
        optional = [o for o in gold.get("optional", []) if o["file"] == filename]
        for i, p in enumerate(candidates):
            if i in taken or any(
                sentence_matches_quote(p.get("sentence", ""), o["quote"])
                and date_texts_match(p.get("date_text", ""), o["date_text"])
                for o in optional
            ):
                continue
            score.false_positives += 1
            spurious.append(
                f"FALSEPOS  {filename}: {p.get('date_text')!r} {p.get('start')}..{p.get('end')} "
                f"in {str(p.get('sentence'))[:70]!r}"
            )
    published = {_file(a.get("source_file")): a.get("published") for a in export.get("articles", [])}
    wrong_published = []
    for a in gold["articles"]:
        score.articles += 1
        got = published.get(a["file"])
        low, high = a["published_window"]
        if got and low <= str(got)[:10] <= high:
            score.published_ok += 1
        else:
            wrong_published.append(f"PUBLISHED {a['file']}: got {got} want {a['published']}")
    score.lines = misses + wrong + spurious + wrong_published
    return score
