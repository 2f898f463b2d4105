from django.contrib import admin

from .models import Article, Sentence


class SentenceInline(admin.TabularInline):
    model = Sentence
    fields = ("index", "start", "end", "text")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "source", "published", "published_via", "original_filename", "imported_at")
    list_filter = ("source", "published_via", ("published", admin.DateFieldListFilter), "language")
    search_fields = ("title", "source", "author", "url", "original_filename", "text")
    date_hierarchy = "published"
    readonly_fields = ("content_hash", "imported_at", "original_filename", "text")
    inlines = [SentenceInline]

    def save_model(self, request, obj, form, change):
        if change and "published" in form.changed_data:
            obj.published_via = Article.PublishedVia.MANUAL
            obj.published_evidence = f"set by {request.user.get_username()}"
        super().save_model(request, obj, form, change)
