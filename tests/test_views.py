"""The timeline page, its filters and fragments, the event panel and the article reader.

Events are built directly with the ORM so that these tests do not depend on the extraction.
The helpers at the top are shared with test_chart.py.
"""

import hashlib
import json
import re
from datetime import date
from itertools import count
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.urls import reverse

from articles.models import Article, Sentence
from timeline.models import Actor, Event, Topic

_serial = count(1)


def make_article(sentences, *, title="Artikel", source="Testblatt", published=date(2022, 7, 14), **fields) -> Article:
    text = " ".join(sentences)
    article = Article.objects.create(
        title=title,
        source=source,
        published=published,
        text=text,
        content_hash=hashlib.sha256(f"{text}{next(_serial)}".encode()).hexdigest(),
        original_filename=f"{title}.txt",
        **fields,
    )
    pos = 0
    for index, sentence in enumerate(sentences):
        start = text.index(sentence, pos)
        Sentence.objects.create(article=article, index=index, start=start, end=start + len(sentence), text=sentence)
        pos = start + len(sentence)
    return article


def actor(name: str) -> Actor:
    return Actor.objects.get_or_create(name=name, defaults={"kind": "person"})[0]


def topic(slug: str) -> Topic:
    return Topic.objects.get_or_create(slug=slug, defaults={"name": slug.title(), "colour": "#0072B2"})[0]


def make_event(article, index, date_text, start, end=None, *, granularity="day", actors=(), topics=(), **fields):
    sentence = article.sentences.get(index=index)
    offset = sentence.text.index(date_text)
    event = Event.objects.create(
        article=article,
        sentence=sentence,
        char_start=sentence.start + offset,
        char_end=sentence.start + offset + len(date_text),
        date_text=date_text,
        start=start,
        end=end or start,
        granularity=granularity,
        explanation=fields.pop("explanation", "test"),
        **fields,
    )
    event.actors.set([actor(a) for a in actors])
    event.topics.set([topic(t) for t in topics])
    return event


@pytest.fixture
def corpus(db):
    """Two outlets, three articles, seven events (one hidden) with known actors, topics and dates."""
    a1 = make_article(
        [
            "Kasachstan und Russland stritten Anfang Juli über Öl.",
            "Am 10. Juli 2022 sprach Tokajew mit Putin in Moskau.",
            "Die Sanktionen gelten seit dem 1. März 2022 für Banken.",
            "Im Sommer wuchs der Handel mit China stark an.",
            "Ein letzter Satz ohne Datum beendet den Text.",
        ],
        title="Öl und Diplomatie",
        source="Blatt A",
        author="A. Autor",
        url="https://example.org/oel",
        published_via=Article.PublishedVia.TEXT,
        published_evidence="vom 13. Juli 2022",
    )
    a2 = make_article(
        ["Am 5. April 2022 reiste Tileuberdi nach Brüssel.", "Im Jahr 2019 wurde Tokajew Präsident."],
        title="Reisen",
        source="Blatt B",
        published=date(2022, 4, 6),
    )
    a3 = make_article(["Am 23. November 2022 tagte die OVKS in Jerewan."], title="Gipfel", source="Blatt A")
    ev = {
        "oil": make_event(a1, 0, "Anfang Juli", date(2022, 7, 1), date(2022, 7, 10), granularity="approx",
                          actors=["Kazakhstan", "Russia"], topics=["energy"]),
        "talk": make_event(a1, 1, "10. Juli 2022", date(2022, 7, 10),
                           actors=["Kassym-Jomart Tokayev", "Vladimir Putin"], topics=["diplomacy"]),
        "sanctions": make_event(a1, 2, "1. März 2022", date(2022, 3, 1), actors=["Russia"], topics=["sanctions", "economy"]),
        "summer": make_event(a1, 3, "Im Sommer", date(2022, 6, 1), date(2022, 8, 31), granularity="season",
                             actors=["China", "Kazakhstan"], topics=["economy"]),
        "trip": make_event(a2, 0, "5. April 2022", date(2022, 4, 5), actors=["Mukhtar Tileuberdi"], topics=["diplomacy"]),
        "y2019": make_event(a2, 1, "Im Jahr 2019", date(2019, 1, 1), date(2019, 12, 31), granularity="year",
                            actors=["Kassym-Jomart Tokayev"], topics=["domestic-politics"]),
        "summit": make_event(a3, 0, "23. November 2022", date(2022, 11, 23), actors=["CSTO"], topics=["security"]),
    }
    hidden = make_event(a1, 4, "letzter Satz", date(2022, 1, 1), granularity="approx", topics=["energy"], hidden=True)
    return {"articles": (a1, a2, a3), "events": ev, "hidden": hidden}


