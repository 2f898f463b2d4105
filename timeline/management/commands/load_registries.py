from django.core.management.base import BaseCommand

from timeline.services import registries_load_defaults


class Command(BaseCommand):
    help = (
        "Add the shipped actors and topics (timeline/extraction/data/*.json) that the database lacks. "
        "Rows that exist, edited in the admin or not, are left as they are."
    )

    def handle(self, *args, **options):
        actors, topics = registries_load_defaults()
        self.stdout.write(self.style.SUCCESS(f"{actors} actors and {topics} topics added"))
