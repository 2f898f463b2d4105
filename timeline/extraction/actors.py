"""Recognise actors (countries, people, organisations) in German news text.

Plain Python, no Django: the Django side builds an :class:`ActorMatcher` from database rows
(``ActorSpec`` is the only input) and :func:`default_registry` is the shipped initial data.

Matching works on word tokens rather than one huge regular expression, so a matcher with a few
thousand aliases handles a news article in a millisecond or two:

* every alias is split into word tokens; each token gets the German inflected forms it may take
  (genitive ``-s`` on the last token of a name, ``-n`` plurals of demonyms, the endings
  ``-e/-en/-er/-es/-em`` of adjectives such as ``kasachisch`` or of the adjective in
  ``Europäische Union``);
* tokens are compared after case folding and removal of diacritics (so ``Grossbritannien`` is
  ``Großbritannien`` and ``Erdogan`` is ``Erdoğan``), but acronyms (``EU``, ``UN``) must match
  exactly and as whole tokens, and capitalised names must be capitalised in the text
  (``Blinken`` but not ``blinken``);
* the tokens of a multi-word alias may be separated by spaces, a hyphen or an abbreviation dot,
  and hyphenated compounds are split, so ``russisch-kasachischen`` names Russia and Kazakhstan
  and ``EU-Kasachstan`` the European Union and Kazakhstan;
* a country name or adjective may carry a compass or ``anti``/``pro`` prefix
  (``Ostukraine``, ``antirussischen``);
* an alias ending in a hyphen (``Wagner-``) matches only as the first part of a hyphenated
  compound (``Wagner-Kämpfer``, ``Wagner-Chef``), for names that are ambiguous on their own;
* a name is not an actor as the first part of a compound naming a thing or an institution after
  it: ``US-Dollar`` is a currency, the ``Nasarbajew-Universität`` a university.
"""

from __future__ import annotations

import gettext
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

KINDS = ("country", "person", "organisation", "other")


@dataclass(frozen=True, slots=True)
class ActorSpec:
    """One registry entry. ``name`` is the canonical English exonym.

    ``affiliation`` (optional) is the canonical name of the country or organisation a person or
    body stands for ("Kassym-Jomart Tokayev" -> "Kazakhstan"); :meth:`ActorMatcher.names` adds it
    to the names it reports, because an event about Tokayev is an event about Kazakhstan.
    """

    name: str
    kind: str
    aliases: tuple[str, ...]
    affiliation: str = ""


@dataclass(frozen=True, slots=True)
class ActorMention:
    name: str
    kind: str
    char_start: int
    char_end: int
    text: str


@dataclass(frozen=True, slots=True)
class ProposedActor:
    """A person introduced by a role ("Außenminister X Y") who is not in the registry."""

    name: str
    role: str
    char_start: int
    char_end: int


# ---------------------------------------------------------------------------------------------
# Normalisation and tokens

_TOKEN_RE = re.compile(r"[^\W_]+(?:\+)?")
# What may stand between two tokens of one multi-word alias: blanks, one hyphen or dot.
# An apostrophe joins the parts of names such as O'Sullivan.
_GAP_RE = re.compile(r"[ \t\n\r\u00a0\u202f]*[-\u2010\u2011.'\u2019]?[ \t\n\r\u00a0\u202f]*")
_HYPHENS = "-\u2010\u2011"
_ADJ_ENDINGS = ("em", "en", "er", "es", "e")
_COUNTRY_PREFIXES = (
    "nordost", "nordwest", "suedost", "suedwest", "sudost", "sudwest",
    "nord", "sud", "sued", "ost", "west", "zentral", "anti", "pro",
)
# Compound heads after which a name is not an actor: "US-Dollar" is a currency, the
# "Nasarbajew-Universität" and the "Nursultan-Nasarbajew-Flughafen" are places named after a person.
_BLOCKING_HEADS = frozenset({
    "dollar", "cent", "universitat", "flughafen", "airport", "stiftung", "schule", "gymnasium",
    "strasse", "allee", "platz", "prospekt", "boulevard", "museum", "bibliothek", "stadion", "denkmal",
    "statue", "preis", "orden", "medaille",
})