def event_ids(response) -> list[int]:
    return [int(i) for i in re.findall(r'<li class="event-item" id="event-(\d+)"', response.content.decode())]


def chart_of(response) -> dict:
    m = re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', response.content.decode(), re.S)
    assert m, "no chart data in the response"
    return json.loads(m.group(1))


def ids(*events) -> set[int]:
    return {e.pk for e in events}


def get(client, **params):
    return client.get(reverse("index"), params)


# --- the page -------------------------------------------------------------------------------------------------


def test_index_lists_visible_events_chronologically(client, corpus):
    ev = corpus["events"]
    r = get(client)
    assert r.status_code == 200
    shown = event_ids(r)
    assert set(shown) == ids(*ev.values())
    assert corpus["hidden"].pk not in shown
    assert shown[0] == ev["y2019"].pk and shown[-1] == ev["summit"].pk
    html = r.content.decode()
    assert "7 events from 3 articles" in html
    assert 'aria-live="polite"' in html
    # Grouped by month, the date expression marked in its sentence, the source named.
    assert "July 2022" in html and "March 2022" in html
    assert "<mark>10. Juli 2022</mark>" in html
    assert "Öl und Diplomatie" in html and "Blatt A" in html
    assert "<html" in html


def test_articles_list_is_kept(client, corpus):
    r = client.get(reverse("articles"))
    assert r.status_code == 200
    assert "Öl und Diplomatie" in r.content.decode()


def test_filter_one_actor(client, corpus):
    ev = corpus["events"]
    tokayev = Actor.objects.get(name="Kassym-Jomart Tokayev")
    r = get(client, actor=tokayev.pk)
    assert set(event_ids(r)) == ids(ev["talk"], ev["y2019"])
    assert "2 events from 2 articles" in r.content.decode()


def test_filter_several_actors_requires_all(client, corpus):
    ev = corpus["events"]
    kz, ru = Actor.objects.get(name="Kazakhstan"), Actor.objects.get(name="Russia")
    r = client.get(reverse("index") + f"?actor={kz.pk}&actor={ru.pk}")
    assert set(event_ids(r)) == ids(ev["oil"])


def test_filter_one_topic(client, corpus):
    r = get(client, topic="energy")
    assert set(event_ids(r)) == ids(corpus["events"]["oil"])


def test_filter_several_topics_any_of(client, corpus):
    ev = corpus["events"]
    r = client.get(reverse("index") + "?topic=energy&topic=economy")
    assert set(event_ids(r)) == ids(ev["oil"], ev["sanctions"], ev["summer"])


def test_filter_date_window_overlaps(client, corpus):
    ev = corpus["events"]
    r = get(client, **{"from": "2022-07-05", "to": "2022-07-31"})
    assert set(event_ids(r)) == ids(ev["oil"], ev["talk"], ev["summer"])
    only_from = get(client, **{"from": "2022-11-01"})
    assert set(event_ids(only_from)) == ids(ev["summit"])
    only_to = get(client, to="2019-06-30")
    assert set(event_ids(only_to)) == ids(ev["y2019"])


def test_filter_article_and_outlet(client, corpus):
    a1, a2, a3 = corpus["articles"]
    ev = corpus["events"]
    assert set(event_ids(get(client, article=a2.pk))) == ids(ev["trip"], ev["y2019"])
    assert set(event_ids(get(client, outlet="Blatt A"))) == ids(ev["oil"], ev["talk"], ev["sanctions"], ev["summer"], ev["summit"])


def test_filter_text_search(client, corpus):
    ev = corpus["events"]
    assert set(event_ids(get(client, q="moskau"))) == ids(ev["talk"])
    # The date expression itself is searchable too.
    assert set(event_ids(get(client, q="Im Jahr 2019"))) == ids(ev["y2019"])


def test_filter_precise_keeps_day_events(client, corpus):
    ev = corpus["events"]
    r = get(client, precise="1")
    assert set(event_ids(r)) == ids(ev["talk"], ev["sanctions"], ev["trip"], ev["summit"])


