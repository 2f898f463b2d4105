from django.http import HttpRequest
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django_htmx.middleware import HtmxDetails

from articles.models import Article

from .models import Event


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@require_GET
def index(request: HtmxHttpRequest):
    return article_list(request)


@require_GET
def article_list(request: HtmxHttpRequest):
    articles = Article.objects.order_by("-published", "title")
    return render(request, "articles/list.html", {"articles": articles})


@require_GET
def article_reader(request: HtmxHttpRequest, pk: int):
    article = get_object_or_404(Article, pk=pk)
    sentences = article.sentences.order_by("index")
    return render(request, "articles/reader.html", {"article": article, "sentences": sentences})


@require_GET
def event_detail(request: HtmxHttpRequest, pk: int):
    event = get_object_or_404(Event.objects.select_related("article", "sentence"), pk=pk)
    return render(request, "timeline/event.html", {"event": event})
