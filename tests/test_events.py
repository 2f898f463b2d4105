"""Events in the database: extraction on import, re-extraction, corrections that survive it."""

from datetime import date

import pytest
from django.core.management import call_command

from articles.models import Article
from timeline.models import Actor, Event, Topic

pytestmark = pytest.mark.django_db


def ingest_text(tmp_path, text: str, name: str = "article.txt") -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    call_command("ingest", str(path), verbosity=0)
    return Article.objects.get(original_filename=name)


def test_ingest_extracts_events_that_point_at_their_sentences(ingested_seeds):
    assert Event.objects.count() >= 25
    for event in Event.objects.select_related("article", "sentence"):
        text = event.article.text
        assert text[event.char_start : event.char_end] == event.date_text
        assert event.sentence.start <= event.char_start < event.sentence.end
        assert event.start <= event.end
        assert event.granularity in Event.Granularity.values
    assert Topic.objects.count() == 9
    assert Actor.objects.filter(reviewed=True).count() > 100


def test_every_seed_has_events_and_most_events_have_actors_and_topics(ingested_seeds):
    for article in ingested_seeds:
        assert article.events.exists(), article.original_filename
    events = Event.objects.prefetch_related("actors", "topics")
    assert sum(bool(e.topics.all()) for e in events) >= 0.8 * len(events)
    assert sum(bool(e.actors.all()) for e in events) >= 0.8 * len(events)


def test_undated_articles_keep_only_what_needs_no_publication_date(db, tmp_path):
    article = ingest_text(
        tmp_path,
        "Im Juni traf sich der Präsident mit Putin. Am 3. März 2021 unterzeichneten beide ein Abkommen. "
        "Im Juni folgte ein Besuch in Moskau. Gestern sagte der Sprecher nichts dazu.",
        name="undated.txt",
    )
    assert article.published == date(2021, 3, 3)  # the latest full date stands in for it
    Article.objects.filter(pk=article.pk).update(published=None)
    call_command("extract", str(article.pk), verbosity=0)
    found = {(e.date_text, e.start.isoformat()) for e in article.events.all()}
    # The first "Juni" has no year before it and "Gestern" needs the publication date: both dropped.
    assert found == {("3. März 2021", "2021-03-03"), ("Juni", "2021-06-01")}


def test_header_date_anchors_relative_expressions(db, tmp_path):
    ingest_text(
        tmp_path,
        "Title: T\nPublished: 2023-03-15\n\nKasachstan und Russland unterzeichneten im Februar ein Abkommen.",
        name="dated.txt",
    )
    event = Event.objects.get()
    assert (event.start, event.end, event.granularity) == (date(2023, 2, 1), date(2023, 2, 28), "month")
    assert {a.name for a in event.actors.all()} >= {"Kazakhstan", "Russia"}


def test_reextraction_is_idempotent(ingested_seeds):
    before = sorted(Event.objects.values_list("article_id", "char_start", "char_end", "start", "end"))
    ids = set(Event.objects.values_list("pk", flat=True))
    call_command("extract", "--all", verbosity=0)
    after = sorted(Event.objects.values_list("article_id", "char_start", "char_end", "start", "end"))
    assert before == after
    assert ids == set(Event.objects.values_list("pk", flat=True))