def test_filters_combined(client, corpus):
    ev = corpus["events"]
    tokayev = Actor.objects.get(name="Kassym-Jomart Tokayev")
    r = get(client, actor=tokayev.pk, topic="diplomacy", precise="1", outlet="Blatt A", **{"from": "2022-01-01"})
    assert set(event_ids(r)) == ids(ev["talk"])
    assert set(event_ids(get(client, topic="diplomacy", q="Brüssel"))) == ids(ev["trip"])


def test_lanes_actors(client, corpus):
    r = get(client, lanes="actors")
    chart = chart_of(r)
    labels = chart["layout"]["yaxis"]["ticktext"]
    assert "Kazakhstan" in labels and "Russia" in labels
    # One point per (event, actor) in actor lanes.
    points = sum(len(t["y"]) for t in chart["data"])
    assert points == sum(e.actors.count() or 1 for e in corpus["events"].values())
    assert 'value="actors" id="lanes-actors" checked' in r.content.decode()


def test_facet_counts_reflect_other_filters(client, corpus):
    r = get(client, topic="diplomacy")
    html = r.content.decode()
    # Topics count as if no topic were chosen; actors count within the current events.
    assert re.search(r'id="opt-topic-energy".*?<span class="count"[^>]*>1</span>', html, re.S)
    assert re.search(r'id="opt-topic-diplomacy".*?<span class="count"[^>]*>2</span>', html, re.S)
    russia = Actor.objects.get(name="Russia")
    assert re.search(rf'id="opt-actor-{russia.pk}" class="empty".*?<span class="count"[^>]*>0</span>', html, re.S)
    tokayev = Actor.objects.get(name="Kassym-Jomart Tokayev")
    assert re.search(rf'id="opt-actor-{tokayev.pk}">.*?<span class="count"[^>]*>1</span>', html, re.S)


def test_chips_link_to_the_current_query_plus_their_filter(client, corpus):
    tokayev = Actor.objects.get(name="Kassym-Jomart Tokayev")
    r = get(client, topic="diplomacy")
    html = r.content.decode()
    href = f'href="/?actor={tokayev.pk}&amp;topic=diplomacy"'
    assert href in html
    assert f'hx-get="/?actor={tokayev.pk}&amp;topic=diplomacy"' in html
    assert 'href="/?topic=diplomacy&amp;topic=' not in html  # the active topic is not added twice


# --- htmx fragments -------------------------------------------------------------------------------------------


def test_htmx_request_gets_only_the_results_fragment(client, corpus):
    r = client.get(reverse("index"), {"topic": "energy"}, HTTP_HX_REQUEST="true")
    html = r.content.decode()
    assert r.status_code == 200
    assert "<html" not in html and "<form" not in html
    assert 'id="chart-data"' in html
    assert set(event_ids(r)) == ids(corpus["events"]["oil"])
    # Counts outside the swapped region arrive out of band.
    assert '<p id="result-count" hx-swap-oob="innerHTML">1 event from 1 article</p>' in html
    assert 'id="opt-topic-energy" hx-swap-oob="true"' in html
    assert "HX-Request" in r["Vary"]


