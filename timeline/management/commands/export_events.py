import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from timeline.exports import export_csv, export_data, filtered_events, unknown_names


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"not a date (YYYY-MM-DD): {value!r}") from None


class Command(BaseCommand):
    help = (
        "Write the events (optionally filtered) as JSON or CSV. The JSON is what "
        "../shared/tools/score_events.py and `evaluate` read: manage.py export_events --format json > events.json"
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--output", "-o", help="File to write instead of standard output.")
        parser.add_argument("--actor", action="append", default=[], help="Canonical actor name; repeat for several.")
        parser.add_argument("--topic", action="append", default=[], help="Topic slug; repeat for several.")
        parser.add_argument("--from", dest="start", type=iso_date)
        parser.add_argument("--to", dest="end", type=iso_date)
        parser.add_argument("--article", type=int, help="Article id.")
        parser.add_argument("--include-hidden", action="store_true")

    def handle(self, *args, **options):
        unknown = unknown_names(actors=options["actor"], topics=options["topic"])
        if unknown:
            raise CommandError(f"no such {', '.join(unknown)} (actors by canonical name, topics by slug)")
        articles = Article.objects.defer("text")
        if options["article"]:
            articles = articles.filter(pk=options["article"])
            if not articles.exists():
                raise CommandError(f"no article with id {options['article']}")
        events = filtered_events(
            actors=options["actor"],
            topics=options["topic"],
            start=options["start"],
            end=options["end"],
            article=options["article"],
            include_hidden=options["include_hidden"],
        )
        data = export_data(events, articles)
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n" if options["format"] == "json" else export_csv(data)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            self.stderr.write(f"{len(data['events'])} events written to {options['output']}")
        else:
            self.stdout.write(text, ending="")
