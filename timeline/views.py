from collections import Counter
from itertools import groupby

import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Max, Min, Prefetch, Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers
from django.tasks import TaskResultStatus
from django.views.decorators.http import require_http_methods, require_safe
from django_htmx.middleware import HtmxDetails

from articles.models import Article

from .charts import figure_json
from .filters import TimelineFilters, clean_back, parse_filters
from .forms import ImportForm
from .models import Actor, Event, Topic
from .tasks import article_import

# The reader shows this many sentences on either side of an event's sentence in the panel.
CONTEXT_SENTENCES = 2
# The list under the chart stops here unless asked for all: a page with thousands of list items
# is slow to load and useless to read; the chart still shows every event.
LIST_LIMIT = 400


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _events(qs=None):
    """Visible events with everything the list and chart show, in a fixed number of queries."""
    qs = (qs if qs is not None else Event.objects.all()).visible()
    return (
        qs.select_related("article", "sentence")
        # The article's full text is not needed for a list row and can be large.
        .defer("article__text")
        .prefetch_related(
            Prefetch("actors", queryset=Actor.objects.order_by("name")),
            Prefetch("topics", queryset=Topic.objects.order_by("order", "slug")),
        )
    )


def _partial(request: HtmxHttpRequest, template: str, partial: str) -> str:
    # A history restore asks for the whole page even though it comes from htmx.
    if request.htmx and not request.htmx.history_restore_request:
        return f"{template}#{partial}"
    return template


def _count_by(events, field: str) -> dict:
    """Number of events per value of ``field``."""
    return dict(events.order_by().values_list(field).annotate(n=Count("pk")).values_list(field, "n"))


def _facets(filters: TimelineFilters) -> dict:
    """Options for every filter with the number of events each would show, given the other filters."""
    visible = Event.objects.visible()
    through_actor = Event.actors.through.objects
    through_topic = Event.topics.through.objects

    # Actors combine with AND: an option's count is how many of the current events also name it.
    actor_counts = dict(
        through_actor.filter(event__in=filters.apply(visible).values("pk"))
        .values_list("actor_id")
        .annotate(n=Count("event_id"))
        .values_list("actor_id", "n")
    )
    actors = Actor.objects.filter(events__hidden=False).distinct().order_by("name").only("pk", "name")
    actor_options = [
        {"actor": a, "count": actor_counts.get(a.pk, 0), "checked": a.pk in filters.actor_ids} for a in actors
    ]

    # Topics combine with OR: count as if no topic were chosen.
    topic_counts = dict(
        through_topic.filter(event__in=filters.apply(visible, skip="topic").values("pk"))
        .values_list("topic_id")
        .annotate(n=Count("event_id"))
        .values_list("topic_id", "n")
    )
    topic_options = [
        {"topic": t, "count": topic_counts.get(t.pk, 0), "checked": t.slug in filters.topic_slugs}
        for t in Topic.objects.order_by("order", "slug")
    ]

    article_counts = _count_by(filters.apply(visible, skip="article"), "article_id")
    articles = Article.objects.filter(events__hidden=False).distinct().only("pk", "title", "source", "published")
    article_options = [
        {
            "article": a,
            "count": article_counts.get(a.pk, 0),
            "selected": bool(filters.article and filters.article.pk == a.pk),
        }
        for a in articles
    ]

    outlet_counts = _count_by(filters.apply(visible, skip="outlet"), "article__source")
    outlets = sorted({a.source for a in articles if a.source})
    outlet_options = [
        {"name": o, "count": outlet_counts.get(o, 0), "selected": o == filters.outlet} for o in outlets
    ]
    return {
        "actor_options": actor_options,
        "topic_options": topic_options,
        "article_options": article_options,
        "outlet_options": outlet_options,
    }


def _months(events: list[Event]) -> list[dict]:
    return [
        {"month": month, "events": list(items)}
        for month, items in groupby(events, key=lambda e: e.start.replace(day=1))
    ]


