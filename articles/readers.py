"""Turn article files (text, HTML, JSON) into ParsedArticle records, or say precisely why not."""

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from .dating import infer_published, parse_full_date

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
HEADER_KEYS = ("title", "source", "url", "author", "published", "language")
_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z_ -]*?)\s*:\s*(?P<value>.*)$")


class ArticleRejected(Exception):
    """A file that cannot be imported; the message names the reason in plain words."""


@dataclass
class ParsedArticle:
    title: str
    text: str
    original_filename: str
    source: str = ""
    url: str = ""
    author: str = ""
    language: str = "de"
    published: date | None = None
    published_via: str = "unknown"
    published_evidence: str = ""


# Language names people write in headers, mapped to the codes stored.
LANGUAGE_NAMES = {
    "deutsch": "de", "german": "de", "englisch": "en", "english": "en", "russisch": "ru", "russian": "ru",
    "französisch": "fr", "french": "fr", "kasachisch": "kk", "kazakh": "kk", "ukrainisch": "uk", "ukrainian": "uk",
}  # fmt: skip
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$")
_HTTP_URL = re.compile(r"^https?://[^\s/?#]+\S*$", re.I)
# Field lengths of the Article model.
MAX_LENGTHS = {"title": 500, "source": 200, "url": 1000, "author": 300}


