from django.contrib import admin

from .models import Actor, Event, Topic


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "affiliation", "reviewed", "role")
    list_filter = ("kind", "reviewed")
    search_fields = ("name", "aliases", "role")
    list_editable = ("reviewed",)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "colour", "order")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
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
        if changed & {"start", "end", "granularity", "explanation"}:
            fields.append("date")
        fields += [name for name in ("actors", "topics", "hidden") if name in changed]
        if fields:
            event = form.instance
            event.mark_corrected(*fields)
            event.save(update_fields=["corrected"])
