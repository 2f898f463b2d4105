from django.apps import AppConfig
from django.db.backends.signals import connection_created


def _add_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "UNICODE_LOWER", 1, lambda value: value.lower() if isinstance(value, str) else value, deterministic=True
        )


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Timeline"

    def ready(self):
        connection_created.connect(_add_sqlite_functions, dispatch_uid="timeline-sqlite-functions")
