"""The timeline in a real browser: chart, filters over htmx, history, panel, reader, and no JavaScript."""

import re

import pytest

from timeline.models import Actor, Event

pytestmark = pytest.mark.browser

CHART_POINTS = """() => {
  const gd = document.getElementById('chart');
  return gd && gd.data ? gd.data.reduce((n, t) => n + (t.y ? t.y.length : 0), 0) : -1;
}"""


def header_count(page) -> int:
    return int(re.match(r"\s*(\d+)", page.locator("#result-count").inner_text()).group(1))


def wait_for_chart(page):
    page.wait_for_function("() => { const gd = document.getElementById('chart'); return gd && gd._fullLayout && gd.data; }")


def open_timeline(page, live_server, query=""):
    page.goto(live_server.url + "/" + query)
    wait_for_chart(page)


def visible_events():
    return Event.objects.visible()


def test_chart_draws_one_mark_per_event(page, live_server, seeded):
    open_timeline(page, live_server)
    n = visible_events().count()
    assert n > 20
    assert page.evaluate(CHART_POINTS) == n
    assert page.locator(".event-item").count() == n
    assert header_count(page) == n
    # Bars and markers are actually drawn, and the default window leaves out the background years.
    assert page.locator("#chart .barlayer .point").count() > 0
    assert page.locator("#chart .scatterlayer .point").count() > 0
    x_range = page.evaluate("document.getElementById('chart')._fullLayout.xaxis.range")
    assert x_range[0] >= "2021-06" and x_range[0] < "2022-01"


def test_actor_filter_updates_in_place_and_back_restores(page, live_server, seeded):
    open_timeline(page, live_server)
    total = header_count(page)
    tokayev = Actor.objects.get(name="Kassym-Jomart Tokayev")
    expected = visible_events().filter(actors=tokayev).count()
    assert 0 < expected < total
    page.evaluate("window.__marker = 1")

    with page.expect_response(lambda r: "actor=" in r.url):
        page.locator(f"#actor-{tokayev.pk}").check()
    page.wait_for_function(f"() => document.querySelectorAll('.event-item').length === {expected}")
    wait_for_chart(page)
    assert page.evaluate("window.__marker") == 1, "the page was reloaded"
    assert f"actor={tokayev.pk}" in page.url
    assert header_count(page) == expected
    page.wait_for_function(f"() => ({CHART_POINTS})() === {expected}")
    # Every listed event names the actor.
    for item in page.locator(".event-item").all():
        assert "Kassym-Jomart Tokayev" in item.locator(".chips").inner_text()

    page.go_back()
    page.wait_for_function(f"() => document.querySelectorAll('.event-item').length === {total}")
    wait_for_chart(page)
    page.wait_for_function(f"() => ({CHART_POINTS})() === {total}")
    assert "actor=" not in page.url
    assert header_count(page) == total
    assert not page.locator(f"#actor-{tokayev.pk}").is_checked()


def test_topic_energy_shows_exactly_its_events(page, live_server, seeded):
    open_timeline(page, live_server, "?topic=energy")
    expected = set(visible_events().filter(topics__slug="energy").values_list("pk", flat=True))
    shown = {int(i.split("-")[1]) for i in page.locator(".event-item").evaluate_all("els => els.map(e => e.id)")}
    assert shown == expected
    ids = page.evaluate("document.getElementById('chart').data.flatMap(t => t.customdata.map(c => c[0]))")
    assert set(ids) == expected


def test_chip_adds_filter_and_keyboard_focus_survives(page, live_server, seeded):
    open_timeline(page, live_server)
    chip = page.locator(".chip.topic", has_text="Energy").first
    with page.expect_response(lambda r: "topic=energy" in r.url):
        chip.click()
    page.wait_for_function("() => location.search.includes('topic=energy')")
    assert page.locator("#topic-energy").is_checked()
    # Keyboard: toggling a checkbox swaps the option list, and focus stays on that checkbox.
    page.locator("#topic-diplomacy").focus()
    with page.expect_response(lambda r: "topic=diplomacy" in r.url):
        page.keyboard.press("Space")
    page.wait_for_timeout(300)
    assert page.evaluate("document.activeElement.id") == "topic-diplomacy"


def test_search_is_debounced_into_one_request(page, live_server, seeded):
    open_timeline(page, live_server)
    requests = []
    page.on("request", lambda r: requests.append(r.url) if "q=" in r.url else None)
    with page.expect_response(lambda r: "q=Tokajew" in r.url or "q=Tokaj" in r.url):
        page.locator("#q").press_sequentially("Tokajew", delay=40)
    page.wait_for_timeout(700)
    assert len(requests) == 1, requests
    assert "q=Tokajew" in page.url


