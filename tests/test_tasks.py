import pytest
from django.tasks import TaskResultStatus

from articles.models import Article
from timeline.tasks import article_import

pytestmark = pytest.mark.django_db(transaction=True)


def test_import_task_imports_extracts_and_reports(tmp_path):
    path = tmp_path / "neu.txt"
    path.write_text(
        "Published: 2023-06-10\n\nKasachstan und Russland unterzeichneten im Mai ein Abkommen über Gas.",
        encoding="utf-8",
    )
    result = article_import.enqueue(path=str(path), display_name="neu.txt")
    assert result.status == TaskResultStatus.SUCCESSFUL
    (imported,) = result.return_value["imported"]
    assert imported["events"] == 1
    assert Article.objects.get(pk=imported["id"]).events.get().start.isoformat() == "2023-05-01"

    again = article_import.enqueue(path=str(path), display_name="neu.txt").return_value
    assert again["imported"] == [] and again["unchanged"][0]["id"] == imported["id"]


def test_import_task_reports_a_rejected_file(tmp_path):
    path = tmp_path / "leer.txt"
    path.write_bytes(b"")
    result = article_import.enqueue(path=str(path), display_name="leer.txt")
    assert result.return_value["rejected"] == "the file is empty"
    assert Article.objects.count() == 0
