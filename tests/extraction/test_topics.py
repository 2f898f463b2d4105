"""Topic classification on German sentences written for these tests."""

import re

import pytest

from timeline.extraction.topics import TopicClassifier, TopicSpec, default_topics

SLUGS = {"diplomacy", "sanctions", "energy", "military", "migration", "economy", "domestic-politics", "media", "security"}


@pytest.fixture(scope="module")
def clf() -> TopicClassifier:
    return TopicClassifier(default_topics())


@pytest.mark.parametrize(
    "sentence, slug",
    [
        ("Die Außenminister beider Länder trafen sich am Rande des Gipfels in Samarkand.", "diplomacy"),
        ("Der Botschafter wurde ins Außenministerium einbestellt.", "diplomacy"),
        ("Astana lehnt die Anerkennung der abtrünnigen Gebiete ab.", "diplomacy"),
        ("Die EU verhängte ein neues Sanktionspaket gegen Moskau.", "sanctions"),
        ("Über Drittstaaten gelangen Waren trotz der Sanktionen als Parallelimporte ins Land.", "sanctions"),
        ("Die Öllieferungen durch die Pipeline zum Schwarzen Meer wurden gestoppt.", "energy"),
        ("Der Gaspreis und die Erdgasförderung steigen.", "energy"),
        ("Russische Truppen marschierten in die Ukraine ein, die Invasion begann im Morgengrauen.", "military"),
        ("Das Land soll Munition und Waffen an Dritte geliefert haben.", "military"),
        ("Zehntausende Russen sind nach der Mobilisierung ins Nachbarland geflohen.", "migration"),
        ("Der Zustrom von Flüchtlingen an der Grenze hält an.", "migration"),
        ("Ausländische Unternehmen verlagern ihre Investitionen und ihren Handel nach Almaty.", "economy"),
        ("Der Markt für Importe wächst, die Firmen melden Rekordumsätze.", "economy"),
        ("Bei der vorgezogenen Wahl wurde der Präsident wiedergewählt.", "domestic-politics"),
        ("Nach den Unruhen und Protesten trat die Regierung zurück.", "domestic-politics"),
        ("In einer Sendung des Staatsfernsehens verbreitete der Moderator Propaganda.", "media"),
        ("Ein Social-Media-Beitrag und ein Interview mit der Zeitung sorgten für Aufsehen.", "media"),
        ("Das Militärbündnis OVKS berät über die kollektive Sicherheit.", "security"),
        ("Die Nato stärkt ihre Ostflanke, das Bündnis sieht eine Bedrohung.", "security"),
    ],
)
def test_obvious_theme_wins(clf, sentence, slug):
    got = clf.classify(sentence)
    assert got and got[0] == slug, (got, clf.scores(sentence))


@pytest.mark.parametrize(
    "sentence, slug",
    [
        # compounds and inflections met in news about the region
        ("Der Getreidekorridor über das Schwarze Meer bleibt offen.", "economy"),
        ("Die Uranexporte des Landes erreichten einen Rekord.", "energy"),
        ("Die Wahlkommission zählte die Stimmzettel bis in die Nacht.", "domestic-politics"),
        ("Bei dem Grenzkonflikt kam es zu heftigen Gefechten.", "military"),
        ("Der Journalist wurde festgenommen und zu drei Jahren Haft verurteilt.", "media"),
        ("Die Anschläge wurden von einer Terrorzelle vorbereitet.", "security"),
        ("Der Ölpreisdeckel der westlichen Staaten gilt seit dem Winter.", "sanctions"),
        ("Güter mit doppeltem Verwendungszweck gelangen über Drittländer ins Land.", "sanctions"),
        ("Tausende Gastarbeiter kehrten in ihre Heimat zurück.", "migration"),
        ("Die Behörden verschärften die Regeln für den Visarun.", "migration"),
        ("Ethnische Kasachen aus der Mongolei, die Kandas, erhalten Hilfe.", "migration"),
        ("Die Fluggesellschaft plant den Börsengang noch in diesem Jahr.", "economy"),
        ("Der Containerzug erreichte den Hafen nach zwölf Tagen Fracht auf der Bahnstrecke.", "economy"),
        ("Nach dem Stromausfall blieben viele Wohnungen ohne Fernwärme.", "energy"),
        ("Der Präsident empfing seinen Amtskollegen zu einem Staatsbesuch.", "diplomacy"),
        ("Beide Seiten einigten sich auf einen Friedensvertrag.", "diplomacy"),
        ("Der Kreml-Kritiker starb in einem Straflager.", "domestic-politics"),
        ("Das Parlament verabschiedete das Gesetz über ausländische Agenten.", "domestic-politics"),
        ("Die Marine verlor ein Kriegsschiff.", "military"),
        ("Auf dem Testgelände wurde eine Wasserstoffbombe gezündet.", "military"),
        ("Der letzte Atomtest fand im Oktober statt.", "military"),
        ("Die Friedenskonferenz endete mit einer Abschlusserklärung.", "diplomacy"),
        ("Ökonomen rechnen mit steigenden Verbraucherpreisen.", "economy"),
        ("Der Netzbetreiber meldete eine Störung im Stromnetz.", "energy"),
        ("Der Präsident verhängte den Ausnahmezustand.", "security"),
        ("Das Land erklärte seine Unabhängigkeit.", "domestic-politics"),
    ],
)
def test_regional_vocabulary(clf, sentence, slug):
    got = clf.classify(sentence)
    assert slug in got, (got, clf.scores(sentence))


