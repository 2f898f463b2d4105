import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.services import article_files
from timeline.services import article_ingest_with_events, extractor_from_db, stories_rebuild


class Command(BaseCommand):
    help = "Import article files (.txt, .html, .json, .jsonl) or folders of them, then extract their events."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders.")

    def handle(self, *args, paths, **options):
        files = article_files(paths)
        extractor = extractor_from_db()
        imported = unchanged = rejected = 0
        # The bar goes to stderr and only on a terminal, so pipes and CI logs stay clean.
        bar = tqdm(files, unit="file", file=sys.stderr, disable=not sys.stderr.isatty() or options["verbosity"] == 0)
        for path in bar:
            bar.set_postfix_str(path.name[-30:], refresh=False)
            try:
                outcome = article_ingest_with_events(path=path, extractor=extractor)
            except Exception as exc:  # a bug must not stop the other files; this one was rolled back
                outcome = None
                reason = f"import failed: {exc.__class__.__name__}: {exc}"
            else:
                reason = outcome.rejected_reason
            if reason:
                rejected += 1
                bar.write(self.style.ERROR(f"rejected {path}: {reason}"), file=sys.stderr)
                continue
            imported += len(outcome.imported)
            unchanged += len(outcome.unchanged)
            if options["verbosity"] >= 2:
                for article in outcome.imported:
                    self.stdout.write(f"imported {path}: {article.title} ({article.events.count()} events)")
                for article in outcome.unchanged:
                    self.stdout.write(f"unchanged {path}: {article.title}")
        if imported:
            # Once for the whole run: a story can join events of this run's articles and older ones.
            stories_rebuild(extractor=extractor)
        summary = f"{imported} imported, {unchanged} unchanged, {rejected} rejected"
        if rejected:
            self.stdout.write(summary)
            raise CommandError(f"{rejected} file(s) rejected; see the messages above")
        self.stdout.write(self.style.SUCCESS(summary))
