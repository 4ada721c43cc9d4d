"""Benchmark: build time of the quarterly report on the demo database.

Usage: python bench/reports.py [--documents 6000] [--period 2026-Q3] [--reps 3] [--no-write]

The demo corpus (`opiniondesk demo` defaults: seed 2025, 6,000 documents) is generated and
ingested into a fresh SQLite desk, then the report is built `--reps` times: figures from the desk
(stored as a draft), DOCX + XLSX, and PDF through LibreOffice when it is installed. The median
of each step is printed and written to docs/benchmarks.md between the reports markers.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from opiniondesk.config import Settings  # noqa: E402
from opiniondesk.demo.corpus import generate_demo_corpus  # noqa: E402
from opiniondesk.ingest.readers import open_source  # noqa: E402
from opiniondesk.pipeline.ingestion import Ingestor  # noqa: E402
from opiniondesk.reports.office import Office  # noqa: E402
from opiniondesk.reports.pdf import soffice_path  # noqa: E402
from opiniondesk.reports.period import parse_period  # noqa: E402
from opiniondesk.reports.service import build_report, render  # noqa: E402
from opiniondesk.storage.engine import make_engine, make_session_factory  # noqa: E402
from opiniondesk.storage.migrate import upgrade_to_head  # noqa: E402
from opiniondesk.storage.models import ChannelKind  # noqa: E402

DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:reports:begin -->", "<!-- bench:reports:end -->"


def _demo(home: Path, documents: int) -> tuple[Settings, object]:
    url = f"sqlite:///{home / 'demo.sqlite'}"
    engine = make_engine(url)
    upgrade_to_head(engine)
    settings = Settings(home=home, database_url=url, secret_key="bench-secret")
    sessions = make_session_factory(engine)
    manifest = generate_demo_corpus(home / "corpus", seed=2025, documents=documents)
    ingestor = Ingestor(settings, sessions)
    for e in manifest.entries:
        ingestor.ingest(
            open_source(home / "corpus" / e.path, settings=settings),
            kind=ChannelKind(e.channel_kind),
            channel_name=e.channel_name,
            source=e.path,
        )
    return settings, sessions


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=6000)
    parser.add_argument("--period", default="2026-Q3")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    period = parse_period(args.period)
    with tempfile.TemporaryDirectory() as tmp:
        settings, sessions = _demo(Path(tmp), args.documents)
        steps: dict[str, list[float]] = {"figures": [], "docx+xlsx": [], "pdf": [], "total": []}
        pdf = soffice_path() is not None
        for _ in range(args.reps):
            with sessions.begin() as session:  # type: ignore[attr-defined]
                t0 = time.perf_counter()
                report = build_report(
                    session,
                    period=period,
                    unit_code="",
                    settings=settings,
                    office=Office(),
                    issued_on=date(2026, 10, 5),
                )
                t1 = time.perf_counter()
                files = render(report, ["docx", "xlsx"]).files
                t2 = time.perf_counter()
                if pdf:
                    from opiniondesk.reports.pdf import docx_to_pdf

                    docx_to_pdf(files["docx"])
                t3 = time.perf_counter()
            steps["figures"].append(t1 - t0)
            steps["docx+xlsx"].append(t2 - t1)
            steps["pdf"].append(t3 - t2)
            steps["total"].append(t3 - t0)
    medians = {k: statistics.median(v) for k, v in steps.items()}
    # the first build pays for cold caches (forecast models, fonts): report it on its own
    for step in ("figures", "docx+xlsx", "pdf", "total"):
        medians[f"first build: {step}"] = steps[step][0]
    lines = [
        "| step | median s |",
        "| --- | ---: |",
        *(
            f"| {k} | {v:.2f} |" if "pdf" not in k or pdf else f"| {k} | (LibreOffice absent) |"
            for k, v in medians.items()
        ),
    ]
    table = "\n".join(lines)
    print(table)
    if args.no_write:
        return
    soffice = shutil.which("soffice") or "absent"
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    body = (
        f"{BEGIN}\n## Quarterly report build ({args.period}, demo database)\n\n"
        f"Command: `.venv/bin/python bench/reports.py --documents {args.documents} "
        f"--period {args.period} --reps {args.reps}`  \n"
        f"Machine: {platform.machine()}, Python {platform.python_version()}, soffice: {soffice}, "
        f"median of {args.reps} builds; target < 10 s. Load average while measuring: "
        f"{load} (2 cores, shared with other work: figures vary with it).\n\n{table}\n{END}"
    )
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    if BEGIN in text:
        head, rest = text.split(BEGIN, 1)
        text = head + body + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + body + "\n"
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
