from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.admin import ArticleAdmin
from articles.models import Article

from .models import Actor, Event, Topic
from .services import events_extract, extractor_from_db, stories_rebuild


@admin.action(description=_("Re-extract the events of the selected articles"))
def reextract(modeladmin, request, queryset):
    extractor = extractor_from_db()
    for article in queryset:
        events_extract(article=article, extractor=extractor)
    stories_rebuild(extractor=extractor)
    modeladmin.message_user(
        request,
        ngettext("Events re-extracted for %(n)d article.", "Events re-extracted for %(n)d articles.", len(queryset))
        % {"n": len(queryset)},
        messages.SUCCESS,
    )


# The articles app knows nothing of events; here its admin learns to keep them in step.
admin.site.unregister(Article)


@admin.register(Article)
class ArticleWithEventsAdmin(ArticleAdmin):
    actions = [reextract]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "published" in form.changed_data:
            # Relative dates ("im Juni") hang on the publication date: resolve them again.
            events_extract(article=obj)
            stories_rebuild()
            self.message_user(request, _("The publication date changed; the article's events were re-extracted."))


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    # Registry edits apply to articles extracted afterwards; "Re-extract" on the articles applies them now.
    list_display = ("name", "kind", "affiliation", "reviewed", "role")
    list_filter = ("kind", "reviewed")
    search_fields = ("name", "aliases", "role")
    list_editable = ("reviewed",)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "colour", "order")
    prepopulated_fields = {"slug": ("name",)}


@admin.action(description=_("Forget the corrections of the selected events (extraction decides again)"))
def forget_corrections(modeladmin, request, queryset):
    count = queryset.exclude(corrected=[]).update(corrected=[])
    modeladmin.message_user(request, _("Corrections forgotten on %(n)d events; run a re-extraction.") % {"n": count})


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    actions = [forget_corrections]
    list_display = ("date_text", "start", "end", "granularity", "article", "hidden", "corrected")
    list_filter = ("granularity", "hidden", "topics", "article__source")
    search_fields = ("date_text", "sentence__text", "article__title")
    date_hierarchy = "start"
    autocomplete_fields = ("actors",)
    filter_horizontal = ("topics",)
    readonly_fields = ("article", "sentence", "char_start", "char_end", "date_text", "kind", "confidence", "corrected")
    fields = (
        "article", "sentence", "date_text", "char_start", "char_end", "kind", "confidence",
        "start", "end", "granularity", "explanation", "actors", "topics", "hidden", "corrected",
    )  # fmt: skip

    def has_add_permission(self, request):
        return False

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Record what a person changed so that re-extraction leaves it alone.
        changed = set(form.changed_data)
        fields = []
        # Rewording the explanation alone does not make the date a person's.
        if changed & {"start", "end", "granularity"}:
            fields.append("date")
        fields += [name for name in ("actors", "topics", "hidden") if name in changed]
        if fields:
            event = form.instance
            event.mark_corrected(*fields)
            event.save(update_fields=["corrected"])
            stories_rebuild()
