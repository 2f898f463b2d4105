from django.db import models
from django.db.models import Func, Q
from django.urls import reverse

from articles.models import Article, Sentence


class Actor(models.Model):
    class Kind(models.TextChoices):
        COUNTRY = "country", "country"
        PERSON = "person", "person"
        ORGANISATION = "organisation", "organisation"
        OTHER = "other", "other"

    name = models.CharField("canonical name", max_length=200, unique=True, help_text="English exonym.")
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.OTHER)
    aliases = models.JSONField(default=list, blank=True, help_text="German, English and transliterated variants.")
    affiliation = models.CharField(
        max_length=200,
        blank=True,
        help_text="Canonical name of the country or organisation this person or body stands for; "
        "events naming them count for it too.",
    )
    reviewed = models.BooleanField(
        default=True, help_text="Unreviewed actors were proposed by the extraction and are not matched yet."
    )
    role = models.CharField(max_length=200, blank=True, help_text="The role that introduced a proposed person.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Topic(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)
    colour = models.CharField(max_length=7, help_text="Hex colour, chosen to stay distinguishable for colour-blind readers.")
    keywords = models.JSONField(default=list, blank=True, help_text="German keywords and word stems.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.name


class Lower(Func):
    """Unicode lower case on every database: SQLite's own LOWER() leaves "Ö" as it is."""

    function = "LOWER"

    def as_sqlite(self, compiler, connection, **extra_context):
        # Registered on each SQLite connection by TimelineConfig.ready().
        return super().as_sql(compiler, connection, function="UNICODE_LOWER", **extra_context)


class EventQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(hidden=False)

    def in_window(self, start=None, end=None):
        """Events whose interval overlaps [start, end]; either bound may be open."""
        qs = self
        if start:
            qs = qs.filter(end__gte=start)
        if end:
            qs = qs.filter(start__lte=end)
        return qs

    def for_actors(self, actors):
        """Events naming every one of the given actors (names or Actor rows)."""
        qs = self
        for actor in actors:
            key = "actors__name" if isinstance(actor, str) else "actors"
            qs = qs.filter(**{key: actor})
        return qs

    def for_topics(self, slugs):
        """Events in any of the given topics."""
        return self.filter(topics__slug__in=list(slugs)).distinct() if slugs else self

    def for_article(self, article_id):
        return self.filter(article_id=article_id)

    def for_outlet(self, source: str):
        return self.filter(article__source=source)

    def in_story(self, key: int):
        return self.filter(story=key)

    def precise(self):
        return self.filter(granularity=Event.Granularity.DAY)

    def search(self, text: str):
        """Events whose sentence or date expression contains ``text``, ignoring case (umlauts too)."""
        needle = text.lower()
        return self.alias(_sentence=Lower("sentence__text"), _date=Lower("date_text")).filter(
            Q(_sentence__contains=needle) | Q(_date__contains=needle)
        )

    def chronological(self):
        return self.order_by("start", "end", "article_id", "char_start")


class Event(models.Model):
    class Granularity(models.TextChoices):
        DAY = "day", "day"
        WEEK = "week", "week"
        MONTH = "month", "month"
        SEASON = "season", "season"
        QUARTER = "quarter", "quarter"
        HALF = "half", "half year"
        YEAR = "year", "year"
        DECADE = "decade", "decade"
        CENTURY = "century", "century"
        APPROX = "approx", "approximate"

    # What a person may correct; a corrected field is never overwritten by re-extraction.
    CORRECTABLE = ("date", "actors", "topics", "hidden")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="events")
    char_start = models.PositiveIntegerField(help_text="Start of the date expression in the article text.")
    char_end = models.PositiveIntegerField()
    date_text = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, default="date")
    start = models.DateField(db_index=True)
    end = models.DateField(db_index=True)
    granularity = models.CharField(max_length=10, choices=Granularity)
    explanation = models.CharField(max_length=500, blank=True)
    confidence = models.FloatField(default=1.0)
    actors = models.ManyToManyField(Actor, blank=True, related_name="events")
    topics = models.ManyToManyField(Topic, blank=True, related_name="events")
    hidden = models.BooleanField(default=False, help_text="Hidden events stay stored but leave the timeline.")
    story = models.PositiveBigIntegerField(
        null=True,
        blank=True,
        db_index=True,
        editable=False,
        help_text="Events that several articles report about one happening share the id of the story's first event.",
    )
    corrected = models.JSONField(
        default=list, blank=True, help_text="Fields a person corrected; re-extraction leaves them alone."
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start", "end", "article_id", "char_start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "char_start", "char_end"], name="unique_event_span"),
            models.CheckConstraint(condition=Q(start__lte=models.F("end")), name="event_interval_ordered"),
        ]
        indexes = [models.Index(fields=["start", "end"])]

    def __str__(self) -> str:
        return f"{self.date_text} ({self.start}–{self.end})"

    def get_absolute_url(self) -> str:
        return reverse("event", args=[self.pk])

    @property
    def is_corrected(self) -> bool:
        return bool(self.corrected)

    def mark_corrected(self, *fields: str) -> None:
        self.corrected = sorted(set(self.corrected) | {f for f in fields if f in self.CORRECTABLE})
