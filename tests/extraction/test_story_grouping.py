"""Grouping events that different articles report about one happening."""

from datetime import date

from timeline.extraction.stories import StoryItem, content_terms, group_stories

D = date.fromisoformat


def item(key, article, start, end, sentence, actors=(), topic=""):
    return StoryItem(key, article, D(start), D(end), content_terms(sentence), frozenset(actors), topic)


# Filler events make the corpus large enough that its protagonists (here Kazakhstan) count as common.
FILLER = [
    item(100 + i, 50 + i, f"2021-0{1 + i % 9}-01", f"2021-0{1 + i % 9}-28", text, ["Kazakhstan"], "economy")
    for i, text in enumerate(
        2
        * [
            "Die Regierung senkte die Steuern für kleine Betriebe.",
            "Der Weizenpreis stieg wegen der Dürre deutlich.",
            "Ein neues Stadion wurde in der Hauptstadt eröffnet.",
            "Die Zentralbank hob den Leitzins an.",
            "Bauern klagten über hohe Düngerpreise.",
            "Die Eisenbahn bestellte neue Lokomotiven.",
        ]
    )
]


def test_two_articles_on_the_same_forum_form_a_story():
    a = item(1, 1, "2022-06-01", "2022-06-30", "Tokajew sprach im Juni auf dem Wirtschaftsforum in St. Petersburg.",
             ["Kassym-Jomart Tokayev", "Vladimir Putin"], "diplomacy")  # fmt: skip
    b = item(2, 2, "2022-06-21", "2022-06-30", "Ende Juni trat Tokajew beim Internationalen Wirtschaftsforum auf.",
             ["Kassym-Jomart Tokayev", "Vladimir Putin"], "diplomacy")  # fmt: skip
    assert group_stories([a, b, *FILLER]) == [[1, 2]]


def test_compound_heads_link_words_of_one_happening():
    # Nothing is shared word for word: "Massenproteste" ~ "Proteste", "Flüssiggaspreise" ~ "Gaspreise".
    a = item(1, 1, "2022-01-01", "2022-01-31", "Im Januar lösten hohe Flüssiggaspreise Massenproteste aus.",
             topic="domestic-politics")  # fmt: skip
    b = item(2, 2, "2022-01-02", "2022-01-10", "Anfang Januar führten die Gaspreise zu Protesten.",
             topic="domestic-politics")  # fmt: skip
    assert group_stories([a, b, *FILLER]) == [[1, 2]]


def test_events_that_never_overlap_are_not_one_story():
    a = item(1, 1, "2022-06-01", "2022-06-30", "Tokajew sprach auf dem Wirtschaftsforum.", ["Kassym-Jomart Tokayev"])
    b = item(2, 2, "2023-06-01", "2023-06-30", "Tokajew sprach auf dem Wirtschaftsforum.", ["Kassym-Jomart Tokayev"])
    assert group_stories([a, b, *FILLER]) == []


def test_a_year_is_not_the_same_happening_as_a_day():
    a = item(1, 1, "2022-01-01", "2022-12-31", "Im Jahr 2022 gab es Unruhen im Land.", topic="domestic-politics")
    b = item(2, 2, "2022-01-05", "2022-01-05", "Am 5. Januar 2022 gab es Unruhen.", topic="domestic-politics")
    assert group_stories([a, b, *FILLER]) == []


def test_events_of_one_article_are_not_joined_with_each_other():
    a = item(1, 1, "2022-06-01", "2022-06-30", "Das Wirtschaftsforum begann.", ["Kassym-Jomart Tokayev"])
    b = item(2, 1, "2022-06-01", "2022-06-30", "Das Wirtschaftsforum endete.", ["Kassym-Jomart Tokayev"])
    assert group_stories([a, b, *FILLER]) == []


def test_everyday_words_and_protagonists_do_not_make_a_story():
    a = item(1, 1, "2022-03-01", "2022-03-31", "Die Regierung sagte, die Lage sei schwierig.", ["Kazakhstan"], "economy")
    b = item(2, 2, "2022-03-10", "2022-03-20", "Die Regierung sagte, die Lage bleibe schwierig.", ["Kazakhstan"], "economy")
    assert group_stories([a, b, *FILLER]) == []


def test_a_story_keeps_a_moment_all_its_events_share():
    forum = "Auf dem Wirtschaftsforum sprach der Präsident über Sanktionen und Investitionen."
    a = item(1, 1, "2022-06-01", "2022-06-10", forum, ["Kassym-Jomart Tokayev"], "diplomacy")
    b = item(2, 2, "2022-06-05", "2022-06-20", forum, ["Kassym-Jomart Tokayev"], "diplomacy")
    c = item(3, 3, "2022-06-15", "2022-06-30", forum, ["Kassym-Jomart Tokayev"], "diplomacy")
    # a–b and b–c overlap, a and c do not: b joins one of them, never both into one chain.
    stories = group_stories([a, b, c, *FILLER])
    assert len(stories) == 1 and len(stories[0]) == 2 and 2 in stories[0]


def test_actor_names_can_be_left_out_of_the_words():
    sentence = "Tokajew traf Putin."
    assert "tokajew" in content_terms(sentence)
    assert "tokajew" not in content_terms(sentence, [(0, 7)])