@require_safe
def index(request: HtmxHttpRequest):
    filters = parse_filters(request.GET)
    events = list(_events(filters.apply(Event.objects.all())).chronological())
    # Topics in the chart's lane order; the facet query below reuses the same rows.
    facets = _facets(filters)
    topics = [o["topic"] for o in facets["topic_options"]]
    extent = filters.apply(Event.objects.visible(), skip="window").aggregate(start=Min("start"), end=Max("end"))
    chart = figure_json(
        events,
        lanes=filters.lanes,
        window=(filters.date_from, filters.date_to),
        topics=topics,
        extent=(extent["start"], extent["end"]),
    )
    show_all = request.GET.get("all") == "1"
    listed = events if show_all else events[:LIST_LIMIT]
    context = {
        "filters": filters,
        "events": events,
        "months": _months(listed),
        "list_truncated": len(listed) < len(events),
        "list_limit": LIST_LIMIT,
        "article_count": len(Counter(e.article_id for e in events)),
        "chart": chart,
        "query": filters.querystring(),
        **facets,
    }
    response = render(request, _partial(request, "timeline/index.html", "results"), context)
    # The page and its fragment share a URL; caches and the back button must keep them apart.
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_safe
def event_detail(request: HtmxHttpRequest, pk: int):
    event = get_object_or_404(_events(), pk=pk)
    back = clean_back(request.GET.get("back", ""))
    context_sentences = list(
        event.article.sentences.filter(
            index__gte=event.sentence.index - CONTEXT_SENTENCES,
            index__lte=event.sentence.index + CONTEXT_SENTENCES,
        ).order_by("index")
    )
    # The same happening as other articles report it.
    also_reported = (
        list(_events(Event.objects.in_story(event.story).exclude(article_id=event.article_id)).chronological())
        if event.story is not None
        else []
    )
    context = {
        "event": event,
        "context_sentences": context_sentences,
        "back": back,
        "also_reported": also_reported,
    }
    response = render(request, _partial(request, "timeline/event.html", "panel"), context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_safe
def article_list(request: HtmxHttpRequest):
    articles = Article.objects.defer("text").annotate(
        event_count=Count("events", filter=Q(events__hidden=False), distinct=True)
    ).order_by("-published", "title")
    return render(request, "articles/list.html", {"articles": articles})


@require_safe
def article_reader(request: HtmxHttpRequest, pk: int):
    article = get_object_or_404(Article, pk=pk)
    back = clean_back(request.GET.get("back", ""))
    sentences = list(article.sentences.order_by("index"))
    events = list(
        article.events.visible()
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("order", "slug")))
        .order_by("char_start")
    )
    by_sentence: dict[int, list[Event]] = {}
    for event in events:
        by_sentence.setdefault(event.sentence_id, []).append(event)
    highlight = request.GET.get("hl", "").strip()
    rows = [
        {
            "sentence": s,
            "events": by_sentence.get(s.pk, []),
            "highlight": highlight == str(s.index),
        }
        for s in sentences
    ]
    context = {"article": article, "rows": rows, "back": back, "event_count": len(events)}
    return render(request, "articles/reader.html", context)


def _store_upload(upload) -> Path:
    """Keep an upload on disk until its import task has run; the task removes it.

    The stored name is ours: a browser-supplied name must not choose the directory, and may be
    longer in bytes than a file system allows. The task records the original name.
    """
    folder = Path(settings.MEDIA_ROOT) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    suffix = Path(upload.name).suffix.lower()[:10]
    path = folder / f"{uuid.uuid4().hex}{suffix}"
    with path.open("wb") as fh:
        for chunk in upload.chunks():
            fh.write(chunk)
    return path


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("articles.add_article")
def import_articles(request: HtmxHttpRequest):
    results = []
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if form.is_bound and form.is_valid():
        for upload in form.cleaned_data["files"]:
            if upload.size > settings.ARTICLE_MAX_BYTES:
                results.append({"filename": upload.name, "status": "rejected", "imported": [], "unchanged": [],
                                "rejected": f"too large ({upload.size:,} bytes; the limit is "
                                            f"{settings.ARTICLE_MAX_BYTES:,})"})  # fmt: skip
                continue
            name = Path(upload.name).name or "upload"
            task = article_import.enqueue(path=str(_store_upload(upload)), display_name=name, remove=True)
            if task.status == TaskResultStatus.SUCCESSFUL:
                results.append({**task.return_value, "status": "done"})
            elif task.is_finished:
                results.append({"filename": upload.name, "status": "failed", "imported": [], "unchanged": [],
                                "rejected": "the import failed; see the server log"})  # fmt: skip
            else:
                results.append({"filename": upload.name, "status": "queued", "imported": [], "unchanged": [],
                                "rejected": "", "task_id": task.id})  # fmt: skip
    return render(request, "timeline/import.html", {"form": form, "results": results})