def admin_post(client, event, **changes):
    data = {
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
        "granularity": event.granularity,
        "explanation": event.explanation,
        "actors": [a.pk for a in event.actors.all()],
        "topics": [t.pk for t in event.topics.all()],
    }
    if event.hidden:
        data["hidden"] = "on"
    data.update(changes)
    if data.get("hidden") is False:
        del data["hidden"]
    response = client.post(f"/admin/timeline/event/{event.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    return event


def test_admin_corrections_are_marked_and_survive_reextraction(ingested_seeds, admin_client):
    dated, tagged, hidden = Event.objects.order_by("pk")[:3]
    new_actor = Actor.objects.get(name="China")
    economy = Topic.objects.get(slug="economy")

    dated = admin_post(admin_client, dated, start="2020-01-01", end="2020-01-31", granularity="month",
                       explanation="checked by hand")  # fmt: skip
    tagged = admin_post(admin_client, tagged, actors=[new_actor.pk], topics=[economy.pk])
    hidden = admin_post(admin_client, hidden, hidden="on")
    assert dated.corrected == ["date"]
    assert tagged.corrected == ["actors", "topics"]
    assert hidden.corrected == ["hidden"]

    call_command("extract", "--all", verbosity=0)

    dated.refresh_from_db()
    assert (dated.start, dated.end, dated.granularity, dated.explanation) == (
        date(2020, 1, 1), date(2020, 1, 31), "month", "checked by hand",
    )  # fmt: skip
    tagged.refresh_from_db()
    assert [a.name for a in tagged.actors.all()] == ["China"]
    assert [t.slug for t in tagged.topics.all()] == ["economy"]
    hidden.refresh_from_db()
    assert hidden.hidden and not Event.objects.visible().filter(pk=hidden.pk).exists()


def test_uncorrected_event_changes_are_rebuilt_by_reextraction(ingested_seeds):
    event = Event.objects.order_by("pk").first()
    original = (event.start, event.end)
    Event.objects.filter(pk=event.pk).update(start=date(1999, 1, 1), end=date(1999, 1, 2))
    call_command("extract", str(event.article_id), verbosity=0)
    event.refresh_from_db()
    assert (event.start, event.end) == original


def test_extract_command_rejects_unknown_ids(db):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="no article with id 999"):
        call_command("extract", "999")
    with pytest.raises(CommandError):
        call_command("extract")


def test_event_queryset_filters(ingested_seeds):
    tokayev = Event.objects.for_actors(["Kassym-Jomart Tokayev"])
    assert tokayev.exists()
    assert all("Kassym-Jomart Tokayev" in {a.name for a in e.actors.all()} for e in tokayev)
    window = Event.objects.in_window(date(2022, 6, 1), date(2022, 6, 30))
    assert window.exists() and all(e.end >= date(2022, 6, 1) and e.start <= date(2022, 6, 30) for e in window)
    assert all(e.granularity == "day" for e in Event.objects.precise())
    energy = Event.objects.for_topics(["energy"])
    assert energy.exists() and all("energy" in {t.slug for t in e.topics.all()} for e in energy)


def test_people_introduced_by_a_role_are_proposed_unreviewed(db, tmp_path):
    ingest_text(
        tmp_path,
        "Published: 2023-09-01\n\nDer kirgisische Außenminister Zhanibek Beispielow traf am 30. August "
        "in Astana seinen kasachischen Kollegen.",
        name="neu.txt",
    )
    proposed = Actor.objects.get(reviewed=False)
    assert proposed.name == "Zhanibek Beispielow" and proposed.kind == "person"
    assert "Außenminister" in proposed.role
    # Unreviewed actors are not matched until a person accepts them in the admin.
    assert proposed not in Event.objects.get().actors.all()
    call_command("extract", "--all", verbosity=0)
    assert Actor.objects.filter(reviewed=False).count() == 1


@pytest.mark.parametrize("query", ["Öl", "öl", "ÖL", "kasachische öl"])
def test_text_search_ignores_case_including_umlauts(ingested_seeds, query):
    found = Event.objects.search(query)
    assert found.exists()
    assert all(query.lower() in (e.sentence.text.lower() + " " + e.date_text.lower()) for e in found)


def test_load_registries_adds_only_what_is_missing(db, capsys):
    Actor.objects.filter(name="Kazakhstan").delete()
    Actor.objects.filter(name="Russia").update(aliases=["Russland"])
    call_command("load_registries")
    assert "1 actors and 0 topics added" in capsys.readouterr().out
    assert Actor.objects.filter(name="Kazakhstan").exists()
    assert Actor.objects.get(name="Russia").aliases == ["Russland"]