@lru_cache(maxsize=65536)
def _norm(token: str) -> str:
    """Case-fold, fold ß to ss and strip diacritics (ü -> u, ğ -> g)."""
    s = unicodedata.normalize("NFKD", token.casefold())
    return "".join(c for c in s if not unicodedata.combining(c))


def _is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(token) >= 2 and bool(letters) and all(c.isupper() for c in letters)


@dataclass(slots=True)
class _Pattern:
    spec_index: int
    forms: tuple[frozenset[str], ...]  # allowed normalised forms per token
    modes: tuple[str, ...]  # "exact" | "cap" | "any" per token
    exact: tuple[str, ...]  # original tokens, for "exact" mode
    length: int  # characters of the alias, to prefer the longest
    compound: bool = False  # alias "Wagner-": only as the first part of a hyphenated compound


def _token_forms(tok: str, is_last: bool, single: bool) -> tuple[frozenset[str], str]:
    if _is_acronym(tok):
        return frozenset({_norm(tok)}), "exact"
    base = _norm(tok)
    forms = {base}
    capital = tok[:1].isupper()
    if base.endswith("isch") and not capital:
        forms.update(base + e for e in _ADJ_ENDINGS)
    if not is_last:
        # the adjective of "Europäische Union", "Vereinigtes Königreich", "Russische Föderation"
        for e in _ADJ_ENDINGS:
            if base.endswith(e) and len(base) - len(e) >= 4:
                stem = base[: -len(e)]
                forms.update(stem + e2 for e2 in _ADJ_ENDINGS)
                break
    if is_last and capital:
        if not base.endswith(("s", "x", "z")):
            forms.add(base + "s")  # genitive: Kasachstans, Putins, Tokajews
        if base.endswith(("e", "er", "el")):
            forms.add(base + "n")  # Kasache -> Kasachen, Ukrainer -> Ukrainern
    if capital and (is_last or single):
        mode = "cap"
    else:
        mode = "any"
    return frozenset(forms), mode


