"""Importing article files: formats, headers, encodings, bad input, idempotency."""

import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Sentence
from articles.services import article_ingest, article_ingest_content

pytestmark = pytest.mark.django_db

SEED_PUBLISHED_WINDOWS = None  # read from the shared gold file in the test below


def ingest_bytes(data: bytes, name: str):
    return article_ingest_content(data=data, filename=name)


def test_each_seed_is_imported_with_sentences_that_round_trip(seed_dir):
    for path in sorted(seed_dir.glob("*.txt")):
        outcome = article_ingest(path=path)
        assert not outcome.rejected, outcome.rejected_reason
        (article,) = outcome.imported
        assert article.text == path.read_text(encoding="utf-8")
        assert article.original_filename == path.name
        assert article.title and "\n" not in article.title
        sentences = list(article.sentences.all())
        assert 20 <= len(sentences) <= 80, (path.name, len(sentences))
        for s in sentences:
            assert article.text[s.start : s.end] == s.text


def test_seed_publication_dates_fall_in_the_gold_windows(seed_dir, gold):
    for entry in gold["articles"]:
        article = article_ingest(path=seed_dir / entry["file"]).imported[0]
        low, high = entry["published_window"]
        assert low <= article.published.isoformat() <= high, entry["file"]
        assert article.published_via == Article.PublishedVia.TEXT
        assert article.published_evidence


def test_ingest_command_twice_reports_imported_then_unchanged(seed_dir, capsys):
    call_command("ingest", str(seed_dir))
    assert "5 imported, 0 unchanged, 0 rejected" in capsys.readouterr().out
    call_command("ingest", str(seed_dir))
    assert "0 imported, 5 unchanged, 0 rejected" in capsys.readouterr().out
    assert Article.objects.count() == 5


def test_txt_header_block_sets_metadata():
    data = (
        "Title: Kasachstan und Russland\nsource: Beispielzeitung\nURL: https://example.org/a\n"
        "Author: Erika Muster\nPublished: 2023-05-04\nLanguage: de\n\n"
        "Erste Zeile des Textes. Zweiter Satz.\n"
    ).encode()
    article = ingest_bytes(data, "a.txt").imported[0]
    assert (article.title, article.source, article.url, article.author) == (
        "Kasachstan und Russland", "Beispielzeitung", "https://example.org/a", "Erika Muster",
    )  # fmt: skip
    assert article.published == date(2023, 5, 4)
    assert article.published_via == "header"
    assert article.text == "Erste Zeile des Textes. Zweiter Satz.\n"
    assert article.sentences.count() == 2


def test_txt_without_header_takes_the_first_line_as_title():
    article = ingest_bytes("\n\n  Eine Überschrift\nText am 3. März 2021.".encode(), "b.txt").imported[0]
    assert article.title == "Eine Überschrift"
    assert article.published == date(2021, 3, 3)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Titel\nErstellt: 05.04.2022, 14:32 Uhr\nDie Wahl findet am 20. März 2024 statt.", date(2022, 4, 5)),
        ("Titel\nVeröffentlicht am 3. Mai 2023\nStand: 04.05.2023\nText vom 1. Januar 2021.", date(2023, 5, 3)),
        ("Titel\nStand: 04.05.2023\nText vom 1. Januar 2021.", date(2023, 5, 4)),
        ("Titel\n07/02/2024\nIm Jahr 2022 und am 10. Mai 2023.", date(2024, 2, 7)),
        ("Titel\nAm 10. Mai 2021 und am 23. November 2022 geschah es.", date(2022, 11, 23)),
        ("Titel\nAm 10. Mai 2021 und am 3. März 2099 geschieht es.", date(2021, 5, 10)),
        ("Titel\nDer Waffenstillstand am 12.03.2022 hielt nicht. Am 20.05.2022 kam es zum Krieg.", date(2022, 5, 20)),
        ("Titel\nEin Bericht, veröffentlicht am 01.02.2019, nannte den 3. März 2022.", date(2022, 3, 3)),
        ("Titel\nVeröffentlicht am Dienstag, 5. April 2022\nAm 10. Mai 2022 folgt die Wahl.", date(2022, 4, 5)),
    ],
)
def test_publication_date_inference_order(text, expected):
    article = ingest_bytes(text.encode(), "p.txt").imported[0]
    assert article.published == expected and article.published_via == "text"


