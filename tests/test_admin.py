import pytest

pytestmark = pytest.mark.django_db


def test_admin_is_behind_login(client):
    response = client.get("/admin/articles/article/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_article_admin_search_and_filters(ingested_seeds, admin_client):
    response = admin_client.get("/admin/articles/article/", {"q": "Literaturnaja"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Vorsichtige Distanzierung von Russland" in body
    assert "China glaubt" not in body
    by_year = admin_client.get("/admin/articles/article/", {"published__year": "2024"}).content.decode()
    assert "China glaubt" in by_year and "Vorsichtige Distanzierung" not in by_year
    assert admin_client.get("/admin/articles/article/", {"published_via__exact": "text"}).status_code == 200


def test_event_and_actor_admin_pages_render(ingested_seeds, admin_client):
    from timeline.models import Event

    event = Event.objects.first()
    assert admin_client.get(f"/admin/timeline/event/{event.pk}/change/").status_code == 200
    assert admin_client.get("/admin/timeline/event/", {"q": "Juni"}).status_code == 200
    assert admin_client.get("/admin/timeline/actor/", {"q": "Tokajew"}).status_code == 200


def test_changing_the_publication_date_in_the_admin_marks_it_manual(ingested_seeds, admin_client):
    from articles.models import Article

    article = ingested_seeds[0]
    page = admin_client.get(f"/admin/articles/article/{article.pk}/change/")
    assert page.status_code == 200
    data = {
        "title": article.title, "source": "Frankfurter Rundschau", "url": "", "author": "", "language": "de",
        "published": "2022-04-06", "published_via": article.published_via, "published_evidence": "",
        "sentences-TOTAL_FORMS": "0", "sentences-INITIAL_FORMS": "0",
    }  # fmt: skip
    response = admin_client.post(f"/admin/articles/article/{article.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get(pk=article.pk)
    assert article.published.isoformat() == "2022-04-06" and article.published_via == "manual"
    assert article.source == "Frankfurter Rundschau"


def test_a_new_publication_date_moves_relative_dates(ingested_seeds, admin_client):
    from articles.models import Article

    article = next(a for a in ingested_seeds if a.original_filename.startswith("000"))
    ende_maerz = article.events.get(date_text="Ende März")
    assert ende_maerz.start.isoformat() == "2022-03-21"
    data = {
        "title": article.title, "source": "", "url": "", "author": "", "language": "de",
        "published": "2023-04-05", "published_via": article.published_via, "published_evidence": "",
        "sentences-TOTAL_FORMS": "0", "sentences-INITIAL_FORMS": "0",
    }  # fmt: skip
    assert admin_client.post(f"/admin/articles/article/{article.pk}/change/", data).status_code == 302
    ende_maerz.refresh_from_db()
    assert ende_maerz.start.isoformat() == "2023-03-21"
    assert Article.objects.get(pk=article.pk).published_via == "manual"


def test_reextract_action_and_forgetting_corrections(ingested_seeds, admin_client):
    from timeline.models import Event

    event = Event.objects.order_by("pk").first()
    original = event.start
    Event.objects.filter(pk=event.pk).update(start="2000-01-01", corrected=["date"])
    response = admin_client.post(
        "/admin/articles/article/", {"action": "reextract", "_selected_action": [event.article_id]}
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.start.isoformat() == "2000-01-01"  # a correction survives
    admin_client.post("/admin/timeline/event/", {"action": "forget_corrections", "_selected_action": [event.pk]})
    admin_client.post("/admin/articles/article/", {"action": "reextract", "_selected_action": [event.article_id]})
    event.refresh_from_db()
    assert event.corrected == [] and event.start == original