class ActorMatcher:
    """Finds registry actors in text. Build once, reuse for many sentences."""

    def __init__(self, specs: Iterable[ActorSpec]):
        self.specs: list[ActorSpec] = []
        self._index: dict[str, list[_Pattern]] = {}
        self._single_country: dict[str, int] = {}
        by_name: dict[str, int] = {}
        for spec in specs:
            if spec.name in by_name:  # merge duplicates rather than shadowing
                i = by_name[spec.name]
                old = self.specs[i]
                self.specs[i] = ActorSpec(old.name, old.kind, old.aliases + tuple(spec.aliases), old.affiliation or spec.affiliation)
            else:
                by_name[spec.name] = len(self.specs)
                self.specs.append(spec)
        self._by_name = by_name
        seen: set[tuple] = set()
        for i, spec in enumerate(self.specs):
            aliases = list(spec.aliases)
            if spec.name not in _AMBIGUOUS_CANONICAL:
                aliases.append(spec.name)
            for alias in aliases:
                toks = _TOKEN_RE.findall(alias or "")
                if not toks:
                    continue
                compound = alias.rstrip().endswith(tuple(_HYPHENS))
                key = (i, tuple(toks), compound)
                if key in seen:
                    continue
                seen.add(key)
                forms, modes = [], []
                for j, tok in enumerate(toks):
                    f, m = _token_forms(tok, j == len(toks) - 1, len(toks) == 1)
                    forms.append(f)
                    modes.append(m)
                pat = _Pattern(i, tuple(forms), tuple(modes), tuple(toks), len(alias), compound)
                for f in forms[0]:
                    self._index.setdefault(f, []).append(pat)
                if len(toks) == 1 and spec.kind == "country" and modes[0] != "exact" and not compound:
                    for f in forms[0]:
                        self._single_country.setdefault(f, i)
        for pats in self._index.values():
            pats.sort(key=lambda p: (len(p.forms), p.length), reverse=True)

    # -----------------------------------------------------------------------------------------
    def find(self, text: str) -> list[ActorMention]:
        """All mentions, left to right, non-overlapping; at each position the longest alias wins."""
        if not text:
            return []
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]
        norms = [_norm(t[2]) for t in toks]
        out: list[ActorMention] = []
        i, n = 0, len(toks)
        index = self._index
        while i < n:
            best = None  # (tokens consumed, spec index)
            for pat in index.get(norms[i], ()):
                k = len(pat.forms)
                if best is not None and k <= best[0]:
                    break
                if i + k > n or not self._match_at(text, toks, norms, i, pat):
                    continue
                if pat.compound and not self._hyphen_follows(text, toks, i + k - 1):
                    continue
                best = (k, pat.spec_index)
            if best is None:
                spec_index = self._prefixed_country(norms[i])
                if spec_index is not None:
                    best = (1, spec_index)
            if best is not None:
                k, si = best
                end_tok = i + k - 1
                if self._blocked(text, toks, norms, end_tok):
                    i += 1
                    continue
                spec = self.specs[si]
                start, end = toks[i][0], toks[end_tok][1]
                out.append(ActorMention(spec.name, spec.kind, start, end, text[start:end]))
                i += k
            else:
                i += 1
        return out

    def names(self, text: str, implied: bool = True) -> list[str]:
        """Distinct canonical names in order of first mention.

        With ``implied`` (the default) the affiliations of the people and bodies mentioned
        follow the names that are mentioned ("Tokajew sagte" -> Tokayev, Kazakhstan).
        """
        seen: dict[str, None] = {}
        for m in self.find(text):
            seen.setdefault(m.name, None)
        if implied:
            for name in list(seen):
                aff = self.specs[self._by_name[name]].affiliation
                if aff:
                    seen.setdefault(aff, None)
        return list(seen)

    def propose(self, text: str) -> list[ProposedActor]:
        """Unknown people introduced by a role noun: "Außenminister Mukhtar X", "Sprecher Z"."""
        if not text:
            return []
        known = [(m.char_start, m.char_end) for m in self.find(text)]
        out: list[ProposedActor] = []
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]
        n = len(toks)
        for i, (s, e, tok) in enumerate(toks):
            rm = _ROLE_RE.search(_norm(tok))
            if not rm:
                continue
            # the role word must be the whole token or the head of a compound
            j = i + 1
            name_toks: list[tuple[int, int, str]] = []
            prev_end = e
            while j < n and len(name_toks) < 3:
                ts, te, t = toks[j]
                gap = text[prev_end:ts]
                if name_toks and gap in _HYPHENS:
                    pass  # hyphenated first names: Kassym-Schomart
                elif gap not in (" ", "\u00a0"):
                    break
                if not _looks_like_name(t):
                    break
                name_toks.append(toks[j])
                prev_end = te
                j += 1
            if not name_toks:
                continue
            if len(name_toks) == 1 and not _plausible_single_name(name_toks[0][2]):
                continue
            ns, ne = name_toks[0][0], name_toks[-1][1]
            if any(ks < ne and ns < ke for ks, ke in known):
                continue
            name = " ".join(text[ns:ne].split())
            role = _role_base(tok, rm)
            out.append(ProposedActor(name, role, ns, ne))
        return out

    # -----------------------------------------------------------------------------------------
    @staticmethod
    def _match_at(text, toks, norms, i, pat: _Pattern) -> bool:
        for j, (forms, mode) in enumerate(zip(pat.forms, pat.modes)):
            t = toks[i + j]
            if j:
                gap = text[toks[i + j - 1][1] : t[0]]
                if not _GAP_RE.fullmatch(gap):
                    return False
            if mode == "exact":
                if t[2] != pat.exact[j]:
                    return False
                continue
            if norms[i + j] not in forms:
                return False
            if mode == "cap" and not t[2][:1].isupper():
                return False
        return True

    @staticmethod
    def _hyphen_follows(text, toks, end_tok) -> bool:
        nxt = end_tok + 1
        return nxt < len(toks) and text[toks[end_tok][1] : toks[nxt][0]] in _HYPHENS

    def _prefixed_country(self, norm: str) -> int | None:
        for pre in _COUNTRY_PREFIXES:
            if norm.startswith(pre) and len(norm) > len(pre) + 3:
                si = self._single_country.get(norm[len(pre) :].lstrip("-"))
                if si is not None:
                    return si
        return None

    @staticmethod
    def _blocked(text, toks, norms, end_tok) -> bool:
        nxt = end_tok + 1
        if nxt >= len(toks):
            return False
        gap = text[toks[end_tok][1] : toks[nxt][0]]
        return gap in _HYPHENS and norms[nxt] in _BLOCKING_HEADS


