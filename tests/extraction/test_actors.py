"""Actor recognition on German news sentences written for these tests."""

import pytest

from timeline.extraction.actors import ActorMatcher, ActorMention, ActorSpec, ProposedActor, default_registry


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return ActorMatcher(default_registry())


def mentioned(m: ActorMatcher, text: str) -> list[str]:
    return m.names(text, implied=False)


@pytest.mark.parametrize(
    "text, expected",
    [
        # inflected country names and genitives
        ("Die Wirtschaft Kasachstans wächst.", ["Kazakhstan"]),
        ("Russlands Führung schweigt.", ["Russia"]),
        ("Die Sowjetunion zündete ihre erste Atombombe.", ["Soviet Union"]),
        ("Die erste sowjetische Wasserstoffbombe explodierte.", ["Soviet Union"]),
        ("Die Russische Föderation protestiert.", ["Russia"]),
        ("Wir sind Nachbarn der russischen Föderation.", ["Russia"]),
        # adjectives with every ending, also capitalised at the start of a sentence
        ("Die kasachische Regierung tagt.", ["Kazakhstan"]),
        ("Mit dem kasachischen Botschafter.", ["Kazakhstan"]),
        ("Ein kasachischer Diplomat.", ["Kazakhstan"]),
        ("Ein kasachisches Unternehmen.", ["Kazakhstan"]),
        ("Aus kasachischem Öl.", ["Kazakhstan"]),
        ("Kasachische Medien berichten.", ["Kazakhstan"]),
        ("Die Regierung handelt kasachstanisch.", ["Kazakhstan"]),
        ("Ukrainische Soldaten und chinesische Händler.", ["Ukraine", "China"]),
        ("Britische und jordanische Beamte trafen armenische Kollegen.", ["United Kingdom", "Jordan", "Armenia"]),
        ("Belarussische und weißrussische Quellen; kirgisische Grenzer.", ["Belarus", "Kyrgyzstan"]),
        ("Amerikanische und US-amerikanische Firmen.", ["United States"]),
        # demonyms
        ("Viele Kasachen und Russen leben dort.", ["Kazakhstan", "Russia"]),
        ("Die Ukrainer wehren sich.", ["Ukraine"]),
        # compound adjectives name both countries
        ("Die russisch-kasachischen Beziehungen sind angespannt.", ["Russia", "Kazakhstan"]),
        ("Ein chinesisch-russisches Abkommen.", ["China", "Russia"]),
        ("Die russisch-kasachstanische Grenze.", ["Russia", "Kazakhstan"]),
        ("Beim Kooperationsrat EU-Kasachstan.", ["European Union", "Kazakhstan"]),
        # capitals as metonyms
        ("Moskau reagierte gelassen, der Kreml schwieg.", ["Russia"]),
        ("Astana und Peking unterzeichneten, Kiew protestierte.", ["Kazakhstan", "China", "Ukraine"]),
        ("Die Führung in Nur-Sultan und in Nursultan.", ["Kazakhstan"]),
        ("Washington und London stimmen zu, Minsk nicht.", ["United States", "United Kingdom", "Belarus"]),
        # Swiss spelling and compass prefixes
        ("Grossbritannien und Weissrussland.", ["United Kingdom", "Belarus"]),
        ("Kämpfe in der Ostukraine und in Nordkasachstan.", ["Ukraine", "Kazakhstan"]),
        ("Die antirussischen Sanktionen.", ["Russia"]),
        # countries derived from pycountry's German names
        ("Frankreich und die Mongolei.", ["France", "Mongolia"]),
        ("Gespräche mit Usbekistan, Tadschikistan und Turkmenistan.", ["Uzbekistan", "Tajikistan", "Turkmenistan"]),
        ("Aserbaidschan und Georgien.", ["Azerbaijan", "Georgia"]),
        ("Die Türkei, Südkorea und der Iran.", ["Turkey", "South Korea", "Iran"]),
        ("Truppen im Vereinigten Königreich und in den Vereinigten Staaten.", ["United Kingdom", "United States"]),
        ("Die Republik Moldau und Neuseeland.", ["Moldova", "New Zealand"]),
        # organisations
        ("Die Europäische Union und die EU-Kommission.", ["European Union"]),
        ("Ein Treffen der Organisation des Vertrages über kollektive Sicherheit.", ["CSTO"]),
        ("Die OVKS, früher ODKB, und die CSTO-Mission.", ["CSTO"]),
        ("Mitglied der Eurasischen Wirtschaftsunion (EAWU).", ["Eurasian Economic Union"]),
        ("Die Vereinten Nationen und der UN-Sicherheitsrat.", ["United Nations"]),
        ("Die Nato und die OSZE.", ["NATO", "OSCE"]),
        ("Gipfel der Shanghaier Organisation für Zusammenarbeit.", ["SCO"]),
        ("Der IWF und die Weltbank.", ["IMF", "World Bank"]),
        ("Gazprom und KazMunayGas verhandeln.", ["Gazprom", "KazMunayGas"]),
        ("Das Kaspische Pipeline-Konsortium.", ["Caspian Pipeline Consortium"]),
        ("Die Volksrepubliken Luhansk und Donezk.", ["Luhansk People's Republic", "Donetsk People's Republic"]),
        ("Die Volksrepublik Lugansk (LNR) und die DNR.", ["Luhansk People's Republic", "Donetsk People's Republic"]),
        # people: transliterations and surnames, with genitive
        ("Präsident Kassym-Schomart Tokajew sprach.", ["Kassym-Jomart Tokayev"]),
        ("Qassym-Schomart Toqajew und Tokayev sind eine Person.", ["Kassym-Jomart Tokayev"]),
        ("Tokajews Rede war deutlich.", ["Kassym-Jomart Tokayev"]),
        ("Wladimir Putin und Putins Sprecher Dmitri Peskow.", ["Vladimir Putin", "Dmitry Peskov"]),
        ("Sergej Lawrow traf Antony Blinken.", ["Sergey Lavrov", "Antony Blinken"]),
        ("Wolodymyr Selenskyj und Alexander Lukaschenko.", ["Volodymyr Zelensky", "Alexander Lukashenko"]),
        ("Mirsijojew, Schaparow und Rahmon.", ["Shavkat Mirziyoyev", "Sadyr Japarov", "Emomali Rahmon"]),
        ("Nasarbajew übergab an Tokajew.", ["Nursultan Nazarbayev", "Kassym-Jomart Tokayev"]),
        ("Botschafter Iljassow und Magzhan Ilyassov.", ["Magzhan Ilyassov"]),
        ("Der Politologe Fjodor Lukjanow.", ["Fyodor Lukyanov"]),
        ("Recep Tayyip Erdogan und Erdoğan.", ["Recep Tayyip Erdoğan"]),
        ("Ursula von der Leyen und Olaf Scholz.", ["Ursula von der Leyen", "Olaf Scholz"]),
        # cities of the region and capitals used as metonyms
        ("Die Demonstranten in Almaty und Schymkent.", ["Kazakhstan"]),
        ("Von Samarkand über Baku nach Tiflis und Eriwan.", ["Uzbekistan", "Azerbaijan", "Georgia", "Armenia"]),
        ("Berlin und Paris antworteten, Ankara schwieg.", ["Germany", "France", "Turkey"]),
        ("Das Forum in St. Petersburg und die Lage in Charkiw.", ["Russia", "Ukraine"]),
        ("Uiguren aus Xinjiang.", ["China"]),
        ("Das Auswärtige Amt und der Bundestag.", ["Germany"]),
        # people and organisations of the region
        ("Präsidentensprecher Berik Uali und Energieminister Almassadam Satkalijew.", ["Berik Uali", "Almasadam Satkaliyev"]),
        ("Der Journalist Machambet Abschan und Bolot Temirow.", ["Makhambet Abzhan", "Bolot Temirov"]),
        ("Kuandyk Bischimbajew und Kairat Satybaldy vor Gericht.", ["Kuandyk Bishimbayev", "Kairat Satybaldy"]),
        ("Akylbek Schaparow und Sadyr Schaparow.", ["Akylbek Japarov", "Sadyr Japarov"]),
        ("Ella Pamfilowa und Alexej Lichatschow.", ["Ella Pamfilova", "Alexey Likhachev"]),
        ("Li Keqiang und Wang Yi.", ["Li Keqiang", "Wang Yi"]),
        ("Tengizchevroil, Chevron und Air Astana.", ["Tengizchevroil", "Chevron", "Air Astana"]),
        ("Die Europäische Investitionsbank und die IAEO.", ["European Investment Bank", "IAEA"]),
        ("Der Islamische Staat und die Miliz IS-Khorasan.", ["Islamic State"]),
        ("Beim Gipfel der Organisation Türkischer Staaten.", ["Organization of Turkic States"]),
        ("Die Sender Doschd und Kloop.", ["TV Rain", "Kloop"]),
        # an apostrophe inside a name
        ("Der Sanktionsbeauftragte David O'Sullivan reiste weiter.", ["David O'Sullivan"]),
        # "Wagner-" only as the first part of a compound
        ("Wagner-Kämpfer und der Wagner-Chef.", ["Wagner Group"]),
        ("Die Söldnertruppe Wagner zog ab.", ["Wagner Group"]),
    ],
)
def test_names(matcher, text, expected):
    assert mentioned(matcher, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "NEUES AUS DER WELT",  # no "EU" inside a word
        "Das Neue Jahr beginnt im Juni.",
        "Europa und die europäischen Werte.",  # Europe is not the EU
        "Die Lampen blinken.",  # lower-case verb, not Blinken
        "Der Gast im Studio trank Tee.",
        "Der Preis in US-Dollar stieg.",  # a currency, not the United States
        "Die westlichen Staaten und Zentralasien.",
        "Am Jordan wird gebadet.",  # the river, not Jordan
        "Eine eu-weite Regel und ein un-bekannter Ort.",  # acronyms are case-sensitive
        "Der Politiker Thomas Wagner sprach über Richard Wagner.",  # a surname, not the mercenaries
        "Sie studierte an der Nasarbajew-Universität.",  # named after a person, not the person
        "Er landete auf dem Tokajew-Flughafen.",
        "Das ist das Thema, sagte er.",  # "IS" must be upper case
    ],
)
def test_no_false_actors(matcher, text):
    assert matcher.find(text) == []


