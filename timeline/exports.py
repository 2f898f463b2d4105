"""The events export: the JSON/CSV shape that ../shared/tools/score_events.py and `evaluate` read."""

import csv
import io

from articles.models import Article

from .models import Actor, Event, Topic

CSV_FIELDS = [
    "id", "source_file", "article_title", "outlet", "published", "sentence_index", "sentence", "date_text",
    "start", "end", "granularity", "explanation", "confidence", "actors", "topics", "corrected",
]  # fmt: skip


def export_data(events, articles=None) -> dict:
    """Events and the articles they were taken from (``articles``: all stored ones by default, so
    an article without events still shows its publication date)."""
    events = list(
        events.select_related("article", "sentence").prefetch_related("actors", "topics").order_by(
            "article_id", "char_start"
        )
    )
    articles = Article.objects.defer("text") if articles is None else articles
    return {
        "articles": [
            {
                "id": a.pk,
                "source_file": a.original_filename,
                "title": a.title,
                "source": a.source,
                "url": a.url,
                "published": a.published.isoformat() if a.published else None,
                "published_via": a.published_via,
            }
            for a in articles.order_by("pk")
        ],
        "events": [
            {
                "id": e.pk,
                "source_file": e.article.original_filename,
                "sentence_index": e.sentence.index,
                "sentence": e.sentence.text,
                "date_text": e.date_text,
                "char_start": e.char_start,
                "char_end": e.char_end,
                "start": e.start.isoformat(),
                "end": e.end.isoformat(),
                "granularity": e.granularity,
                "explanation": e.explanation,
                "confidence": round(e.confidence, 3),
                "actors": [a.name for a in e.actors.all()],
                "topics": [t.slug for t in e.topics.all()],
                "corrected": e.corrected,
            }
            for e in events
        ],
    }


def export_csv(data: dict) -> str:
    titles = {a["source_file"]: a for a in data["articles"]}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for e in data["events"]:
        article = titles.get(e["source_file"], {})
        writer.writerow(
            {
                **e,
                "article_title": article.get("title", ""),
                "outlet": article.get("source", ""),
                "published": article.get("published", ""),
                "actors": "; ".join(e["actors"]),
                "topics": "; ".join(e["topics"]),
                "corrected": "; ".join(e["corrected"]),
            }
        )
    return out.getvalue()


def unknown_names(*, actors=(), topics=()) -> list[str]:
    """The filter values that name no stored actor or topic."""
    known_actors = set(Actor.objects.filter(name__in=actors).values_list("name", flat=True))
    known_topics = set(Topic.objects.filter(slug__in=topics).values_list("slug", flat=True))
    return [f"actor {a!r}" for a in actors if a not in known_actors] + [
        f"topic {t!r}" for t in topics if t not in known_topics
    ]


def filtered_events(*, actors=(), topics=(), start=None, end=None, article=None, include_hidden=False):
    events = Event.objects.all() if include_hidden else Event.objects.visible()
    events = events.in_window(start, end).for_actors(actors).for_topics(topics)
    if article:
        events = events.for_article(article)
    return events
