import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "seed-events.json"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def ingested_seeds(db):
    """The five seed articles imported and extracted, as the app's run command does."""
    from django.core.management import call_command

    from articles.models import Article

    call_command("ingest", str(SEEDS), verbosity=0)
    return list(Article.objects.order_by("original_filename"))
