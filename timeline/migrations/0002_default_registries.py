"""Load the shipped actor registry and topic taxonomy (timeline/extraction/data/*.json).

It reads the data files as they are when the migration runs; rows that already exist (edited in
the admin) are left alone.
"""

from django.db import migrations


def load_defaults(apps, schema_editor):
    from timeline.extraction.actors import default_registry
    from timeline.extraction.topics import default_topics

    Actor = apps.get_model("timeline", "Actor")
    Topic = apps.get_model("timeline", "Topic")
    existing = set(Actor.objects.values_list("name", flat=True))
    Actor.objects.bulk_create(
        Actor(
            name=spec.name, kind=spec.kind, aliases=list(spec.aliases), affiliation=spec.affiliation, reviewed=True
        )
        for spec in default_registry()
        if spec.name not in existing
    )
    existing = set(Topic.objects.values_list("slug", flat=True))
    Topic.objects.bulk_create(
        Topic(slug=spec.slug, name=spec.name, colour=spec.colour, keywords=list(spec.keywords), order=order)
        for order, spec in enumerate(default_topics())
        if spec.slug not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("timeline", "0001_initial")]
    operations = [migrations.RunPython(load_defaults, migrations.RunPython.noop)]