# Canonical (English) names that must not be matched as words of German text: "Jordan" is the
# river, "Chad" a first name, "Turkey" a bird; the German names (Jordanien, Tschad...) match.
_AMBIGUOUS_CANONICAL = frozenset({"Jordan", "Chad", "Georgia", "Turkey", "Jersey", "Guernsey", "Guinea", "Iceland", "Dominica"})

# ---------------------------------------------------------------------------------------------
# propose(): role nouns and name heuristics

_ROLES = (
    "prasident", "prasidentin", "vizeprasident", "ministerprasident", "premierminister", "premier",
    "regierungschef", "staatschef", "kanzler", "minister", "ministerin", "botschafter",
    "sprecher", "sprecherin", "generalsekretar", "vorsitzende", "vorsitzender", "chef", "chefin",
    "leiter", "leiterin", "direktor", "direktorin", "professor", "professorin", "experte", "expertin",
    "politologe", "politologin", "politikwissenschaftler", "analyst", "analystin", "journalist",
    "journalistin", "abgeordnete", "abgeordneter", "senator", "senatorin", "burgermeister",
    "burgermeisterin", "gouverneur", "gouverneurin", "oppositionsfuhrer", "oppositionspolitiker",
    "kommentator", "moderator", "moderatorin", "propagandist", "diplomat", "diplomatin",
    "beauftragte", "beauftragter", "berater", "beraterin", "general", "kommandeur", "oligarch",
    "aktivist", "aktivistin", "blogger", "bloggerin", "historiker", "historikerin", "okonom",
    "okonomin", "soziologe", "soziologin", "publizist", "publizistin", "schriftsteller",
    "korrespondent", "korrespondentin", "redakteur", "redakteurin", "chefredakteur", "chefredakteurin",
    "unternehmer", "geschaftsfuhrer", "konzernchef", "parteichef", "parlamentsprasident", "richter",
    "staatsanwalt", "kommissar", "kommissarin", "politiker", "politikerin", "vertreter", "vertreterin",
    "gesandte", "gesandter", "exprasident", "altprasident",
)
_ROLE_RE = re.compile(
    r"(?:^|[a-z])(" + "|".join(sorted(_ROLES, key=len, reverse=True)) + r")(nen|en|es|n|s)?$"
)
_NOT_NAMES = frozenset(
    _norm(w)
    for w in (
        "Januar Februar März April Mai Juni Juli August September Oktober November Dezember "
        "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Anfang Ende Mitte Herr Frau "
        "Dr Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Und Oder Aber Auch Noch Schon "
        "Bereits Jetzt Heute Gestern Morgen Damals Zuletzt Erst Nur Sei Seien War Waren Ist Sind Hat "
        "Haben Wird Werden Sagte Sagt Erklärte Betonte Sprach Forderte Teilte Hier Dort Im In Am Auf "
        "Mit Von Vom Zum Zur Bei Nach Vor Für Gegen Über Unter Zwischen Seit Laut Wie Als Dass Ob "
        "Land Landes Regierung Partei Amt Amtes Staat Staates Mittwochabend Sonntagabend Woche "
        "Jahr Jahres Monat Monats Tag Tages Interview Gespräch Pressekonferenz Medien Zeitung Agentur "
        "Nachrichtenagentur Sender Fernsehen Ministerium Außenministerium Kreml Parlament Rat Kommission "
        "Prozent Millionen Milliarden Dollar Euro Rubel Tenge"
    ).split()
)
_NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "ismus", "tat", "nis", "ium", "ment", "ungen", "ierung")


