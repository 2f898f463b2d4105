"""The timeline figure: built with plotly in Python, drawn by plotly.js in the browser.

An event dated to a day is a marker; any vaguer date is a bar over its whole interval, and the vaguer the date
the lighter the bar, so precision is visible at a glance. Lanes are topics (or actors); inside a lane,
overlapping events are spread over a few sub-rows so that they do not hide each other.
"""

import html
import textwrap
from collections.abc import Sequence
from datetime import date, timedelta

import plotly.graph_objects as go
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import Event

DAY_MS = 86_400_000
PAD = timedelta(days=31)
# Events this far from the next ones are background ("2017", "2019") rather than the story itself.
BACKGROUND_GAP = timedelta(days=183)
MAX_SUBROWS = 3
# Two events closer than this share a sub-row only if they do not touch; keeps markers apart at full zoom.
MIN_GAP_DAYS = 12
ROW_PX = 30
NO_TOPIC_COLOUR = "#6b6b6b"
LABEL_MAX = 22

OPACITY = {
    Event.Granularity.DAY: 1.0,
    Event.Granularity.WEEK: 0.8,
    Event.Granularity.MONTH: 0.62,
    Event.Granularity.SEASON: 0.48,
    Event.Granularity.QUARTER: 0.48,
    Event.Granularity.HALF: 0.38,
    Event.Granularity.YEAR: 0.3,
    Event.Granularity.DECADE: 0.22,
    Event.Granularity.CENTURY: 0.15,
}


def opacity_for(event: Event) -> float:
    """How solid an event is drawn: 1 for a day, lighter for vaguer dates."""
    if event.granularity in OPACITY:
        return OPACITY[event.granularity]
    # "Anfang Juli", "vor wenigen Wochen": as light as the named granularity of the same length.
    days = (event.end - event.start).days + 1
    for limit, value in ((1, 1.0), (7, 0.8), (31, 0.62), (92, 0.48), (183, 0.38), (366, 0.3)):
        if days <= limit:
            return value
    return 0.22


def rgba(hex_colour: str, alpha: float) -> str:
    value = hex_colour.lstrip("#")
    if len(value) != 6:
        value = NO_TOPIC_COLOUR.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha:.2f})"


def interval_label(event: Event) -> str:
    if event.start == event.end:
        return event.start.isoformat()
    return f"{event.start.isoformat()} – {event.end.isoformat()}"


def snippet(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _short(label: str) -> str:
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1].rstrip() + "…"


def default_window(events: Sequence[Event]) -> tuple[date, date] | None:
    """The bulk of the events, padded: the largest run of events without a half-year gap (the latest
    of equally large runs), so background references before or after it stay reachable by zooming out."""
    if not events:
        return None
    starts = sorted(e.start for e in events)
    runs = [[starts[0]]]
    for day in starts[1:]:
        if day - runs[-1][-1] > BACKGROUND_GAP:
            runs.append([day])
        else:
            runs[-1].append(day)
    bulk = max(reversed(runs), key=len)
    first, last_start = bulk[0], bulk[-1]
    # A year, decade or century would stretch the window far past the story; count only its start.
    last = max(
        e.end if (e.end - e.start).days <= 366 else e.start for e in events if first <= e.start <= last_start
    )
    return first - PAD, last + PAD


def _pack(items: list[tuple[Event, str]]) -> dict[int, int]:
    """Sub-row for each item of a lane (greedy interval packing, capped so a lane stays readable)."""
    row_ends: list[date] = []
    rows: dict[int, int] = {}
    for index in sorted(range(len(items)), key=lambda k: (items[k][0].start, items[k][0].end)):
        ev = items[index][0]
        end = max(ev.end, ev.start + timedelta(days=MIN_GAP_DAYS))
        for row, row_end in enumerate(row_ends):
            if row_end < ev.start:
                row_ends[row] = end
                rows[index] = row
                break
        else:
            if len(row_ends) < MAX_SUBROWS:
                row_ends.append(end)
                rows[index] = len(row_ends) - 1
            else:
                row = min(range(len(row_ends)), key=row_ends.__getitem__)
                row_ends[row] = max(row_ends[row], end)
                rows[index] = row
    return rows


