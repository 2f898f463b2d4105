"""Background work through Django's Tasks framework.

The default backend runs a task immediately in the request; pointing TASKS at a queue backend
moves imports out of the request without changing the callers.
"""

from pathlib import Path

from django.tasks import task

from .services import article_ingest_with_events, stories_rebuild


@task
def article_import(*, path: str, display_name: str, remove: bool = False) -> dict:
    """Import one stored file and extract its events; the result is JSON for any backend.

    ``remove`` deletes the file afterwards: uploads are kept only until their import has run.
    """
    try:
        outcome = article_ingest_with_events(path=Path(path), filename=display_name)
    finally:
        if remove:
            Path(path).unlink(missing_ok=True)
    if outcome.imported:
        stories_rebuild()
    return {
        "filename": display_name,
        "imported": [{"id": a.pk, "title": a.title, "events": a.events.count()} for a in outcome.imported],
        "unchanged": [{"id": a.pk, "title": a.title} for a in outcome.unchanged],
        "rejected": outcome.rejected_reason,
    }
