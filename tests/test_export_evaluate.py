"""export_events writes what score_events.py reads; evaluate scores like it and guards the targets."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from timeline.extraction.evaluation import score_export

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
SHARED_SCORER = ROOT.parent / "shared" / "tools" / "score_events.py"
GOLD_PATH = ROOT / "tests" / "data" / "seed-events.json"


def export(*args) -> str:
    out = io.StringIO()
    call_command("export_events", *args, stdout=out)
    return out.getvalue()


def test_json_export_has_the_scorer_shape(ingested_seeds):
    data = json.loads(export("--format", "json"))
    assert {a["source_file"] for a in data["articles"]} == {a.original_filename for a in ingested_seeds}
    assert all(a["published"] for a in data["articles"])
    event = data["events"][0]
    for key in ("source_file", "sentence", "date_text", "start", "end", "granularity", "actors", "topics"):
        assert key in event
    assert event["date_text"] in event["sentence"]


def test_csv_export_and_filters(ingested_seeds):
    rows = list(csv.DictReader(io.StringIO(export("--format", "csv", "--topic", "energy"))))
    assert rows and all("energy" in row["topics"].split("; ") for row in rows)
    data = json.loads(export("--actor", "Kassym-Jomart Tokayev", "--from", "2022-06-01", "--to", "2022-12-31"))
    assert data["events"]
    for e in data["events"]:
        assert "Kassym-Jomart Tokayev" in e["actors"] and e["end"] >= "2022-06-01" and e["start"] <= "2022-12-31"
    with pytest.raises(CommandError, match="not a date"):
        export("--from", "June")
    with pytest.raises(CommandError, match="no such actor 'Nobody'"):
        export("--actor", "Nobody")


def test_export_lists_every_article_even_without_matching_events(ingested_seeds):
    data = json.loads(export("--topic", "migration", "--from", "2030-01-01"))
    assert data["events"] == [] and len(data["articles"]) == 5
    one = json.loads(export("--article", str(ingested_seeds[0].pk)))
    assert [a["source_file"] for a in one["articles"]] == [ingested_seeds[0].original_filename]
    assert {e["source_file"] for e in one["events"]} == {ingested_seeds[0].original_filename}


def test_seed_extraction_meets_the_targets(ingested_seeds, capsys):
    call_command(
        "evaluate", str(GOLD_PATH), "--min-precision", "0.9", "--min-recall", "0.9",
        "--min-actors", "0.85", "--min-topics", "0.8", "--min-published", "1.0",
    )  # fmt: skip
    assert "precision" in capsys.readouterr().out


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="../shared/tools/score_events.py is not beside the project")
def test_evaluate_agrees_with_the_shared_scorer(ingested_seeds, tmp_path, capsys):
    path = tmp_path / "events.json"
    call_command("export_events", "--format", "json", "--output", str(path))
    shared = subprocess.run(
        [sys.executable, str(SHARED_SCORER), str(path), str(GOLD_PATH)], capture_output=True, text=True
    ).stdout.strip().splitlines()[-1]
    capsys.readouterr()
    call_command("evaluate", str(GOLD_PATH))
    ours = capsys.readouterr().out.strip().splitlines()[-1]
    assert ours == shared


def test_evaluate_reports_a_regression_and_bad_gold(ingested_seeds, tmp_path, capsys):
    with pytest.raises(CommandError, match="below threshold: precision"):
        call_command("evaluate", str(GOLD_PATH), "--min-precision", "1.01")
    (tmp_path / "gold.json").write_text("{", encoding="utf-8")
    with pytest.raises(CommandError, match="cannot read gold file"):
        call_command("evaluate", str(tmp_path / "gold.json"))


GOLD = {
    "articles": [{"file": "a.txt", "published": "2022-04-05", "published_window": ["2022-04-05", "2022-04-06"]}],
    "events": [
        {"file": "a.txt", "quote": "Ende März kam es zu Verzögerungen", "date_text": "Ende März",
         "start": "2022-03-21", "end": "2022-03-31", "actors": ["Kazakhstan", "Russia"], "topic": "energy"},
        {"file": "a.txt", "quote": "am 10. Februar 2022 trafen sie sich", "date_text": "am 10. Februar 2022",
         "start": "2022-02-10", "end": "2022-02-10", "actors": ["Russia"], "topic": "diplomacy", "hard": True},
    ],
    "optional": [{"file": "a.txt", "quote": "seit 30 Jahren Mitglied", "date_text": "seit 30 Jahren"}],
    "aliases": {"Kazakhstan": ["Kasachstan"]},
}  # fmt: skip


def predicted(date_text, sentence, start, end, actors=(), topics=()):
    return {"source_file": "dir/a.txt", "sentence": sentence, "date_text": date_text, "start": start, "end": end,
            "actors": list(actors), "topics": list(topics)}  # fmt: skip


def test_matching_rules_on_a_small_gold():
    export_data = {
        "articles": [{"source_file": "a.txt", "published": "2022-04-05"}],
        "events": [
            # Right span, interval within a quarter of the gold length: correct, with an alias for an actor.
            predicted("Ende März", "Ende März kam es zu Verzögerungen.", "2022-03-20", "2022-03-31",
                      ["Kasachstan"], ["energy"]),  # fmt: skip
            # Right span, wrong day: a false positive, not a miss.
            predicted("10. Februar 2022", "Am 10. Februar 2022 trafen sie sich.", "2022-02-14", "2022-02-14"),
            # Optional: neither helps nor hurts.
            predicted("seit 30 Jahren", "Es ist seit 30 Jahren Mitglied.", "1992-01-01", "2022-04-05"),
            # Matches nothing: a false positive.
            predicted("im Juni", "Im Juni regnete es.", "2022-06-01", "2022-06-30"),
        ],
    }
    score = score_export(export_data, GOLD)
    assert (score.true_positives, score.false_positives) == (1, 2)
    assert score.precision == pytest.approx(1 / 3) and score.recall == 0.5
    assert score.recall_not_hard == 1.0
    assert score.actors == 0.5 and score.topics == 1.0 and score.published == 1.0
    assert any(line.startswith("WRONGDATE") for line in score.lines)
