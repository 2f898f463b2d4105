from django import forms
from django.utils.translation import gettext_lazy as _

from articles.readers import SUPPORTED_SUFFIXES


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(SUPPORTED_SUFFIXES)}))
        # Empty files reach the import, which reports them per file like every other bad file.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)) and data:
            return [single(item, initial) for item in data]
        return [single(data or None, initial)]


class ImportForm(forms.Form):
    files = MultipleFileField(
        label=_("Article files"),
        help_text=_("Text (.txt), HTML (.html, .htm) or JSON (.json, .jsonl); several at once."),
    )
