"""Settings come from the environment: each case runs a fresh interpreter."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def settings_under(env: dict) -> dict:
    code = (
        "import json, django; from django.conf import settings; django.setup();"
        "db = settings.DATABASES['default'];"
        "print(json.dumps({'debug': settings.DEBUG, 'key': settings.SECRET_KEY, 'hosts': settings.ALLOWED_HOSTS,"
        "'engine': db['ENGINE'], 'name': str(db['NAME']), 'host': db.get('HOST', '')}))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}
    clean.update(env, DJANGO_SETTINGS_MODULE="timeline.settings")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_defaults_are_safe_and_use_sqlite():
    s = settings_under({})
    assert s["debug"] is False
    assert s["engine"] == "django.db.backends.sqlite3" and s["name"].endswith("db.sqlite3")
    assert "127.0.0.1" in s["hosts"]


def test_environment_overrides():
    s = settings_under(
        {
            "DEBUG": "1",
            "SECRET_KEY": "s3cret",
            "ALLOWED_HOSTS": "timeline.example.org, other.example.org",
            "DATABASE_URL": "postgres://u:p@db.example.org:5432/news",
        }
    )
    assert s["debug"] is True and s["key"] == "s3cret"
    assert s["hosts"] == ["timeline.example.org", "other.example.org"]
    assert s["engine"] == "django.db.backends.postgresql" and s["name"] == "news" and s["host"] == "db.example.org"