def test_metadata_is_fitted_to_the_database():
    data = ("Title: " + "Sehr langer Titel " * 50 + "\nLanguage: Deutsch\nAuthor:  Erika   Muster \n\nText.").encode()
    article = ingest_bytes(data, "long.txt").imported[0]
    assert len(article.title) == 500 and article.title.endswith("…")
    assert article.language == "de" and article.author == "Erika Muster"


def test_breadcrumb_lines_are_not_the_title():
    text = "1. Startseite\n  2. Politik\n\nUkraine-Krieg: Kasachstan geht auf Distanz\n\nText."
    assert ingest_bytes(text.encode(), "d.txt").imported[0].title == "Ukraine-Krieg: Kasachstan geht auf Distanz"


@pytest.mark.parametrize(
    "header",
    ["17. August 2022", "17.08.2022", "2022-08-17", "Wed, 17 Aug 2022 10:00:00 GMT", "2022-08-17T09:30:00+02:00",
     "August 17, 2022", "Mittwoch, 17. Aug. 2022"],
)  # fmt: skip
def test_publication_date_header_formats(header, tmp_path):
    data = f"Published: {header}\n\nText.".encode()
    assert ingest_bytes(data, "c.txt").imported[0].published == date(2022, 8, 17)


@pytest.mark.parametrize(
    "encoded",
    [
        "Grüße aus Köln: Übermäßig schön.".encode("utf-8"),
        "\ufeffGrüße aus Köln: Übermäßig schön.".encode("utf-8"),
        "Grüße aus Köln: Übermäßig schön.".encode("cp1252"),
        "Grüße aus Köln: Übermäßig schön.".encode("latin-1"),
        "Grüße aus Köln: Übermäßig schön.".encode("utf-16"),
    ],
    ids=["utf8", "utf8-bom", "cp1252", "latin1", "utf16-bom"],
)
def test_encodings_keep_umlauts_intact(encoded):
    article = ingest_bytes(encoded, "enc.txt").imported[0]
    assert article.text == "Grüße aus Köln: Übermäßig schön."


def test_html_main_text_and_metadata_come_from_trafilatura():
    html = """<html><head><title>Seite</title><meta name="author" content="Max Muster">
    <meta property="article:published_time" content="2022-08-17"><meta property="og:site_name" content="Zeitung">
    </head><body><nav>Startseite Politik Wirtschaft Sport</nav><article><h1>Kasachstan wendet sich ab</h1>
    <p>Kasachstan hat am 10. August 2022 die Vorwürfe zurückgewiesen, wie die Agentur meldete. Das Ministerium
    erklärte, das Unternehmen habe keine Lizenz für den Export von Munition.</p>
    <p>Russland reagierte zunächst nicht. Beobachter erwarten, dass sich die Beziehungen weiter abkühlen.</p>
    </article><footer>Impressum Datenschutz</footer></body></html>"""
    article = ingest_bytes(html.encode(), "page.html").imported[0]
    assert article.title == "Kasachstan wendet sich ab"
    assert article.author == "Max Muster"
    assert article.source == "Zeitung"
    assert article.published == date(2022, 8, 17)
    assert "zurückgewiesen" in article.text
    assert "Impressum" not in article.text and "Startseite" not in article.text