def test_history_restore_gets_the_full_page(client, corpus):
    r = client.get(reverse("index"), HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in r.content.decode()


def test_form_is_one_get_form_with_htmx(client, corpus):
    html = get(client).content.decode()
    form = re.search(r'<form id="filters".*?>', html, re.S).group(0)
    assert 'method="get"' in form and 'hx-get="/"' in form and 'hx-push-url="true"' in form
    assert 'hx-target="#results"' in form
    assert 'hx-trigger="input changed delay:400ms, search"' in html
    assert "{% partialdef" not in html


# --- bad parameters -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "actor=abc",
        "actor=999999",
        "actor=99999999999999999999999",
        "topic=nope",
        "from=2022-13-01",
        "to=yesterday",
        "article=x",
        "article=424242",
        "outlet=Nowhere",
        "lanes=sideways",
        "q=" + "x" * 500,
    ],
)
def test_bad_parameters_are_ignored_with_a_note(client, corpus, query):
    r = client.get(reverse("index") + "?" + query)
    assert r.status_code == 200
    html = r.content.decode()
    if not query.startswith("q="):
        assert 'class="notes"' in html
        assert len(event_ids(r)) == 7
    fragment = client.get(reverse("index") + "?" + query, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200


def test_swapped_date_window_is_repaired(client, corpus):
    r = get(client, **{"from": "2022-12-31", "to": "2022-07-01"})
    assert r.status_code == 200
    assert ids(corpus["events"]["summit"]) <= set(event_ids(r))
    assert 'class="notes"' in r.content.decode()


def test_only_get(client, corpus):
    assert client.post(reverse("index")).status_code == 405


# --- event panel ----------------------------------------------------------------------------------------------


def test_event_panel_fragment(client, corpus):
    talk = corpus["events"]["talk"]
    back = "topic=diplomacy&q=Putin"
    r = client.get(reverse("event", args=[talk.pk]), {"back": back}, HTTP_HX_REQUEST="true")
    html = r.content.decode()
    assert r.status_code == 200 and "<html" not in html
    assert "„10. Juli 2022“" in html
    assert "<mark>10. Juli 2022</mark>" in html
    assert "Kassym-Jomart Tokayev" in html and "Diplomacy" in html
    # ±2 sentences of context.
    assert "Anfang Juli über Öl" in html and "Im Sommer wuchs" in html and "Ein letzter Satz" not in html
    reader = f'/articles/{talk.article_id}/?hl=1&amp;back={quote(back, safe="")}#s-1'
    assert reader.replace("&amp;", "&") in html.replace("&amp;", "&")
    assert "data-close-panel" in html
    assert f'href="/?{back.replace("&", "&amp;")}"' in html


def test_event_full_page(client, corpus):
    talk = corpus["events"]["talk"]
    r = client.get(reverse("event", args=[talk.pk]))
    html = r.content.decode()
    assert "<html" in html and "<mark>10. Juli 2022</mark>" in html
    assert "day" in html and "test" in html  # granularity and explanation


def test_event_panel_for_hidden_or_missing_event_is_404(client, corpus):
    assert client.get(reverse("event", args=[corpus["hidden"].pk])).status_code == 404
    assert client.get(reverse("event", args=[999999])).status_code == 404


def test_back_parameter_cannot_leave_the_timeline(client, corpus):
    talk = corpus["events"]["talk"]
    r = client.get(reverse("event", args=[talk.pk]), {"back": "//evil.example/&next=https://evil.example&topic=energy"})
    html = r.content.decode()
    assert not [h for h in re.findall(r'href="([^"]*)"', html) if "evil" in h]
    assert 'href="/?topic=energy"' in html


# --- reader ---------------------------------------------------------------------------------------------------


def test_reader_highlights_marks_and_links_back(client, corpus):
    a1 = corpus["articles"][0]
    talk = corpus["events"]["talk"]
    r = client.get(reverse("reader", args=[a1.pk]), {"hl": "1", "back": "topic=diplomacy"})
    html = r.content.decode()
    assert r.status_code == 200
    assert re.search(r'<p class="sentence highlight" id="s-1">', html)
    # Every event of the article has a badge in the margin, linking to the event; hidden ones do not.
    for key in ("oil", "talk", "sanctions", "summer"):
        assert f'href="/events/{corpus["events"][key].pk}/?back=topic%3Ddiplomacy"' in html
    assert f"/events/{corpus['hidden'].pk}/" not in html
    assert "<mark>Anfang Juli</mark>" in html and "<mark>10. Juli 2022</mark>" in html
    # Metadata with how the publication date was found.
    assert "A. Autor" in html and "https://example.org/oel" in html and "Blatt A" in html
    assert "inferred from the article text" in html and "vom 13. Juli 2022" in html
    assert 'href="/?topic=diplomacy"' in html
    assert talk.sentence.anchor == "s-1"


def test_reader_without_back_links_to_plain_timeline(client, corpus):
    r = client.get(reverse("reader", args=[corpus["articles"][2].pk]))
    assert 'href="/"' in r.content.decode()


# --- headers and security -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["index", "articles", "event", "reader"])
def test_csp_header_with_nonce(client, corpus, name):
    args = {"event": [corpus["events"]["talk"].pk], "reader": [corpus["articles"][0].pk]}.get(name, [])
    r = client.get(reverse(name, args=args))
    csp = r["Content-Security-Policy"]
    nonce = re.search(r"script-src 'self' 'nonce-([^']+)'", csp).group(1)
    assert f"style-src 'self' 'nonce-{nonce}'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    html = r.content.decode()
    assert " style=" not in html
    # Every script and style element carries the nonce, and none is inline code.
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert f'nonce="{nonce}"' in tag or 'type="application/json"' in tag
    for m in re.finditer(r"<script\b([^>]*)>(.*?)</script>", html, re.S):
        assert "src=" in m.group(1) or 'type="application/json"' in m.group(1)
    for tag in re.findall(r"<style\b[^>]*>", html):
        assert f'nonce="{nonce}"' in tag
    assert "cdn" not in " ".join(re.findall(r'src="([^"]+)"', html)).lower()


def test_index_loads_plotly_from_this_server_after_its_style_sheet(client, corpus):
    html = get(client).content.decode()
    style = html.index('<style id="plotly.js-style-global"')
    script = html.index('src="/static/vendor/plotly.min.js"')
    assert style < script
    assert """<meta name="htmx-config" content='{"includeIndicatorStyles": false""" in html
    assert "/static/django_htmx/htmx-2.min.js" in html
    assert "/static/js/timeline.js" in html


def test_plotly_is_served_by_the_finder(client):
    from django.contrib.staticfiles import finders

    path = finders.find("vendor/plotly.min.js")
    assert path and path.endswith("plotly/package_data/plotly.min.js")


# --- query counts ---------------------------------------------------------------------------------------------


def _bulk_events(n: int):
    article = make_article([f"Am {i % 28 + 1}. Mai 2022 geschah Ding {i}." for i in range(n)], title=f"Bulk {n}")
    for i in range(n):
        make_event(
            article, i, f"{i % 28 + 1}. Mai 2022", date(2022, 5, i % 28 + 1),
            actors=["Kazakhstan", f"Person {i % 7}"], topics=["energy", "economy"] if i % 2 else ["media"],
        )


@pytest.mark.parametrize("n", [5, 50])
@pytest.mark.parametrize("htmx", [False, True])
def test_query_count_does_not_grow_with_events(client, db, django_assert_max_num_queries, n, htmx):
    _bulk_events(n)
    kz = Actor.objects.get(name="Kazakhstan")
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    with django_assert_max_num_queries(14):
        r = client.get(reverse("index"), **headers)
    assert len(event_ids(r)) == n
    with django_assert_max_num_queries(16):
        client.get(reverse("index"), {"actor": kz.pk, "topic": "energy", "outlet": "Testblatt", "q": "Mai"}, **headers)
    event = Event.objects.first()
    with django_assert_max_num_queries(6):
        client.get(reverse("event", args=[event.pk]), **headers)
    with django_assert_max_num_queries(6):
        client.get(reverse("reader", args=[event.article_id]))


# --- language -------------------------------------------------------------------------------------------------


def test_language_switch_returns_to_the_same_query(client, corpus):
    html = get(client, topic="energy").content.decode()
    assert 'action="/i18n/setlang/"' in html
    assert 'name="next" type="hidden" value="/?topic=energy"' in html
    r = client.post("/i18n/setlang/", {"language": "de", "next": "/?topic=energy"})
    assert r.status_code == 302 and r["Location"] == "/?topic=energy"
    german = client.get("/?topic=energy").content.decode()
    assert "1 Ereignis aus 1 Artikel" in german
    assert "Filter zurücksetzen" in german
    # The article text stays as written.
    assert "Kasachstan und Russland stritten" in german


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/articles/"])
def test_head_requests_are_answered(client, url):
    # Uptime monitors and link checkers use HEAD.
    assert client.head(url).status_code == 200


@pytest.mark.django_db
def test_long_lists_stop_at_the_limit_but_the_chart_keeps_every_event(client, monkeypatch):
    from timeline import views

    monkeypatch.setattr(views, "LIST_LIMIT", 3)
    article = make_article([f"Am {d}. Mai 2022 geschah etwas." for d in range(1, 6)])
    for i in range(5):
        make_event(article, i, f"{i + 1}. Mai 2022", date(2022, 5, i + 1), topics=["energy"])
    body = client.get("/").content.decode()
    assert body.count('class="event-item"') == 3
    assert "first 3 of 5 events" in body and "all=1" in body
    assert sum(len(t["x"]) for t in json.loads(re.search(r'id="chart-data"[^>]*>(.*?)</script>', body, re.S).group(1))["data"]) == 5
    assert client.get("/?all=1").content.decode().count('class="event-item"') == 5
