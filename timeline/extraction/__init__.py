"""Extraction of dated events from German news text: plain Python, no Django.

``find_dates`` (dates.py) tags temporal expressions, ``ActorMatcher`` (actors.py) and
``TopicClassifier`` (topics.py) recognise who and what, and pipeline.py combines them per sentence.
Submodules load lazily so each can be used, tested and benchmarked alone.
"""

_EXPORTS = {
    "find_dates": "dates",
    "TemporalExpression": "dates",
    "ActorMatcher": "actors",
    "TopicClassifier": "topics",
    "extract_article": "pipeline",
}


def __getattr__(name):
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(name)