def test_offsets_and_longest_match(matcher):
    text = "Gestern sagte der kasachische Präsident Kassym-Schomart Tokajew in Astana, die EU sei wichtig."
    found = matcher.find(text)
    assert [m.name for m in found] == ["Kazakhstan", "Kassym-Jomart Tokayev", "Kazakhstan", "European Union"]
    for m in found:
        assert text[m.char_start : m.char_end] == m.text
    assert found[1].text == "Kassym-Schomart Tokajew"  # the full name, not just the surname
    assert found[1].kind == "person"
    assert found[3] == ActorMention("European Union", "organisation", text.index("EU"), text.index("EU") + 2, "EU")


def test_names_order_and_implied_affiliations(matcher):
    text = "Tokajew traf Putin. Später sprach Putin erneut."
    assert matcher.names(text, implied=False) == ["Kassym-Jomart Tokayev", "Vladimir Putin"]
    # the countries people stand for follow the names that are mentioned
    assert matcher.names(text) == ["Kassym-Jomart Tokayev", "Vladimir Putin", "Kazakhstan", "Russia"]
    assert matcher.names("Russland und Putin") == ["Russia", "Vladimir Putin"]


def test_custom_specs_from_database_rows():
    specs = [
        ActorSpec("Kazakhstan", "country", ("Kasachstan", "kasachisch")),
        ActorSpec("Testperson", "person", ("Max Mustermann", "Mustermann")),
        ActorSpec("ABC", "organisation", ("ABC",)),
    ]
    m = ActorMatcher(specs)
    assert m.names("Mustermanns Firma in Kasachstan und kasachischen ABC-Werken, nicht abc.") == [
        "Testperson",
        "Kazakhstan",
        "ABC",
    ]
    assert m.find("") == []