def _looks_like_name(tok: str) -> bool:
    if not tok[:1].isupper() or not tok.isalpha() or len(tok) < 2:
        return False
    if _is_acronym(tok) and len(tok) > 1:
        return False
    n = _norm(tok)
    if n in _NOT_NAMES or n.endswith(_NOUN_SUFFIXES):
        return False
    return True


@lru_cache(maxsize=4096)
def _plausible_single_name(tok: str) -> bool:
    """A lone capitalised word after a role is a surname only if it is not a known German word."""
    try:
        import simplemma
    except ImportError:  # pragma: no cover - simplemma is a dependency, but stay usable without it
        return len(tok) > 3
    return not simplemma.is_known(tok, lang="de") and not simplemma.is_known(tok.lower(), lang="de")


def _role_base(tok: str, m: re.Match) -> str:
    ending = m.group(2) or ""
    if ending in ("en", "es", "s", "n") and not m.group(1).endswith(("in",)):
        if m.group(1).endswith("e") and ending == "n":
            return tok[: len(tok) - 1]
        return tok[: len(tok) - len(ending)]
    return tok


# ---------------------------------------------------------------------------------------------
# The shipped registry


def _load_data() -> dict:
    with open(DATA_DIR / "actors.json", encoding="utf-8") as fh:
        return json.load(fh)


def _country_specs(data: dict) -> list[ActorSpec]:
    import pycountry

    try:
        de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
        german = de.gettext
    except OSError:  # pragma: no cover - the translations ship with pycountry
        def german(s: str) -> str:
            return s

    extra = data.get("countries", {})
    exclude = set(data.get("exclude_countries", []))
    deny = set(data.get("english_name_denylist", []))
    specs = []
    for c in pycountry.countries:
        if c.alpha_2 in exclude:
            continue
        info = extra.get(c.alpha_2, {})
        english = getattr(c, "common_name", None) or c.name
        name = info.get("name") or english
        if "," in name:
            name = name.split(",")[0].strip()
        aliases: list[str] = []
        de_name = german(c.name)
        if "," in de_name:
            head, tail = (p.strip() for p in de_name.split(",", 1))
            aliases.append(f"{tail} {head}")
            if not info.get("name"):
                aliases.append(head)
        else:
            aliases.append(de_name)
        for en in {c.name, english, getattr(c, "official_name", None) or ""}:
            if en and "," not in en and en not in deny:
                aliases.append(en)
        aliases.extend(info.get("aliases", []))
        aliases = [a for a in dict.fromkeys(aliases) if a and a not in deny]
        specs.append(ActorSpec(name, "country", tuple(aliases)))
    return specs


def default_registry() -> list[ActorSpec]:
    """The shipped registry: countries from pycountry (with German names) plus data/actors.json."""
    data = _load_data()
    specs = _country_specs(data)
    for a in data.get("actors", []):
        specs.append(ActorSpec(a["name"], a.get("kind", "other"), tuple(a.get("aliases", [])), a.get("affiliation", "")))
    return specs