def test_clicking_a_marker_opens_its_source_sentence(page, live_server, seeded):
    open_timeline(page, live_server)
    # A day-precise marker inside the visible window, found through plotly's own axes.
    target = page.evaluate(
        """() => {
          const gd = document.getElementById('chart');
          const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
          const [lo, hi] = xa.range;
          for (const t of gd.data) {
            if (t.type !== 'scatter') continue;
            for (let i = 0; i < t.x.length; i++) {
              if (t.x[i] < lo || t.x[i] > hi) continue;
              const box = gd.getBoundingClientRect();
              return {id: t.customdata[i][0], text: t.customdata[i][1],
                      x: box.left + xa._offset + xa.d2p(t.x[i]), y: box.top + ya._offset + ya.d2p(t.y[i])};
            }
          }
          return null;
        }"""
    )
    assert target
    page.mouse.move(target["x"], target["y"])
    with page.expect_response(lambda r: f"/events/{target['id']}/" in r.url):
        page.mouse.click(target["x"], target["y"])
    panel = page.locator("#panel .event-detail")
    panel.wait_for()
    event = Event.objects.select_related("sentence").get(pk=target["id"])
    assert panel.locator("mark").first.inner_text() == event.date_text
    assert event.sentence.text[:40] in panel.inner_text()
    assert page.evaluate("document.activeElement.closest('#panel') !== null")
    page.keyboard.press("Escape")
    assert page.locator("#panel .event-detail").count() == 0


def test_list_item_panel_then_reader_highlights_sentence(page, live_server, seeded):
    open_timeline(page, live_server, "?topic=energy")
    item = page.locator(".event-link").last
    event_id = int(item.locator("xpath=..").get_attribute("id").split("-")[1])
    item.click()
    page.locator("#panel .event-detail").wait_for()
    with page.expect_navigation():
        page.locator("#panel a.button").click()
    event = Event.objects.select_related("sentence").get(pk=event_id)
    assert page.url.endswith(f"#{event.sentence.anchor}") and "back=topic%3Denergy" in page.url
    sentence = page.locator(f"#{event.sentence.anchor}")
    assert "highlight" in sentence.get_attribute("class")
    page.wait_for_timeout(300)
    box = sentence.bounding_box()
    height = page.evaluate("window.innerHeight")
    assert box and 0 <= box["y"] and box["y"] + min(box["height"], 100) <= height
    # Back to the timeline with the filters as they were.
    page.get_by_role("link", name=re.compile("Back to the timeline")).click()
    page.wait_for_url(re.compile(r"/\?topic=energy$"))


def test_works_without_javascript(new_context, live_server, seeded):
    page = new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900}).new_page()
    page.goto(live_server.url + "/")
    total = visible_events().count()
    assert page.locator(".event-item").count() == total
    page.locator("#topic-energy").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Apply filters").click()
    assert "topic=energy" in page.url
    assert page.locator(".event-item").count() == visible_events().filter(topics__slug="energy").count()
    # An event is a link to its own page, which links on to the reader.
    with page.expect_navigation():
        page.locator(".event-link").first.click()
    assert "/events/" in page.url and page.locator("mark").count() >= 1


@pytest.mark.parametrize("path", ["/", "/?lanes=actors", "/articles/", "events", "reader"])
def test_pages_load_without_errors(page, live_server, seeded, path):
    event = Event.objects.visible().first()
    path = {"events": f"/events/{event.pk}/", "reader": f"/articles/{event.article_id}/?hl=0"}.get(path, path)
    page.goto(live_server.url + path)
    page.wait_for_load_state("networkidle")
    if path.startswith("/?") or path == "/":
        wait_for_chart(page)


def test_german_interface(page, live_server, seeded):
    open_timeline(page, live_server)
    page.select_option("#language-select", "de")
    with page.expect_navigation():
        page.get_by_role("button", name="Switch").click()
    wait_for_chart(page)
    assert page.locator("html").get_attribute("lang") == "de"
    assert "Ereignisse aus" in page.locator("#result-count").inner_text()
    assert page.get_by_role("button", name="Filter anwenden").count() == 1
    # The chart speaks German too: its month names come from the locale timeline.js registers.
    ticks = page.evaluate("() => Array.from(document.querySelectorAll('.xtick text')).map(t => t.textContent)")
    assert ticks and any(re.search(r"\b(Mär|Mai|Okt|Dez)\b", t) for t in ticks), ticks
