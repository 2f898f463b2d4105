"""Formatting shared by the timeline, the event panel and the reader."""

import re
from datetime import date, timedelta

from django import template
from django.utils import formats
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ..filters import TimelineFilters
from ..staticfiles import plotly_style_ids

register = template.Library()

# Labels stored as English literals in the models and the shipped taxonomy, listed here so that
# makemessages puts them in the catalog; templates translate them with {% translate value %}.
MODEL_LABELS = [
    gettext_noop("day"), gettext_noop("week"), gettext_noop("month"), gettext_noop("season"),
    gettext_noop("quarter"), gettext_noop("half year"), gettext_noop("year"), gettext_noop("decade"),
    gettext_noop("century"), gettext_noop("approximate"),
    gettext_noop("from the file's header"), gettext_noop("inferred from the article text"),
    gettext_noop("set by hand"), gettext_noop("not found"),
    gettext_noop("Diplomacy"), gettext_noop("Sanctions"), gettext_noop("Energy"), gettext_noop("Military & war"),
    gettext_noop("Migration"), gettext_noop("Economy & trade"), gettext_noop("Domestic politics"),
    gettext_noop("Media & propaganda"), gettext_noop("Security & alliances"),
]

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _whole_month(start: date, end: date) -> bool:
    last = (end.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return start.day == 1 and (start.year, start.month) == (end.year, end.month) and end == last


@register.filter
def interval(event) -> str:
    """An event's resolved interval, as precise as its granularity and in the reader's language."""
    start, end = event.start, event.end
    if start == end:
        return formats.date_format(start, "DATE_FORMAT")
    if _whole_month(start, end):
        return formats.date_format(start, "YEAR_MONTH_FORMAT")
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    first = formats.date_format(start, "MONTH_DAY_FORMAT" if start.year == end.year else "DATE_FORMAT")
    return _("%(start)s – %(end)s") % {"start": first, "end": formats.date_format(end, "DATE_FORMAT")}


def _marked(text: str, spans: list[tuple[int, int]]) -> SafeString:
    """text with each (start, end) span in <mark>; overlapping or out-of-range spans are skipped."""
    out, pos = [], 0
    for start, end in sorted(spans):
        start, end = max(start, 0), min(end, len(text))
        if start < pos or start >= end:
            continue
        out.append(escape(text[pos:start]))
        out.append(format_html("<mark>{}</mark>", text[start:end]))
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))


@register.filter
def highlighted(event) -> SafeString:
    """The event's sentence with its date expression marked (offsets are relative to the article)."""
    sentence = event.sentence
    return _marked(sentence.text, [(event.char_start - sentence.start, event.char_end - sentence.start)])


@register.simple_tag
def sentence_marked(sentence, events) -> SafeString:
    return _marked(sentence.text, [(e.char_start - sentence.start, e.char_end - sentence.start) for e in events])


@register.filter
def colour(value: str) -> str:
    """A topic colour fit for an SVG attribute; anything else falls back to grey."""
    return value if value and HEX_COLOUR.match(value) else "#6b6b6b"


@register.simple_tag
def with_actor(filters: TimelineFilters, actor_id) -> str:
    return filters.with_actor(actor_id)


@register.simple_tag
def with_topic(filters: TimelineFilters, slug) -> str:
    return filters.with_topic(slug)


@register.simple_tag(takes_context=True)
def plotly_styles(context) -> SafeString:
    """Empty nonce'd style elements for plotly.js to fill (see timeline.staticfiles.plotly_style_ids)."""
    nonce = context.get("csp_nonce")
    return mark_safe(
        "".join(format_html('<style id="{}" nonce="{}"></style>', style_id, nonce) for style_id in plotly_style_ids())
    )
