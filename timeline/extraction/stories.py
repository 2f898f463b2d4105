"""Group events that different articles report about the same happening into stories.

Plain Python. Two events from different articles are reported about one happening when their
intervals overlap at similar precision and their sentences share enough specific content: words
that are rare in German at large (wordfreq) and not everywhere in this corpus ("Wirtschaftsforum",
"Unruhen", "Massenproteste" ~ "Proteste"), actors that not every event names, and the main topic.
Pairs are joined strongest first, and only while all events of a story still share a moment in time.
"""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import simplemma
from wordfreq import zipf_frequency

# Below this, two events share too little to be reported as one happening.
MIN_SCORE = 2.2
# A word or actor in more than this share of all events (the corpus's protagonists) says nothing.
COMMON_SHARE = 0.25
# A word used this often in German (Zipf scale: 5.5 = about once per 30,000 words) carries no weight.
COMMON_ZIPF = 5.5
MAX_WORD_WEIGHT = 3.0
# Compound heads shorter than this are too unspecific to link "Massenproteste" and "Proteste".
MIN_HEAD = 5
# "im Jahr 2022" is not the same happening as "am 10. Februar": intervals must be of like precision.
MAX_LENGTH_RATIO = 8

_WORD = re.compile(r"[^\W\d_][^\W\d_-]{3,}")
_STOPWORDS = frozenset(
    """
    aber alle allem allen aller alles also andere anderen anderer anderes auch auf aus außer bald bei beim
    bereits bevor bisher bislang damals damit danach dann daran darauf darüber darum dass dabei dadurch
    dafür dagegen daher davon dazu dein deine dem den denen denn dennoch der deren derer des deshalb dessen
    diese diesem diesen dieser dieses doch dort durch eben ebenfalls eigentlich einem einen einer eines
    einige einigen einiger einmal etwa etwas euch euer eure fast ferner für gegen gewesen habe haben hatte
    hatten hier hinter ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres immer indem infolge inzwischen jede
    jedem jeden jeder jedes jedoch jene jenem jenen jener jenes jetzt kaum kein keine keinem keinen keiner
    können könne könnte könnten machen machte mehr mehrere meist mit muss musste müssen nach nachdem neben
    nicht nichts noch nun nur oder ohne sehr sein seine seinem seinen seiner seines seit seitdem selbst
    sich sie sind soll solle sollen sollte sollten sondern sowie später statt trotz über überhaupt
    unter viel viele vielen vom von vor während wann warum was weil weiter weitere weiteren welche
    welchem welchen welcher welches wenn wer werde werden wie wieder will wird wurde wurden würde würden
    zum zur zwar zwei zwischen zudem zuvor sagte sagten sagt erklärte berichtete berichtet laut zufolge
    heute gestern morgen woche wochen monat monaten jahr jahre jahren jahres tage tagen tag zeit anfang
    ende mitte januar februar märz april juni juli august september oktober november dezember montag
    dienstag mittwoch donnerstag freitag samstag sonntag sommer winter frühjahr herbst damalige
    """.split()
)


@dataclass(frozen=True, slots=True)
class StoryItem:
    key: int
    article: int
    start: date
    end: date
    terms: frozenset[str]  # content_terms() of the sentence
    actors: frozenset[str] = frozenset()
    topic: str = ""


def content_terms(sentence: str, exclude: Sequence[tuple[int, int]] = ()) -> frozenset[str]:
    """Lemmas of the sentence's content words, lower case; ``exclude``: spans to pass over (the
    actors' names, which are compared as actors)."""
    for start, end in sorted(exclude, reverse=True):
        sentence = sentence[:start] + " " * (end - start) + sentence[end:]
    terms = set()
    for word in _WORD.findall(sentence):
        if word.lower() in _STOPWORDS:
            continue
        lemma = simplemma.lemmatize(word, lang="de").lower()
        if lemma not in _STOPWORDS and len(lemma) >= 4:
            terms.add(lemma)
    return frozenset(terms)


def _stem(word: str) -> str:
    # The lemmatiser leaves unknown compounds inflected ("flüssiggaspreise"); strip the ending.
    for ending in ("en", "es", "er", "e", "n", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= MIN_HEAD:
            return word[: -len(ending)]
    return word


def _related(a: str, b: str) -> bool:
    """Same lemma, or one is the head of the other as a compound ("massenprotest" ~ "protest")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return any(
        len(head) >= MIN_HEAD and whole.endswith(head) for whole in (long, _stem(long)) for head in (short, _stem(short))
    )


def word_weight(term: str) -> float:
    """How specific a word is: 0 for everyday German, up to MAX_WORD_WEIGHT for rare words."""
    return min(MAX_WORD_WEIGHT, max(0.0, COMMON_ZIPF - zipf_frequency(term, "de")))


def comparable(a: StoryItem, b: StoryItem) -> bool:
    """Overlapping intervals of like precision."""
    if a.start > b.end or b.start > a.end:
        return False
    la, lb = (a.end - a.start).days + 1, (b.end - b.start).days + 1
    return max(la, lb) <= MAX_LENGTH_RATIO * min(la, lb) or max(la, lb) <= 7


def pair_score(a: StoryItem, b: StoryItem, weights: dict[str, float], common_actors: frozenset) -> float:
    terms_a = [t for t in a.terms if weights.get(t)]
    matched = sum(
        max((min(weights[t], weights[u]) for t in terms_a if _related(t, u)), default=0.0)
        for u in b.terms
        if weights.get(u)
    )
    shared_actors = (a.actors & b.actors) - common_actors
    return matched + 0.75 * len(shared_actors) + (0.5 if a.topic and a.topic == b.topic else 0.0)


def group_stories(items: Sequence[StoryItem]) -> list[list[int]]:
    """Keys of the events in each story of two or more events; each sorted, stories by first key."""
    if len(items) < 2:
        return []
    n = len(items)
    df = Counter(t for item in items for t in item.terms)
    weights = {t: (0.0 if count > COMMON_SHARE * n else word_weight(t)) for t, count in df.items()}
    actor_df = Counter(a for item in items for a in item.actors)
    common_actors = frozenset(a for a, count in actor_df.items() if count > COMMON_SHARE * n)

    pairs = []
    ordered = sorted(items, key=lambda item: item.start)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.start > a.end:
                break  # sorted by start: no later item overlaps a
            if a.article != b.article and comparable(a, b):
                score = pair_score(a, b, weights, common_actors)
                if score >= MIN_SCORE:
                    pairs.append((score, a.key, b.key))

    # Each story: its keys and the moment all of its events share.
    story_of = {item.key: item.key for item in items}
    members = {item.key: [item.key] for item in items}
    window = {item.key: (item.start, item.end) for item in items}
    for _score, ka, kb in sorted(pairs, reverse=True):
        sa, sb = story_of[ka], story_of[kb]
        if sa == sb:
            continue
        start = max(window[sa][0], window[sb][0])
        end = min(window[sa][1], window[sb][1])
        if start > end:
            continue  # joining would put events that never overlap into one happening
        keep, gone = min(sa, sb), max(sa, sb)
        for key in members[gone]:
            story_of[key] = keep
        members[keep] += members.pop(gone)
        window[keep] = (start, end)
        del window[gone]
    return sorted((sorted(keys) for keys in members.values() if len(keys) > 1), key=lambda keys: keys[0])
