from django.db import models
from django.urls import reverse


class Article(models.Model):
    class PublishedVia(models.TextChoices):
        HEADER = "header", "from the file's header"
        TEXT = "text", "inferred from the article text"
        MANUAL = "manual", "set by hand"
        UNKNOWN = "unknown", "not found"

    title = models.CharField(max_length=500)
    source = models.CharField("outlet", max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    author = models.CharField(max_length=300, blank=True)
    language = models.CharField(max_length=12, default="de")
    published = models.DateField(null=True, blank=True, db_index=True)
    published_via = models.CharField(max_length=10, choices=PublishedVia, default=PublishedVia.UNKNOWN)
    published_evidence = models.CharField(
        max_length=300, blank=True, help_text="The text the publication date was taken from."
    )
    text = models.TextField(help_text="The full text exactly as imported.")
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    original_filename = models.CharField(max_length=500, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reader", args=[self.pk])


class Sentence(models.Model):
    """One sentence of an article, addressed by character offsets into Article.text."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sentences")
    index = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    # A copy of article.text[start:end], kept so sentences can be searched in the database.
    text = models.TextField()

    class Meta:
        ordering = ["article", "index"]
        constraints = [
            models.UniqueConstraint(fields=["article", "index"], name="unique_sentence_index"),
            models.CheckConstraint(condition=models.Q(start__lt=models.F("end")), name="sentence_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}#{self.index}: {self.text[:60]}"

    @property
    def anchor(self) -> str:
        return f"s-{self.index}"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#{self.anchor}"
