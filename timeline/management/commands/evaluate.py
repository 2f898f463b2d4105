import json

from django.core.management.base import BaseCommand, CommandError

from timeline.exports import export_data, filtered_events
from timeline.extraction.evaluation import score_export


class Command(BaseCommand):
    help = (
        "Score the stored events against a gold file of dated events (the format of "
        "../shared/gold/seed-events.json), with the same matching rules as score_events.py."
    )

    def add_arguments(self, parser):
        parser.add_argument("gold", help="Gold JSON file.")
        for key in ("precision", "recall", "actors", "topics", "published"):
            parser.add_argument(f"--min-{key}", type=float, help=f"Fail when {key} is below this.")

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        # Same flag as score_events.py: "-v" lists every miss instead of taking a verbosity level.
        verbosity = parser._option_string_actions.pop("-v")
        verbosity.option_strings.remove("-v")
        parser.add_argument("-v", "--details", action="store_true", help="List every miss and error.")
        return parser

    def handle(self, *args, gold, **options):
        try:
            with open(gold, encoding="utf-8") as fh:
                gold_data = json.load(fh)
            gold_data["events"], gold_data["articles"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CommandError(f"cannot read gold file {gold}: {exc}") from None
        score = score_export(export_data(filtered_events()), gold_data)
        if options["details"] or options["verbosity"] >= 2:
            for line in score.lines:
                self.stdout.write(line)
        failed = [
            f"{key} {getattr(score, key):.3f} < {floor}"
            for key in ("precision", "recall", "actors", "topics", "published")
            if (floor := options[f"min_{key}"]) is not None and getattr(score, key) < floor
        ]
        for line in failed:
            self.stdout.write(f"below threshold: {line}")
        self.stdout.write(score.summary())
        if failed:
            raise CommandError("below threshold: " + "; ".join(failed))
