"""Writes for the timeline: registries, extraction into Event rows, and import-then-extract."""

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from articles.models import Article
from articles.services import IngestOutcome, article_ingest

from .extraction.actors import ActorMatcher, ActorSpec, default_registry
from .extraction.pipeline import EventCandidate, Extractor
from .extraction.stories import StoryItem, content_terms, group_stories
from .extraction.topics import TopicClassifier, TopicSpec, default_topics
from .models import Actor, Event, Topic


@dataclass
class ExtractionSummary:
    created: int = 0
    updated: int = 0
    removed: int = 0
    kept_corrected: int = 0
    proposed_actors: int = 0

    def __iadd__(self, other: "ExtractionSummary"):
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


@transaction.atomic
def registries_load_defaults() -> tuple[int, int]:
    """Add the shipped actors and topics that are missing; rows edited in the admin are left as they are."""
    actors_added = topics_added = 0
    for spec in default_registry():
        _, created = Actor.objects.get_or_create(
            name=spec.name, defaults={
                "kind": spec.kind,
                "aliases": list(spec.aliases),
                "affiliation": spec.affiliation,
                "reviewed": True,
            },
        )
        actors_added += created
    for order, spec in enumerate(default_topics()):
        _, created = Topic.objects.get_or_create(
            slug=spec.slug,
            defaults={"name": spec.name, "colour": spec.colour, "keywords": list(spec.keywords), "order": order},
        )
        topics_added += created
    return actors_added, topics_added


def extractor_from_db() -> Extractor:
    """An extractor over the registries as they are in the database (reviewed actors only)."""
    if not Topic.objects.exists():
        # A database whose data migration was skipped (e.g. tables flushed by a test run).
        registries_load_defaults()
    actors = [
        ActorSpec(name=a.name, kind=a.kind, aliases=tuple(a.aliases), affiliation=a.affiliation)
        for a in Actor.objects.filter(reviewed=True).only("name", "kind", "aliases", "affiliation")
    ]
    topics = [
        TopicSpec(slug=t.slug, name=t.name, colour=t.colour, keywords=tuple(t.keywords)) for t in Topic.objects.all()
    ]
    return Extractor(ActorMatcher(actors), TopicClassifier(topics))


def _apply(event: Event, candidate: EventCandidate, sentence) -> None:
    event.sentence = sentence
    event.date_text = candidate.date_text[:300]
    event.kind = candidate.kind
    event.confidence = candidate.confidence
    if "date" not in event.corrected:
        event.start, event.end = candidate.start, candidate.end
        event.granularity = candidate.granularity
        event.explanation = candidate.explanation[:500]


@transaction.atomic
def events_extract(*, article: Article, extractor: Extractor | None = None) -> ExtractionSummary:
    """(Re-)extract an article's events. Fields a person corrected survive; uncorrected events are rebuilt."""
    summary = ExtractionSummary()
    extractor = extractor or extractor_from_db()
    sentences = list(article.sentences.order_by("index"))
    candidates = extractor.extract(article.text, article.published, [(s.start, s.end) for s in sentences])
    actors_by_name = {a.name: a for a in Actor.objects.all()}
    topics_by_slug = {t.slug: t for t in Topic.objects.all()}
    existing = {(e.char_start, e.char_end): e for e in article.events.all()}

    for person in extractor.propose(article.text):
        if person.name not in actors_by_name:
            actors_by_name[person.name] = Actor.objects.create(
                name=person.name[:200], kind=Actor.Kind.PERSON, reviewed=False, role=person.role[:200]
            )
            summary.proposed_actors += 1

    seen = set()
    for candidate in candidates:
        key = (candidate.char_start, candidate.char_end)
        seen.add(key)
        event = existing.get(key) or Event(article=article, char_start=key[0], char_end=key[1])
        is_new = event.pk is None
        _apply(event, candidate, sentences[candidate.sentence_index])
        event.save()
        if "actors" not in event.corrected:
            event.actors.set([actors_by_name[n] for n in candidate.actors if n in actors_by_name])
        if "topics" not in event.corrected:
            event.topics.set([topics_by_slug[s] for s in candidate.topics if s in topics_by_slug])
        if is_new:
            summary.created += 1
        else:
            summary.updated += 1
    for key, event in existing.items():
        if key in seen:
            continue
        if event.corrected:
            summary.kept_corrected += 1
        else:
            event.delete()
            summary.removed += 1
    return summary


def article_ingest_with_events(
    *, path: Path, filename: str | None = None, extractor: Extractor | None = None
) -> IngestOutcome:
    """Import one file and extract its events in one transaction: a failure leaves nothing behind.

    Pass ``extractor`` when importing many files: building it from the registries costs more
    than extracting an article.
    """
    with transaction.atomic():
        outcome = article_ingest(path=path, filename=filename)
        if outcome.imported:
            extractor = extractor or extractor_from_db()
            for article in outcome.imported:
                events_extract(article=article, extractor=extractor)
        return outcome


@transaction.atomic
def stories_rebuild(*, extractor: Extractor | None = None) -> int:
    """Group the visible events that several articles report about one happening; returns the number
    of stories. Runs over all events, since a new article can join events of older ones."""
    extractor = extractor or extractor_from_db()
    events = list(
        Event.objects.visible()
        .select_related("sentence")
        .prefetch_related("actors", "topics")
        .only("pk", "article_id", "start", "end", "story", "sentence__text")
    )
    items = []
    for event in events:
        text = event.sentence.text
        names = [(m.char_start, m.char_end) for m in extractor.actors.find(text)]
        topics = list(event.topics.all())
        items.append(
            StoryItem(
                key=event.pk,
                article=event.article_id,
                start=event.start,
                end=event.end,
                terms=content_terms(text, names),
                actors=frozenset(a.name for a in event.actors.all()),
                topic=topics[0].slug if topics else "",
            )
        )
    story_of = {key: keys[0] for keys in group_stories(items) for key in keys}
    changed = [e for e in events if e.story != story_of.get(e.pk)]
    for event in changed:
        event.story = story_of.get(event.pk)
    Event.objects.bulk_update(changed, ["story"], batch_size=500)
    Event.objects.filter(hidden=True).exclude(story=None).update(story=None)
    return len(set(story_of.values()))

