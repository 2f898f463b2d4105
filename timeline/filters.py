"""The timeline's filter state, parsed from the query string and nowhere else.

The query string is the only state so that every view of the timeline can be shared, bookmarked and reached
with back/forward. Bad values are dropped with a note for the reader instead of failing the request.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _

from articles.models import Article

from .models import Actor, Event, Topic

LANES = ("topics", "actors")
# Which parameters belong to the timeline; anything else in a "back" query string is dropped.
PARAMS = ("actor", "topic", "from", "to", "article", "outlet", "story", "q", "precise", "lanes")
Q_MAX_LENGTH = 200


@dataclass
class TimelineFilters:
    actors: list[Actor] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    article: Article | None = None
    outlet: str = ""
    story: int | None = None
    q: str = ""
    precise: bool = False
    lanes: str = "topics"
    notes: list[str] = field(default_factory=list)

    @property
    def actor_ids(self) -> set[int]:
        return {a.pk for a in self.actors}

    @property
    def topic_slugs(self) -> set[str]:
        return {t.slug for t in self.topics}

    @property
    def active(self) -> bool:
        return bool(
            self.actors or self.topics or self.date_from or self.date_to or self.article or self.outlet or self.q
        ) or self.precise or self.story is not None

    def apply(self, qs: QuerySet[Event], *, skip: str = "") -> QuerySet[Event]:
        """Narrow qs by every filter except `skip`, so a facet can count as if its own filter were unset."""
        if skip != "actor" and self.actors:
            qs = qs.for_actors(self.actors)
        if skip != "topic" and self.topics:
            qs = qs.for_topics(self.topic_slugs)
        if skip != "window" and (self.date_from or self.date_to):
            qs = qs.in_window(self.date_from, self.date_to)
        if skip != "article" and self.article:
            qs = qs.for_article(self.article.pk)
        if skip != "outlet" and self.outlet:
            qs = qs.for_outlet(self.outlet)
        if self.story is not None:
            qs = qs.in_story(self.story)
        if self.q:
            qs = qs.search(self.q)
        if self.precise:
            qs = qs.precise()
        return qs

    def query(self, **changes) -> QueryDict:
        """The canonical query string of these filters, with `changes` ({param: list or value}) applied."""
        params = {
            "actor": [str(a.pk) for a in self.actors],
            "topic": [t.slug for t in self.topics],
            "from": [self.date_from.isoformat()] if self.date_from else [],
            "to": [self.date_to.isoformat()] if self.date_to else [],
            "article": [str(self.article.pk)] if self.article else [],
            "outlet": [self.outlet] if self.outlet else [],
            "story": [str(self.story)] if self.story is not None else [],
            "q": [self.q] if self.q else [],
            "precise": ["1"] if self.precise else [],
            "lanes": [self.lanes] if self.lanes != "topics" else [],
        }
        for key, value in changes.items():
            params[key] = [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]
        qd = QueryDict(mutable=True)
        for key in PARAMS:
            values = [v for v in params[key] if v]
            if values:
                qd.setlist(key, values)
        return qd

    def querystring(self, **changes) -> str:
        return self.query(**changes).urlencode()

    def with_actor(self, actor_id: int) -> str:
        ids = [str(a.pk) for a in self.actors]
        return self.querystring(actor=ids if str(actor_id) in ids else [*ids, str(actor_id)])

    def with_topic(self, slug: str) -> str:
        slugs = [t.slug for t in self.topics]
        return self.querystring(topic=slugs if slug in slugs else [*slugs, slug])


def _parse_date(value: str, label: str, notes: list[str]) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        notes.append(_("Ignored the date “%(value)s” for “%(label)s”: use YYYY-MM-DD.") % {"value": value, "label": label})
        return None


def parse_filters(params: QueryDict) -> TimelineFilters:
    """Read the filters from a query string; every unusable value becomes a note, never an error."""
    notes: list[str] = []
    f = TimelineFilters(notes=notes)

    raw_actors = [v.strip() for v in params.getlist("actor") if v.strip()]
    actor_ids = {int(v) for v in raw_actors if v.isdigit() and len(v) < 19}
    if raw_actors:
        found = {a.pk: a for a in Actor.objects.filter(pk__in=actor_ids)} if actor_ids else {}
        for value in dict.fromkeys(raw_actors):
            actor = found.get(int(value)) if value.isdigit() and len(value) < 19 else None
            if actor is None:
                notes.append(_("Ignored the unknown actor “%(value)s”.") % {"value": value})
            elif actor not in f.actors:
                f.actors.append(actor)

    raw_topics = [v.strip() for v in params.getlist("topic") if v.strip()]
    if raw_topics:
        found_topics = {t.slug: t for t in Topic.objects.filter(slug__in=raw_topics)}
        for value in dict.fromkeys(raw_topics):
            if value in found_topics:
                f.topics.append(found_topics[value])
            else:
                notes.append(_("Ignored the unknown topic “%(value)s”.") % {"value": value})

    f.date_from = _parse_date(params.get("from", ""), _("from"), notes)
    f.date_to = _parse_date(params.get("to", ""), _("to"), notes)
    if f.date_from and f.date_to and f.date_from > f.date_to:
        notes.append(_("Swapped “from” and “to”: the window ended before it began."))
        f.date_from, f.date_to = f.date_to, f.date_from

    article = params.get("article", "").strip()
    if article:
        if article.isdigit() and len(article) < 19:
            f.article = Article.objects.filter(pk=int(article)).only("pk", "title", "source").first()
        if f.article is None:
            notes.append(_("Ignored the unknown article “%(value)s”.") % {"value": article})

    outlet = params.get("outlet", "").strip()[:200]
    if outlet:
        if Article.objects.filter(source=outlet).exists():
            f.outlet = outlet
        else:
            notes.append(_("Ignored the unknown outlet “%(value)s”.") % {"value": outlet})
    story = params.get("story", "").strip()
    if story:
        if story.isdigit() and len(story) < 19 and Event.objects.filter(story=int(story)).exists():
            f.story = int(story)
        else:
            notes.append(_("Ignored the unknown story “%(value)s”.") % {"value": story[:40]})
    f.q = " ".join(params.get("q", "").split())[:Q_MAX_LENGTH]
    f.precise = params.get("precise", "") in {"1", "true", "on", "yes"}

    lanes = params.get("lanes", "").strip() or "topics"
    if lanes in LANES:
        f.lanes = lanes
    else:
        notes.append(_("Ignored the unknown lanes “%(value)s”.") % {"value": lanes})
    return f


def clean_back(query: str) -> str:
    """A timeline query string handed around in ?back=, reduced to the timeline's own parameters."""
    qd = QueryDict(query or "")
    out = QueryDict(mutable=True)
    for key in PARAMS:
        values = [v for v in qd.getlist(key) if v][:50]
        if values:
            out.setlist(key, values)
    return out.urlencode()