def _clip(value: str, limit: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def checked(article: ParsedArticle) -> ParsedArticle:
    """Metadata that fits the database and is safe to show: lengths, the URL's scheme, the language code."""
    article.title = _clip(article.title, MAX_LENGTHS["title"])
    article.source = _clip(article.source, MAX_LENGTHS["source"])
    article.author = _clip(article.author, MAX_LENGTHS["author"])
    article.url = article.url.strip()
    if article.url and not (_HTTP_URL.match(article.url) and len(article.url) <= MAX_LENGTHS["url"]):
        raise ArticleRejected(f"the URL {article.url[:80]!r} is not an http(s) address of at most 1000 characters")
    language = (article.language or "de").strip().lower().replace("_", "-")
    language = LANGUAGE_NAMES.get(language, language)
    if not _LANGUAGE_CODE.match(language):
        raise ArticleRejected(f"unknown language {article.language[:40]!r} (use a code such as de or en)")
    article.language = language
    return article


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (a superset of Latin-1's letters)."""
    if not data.strip():
        raise ArticleRejected("the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleRejected(f"not decodable as UTF-16 ({exc.reason} at byte {exc.start})") from None
    if b"\x00" in data:
        raise ArticleRejected("binary content (NUL bytes), not a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ArticleRejected(
                f"not UTF-8 or Windows-1252/Latin-1 text (undecodable byte 0x{data[exc.start]:02x} at {exc.start})"
            ) from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text) // 100):
        raise ArticleRejected("binary content (control characters), not a text file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _with_published(article: ParsedArticle, header_value: str | None) -> ParsedArticle:
    if header_value:
        article.published = parse_full_date(header_value)
        if article.published is None:
            raise ArticleRejected(f"unreadable publication date {header_value!r} (use YYYY-MM-DD)")
        article.published_via = "header"
        article.published_evidence = f"header '{header_value}'"
    else:
        article.published, article.published_evidence = infer_published(article.text)
        article.published_via = "text" if article.published else "unknown"
    return article


# "1. Startseite", "2. Politik": a scraped page's breadcrumb, never the headline.
_BREADCRUMB = re.compile(r"^\d{1,2}\.\s+\S+(?:\s+\S+)?$")


def _first_line(text: str) -> str:
    """The first non-empty line, passing over breadcrumb items a scraped page starts with."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        if not _BREADCRUMB.match(line):
            return line[:500]
    return lines[0][:500] if lines else ""


def parse_txt(text: str, *, filename: str) -> ParsedArticle:
    lines = text.split("\n")
    meta: dict[str, str] = {}
    body = text
    first = _HEADER_LINE.match(lines[0]) if lines else None
    if first and first.group("key").strip().lower() in HEADER_KEYS:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                body = "\n".join(lines[number:])
                break
            m = _HEADER_LINE.match(line)
            key = m.group("key").strip().lower() if m else ""
            if key not in HEADER_KEYS:
                raise ArticleRejected(
                    f"malformed header at line {number}: {line[:60]!r} "
                    f"(expected 'Key: value' with a key among {', '.join(k.title() for k in HEADER_KEYS)}, "
                    "and a blank line after the header)"
                )
            if key in meta:
                raise ArticleRejected(f"malformed header at line {number}: {key.title()} given twice")
            meta[key] = m.group("value").strip()
        else:
            raise ArticleRejected("malformed header: no blank line between the header and the text")
    if not body.strip():
        raise ArticleRejected("the file has a header but no article text")
    article = ParsedArticle(
        title=meta.get("title") or _first_line(body),
        text=body,
        original_filename=filename,
        source=meta.get("source", ""),
        url=meta.get("url", ""),
        author=meta.get("author", ""),
        language=meta.get("language") or "de",
    )
    return _with_published(article, meta.get("published"))


def parse_html(text: str, *, filename: str) -> ParsedArticle:
    import trafilatura

    # No extensive search: a date guessed from arbitrary page text is worse than our own inference.
    doc = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        raise ArticleRejected("no article text found in the HTML")
    article = ParsedArticle(
        title=(doc.title or _first_line(doc.text))[:500],
        text=doc.text,
        original_filename=filename,
        source=doc.sitename or "",
        url=doc.url or "",
        author=doc.author or "",
        language=doc.language or "de",
    )
    return _with_published(article, doc.date)


def _from_json_object(obj, *, filename: str, where: str) -> ParsedArticle:
    if not isinstance(obj, dict):
        raise ArticleRejected(f"{where}: expected a JSON object, got {type(obj).__name__}")
    missing = [key for key in ("title", "text") if not isinstance(obj.get(key), str) or not obj[key].strip()]
    if missing:
        raise ArticleRejected(f"{where}: missing or empty {' and '.join(missing)}")
    for key in ("source", "url", "author", "published", "language"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise ArticleRejected(f"{where}: {key} must be a string")
    article = ParsedArticle(
        title=obj["title"].strip()[:500],
        text=obj["text"].replace("\r\n", "\n"),
        original_filename=filename,
        source=obj.get("source") or "",
        url=obj.get("url") or "",
        author=obj.get("author") or "",
        language=obj.get("language") or "de",
    )
    try:
        return _with_published(article, obj.get("published"))
    except ArticleRejected as exc:
        raise ArticleRejected(f"{where}: {exc}") from None


def parse_json(text: str, *, filename: str) -> list[ParsedArticle]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArticleRejected(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    items = data if isinstance(data, list) else [data]
    if not items:
        raise ArticleRejected("the JSON list is empty")
    return [_from_json_object(obj, filename=filename, where=f"item {i}") for i, obj in enumerate(items, 1)]


def parse_jsonl(text: str, *, filename: str) -> list[ParsedArticle]:
    articles = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ArticleRejected(f"malformed JSON on line {number}, column {exc.colno}: {exc.msg}") from None
        articles.append(_from_json_object(obj, filename=filename, where=f"line {number}"))
    if not articles:
        raise ArticleRejected("no JSON objects in the file")
    return articles


def parse_article_bytes(data: bytes, *, filename: str, max_bytes: int) -> list[ParsedArticle]:
    """All articles in one file's content. Raises ArticleRejected with the reason."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ArticleRejected(f"unsupported file type {suffix or '(none)'}; use {', '.join(SUPPORTED_SUFFIXES)}")
    if len(data) > max_bytes:
        raise ArticleRejected(f"too large ({len(data):,} bytes; the limit is {max_bytes:,})")
    text = decode_text(data)
    name = PurePath(filename).name
    if suffix == ".txt":
        articles = [parse_txt(text, filename=name)]
    elif suffix in (".html", ".htm"):
        articles = [parse_html(text, filename=name)]
    elif suffix == ".json":
        articles = parse_json(text, filename=name)
    else:
        articles = parse_jsonl(text, filename=name)
    return [checked(article) for article in articles]
