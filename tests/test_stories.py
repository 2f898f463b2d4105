"""Stories: one happening reported by several articles, found after import and shown in the UI."""

import pytest
from django.core.management import call_command

from timeline.models import Event

pytestmark = pytest.mark.django_db


def story_events(ingested_seeds):
    stories = {}
    for event in Event.objects.exclude(story=None).select_related("article"):
        stories.setdefault(event.story, []).append(event)
    return stories


def test_import_groups_reports_of_one_happening_across_articles(ingested_seeds):
    stories = story_events(ingested_seeds)
    assert stories
    for key, events in stories.items():
        assert key == min(e.pk for e in events)
        assert len({e.article_id for e in events}) >= 2
        # All events of a story share a moment.
        assert max(e.start for e in events) <= min(e.end for e in events)
    forum = next(events for events in stories.values() if any("Wirtschaftsforum" in e.sentence.text for e in events))
    assert all("Wirtschaftsforum" in e.sentence.text for e in forum)


def test_panel_lists_the_other_reports_and_links_the_story(ingested_seeds, client):
    events = next(iter(story_events(ingested_seeds).values()))
    first, other = events[0], next(e for e in events if e.article_id != events[0].article_id)
    body = client.get(f"/events/{first.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "Also reported" in body and f"/events/{other.pk}/" in body
    assert f"?story={first.story}" in body

    page = client.get("/", {"story": first.story}).content.decode()
    assert page.count('class="event-item"') == len(events)
    assert 'name="story"' in page and "checked" in page


def test_unknown_story_is_ignored_with_a_note(ingested_seeds, client):
    body = client.get("/", {"story": "999999"}).content.decode()
    assert "Ignored the unknown story" in body
    assert body.count('class="event-item"') == Event.objects.visible().count()


def test_hidden_events_leave_their_story(ingested_seeds, admin_client):
    events = next(iter(story_events(ingested_seeds).values()))
    Event.objects.filter(pk=events[0].pk).update(hidden=True, corrected=["hidden"])
    call_command("extract", "--all", verbosity=0)
    assert Event.objects.get(pk=events[0].pk).story is None