def test_json_and_jsonl():
    one = {"title": "T1", "text": "Am 5. Mai 2022 geschah etwas.", "source": "S", "published": "2022-05-06"}
    article = ingest_bytes(json.dumps(one).encode(), "one.json").imported[0]
    assert (article.title, article.source, article.published) == ("T1", "S", date(2022, 5, 6))
    lines = "\n".join(json.dumps({"title": f"T{i}", "text": f"Text Nummer {i}."}) for i in range(2, 5))
    outcome = ingest_bytes(lines.encode(), "many.jsonl")
    assert [a.title for a in outcome.imported] == ["T2", "T3", "T4"]


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("controls.txt", bytes(range(1, 9)) * 40, "binary"),
        ("undecodable.txt", b"Gr\xc3\x28 \x81\x8d text", "not UTF-8 or Windows-1252"),
        ("header.txt", b"Title: T\nColour: blue\n\nText.", "malformed header at line 2"),
        ("header2.txt", b"Title: T\nPublished: gestern\n\nText.", "unreadable publication date"),
        ("bad.json", b'{"title": "T", "text": ', "malformed JSON"),
        ("notext.json", b'{"title": "T"}', "missing or empty text"),
        ("bad.jsonl", b'{"title": "A", "text": "x"}\n{oops}\n', "line 2"),
        ("page.html", b"<html><body><script>x()</script></body></html>", "no article text"),
        ("notes.pdf", b"%PDF-1.4", "unsupported file type .pdf"),
        ("js.txt", b"URL: javascript:alert(1)\n\nText.", "not an http(s) address"),
        ("lang.txt", b"Language: Klingonisch\n\nText.", "unknown language 'Klingonisch'"),
    ],
)
def test_bad_input_is_rejected_with_the_reason(name, data, reason):
    outcome = ingest_bytes(data, name)
    assert outcome.rejected and reason in outcome.rejected_reason
    assert not outcome.imported and Article.objects.count() == 0


def test_too_large_file_is_rejected(tmp_path, settings):
    settings.ARTICLE_MAX_BYTES = 100
    path = tmp_path / "big.txt"
    path.write_text("Ein Satz. " * 50)
    outcome = article_ingest(path=path)
    assert outcome.rejected and "too large" in outcome.rejected_reason


def test_bad_files_are_named_others_imported_nothing_lost(tmp_path, seed_dir, capsys):
    call_command("ingest", str(seed_dir / "000_5d8d321607414f43.txt"), verbosity=0)
    before = {a.pk: (a.text, a.title) for a in Article.objects.all()}
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Kasachstan meldete am 3. März 2023 etwas Neues.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG")  # not an article type: skipped in folders
    with pytest.raises(CommandError, match="2 file"):
        call_command("ingest", str(folder), str(seed_dir / "000_5d8d321607414f43.txt"))
    captured = capsys.readouterr()
    assert "empty.txt: the file is empty" in captured.err
    assert "broken.json: malformed JSON" in captured.err
    assert "1 imported, 1 unchanged, 2 rejected" in captured.out
    assert Article.objects.count() == 2
    assert all(before[pk] == (a.text, a.title) for pk, a in Article.objects.in_bulk(list(before)).items())


def test_missing_file_is_reported(tmp_path, capsys):
    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path / "nope.txt"))
    assert "nope.txt: cannot read the file" in capsys.readouterr().err


def test_same_text_under_another_name_is_unchanged(tmp_path):
    (tmp_path / "a.txt").write_text("Gleicher Text.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Gleicher Text.", encoding="utf-8")
    assert article_ingest(path=tmp_path / "a.txt").imported
    assert article_ingest(path=tmp_path / "b.txt").unchanged
    assert Article.objects.count() == 1 and Sentence.objects.count() == 1


def test_a_failure_during_extraction_leaves_nothing_behind(tmp_path, monkeypatch, capsys):
    import timeline.services
    from timeline.models import Event

    def broken(**kwargs):
        raise RuntimeError("extractor exploded")

    monkeypatch.setattr(timeline.services, "events_extract", broken)
    (tmp_path / "a.txt").write_text("Kasachstan meldete am 3. März 2023 etwas.", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path / "a.txt"))
    assert "a.txt: import failed: RuntimeError: extractor exploded" in capsys.readouterr().err
    assert Article.objects.count() == 0 and Sentence.objects.count() == 0 and Event.objects.count() == 0

