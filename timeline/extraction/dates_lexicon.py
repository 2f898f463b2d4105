"""German lexicon for the temporal-expression tagger (see ``dates.py``).

Plain data plus a few regex building blocks; nothing here touches Django.
"""
from __future__ import annotations

# Month names → month number.  Keys are matched case-sensitively (German
# capitalises nouns), abbreviations may carry a trailing dot.
MONTHS: dict[str, int] = {
    "Januar": 1, "Jänner": 1, "Jaenner": 1, "Jan": 1,
    "Februar": 2, "Feber": 2, "Feb": 2, "Febr": 2,
    "März": 3, "Maerz": 3, "Mrz": 3, "Mär": 3,
    "April": 4, "Apr": 4,
    "Mai": 5,
    "Juni": 6, "Jun": 6, "Juno": 6,
    "Juli": 7, "Jul": 7, "Julei": 7,
    "August": 8, "Aug": 8,
    "September": 9, "Sept": 9, "Sep": 9,
    "Oktober": 10, "Okt": 10,
    "November": 11, "Nov": 11,
    "Dezember": 12, "Dez": 12,
}
ABBR_MONTHS = ["Jan", "Feb", "Febr", "Mrz", "Mär", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep",
               "Okt", "Nov", "Dez"]
FULL_MONTHS = [k for k in MONTHS if k not in ABBR_MONTHS]

WEEKDAYS: dict[str, int] = {
    "Montag": 0, "Dienstag": 1, "Mittwoch": 2, "Donnerstag": 3,
    "Freitag": 4, "Samstag": 5, "Sonnabend": 5, "Sonntag": 6,
}
WEEKDAY_ABBR: dict[str, int] = {"Mo": 0, "Di": 1, "Mi": 2, "Do": 3, "Fr": 4, "Sa": 5, "So": 6}
DAYPARTS = r"(?:morgen|vormittag|mittag|nachmittag|abend|nacht|früh)"

# Seasons: (start month, end month); winter crosses the year boundary.
SEASONS: dict[str, str] = {
    "Frühling": "spring", "Frühjahr": "spring", "Lenz": "spring",
    "Sommer": "summer", "Herbst": "autumn", "Winter": "winter",
}
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
SEASON_DE = {"spring": "Frühjahr", "summer": "Sommer", "autumn": "Herbst", "winter": "Winter"}

NUMBER_WORDS: dict[str, float] = {
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1, "eins": 1,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
    "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
    "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100,
    "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5,
    "halbes": 0.5, "halben": 0.5, "halbe": 0.5,
    "beiden": 2,
}
# Vague quantities → (min, max) number of units.
VAGUE_QUANT: dict[str, tuple[int, int]] = {
    "wenige": (2, 6), "wenigen": (2, 6), "einige": (2, 8), "einigen": (2, 8),
    "mehrere": (2, 10), "mehreren": (2, 10), "ein paar": (2, 5),
    "etliche": (3, 12), "etlichen": (3, 12), "zahlreiche": (3, 15), "zahlreichen": (3, 15),
    "vielen": (5, 20), "viele": (5, 20),
}

ORDINAL_WORDS: dict[str, int] = {
    "ersten": 1, "erste": 1, "erstes": 1, "zweiten": 2, "zweite": 2, "dritten": 3, "dritte": 3,
    "vierten": 4, "vierte": 4, "fünften": 5, "sechsten": 6, "siebten": 7, "achten": 8,
    "neunten": 9, "zehnten": 10, "elften": 11, "zwölften": 12, "dreizehnten": 13,
    "vierzehnten": 14, "fünfzehnten": 15, "sechzehnten": 16, "siebzehnten": 17,
    "achtzehnten": 18, "neunzehnten": 19, "zwanzigsten": 20, "einundzwanzigsten": 21,
    "letzten": -1, "letzte": -1,
}
DECADE_WORDS: dict[str, int] = {
    "zwanziger": 20, "dreißiger": 30, "dreissiger": 30, "vierziger": 40, "fünfziger": 50,
    "sechziger": 60, "siebziger": 70, "achtziger": 80, "neunziger": 90,
}

# Relative modifiers.
PAST_MODS = ("vergangen", "letzt", "vorig", "zurückliegend")
NEXT_MODS = ("nächst", "kommend", "folgend", "bevorstehend")
THIS_MODS = ("dies", "laufend", "aktuell", "gegenwärtig", "jetzig")

UNITS: dict[str, str] = {
    "Sekunde": "second", "Sekunden": "second", "Minute": "minute", "Minuten": "minute",
    "Stunde": "hour", "Stunden": "hour",
    "Tag": "day", "Tage": "day", "Tagen": "day", "Tages": "day",
    "Woche": "week", "Wochen": "week",
    "Monat": "month", "Monate": "month", "Monaten": "month", "Monats": "month",
    "Jahr": "year", "Jahre": "year", "Jahren": "year", "Jahres": "year",
    "Jahrzehnt": "decade", "Jahrzehnte": "decade", "Jahrzehnten": "decade",
    "Jahrhundert": "century", "Jahrhunderte": "century", "Jahrhunderten": "century",
}
UNIT_ISO = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W",
            "month": "M", "year": "Y", "decade": "DE", "century": "CE"}


def alt(words, escape_dot: bool = True) -> str:
    """Regex alternation, longest first so prefixes do not shadow longer words."""
    import re
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


def cap_alt(words) -> str:
    """Alternation accepting each word with either an upper- or lower-case first letter."""
    import re
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        first, rest = w[0], re.escape(w[1:])
        parts.append(f"[{first.upper()}{first.lower()}]{rest}")
    return "(?:" + "|".join(parts) + ")"

# Holidays with a fixed date: name → ((month, day), (month, day)) inclusive.
FIXED_HOLIDAYS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "Neujahr": ((1, 1), (1, 1)), "Neujahrstag": ((1, 1), (1, 1)),
    "Dreikönigstag": ((1, 6), (1, 6)), "Valentinstag": ((2, 14), (2, 14)),
    "Maifeiertag": ((5, 1), (5, 1)), "Tag der Arbeit": ((5, 1), (5, 1)),
    "Tag der Deutschen Einheit": ((10, 3), (10, 3)), "Reformationstag": ((10, 31), (10, 31)),
    "Allerheiligen": ((11, 1), (11, 1)), "Nikolaustag": ((12, 6), (12, 6)),
    "Heiligabend": ((12, 24), (12, 24)), "Heiligen Abend": ((12, 24), (12, 24)),
    "Weihnachten": ((12, 24), (12, 26)), "Weihnachtstagen": ((12, 25), (12, 26)),
    "ersten Weihnachtsfeiertag": ((12, 25), (12, 25)), "zweiten Weihnachtsfeiertag": ((12, 26), (12, 26)),
    "Silvester": ((12, 31), (12, 31)), "Silvesterabend": ((12, 31), (12, 31)),
}
# Movable feasts: name → (first, last) day offset from Easter Sunday.
EASTER_HOLIDAYS: dict[str, tuple[int, int]] = {
    "Rosenmontag": (-48, -48), "Aschermittwoch": (-46, -46), "Gründonnerstag": (-3, -3),
    "Karfreitag": (-2, -2), "Ostern": (0, 1), "Ostersonntag": (0, 0), "Ostermontag": (1, 1),
    "Osterwochenende": (-2, 1), "Christi Himmelfahrt": (39, 39), "Himmelfahrt": (39, 39),
    "Pfingsten": (49, 50), "Pfingstsonntag": (49, 49), "Pfingstmontag": (50, 50),
    "Fronleichnam": (60, 60),
}


def easter(year: int):
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    import datetime
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)
