from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from timeline.services import ExtractionSummary, events_extract, extractor_from_db, stories_rebuild


class Command(BaseCommand):
    help = "Re-extract events from stored articles. Corrections made by people are kept."

    def add_arguments(self, parser):
        parser.add_argument("article_ids", nargs="*", type=int)
        parser.add_argument("--all", action="store_true", help="Every stored article.")

    def handle(self, *args, article_ids, all, **options):
        if all == bool(article_ids):
            raise CommandError("give article ids or --all (not both)")
        articles = Article.objects.all() if all else Article.objects.filter(pk__in=article_ids)
        missing = set(article_ids) - set(articles.values_list("pk", flat=True))
        if missing:
            raise CommandError(f"no article with id {', '.join(map(str, sorted(missing)))}")
        extractor = extractor_from_db()
        total = ExtractionSummary()
        for article in articles.order_by("pk"):
            total += events_extract(article=article, extractor=extractor)
        stories = stories_rebuild(extractor=extractor)
        self.stdout.write(
            self.style.SUCCESS(
                f"{articles.count()} article(s): {total.created} events created, {total.updated} updated, "
                f"{total.removed} removed, {total.kept_corrected} corrected kept, "
                f"{total.proposed_actors} actors proposed; {stories} stories across articles"
            )
        )