def test_duplicate_specs_are_merged():
    m = ActorMatcher([ActorSpec("X", "other", ("Alpha",)), ActorSpec("X", "other", ("Beta",))])
    assert m.names("Alpha und Beta") == ["X"]


def test_default_registry_shape():
    reg = default_registry()
    names = [s.name for s in reg]
    assert len(names) == len(set(names))
    assert all(s.kind in {"country", "person", "organisation", "other"} for s in reg)
    for name in ["Kazakhstan", "Russia", "Ukraine", "China", "United Kingdom", "Jordan", "Armenia", "Belarus",
                 "Kyrgyzstan", "United States", "European Union", "CSTO", "Eurasian Economic Union",
                 "United Nations", "Kassym-Jomart Tokayev", "Vladimir Putin", "Mukhtar Tileuberdi"]:
        assert name in names
    assert sum(s.kind == "country" for s in reg) > 200  # generated from pycountry
    known = set(names)
    assert all(s.affiliation in known for s in reg if s.affiliation)


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Der usbekische Außenminister Bachtijor Karimow sagte am Montag", "Bachtijor Karimow", "Außenminister"),
        ("Das erklärte Ratspräsident Charles Beaumont in Brüssel.", "Charles Beaumont", "Ratspräsident"),
        ("Kremlsprecher Sachartschenko wies das zurück.", "Sachartschenko", "Kremlsprecher"),
        ("schreibt die russische Wirtschaftsjournalistin Anastasia Quatschowa in der Zeitung",
         "Anastasia Quatschowa", "Wirtschaftsjournalistin"),
        ("sagte der Abgeordnete Pjotr Iwanowitsch Sidorow am Rande", "Pjotr Iwanowitsch Sidorow", "Abgeordnete"),
        ("laut Professor Marat Schaikenow von der Universität", "Marat Schaikenow", "Professor"),
        ("Die Rede des Präsidenten Nurlan Beisenow wurde übertragen.", "Nurlan Beisenow", "Präsident"),
    ],
)
def test_propose(matcher, text, name, role):
    proposed = matcher.propose(text)
    assert [(p.name, p.role) for p in proposed] == [(name, role)]
    p = proposed[0]
    assert isinstance(p, ProposedActor)
    assert text[p.char_start : p.char_end] == name


@pytest.mark.parametrize(
    "text",
    [
        "Präsident Kassym-Schomart Tokajew sprach.",  # known people are not proposed
        "Kremlsprecher Dmitri Peskow und Außenminister Lawrow.",
        "Der Präsident des Landes sprach im Juni.",  # no name after the role
        "Der Sprecher Ende Juni sagte nichts.",
        "Ein Sprecher der Regierung bestätigte das.",
        "Der Botschafter im Vereinigten Königreich.",
        "Präsident Russlands ist er seit langem.",
    ],
)
def test_propose_skips(matcher, text):
    assert matcher.propose(text) == []
