"""Screenshots for docs/screenshots/: run with SCREENSHOTS=1 (they are not written otherwise)."""

import os
from pathlib import Path

import pytest

from timeline.models import Actor, Event

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(os.environ.get("SCREENSHOTS") != "1", reason="set SCREENSHOTS=1 to write docs/screenshots"),
]

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}


def ready(page):
    page.wait_for_function("() => { const gd = document.getElementById('chart'); return gd && gd._fullLayout; }")
    page.wait_for_timeout(400)


@pytest.mark.parametrize("size", SIZES)
def test_screenshots(new_context, watch, live_server, seeded, size):
    OUT.mkdir(parents=True, exist_ok=True)
    page = new_context(viewport=SIZES[size], device_scale_factor=1).new_page()
    base = live_server.url

    page.goto(base + "/")
    ready(page)
    page.screenshot(path=OUT / f"timeline-{size}.png")

    tokayev = Actor.objects.get(name="Kassym-Jomart Tokayev")
    page.goto(f"{base}/?actor={tokayev.pk}")
    ready(page)
    page.screenshot(path=OUT / f"filtered-tokayev-{size}.png")
    if size == "phone":
        page.locator(".results").scroll_into_view_if_needed()
        page.screenshot(path=OUT / f"filtered-tokayev-list-{size}.png")

    event = Event.objects.visible().filter(actors=tokayev, granularity="day").first()
    page.locator(f"#event-{event.pk} .event-link").click()
    page.locator("#panel .event-detail").wait_for()
    page.wait_for_timeout(300)
    page.screenshot(path=OUT / f"panel-{size}.png")

    page.locator("#panel a.button").click()
    page.wait_for_load_state("load")
    page.wait_for_timeout(400)
    page.screenshot(path=OUT / f"reader-{size}.png")
    assert not watch.errors, watch.errors
