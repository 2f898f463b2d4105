"""The per-article pipeline: which expressions become events, with which actors and topics."""

from datetime import date

from articles.sentences import split_sentences
from timeline.extraction.pipeline import default_extractor, extract_article, is_history
from timeline.extraction.dates import find_dates


def events(text, published):
    return [(c.date_text, c.start.isoformat(), c.end.isoformat()) for c in extract_article(text, published, split_sentences(text))]


def test_history_texts_take_years_from_the_text_before():
    text = (
        "Der Krieg begann am 22. Juni 1941. Im Dezember erreichte die Rote Armee eine Wende. "
        "Im Juli 1942 begann die Schlacht, die im Februar 1943 endete. Im Sommer folgte ein Angriff."
    )
    found = events(text, date(2021, 6, 22))
    assert ("Dezember", "1941-12-01", "1941-12-31") in found
    assert ("Sommer", "1943-06-01", "1943-08-31") in found


def test_news_texts_take_years_from_the_publication_date():
    text = "Der Präsident kam 2019 an die Macht. Im Juni traf er Putin in Moskau. Im Januar gab es Proteste."
    found = dict((t, s) for t, s, _e in events(text, date(2022, 11, 23)))
    assert found["Juni"] == "2022-06-01" and found["Januar"] == "2022-01-01"
    assert not is_history(find_dates(text, date(2022, 11, 23)), date(2022, 11, 23))


def test_without_a_publication_date_only_reference_free_dates_remain():
    text = "Gestern sprach er. Am 5. Mai 2020 reiste er nach Astana. Im Juni folgte der Gegenbesuch."
    assert events(text, None) == [("5. Mai 2020", "2020-05-05", "2020-05-05"), ("Juni", "2020-06-01", "2020-06-30")]


def test_repeated_captions_and_datelines_are_not_events():
    text = (
        "Berlin\n07/02/2024\nDer Minister traf am 10. Mai 2021 seinen Kollegen.\n"
        "Der Minister traf am 10. Mai 2021 seinen Kollegen.\nDanach geschah lange nichts."
    )
    assert events(text, date(2024, 2, 7)) == [("10. Mai 2021", "2021-05-10", "2021-05-10")]


def test_candidates_carry_actors_and_topics_of_their_sentence():
    text = "Kasachstan und Russland stritten am 4. Juli 2022 über die Ölpipeline am Schwarzen Meer."
    (candidate,) = extract_article(text, date(2022, 7, 14), split_sentences(text))
    assert {"Kazakhstan", "Russia"} <= set(candidate.actors)
    assert candidate.topics[0] == "energy"
    assert text[candidate.char_start : candidate.char_end] == candidate.date_text


def test_unknown_people_introduced_by_a_role_are_proposed():
    names = [p.name for p in default_extractor().propose("Der Sprecher Igor Beispielow sagte am Montag nichts.")]
    assert names == ["Igor Beispielow"]


def test_page_metadata_lines_are_not_events():
    text = (
        "Kasachstan setzt auf neue Pipeline\n"
        "Erstellt: 05.04.2023, 14:32 Uhr\nAktualisiert am 06.04.2023\nStand: 06.04.2023 10:15 Uhr\n"
        "06.04.2023, 09:00\n"
        "Astana – Das kündigte Präsident Tokajew am Dienstag an.\n"
        "Foto: AFP (Archivbild vom 12. Mai 2021)\n"
        "Mehr zum Thema: Russland sperrt Pipeline (04.07.2022)\n"
        "Lesen Sie auch: Der Gipfel vom 3. März 2023\n"
        "Quelle: beispiel.de vom 5. April 2023\n"
        "Der Stand der Verhandlungen vom 1. April 2023 war unklar.\n"
    )
    found = [t for t, _s, _e in events(text, date(2023, 4, 5))]
    # A photo caption tells of an event; labels, timestamps and teasers for other articles do not.
    assert found == ["Dienstag", "12. Mai 2021", "1. April 2023"]


def test_copyright_lines_and_actorless_questions_are_not_events():
    text = (
        "Was wird in diesem Jahr entscheidend?\n"
        "Die Energiefrage. Kasachstan will im Herbst über ein Atomkraftwerk abstimmen.\n"
        "Warum reiste Tokajew im März nach Moskau?\n"
        "Copyright: Nachrichtenportal 2024\n"
        "(c) Beispielverlag 2024 – Alle Rechte vorbehalten\n"
    )
    found = [t for t, _s, _e in events(text, date(2024, 2, 2))]
    assert found == ["Herbst", "März"]


def test_he_names_the_one_person_of_the_sentence_before():
    text = ("Im Juni 2022 ließ Tokajew über eine neue Verfassung abstimmen. "
            "Im November wurde er bei einer vorgezogenen Wahl im Amt bestätigt.")
    cands = extract_article(text, date(2023, 3, 20), split_sentences(text))
    november = next(c for c in cands if c.date_text == "November")
    assert "Kassym-Jomart Tokayev" in november.actors


def test_he_is_not_guessed_among_several_people():
    text = ("Putin traf Tokajew am 10. Februar 2022 in Moskau. "
            "Im März reiste er nach Peking.")
    cands = extract_article(text, date(2022, 4, 1), split_sentences(text))
    march = next(c for c in cands if c.date_text == "März")
    assert not {"Vladimir Putin", "Kassym-Jomart Tokayev"} & set(march.actors)


def test_a_text_dated_long_ago_reads_as_a_story():
    # a publication date inferred from a history's own latest date: year-less dates follow the story
    text = (
        "Das Osmanische Reich erklärte Russland am 4. Oktober 1853 den Krieg. Am 30. November vernichtete "
        "die russische Flotte die osmanische bei Sinope. Der Frieden wurde am 30. März 1856 geschlossen."
    )
    found = events(text, date(1856, 3, 30))
    assert ("30. November", "1853-11-30", "1853-11-30") in found


def test_year_only_headings_are_not_events():
    text = "1916 und 1917\nAm 4. Juni 1916 begann die Brussilow-Offensive."
    assert [t for t, _s, _e in events(text, date(2024, 6, 20))] == ["4. Juni 1916"]
