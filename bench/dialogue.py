"""Grouping of dialogue questions: thresholds chosen on tune, precision/recall on test; speed.

    .venv/bin/python bench/dialogue.py            # quality tables -> docs/evaluation.md
    .venv/bin/python bench/dialogue.py --part speed --sizes 200 1000 2000   # -> docs/benchmarks.md
    .venv/bin/python bench/dialogue.py --no-write

Speed: a fresh SQLite database per size; N questions are imported from a generated CSV (the
questions of the pairs file with a place suffix), then one more is asked as the public form
does (the model refitted on the session's questions). Wall-clock on a shared machine, with its
load average printed: read the figures as an order of magnitude.

Quality:
Reads tests/data/dialogue_pairs.csv (built by tests/dialogue/build_pairs.py). Every
configuration in `calibration.GRID` gets its attach threshold (tune precision ≥ 0.95) and
suggest threshold (tune recall ≥ 0.95) from the tune half; the configuration with the most tune
recall at attach is chosen, and only then are the test figures read. Results go to
docs/evaluation.md between the eval:dialogue markers. The thresholds in
`dialogue/similarity.py` (DEFAULT_CONFIG, ATTACH, SUGGEST) must equal the chosen ones; this
script says so when they do not.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from opiniondesk.config import Settings
from opiniondesk.dialogue import importer, intake, sessions, similarity
from opiniondesk.dialogue.calibration import (
    ATTACH_MIN_PRECISION,
    SUGGEST_MIN_RECALL,
    Calibration,
    choose,
    read_pairs,
)
from opiniondesk.dialogue.models import Source
from opiniondesk.storage.engine import make_engine, make_session_factory
from opiniondesk.storage.migrate import upgrade_to_head

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "tests" / "data" / "dialogue_pairs.csv"
DOC = ROOT / "docs" / "evaluation.md"
BEGIN, END = "<!-- eval:dialogue:begin -->", "<!-- eval:dialogue:end -->"
BENCH_DOC = ROOT / "docs" / "benchmarks.md"
SPEED_BEGIN, SPEED_END = "<!-- bench:dialogue:begin -->", "<!-- bench:dialogue:end -->"
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


def _pr(c: Calibration) -> str:
    return (
        f"| {c.name} | {c.attach:.3f} | {c.tune_attach.precision:.3f} / "
        f"{c.tune_attach.recall:.3f} | {c.test_attach.precision:.3f} / {c.test_attach.recall:.3f}"
        f" | {c.suggest:.3f} | {c.test_suggest.precision:.3f} / {c.test_suggest.recall:.3f} |"
    )


def report() -> list[str]:
    pairs = read_pairs(PAIRS)
    best, results = choose(pairs)
    tune = sum(p.split == "tune" for p in pairs)
    test = len(pairs) - tune
    lines = [
        "## Dialogue questions: grouping similar questions / Gom nhóm câu hỏi đối thoại",
        "",
        f"Data: `tests/data/dialogue_pairs.csv`, {len(pairs)} hand-written pairs of Vietnamese "
        f"local-government questions ({tune} tune / {test} test, split by question so no "
        "question is in both halves): paraphrases, the paraphrase without diacritics, teencode "
        "as typed on a phone, hard negatives (same topic and place, a different question, with "
        "and without diacritics) and unrelated pairs.",
        "",
        f"Method: cosine of character n-gram TF-IDF (`char_wb`, IDF fitted on the half's "
        "questions, as on a session's) over the matching form (teencode expanded, no "
        "diacritics), multiplied by the intent penalty when the question words show the two "
        "ask for different things (when / why / how much / who / where / how). Attach "
        f"threshold: lowest with tune precision ≥ {ATTACH_MIN_PRECISION}; suggest threshold: "
        f"highest with tune recall ≥ {SUGGEST_MIN_RECALL}. Chosen on tune: **{best.name}**.",
        "",
        "| configuration | attach ≥ | tune P / R (attach) | **test P / R (attach)** | "
        "suggest ≥ | **test P / R (suggest)** |",
        "| --- | --- | --- | --- | --- | --- |",
        *[_pr(c) for c in results],
        "",
        f"Chosen configuration on the test half, by kind of pair ({best.name}; attach ≥ "
        f"{best.attach:.3f}, suggest ≥ {best.suggest:.3f}):",
        "",
        "| kind | pairs | attached | suggested (incl. attached) |",
        "| --- | --- | --- | --- |",
        *[f"| {kind} | {n} | {a} | {s} |" for kind, (n, a, s) in sorted(best.test_by_kind.items())],
        "",
        f"On test, attach was right {best.test_attach.true_positives} times out of "
        f"{best.test_attach.predicted} and found {best.test_attach.true_positives} of "
        f"{best.test_attach.positives} same-question pairs; suggest (which includes attach) "
        f"found {best.test_suggest.true_positives} of {best.test_suggest.positives}.",
        "",
        "Reading: an automatic attach joins a question to a group only when it is very likely "
        "the same question; everything between the two thresholds waits for the moderator, "
        "who also merges what the machine missed. The set was written by the project, so the "
        "figures say how the method handles these variations, not how often each occurs in a "
        "real session. The question-word patterns (`dialogue/intent.py`) were written by the "
        "same hand that wrote the pairs, with the whole set in view, so the test half is less "
        "independent of them than of the thresholds; without them (first two rows) attach "
        "keeps its precision but finds only about a fifth of the duplicates.",
        "",
        "Command: `.venv/bin/python bench/dialogue.py`",
    ]
    configured = similarity.DEFAULT_CONFIG, similarity.ATTACH, similarity.SUGGEST
    if configured != (best.config, round(best.attach, 3), round(best.suggest, 3)):
        print(
            f"NOTE: dialogue/similarity.py has {configured}; the calibration chose "
            f"{best.config}, attach {best.attach:.3f}, suggest {best.suggest:.3f}"
        )
    return lines


def _questions(n: int) -> list[str]:
    pairs = read_pairs(PAIRS)
    base = list(dict.fromkeys([p.a for p in pairs] + [p.b for p in pairs]))
    return [f"{base[i % len(base)]} (tổ {i // len(base) + 1})" for i in range(n)]


def measure(n: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        url = f"sqlite:///{home / 'bench.sqlite'}"
        engine = make_engine(url)
        upgrade_to_head(engine)
        factory = make_session_factory(engine)
        settings = Settings(home=home, database_url=url, secret_key="bench")
        draft = sessions.SessionDraft(
            title="Bench",
            starts_at=NOW + timedelta(days=1),
            ends_at=NOW + timedelta(days=1, hours=2),
            intake_opens_at=NOW - timedelta(days=1),
            intake_closes_at=NOW + timedelta(days=1),
            medium="hall",
            unit_codes="00004",
        )
        with factory.begin() as session:
            sid = sessions.create(session, draft, actor=None).id
        csv_path = home / "questions.csv"
        rows = "".join('"' + q.replace('"', "'") + '"\n' for q in _questions(n))
        csv_path.write_text("Nội dung\n" + rows, encoding="utf-8")
        started = time.perf_counter()
        with factory.begin() as session:
            importer.import_file(
                session, sessions.get(session, sid), csv_path, settings=settings, now=NOW
            )
        imported = time.perf_counter() - started
        started = time.perf_counter()
        with factory.begin() as session:
            intake.ask(
                session,
                sessions.get(session, sid),
                text="Bao giờ thì sửa đường Nguyễn Trãi trước chợ?",
                source=Source.web,
                person_key="bench",
                now=NOW,
            )
        asked = time.perf_counter() - started
        engine.dispose()
        return imported, asked


def speed_report(sizes: list[int]) -> list[str]:
    load = os.getloadavg()[0]
    lines = [
        "## Dialogue: grouping questions / Gom nhóm câu hỏi đối thoại",
        "",
        f"SQLite, one process; load average {load:.1f} on {os.cpu_count()} cores when run.",
        "",
        "| questions in session | import of all (s) | per imported row (ms) "
        "| one public question (s) |",
        "| --- | --- | --- | --- |",
    ]
    for n in sizes:
        imported, asked = measure(n)
        lines.append(f"| {n} | {imported:.1f} | {1000 * imported / n:.0f} | {asked:.2f} |")
        print(lines[-1], flush=True)
    lines += ["", "Command: `.venv/bin/python bench/dialogue.py --part speed`"]
    return lines


def write_section(doc: Path, begin: str, end: str, lines: list[str]) -> None:
    body = begin + "\n" + "\n".join(lines).strip() + "\n" + end
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Results\n"
    if begin in text:
        head, rest = text.split(begin, 1)
        text = head + body + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + body + "\n"
    doc.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--part", choices=["quality", "speed", "all"], default="quality")
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 2000])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if args.part in ("quality", "all"):
        lines = report()
        print("\n".join(lines))
        if not args.no_write:
            write_section(DOC, BEGIN, END, lines)
    if args.part in ("speed", "all"):
        lines = speed_report(args.sizes)
        print("\n".join(lines))
        if not args.no_write:
            write_section(BENCH_DOC, SPEED_BEGIN, SPEED_END, lines)


if __name__ == "__main__":
    main()
