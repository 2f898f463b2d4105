"""Serve the plotly.js bundle that ships inside the plotly Python package as static/vendor/plotly.min.js.

Taking it from the installed package keeps the browser's plotly.js in step with the Python side that builds
the figures, and nothing is loaded from a CDN.
"""

import functools
import re
from pathlib import Path

import plotly
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

PACKAGE_DATA = Path(plotly.__file__).resolve().parent / "package_data"
NAME = "plotly.min.js"
PREFIX = "vendor"


class PlotlyFinder(BaseFinder):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=PACKAGE_DATA)
        # collectstatic and WhiteNoise put a storage's files under its prefix.
        self.storage.prefix = PREFIX

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        if path == f"{PREFIX}/{NAME}":
            match = str(PACKAGE_DATA / NAME)
            return [match] if find_all else match
        return [] if find_all else None

    def list(self, ignore_patterns):
        yield NAME, self.storage


@functools.cache
def plotly_style_ids() -> tuple[str, ...]:
    """Ids of the <style> elements plotly.js creates for itself when they are missing.

    Under a nonce-only style-src such an element is blocked, so the page provides each one, empty and nonce'd,
    before plotly.js loads: plotly.js then finds it and adds its rules through the CSSOM, which CSP allows.
    Read from the bundle itself, because the ids (one is a content hash) change between plotly.js versions.
    """
    source = (PACKAGE_DATA / NAME).read_text(encoding="utf-8", errors="replace")
    bundled = re.findall(r'getElementById\("([\w.-]+)"\)\)\{var \w+=document\.createElement\("style"\)', source)
    return ("plotly.js-style-global", *dict.fromkeys(bundled))