def build_figure(
    events: Sequence[Event],
    *,
    lanes: str = "topics",
    window: tuple[date | None, date | None] = (None, None),
    topics: Sequence = (),
    extent: tuple[date | None, date | None] = (None, None),
) -> go.Figure:
    """The figure for events whose actors and topics are prefetched (ordered as their models order them)."""
    no_topic = _("No topic")
    no_actor = _("No actor")

    placed: list[tuple[Event, str]] = []
    for event in events:
        event_topics = list(event.topics.all())
        if lanes == "actors":
            event_actors = list(event.actors.all())
            names = [a.name for a in event_actors] or [no_actor]
            placed.extend((event, name) for name in names)
        else:
            placed.append((event, _(event_topics[0].name) if event_topics else no_topic))

    if lanes == "actors":
        # Busiest actors on top: they are the ones a reader looks for.
        counts: dict[str, int] = {}
        for _event, lane in placed:
            counts[lane] = counts.get(lane, 0) + 1
        lane_names = sorted(counts, key=lambda n: (n == no_actor, -counts[n], n))
    else:
        present = {lane for _event, lane in placed}
        names = [_(t.name) for t in topics]
        lane_names = [n for n in names if n in present] + sorted(present - set(names) - {no_topic})
        if no_topic in present:
            lane_names.append(no_topic)

    by_lane: dict[str, list[int]] = {name: [] for name in lane_names}
    for i, (_event, lane) in enumerate(placed):
        by_lane[lane].append(i)

    # Lanes stack top to bottom; a lane is as tall as its number of sub-rows.
    y_of: dict[int, float] = {}
    tickvals, ticktext, bands = [], [], []
    top = 0.0
    for name in lane_names:
        members = by_lane[name]
        rows = _pack([placed[i] for i in members])
        height = max(rows.values(), default=0) + 1
        for local, i in enumerate(members):
            y_of[i] = top + rows[local] + 0.5
        tickvals.append(top + height / 2)
        ticktext.append(_short(name))
        bands.append((top, top + height))
        top += height
    total_rows = max(top, 1)

    # One marker trace and one bar trace per colour, so the legend reads by topic.
    groups: dict[str, dict] = {}
    for i, (event, _lane) in enumerate(placed):
        event_topics = list(event.topics.all())
        topic = event_topics[0] if event_topics else None
        key = topic.slug if topic else ""
        group = groups.setdefault(
            key,
            {
                "name": _(topic.name) if topic else no_topic,
                "colour": topic.colour if topic else NO_TOPIC_COLOUR,
                "order": topic.order if topic else 10_000,
                "marker": [],
                "bar": [],
            },
        )
        group["marker" if event.granularity == Event.Granularity.DAY else "bar"].append((i, event))

    def custom(event: Event) -> list:
        actors = ", ".join(a.name for a in event.actors.all()) or "—"
        # Hover labels understand a few HTML tags; article text must stay text.
        return [
            event.pk,
            html.escape(event.date_text),
            html.escape(f"{interval_label(event)} ({_(event.get_granularity_display())})"),
            html.escape(actors),
            "<br>".join(html.escape(line) for line in textwrap.wrap(snippet(event.sentence.text), 56)),
        ]

    # No <b> or <i>: plotly.js styles those through style attributes, which the CSP refuses.
    hovertemplate = (
        "„%{customdata[1]}“<br>%{customdata[2]}<br>"
        + html.escape(_("Actors"))
        + ": %{customdata[3]}<br>%{customdata[4]}<extra></extra>"
    )

    fig = go.Figure()
    for key, group in sorted(groups.items(), key=lambda kv: (kv[1]["order"], kv[0])):
        # One legend entry per lane group, whether it holds bars, markers or both.
        shared = {"name": group["name"], "legendgroup": key or "none", "hovertemplate": hovertemplate}
        if group["bar"]:
            items = group["bar"]
            fig.add_trace(
                go.Bar(
                    orientation="h",
                    base=[e.start.isoformat() for _i, e in items],
                    x=[((e.end - e.start).days + 1) * DAY_MS for _i, e in items],
                    y=[y_of[i] for i, _e in items],
                    width=0.72,
                    # Only the fill fades; the full-strength outline keeps the topic's hue recognisable.
                    marker={
                        "color": [rgba(group["colour"], opacity_for(e)) for _i, e in items],
                        "line": {"color": group["colour"], "width": 1.5},
                    },
                    customdata=[custom(e) for _i, e in items],
                    showlegend=True,
                    meta={"kind": "interval"},
                    **shared,
                )
            )
        if group["marker"]:
            items = group["marker"]
            fig.add_trace(
                go.Scatter(
                    mode="markers",
                    x=[e.start.isoformat() for _i, e in items],
                    y=[y_of[i] for i, _e in items],
                    marker={
                        "color": group["colour"],
                        "symbol": "diamond",
                        "size": 13,
                        "opacity": 1.0,
                        "line": {"color": "#ffffff", "width": 1.5},
                    },
                    customdata=[custom(e) for _i, e in items],
                    showlegend=not group["bar"],
                    meta={"kind": "day"},
                    **shared,
                )
            )

    # The range slider spans every event the date window would let in, so the reader can widen it.
    extent_start = extent[0] or min((e.start for e in events), default=None)
    extent_end = extent[1] or max((e.end for e in events), default=None)
    bulk = default_window(events)
    x_range = None
    if bulk:
        start = window[0] or bulk[0]
        end = window[1] or bulk[1]
        x_range = [start.isoformat(), end.isoformat()]

    shapes = [
        {
            "type": "rect",
            "xref": "paper",
            "yref": "y",
            "x0": 0,
            "x1": 1,
            "y0": y0,
            "y1": y1,
            "fillcolor": "#f2f4f7" if n % 2 == 0 else "#ffffff",
            "line": {"width": 0},
            "layer": "below",
        }
        for n, (y0, y1) in enumerate(bands)
    ]

    height = int(150 + ROW_PX * total_rows + 70)
    fig.update_layout(
        template="none",
        barmode="overlay",
        meta={"lanes": lanes},
        height=height,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        font={"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 13, "color": "#1d1d1f"},
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        hovermode="closest",
        hoverlabel={"align": "left", "namelength": 0},
        dragmode="zoom",
        showlegend=bool(groups),
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 1.0,
            "yanchor": "bottom",
            "title": {"text": ""},
            "itemclick": "toggle",
            "font": {"size": 12},
        },
        shapes=shapes,
        xaxis={
            "type": "date",
            "range": x_range,
            "autorange": x_range is None,
            "showgrid": True,
            "gridcolor": "#e3e5e8",
            "linecolor": "#9aa0a6",
            "ticks": "outside",
            "rangeslider": {
                "visible": bool(events),
                # About 45 pixels whatever the number of lanes, so the handles stay usable.
                "thickness": round(min(0.2, max(0.06, 45 / height)), 3),
                "bgcolor": "#f8f9fa",
                "range": [
                    (extent_start - PAD).isoformat() if extent_start else None,
                    (extent_end + PAD).isoformat() if extent_end else None,
                ],
                "autorange": not events,
            },
        },
        yaxis={
            "type": "linear",
            "range": [total_rows, 0],
            "fixedrange": True,
            "tickvals": tickvals,
            "ticktext": ticktext,
            "showgrid": False,
            "zeroline": False,
            "automargin": True,
            "ticks": "",
        },
    )
    if not events:
        fig.add_annotation(
            text=_("No events match these filters."),
            xref="paper",
            yref="paper",
            x=0.5,
            y=0.5,
            showarrow=False,
            font={"size": 15, "color": "#5f6368"},
        )
    return fig


def figure_json(events: Sequence[Event], **kwargs) -> dict:
    """What the page hands to plotly.js: data, layout and config in one JSON document."""
    fig = build_figure(events, **kwargs)
    spec = fig.to_plotly_json()
    return {
        "data": spec["data"],
        "layout": spec["layout"],
        "config": {
            # Resizing is done by timeline.js, which watches the chart's container rather than the window.
            "responsive": False,
            "displaylogo": False,
            "scrollZoom": False,
            "modeBarButtonsToRemove": ["lasso2d", "select2d", "toImage"],
            # Month names and tooltips in the interface's language (timeline.js registers German).
            "locale": get_language() or "en",
        },
    }