@pytest.mark.parametrize(
    "sentence, slugs",
    [
        # genuinely mixed sentences return both themes
        ("Der Geheimdienstchef wurde entlassen.", {"security", "domestic-politics"}),
        ("Die EU verbot die Umladung von Flüssiggas in ihren Häfen.", {"sanctions", "energy"}),
        ("Die Ausfuhr von Halbleitern nach Russland stieg stark.", {"sanctions", "economy"}),
    ],
)
def test_mixed_sentences_keep_both_themes(clf, sentence, slugs):
    assert slugs <= set(clf.classify(sentence)), clf.scores(sentence)


def test_specific_compound_is_not_also_its_generic_head(clf):
    # "Kriegsbeginn" dates an event; it should not add the weight of "*krieg" a second time
    s = "Der Tenge verlor nach Kriegsbeginn ein Fünftel seines Werts."
    assert "economy" in clf.classify(s), clf.scores(s)


def test_dominant_theme_beats_incidental_mention(clf):
    s = "Bei ihrem Treffen sprachen die Außenminister auch über den Krieg."
    assert clf.classify(s)[0] == "diplomacy"
    s = "Auf dem Wirtschaftsforum hielt der Präsident eine Rede vor seinem Amtskollegen."
    assert clf.classify(s)[0] == "diplomacy"


def test_compounds_and_word_starts(clf):
    assert "energy" in clf.classify("Die Ölpipeline war beschädigt.")
    assert "sanctions" in clf.classify("Die westliche Sanktionspolitik wirkt.")
    assert "military" in clf.classify("Die Artilleriemunition wurde verkauft.")
    # "gas$" is a whole word: a guest (Gast) is not gas
    assert "energy" not in clf.classify("Ein Gast sagte etwas Verstörendes.")


def test_context_is_a_weaker_fallback(clf):
    sentence = "Das geschah am 3. März."
    assert clf.classify(sentence) == []
    assert clf.classify(sentence, context="Proteste gegen die Regierung") == ["domestic-politics"]
    # the sentence's own theme outweighs a different theme in the context
    got = clf.classify("Die Pipeline wurde gesperrt.", context="Wahlen und Unruhen im Land")
    assert got[0] == "energy"
    assert clf.scores(sentence, "Sanktionen")["sanctions"] < clf.scores("Sanktionen")["sanctions"]


def test_at_most_three_and_threshold(clf):
    s = ("Sanktionen, Öl, Krieg, Flüchtlinge, Handel, Wahl, Fernsehen, Bündnis und Gipfel "
         "bestimmten die Woche.")
    got = clf.classify(s)
    assert 1 <= len(got) <= 3
    scores = clf.scores(s)
    best = max(scores.values())
    assert all(scores[g] >= 0.5 * best for g in got)
    assert [scores[g] for g in got] == sorted((scores[g] for g in got), reverse=True)


def test_no_keywords_no_topics(clf):
    assert clf.classify("") == []
    assert clf.scores("Der Himmel ist blau.") == {}


def test_default_topics_taxonomy():
    topics = default_topics()
    assert {t.slug for t in topics} == SLUGS
    assert len(topics) == 9
    colours = [t.colour.lower() for t in topics]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours)
    assert len(set(colours)) == 9
    assert all(t.name and t.keywords for t in topics)


def test_custom_specs_and_keyword_syntax():
    specs = [
        TopicSpec("a", "A", "#000000", ("haus", "*dach^2", "tor$")),
        TopicSpec("b", "B", "#ffffff", ("garten^0.5", "social media")),
    ]
    clf = TopicClassifier(specs)
    assert clf.scores("Das Hausdach") == {"a": 3.0}
    assert clf.scores("Das Tor, die Tore, die Torte") == {"a": 1.0}
    assert clf.scores("Im Social-Media-Garten") == {"b": 1.5}
    assert clf.classify("Vorgarten") == []  # start-of-word stems do not match inside a compound
