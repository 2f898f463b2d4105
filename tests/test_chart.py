"""The timeline figure built in timeline/charts.py."""

import re
from datetime import date

import pytest
from django.utils import translation
from test_views import make_article, make_event

from timeline.charts import build_figure, default_window, figure_json, opacity_for
from timeline.models import Event, Topic
from timeline.views import _events


@pytest.fixture(autouse=True)
def english():
    # Another test's request may have left German active in this thread; these tests read English labels.
    with translation.override("en"):
        yield


def alpha(colour: str) -> float:
    return float(re.fullmatch(r"rgba\(\d+,\d+,\d+,([\d.]+)\)", colour).group(1))


@pytest.fixture
def events(db):
    article = make_article(
        [
            "Am 10. Juli 2022 trafen sie sich.",
            "Diese Woche sprach man.",
            "Im Juni gab es Streit.",
            "Anfang Juli kam Öl.",
            "Im Sommer stiegen Preise.",
            "Im Jahr 2019 begann es.",
            "Ohne Thema am 3. Mai 2022.",
        ]
    )
    make_event(article, 0, "10. Juli 2022", date(2022, 7, 10), actors=["Russia"], topics=["diplomacy", "energy"])
    make_event(article, 1, "Diese Woche", date(2022, 7, 11), date(2022, 7, 17), granularity="week", topics=["energy"])
    make_event(article, 2, "Im Juni", date(2022, 6, 1), date(2022, 6, 30), granularity="month", topics=["energy"])
    make_event(article, 3, "Anfang Juli", date(2022, 7, 1), date(2022, 7, 10), granularity="approx", topics=["energy"])
    make_event(article, 4, "Im Sommer", date(2022, 6, 1), date(2022, 8, 31), granularity="season", topics=["economy"])
    make_event(article, 5, "Im Jahr 2019", date(2019, 1, 1), date(2019, 12, 31), granularity="year",
               actors=["Russia", "Kazakhstan"], topics=["domestic-politics"])
    make_event(article, 6, "3. Mai 2022", date(2022, 5, 3))
    return list(_events().chronological())


def points(fig) -> int:
    return sum(len(trace.y) for trace in fig.data)


def test_one_point_or_bar_per_event(events):
    fig = build_figure(events)
    assert points(fig) == len(events) == 7


def test_day_events_are_markers_and_vaguer_ones_bars(events):
    fig = build_figure(events)
    markers = [t for t in fig.data if t.type == "scatter"]
    bars = [t for t in fig.data if t.type == "bar"]
    assert sum(len(t.x) for t in markers) == sum(e.granularity == "day" for e in events) == 2
    assert sum(len(t.x) for t in bars) == 5
    assert all(t.mode == "markers" for t in markers)
    assert all(t.orientation == "h" for t in bars)


def test_bars_span_the_interval_to_the_end_of_its_last_day(events):
    fig = build_figure(events)
    summer = next(e for e in events if e.date_text == "Im Sommer")
    bar = next(t for t in fig.data if t.type == "bar" and summer.pk in [c[0] for c in t.customdata])
    i = [c[0] for c in bar.customdata].index(summer.pk)
    assert bar.base[i] == "2022-06-01"
    assert bar.x[i] == (date(2022, 9, 1) - date(2022, 6, 1)).days * 86_400_000


def test_vaguer_dates_are_lighter(events):
    by_text = {e.date_text: e for e in events}
    order = ["10. Juli 2022", "Diese Woche", "Im Juni", "Im Sommer", "Im Jahr 2019"]
    values = [opacity_for(by_text[t]) for t in order]
    assert values == sorted(values, reverse=True) and len(set(values)) == len(values)
    # "Anfang Juli" (ten days) sits between a week and a month.
    assert opacity_for(by_text["Diese Woche"]) >= opacity_for(by_text["Anfang Juli"]) >= opacity_for(by_text["Im Juni"])
    # And the figure draws them so: fill alpha per bar follows the same order.
    fig = build_figure(events)
    drawn = {}
    for trace in fig.data:
        if trace.type == "bar":
            for c, colour in zip(trace.customdata, trace.marker.color):
                drawn[c[0]] = alpha(colour)
    assert drawn[by_text["Diese Woche"].pk] > drawn[by_text["Im Juni"].pk] > drawn[by_text["Im Sommer"].pk]
    assert drawn[by_text["Im Sommer"].pk] > drawn[by_text["Im Jahr 2019"].pk]


