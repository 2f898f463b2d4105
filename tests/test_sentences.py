import pytest

from articles.sentences import split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Er war in St. Petersburg. Dann fuhr er heim.", ["Er war in St. Petersburg.", "Dann fuhr er heim."]),
        ("Das gilt z. B. für Öl. Und Gas.", ["Das gilt z. B. für Öl.", "Und Gas."]),
        ("Dr. Müller kam. Prof. Meier ging.", ["Dr. Müller kam.", "Prof. Meier ging."]),
        ("Am 10. Juli 2022 kam er. Es regnete.", ["Am 10. Juli 2022 kam er.", "Es regnete."]),
        ("Er wohnt in Haus Nr. 5 am Markt. Gut.", ["Er wohnt in Haus Nr. 5 am Markt.", "Gut."]),
        ("Im 20. Jahrhundert war das anders. Heute nicht.", ["Im 20. Jahrhundert war das anders.", "Heute nicht."]),
        ("Wirklich? Ja! Gut.", ["Wirklich?", "Ja!", "Gut."]),
        ("Sie sagte: „Wir gehen.“ Dann ging sie.", ["Sie sagte: „Wir gehen.“", "Dann ging sie."]),
        ("Überschrift ohne Punkt\nErster Satz. Zweiter Satz.", ["Überschrift ohne Punkt", "Erster Satz.", "Zweiter Satz."]),
        ("1. Startseite\n  2. Politik", ["1. Startseite", "2. Politik"]),
        ("Die Zahl stieg auf 1.400 Firmen. Das ist viel.", ["Die Zahl stieg auf 1.400 Firmen.", "Das ist viel."]),
        ("Um 50 v. Chr. eroberte Caesar Gallien. Dann kam Rom.", ["Um 50 v. Chr. eroberte Caesar Gallien.", "Dann kam Rom."]),
        ("Sie begann ca. 375 n. Chr. Danach kamen die Hunnen.",
         ["Sie begann ca. 375 n. Chr.", "Danach kamen die Hunnen."]),
        ("Die sog. Emser Depesche war kurz. Beteiligt waren u. a. Goten.",
         ["Die sog. Emser Depesche war kurz.", "Beteiligt waren u. a. Goten."]),
        ("Die Truppen unter Gen. Patton erreichten am 8. Mai die Elbe. Der Krieg endete.",
         ["Die Truppen unter Gen. Patton erreichten am 8. Mai die Elbe.", "Der Krieg endete."]),
        ("Die Schlacht bei Leipzig (16.–19. Oktober 1813) war groß. Wilhelm I. wurde Kaiser.",
         ["Die Schlacht bei Leipzig (16.–19. Oktober 1813) war groß.", "Wilhelm I. wurde Kaiser."]),
        ("Im 3. Jh. begann der Zerfall. Der Krieg endete im Jahr 1945. Die Besatzung folgte.",
         ["Im 3. Jh. begann der Zerfall.", "Der Krieg endete im Jahr 1945.", "Die Besatzung folgte."]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_german_sentence_boundaries(text, expected):
    assert sentences(text) == expected


def test_offsets_round_trip_on_every_seed(seed_dir):
    for path in sorted(seed_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = split_sentences(text)
        assert spans, path.name
        previous_end = 0
        for start, end in spans:
            assert previous_end <= start < end <= len(text)
            piece = text[start:end]
            assert piece == piece.strip() and piece
            previous_end = end
        # Nothing is lost: every visible character of the article lies in some sentence.
        covered = set()
        for start, end in spans:
            covered.update(range(start, end))
        assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kasachstan sieht das nicht so. Tokajew reiste nach Moskau.", ["Kasachstan sieht das nicht so.", "Tokajew reiste nach Moskau."]),
        ("Die Zahl stieg auf 12. Am Montag kam die Wende.", ["Die Zahl stieg auf 12.", "Am Montag kam die Wende."]),
        ("Das ist eine neue Art. Sie wächst schnell.", ["Das ist eine neue Art.", "Sie wächst schnell."]),
        ("Er kam zum 3. Mal. Dann ging er.", ["Er kam zum 3. Mal.", "Dann ging er."]),
    ],
)  # fmt: skip
def test_words_that_look_like_abbreviations_still_end_sentences(text, expected):
    assert sentences(text) == expected
