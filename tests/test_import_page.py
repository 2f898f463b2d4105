"""The import page: the same ingestion as the command, through the Tasks framework."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article
from timeline.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(name, content: bytes):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


ARTICLE = (
    "Title: Gasstreit\nSource: Testblatt\nPublished: 2023-03-15\n\n"
    "Kasachstan und Russland einigten sich im Februar auf neue Gaslieferungen."
).encode()


def test_import_requires_permission(client):
    response = client.get("/import/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_upload_imports_extracts_and_reports_each_file(admin_client, media):
    page = admin_client.get("/import/")
    assert page.status_code == 200 and 'type="file"' in page.content.decode()

    response = admin_client.post(
        "/import/", {"files": [upload("gas.txt", ARTICLE), upload("leer.txt", b""), upload("kaputt.json", b"{")]}
    )
    body = response.content.decode()
    assert response.status_code == 200
    article = Article.objects.get()
    assert article.title == "Gasstreit" and article.original_filename == "gas.txt"
    event = Event.objects.get()
    assert (event.start.isoformat(), event.end.isoformat()) == ("2023-02-01", "2023-02-28")
    assert f'href="/articles/{article.pk}/"' in body and "1 event" in body
    assert "leer.txt" in body and "the file is empty" in body
    assert "kaputt.json" in body and "malformed JSON" in body
    # Uploads are removed once imported.
    assert list((media / "uploads").iterdir()) == []

    again = admin_client.post("/import/", {"files": [upload("gas-kopie.txt", ARTICLE)]}).content.decode()
    assert "unchanged" in again and Article.objects.count() == 1 and Event.objects.count() == 1


def test_upload_names_cannot_escape_the_upload_folder(admin_client, media):
    admin_client.post("/import/", {"files": [upload("../../evil.txt", ARTICLE)]})
    assert Article.objects.get().original_filename == "evil.txt"
    assert not (media.parent / "evil.txt").exists()


def test_long_non_ascii_upload_names_are_kept_as_the_articles_file_name(admin_client, media):
    name = "ä" * 200 + ".txt"  # 400 bytes: longer than a file system allows for one name
    response = admin_client.post("/import/", {"files": [upload(name, ARTICLE)]})
    assert response.status_code == 200
    assert Article.objects.get().original_filename == name


def test_oversized_upload_is_rejected(admin_client, settings):
    settings.ARTICLE_MAX_BYTES = 50
    body = admin_client.post("/import/", {"files": [upload("gross.txt", ARTICLE)]}).content.decode()
    assert "too large" in body and Article.objects.count() == 0


def test_import_form_without_files_shows_the_error(admin_client):
    response = admin_client.post("/import/", {})
    assert response.status_code == 200 and "This field is required" in response.content.decode()


def test_import_page_in_german(admin_client, settings):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    body = admin_client.get("/import/").content.decode()
    assert "Artikel importieren" in body and "Dateiformate" in body