def test_colours_come_from_the_first_topic(events):
    fig = build_figure(events, topics=list(Topic.objects.all()))
    energy = Topic.objects.get(slug="energy")
    diplomacy = Topic.objects.get(slug="diplomacy")
    for trace in fig.data:
        ids = [c[0] for c in trace.customdata]
        first_topics = {Event.objects.get(pk=i).topics.order_by("order", "slug").first() for i in ids}
        assert len(first_topics) == 1
        topic = first_topics.pop()
        colour = trace.marker.line.color if trace.type == "bar" else trace.marker.color
        assert colour.lower() == (topic.colour.lower() if topic else "#6b6b6b")
    names = {t.name for t in fig.data}
    assert {diplomacy.name, energy.name, "No topic"} <= names
    # One legend entry per topic.
    legend = [t.name for t in fig.data if t.showlegend is not False]
    assert len(legend) == len(set(legend))


def test_lane_is_the_first_topic(events):
    fig = build_figure(events, topics=list(Topic.objects.all()))
    yaxis = fig.layout.yaxis
    lanes = dict(zip(yaxis.tickvals, yaxis.ticktext))
    talk = next(e for e in events if e.date_text == "10. Juli 2022")
    trace = next(t for t in fig.data if talk.pk in [c[0] for c in t.customdata])
    y = trace.y[[c[0] for c in trace.customdata].index(talk.pk)]
    nearest = min(lanes, key=lambda v: abs(v - y))
    assert lanes[nearest] == "Diplomacy"


def test_actor_lanes_repeat_an_event_per_actor(events):
    fig = build_figure(events, lanes="actors")
    assert points(fig) == sum(max(1, e.actors.count()) for e in events) == 8
    assert set(fig.layout.yaxis.ticktext) == {"Russia", "Kazakhstan", "No actor"}
    # The busiest actor comes first.
    assert fig.layout.yaxis.ticktext[0] == "Russia"


def test_customdata_carries_event_ids_and_hover_text(events):
    fig = build_figure(events)
    ids = [c[0] for t in fig.data for c in t.customdata]
    assert sorted(ids) == sorted(e.pk for e in events)
    talk = next(c for t in fig.data for c in t.customdata if c[1] == "10. Juli 2022")
    assert talk[2] == "2022-07-10 (day)" and talk[3] == "Russia" and talk[4].startswith("Am 10. Juli 2022")
    # Long sentences are wrapped for the hover label.
    assert all(len(line) <= 60 for t in fig.data for c in t.customdata for line in c[4].split("<br>"))
    assert all("%{customdata[1]}" in t.hovertemplate for t in fig.data)


def test_hover_text_is_escaped(db):
    article = make_article(["Am 1. Mai 2022 <b>fett</b> & mehr."])
    make_event(article, 0, "1. Mai 2022", date(2022, 5, 1), topics=["energy"])
    fig = build_figure(list(_events()))
    assert "&lt;b&gt;fett&lt;/b&gt; &amp; mehr." in fig.data[0].customdata[0][4]


def test_default_window_covers_the_bulk_and_leaves_background_outside(events):
    start, end = default_window(events)
    # The 2019 event lies years before the rest: background. A month of padding on each side.
    assert start == date(2022, 4, 2)  # 3 May 2022 - 31 days
    assert end == date(2022, 10, 1)  # 31 August 2022 + 31 days
    fig = build_figure(events)
    assert list(fig.layout.xaxis.range) == [start.isoformat(), end.isoformat()]
    # 2019 is outside the window but inside the range slider.
    slider = fig.layout.xaxis.rangeslider
    assert slider.visible and slider.range[0] <= "2018-12-01"


def test_window_filter_sets_the_range(events):
    fig = build_figure(events, window=(date(2022, 6, 1), date(2022, 7, 31)))
    assert list(fig.layout.xaxis.range) == ["2022-06-01", "2022-07-31"]


def test_empty_figure_says_so(db):
    spec = figure_json([])
    assert spec["data"] == []
    assert spec["layout"]["annotations"][0]["text"] == "No events match these filters."


def test_figure_json_is_plain_json(events):
    import json

    spec = figure_json(events)
    assert json.loads(json.dumps(spec)) == spec
    assert spec["config"]["displaylogo"] is False


def test_default_window_skips_a_lone_early_reference_with_few_events(db):
    article = make_article(["Er kam 2019 an die Macht.", "Am 10. Februar 2022 traf er Putin.", "Im Juni 2022 sprach er."])
    make_event(article, 0, "2019", date(2019, 1, 1), date(2019, 12, 31), granularity="year", topics=["energy"])
    make_event(article, 1, "10. Februar 2022", date(2022, 2, 10), topics=["diplomacy"])
    make_event(article, 2, "Juni 2022", date(2022, 6, 1), date(2022, 6, 30), granularity="month", topics=["diplomacy"])
    start, end = default_window(list(_events()))
    assert (start, end) == (date(2022, 1, 10), date(2022, 7, 31))
