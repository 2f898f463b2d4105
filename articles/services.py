"""Writes for the articles app. Every import goes through article_ingest_content, whoever calls it."""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import Article, Sentence
from .readers import SUPPORTED_SUFFIXES, ArticleRejected, ParsedArticle, parse_article_bytes
from .sentences import split_sentences


@dataclass
class IngestOutcome:
    filename: str
    imported: list[Article] = field(default_factory=list)
    unchanged: list[Article] = field(default_factory=list)
    rejected_reason: str = ""

    @property
    def rejected(self) -> bool:
        return bool(self.rejected_reason)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into the article files below them; files named explicitly are kept as given."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith(".")
                )
            )
        else:
            files.append(path)
    return files


@transaction.atomic
def article_create(*, parsed: ParsedArticle) -> tuple[Article, bool]:
    """Store one parsed article with its sentences; an article with the same text is returned as is."""
    digest = content_hash(parsed.text)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing:
        return existing, False
    article = Article.objects.create(
        title=parsed.title,
        source=parsed.source,
        url=parsed.url,
        author=parsed.author,
        language=parsed.language,
        published=parsed.published,
        published_via=parsed.published_via,
        published_evidence=parsed.published_evidence[:300],
        text=parsed.text,
        content_hash=digest,
        original_filename=parsed.original_filename,
    )
    Sentence.objects.bulk_create(
        Sentence(article=article, index=i, start=start, end=end, text=parsed.text[start:end])
        for i, (start, end) in enumerate(split_sentences(parsed.text))
    )
    return article, True


def article_ingest_content(*, data: bytes, filename: str) -> IngestOutcome:
    """Import every article in one file's content, all or nothing."""
    outcome = IngestOutcome(filename=filename)
    try:
        parsed_articles = parse_article_bytes(data, filename=filename, max_bytes=settings.ARTICLE_MAX_BYTES)
    except ArticleRejected as exc:
        outcome.rejected_reason = str(exc)
        return outcome
    with transaction.atomic():
        for parsed in parsed_articles:
            article, created = article_create(parsed=parsed)
            (outcome.imported if created else outcome.unchanged).append(article)
    return outcome


def article_ingest(*, path: Path, filename: str | None = None) -> IngestOutcome:
    """Import one file; ``filename`` is the name to record when it differs from the stored path's."""
    try:
        size = path.stat().st_size
        if size > settings.ARTICLE_MAX_BYTES:
            # Refuse before reading a huge file into memory.
            return IngestOutcome(
                filename=str(path),
                rejected_reason=f"too large ({size:,} bytes; the limit is {settings.ARTICLE_MAX_BYTES:,})",
            )
        data = path.read_bytes()
    except OSError as exc:
        return IngestOutcome(filename=str(path), rejected_reason=f"cannot read the file ({exc.strerror})")
    outcome = article_ingest_content(data=data, filename=filename or path.name)
    outcome.filename = filename or str(path)
    return outcome
