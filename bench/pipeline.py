"""Benchmark: ingest + pipeline throughput and peak memory vs word segmentation alone.

Usage: python bench/pipeline.py [--sizes 10000 100000] [--postgres URL] [--no-write]

Each measurement runs in a fresh child process (so peak RSS is its own) on the same generated
documents: the child either ingests the JSON Lines file into a new database through the whole
pipeline, or only segments the texts with pyvi (the reference ceiling). Results are printed as a
table and written to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:pipeline:begin -->", "<!-- bench:pipeline:end -->"


def write_corpus(path: Path, n: int) -> None:
    from opiniondesk.demo.stream import iter_synthetic_items

    with path.open("w", encoding="utf-8") as fh:
        for item in iter_synthetic_items(n, seed=7):
            row = {
                "external_id": item.external_id,
                "published_at": item.published_at.isoformat() if item.published_at else None,
                "title": item.title,
                "text": item.text,
                "author": item.author,
                "location": item.location,
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def child_ingest(path: str, url: str, workers: str = "0") -> dict[str, object]:
    from opiniondesk.config import Settings
    from opiniondesk.ingest.readers import open_source
    from opiniondesk.pipeline.ingestion import Ingestor
    from opiniondesk.storage.engine import make_engine, make_session_factory
    from opiniondesk.storage.migrate import upgrade_to_head
    from opiniondesk.storage.models import ChannelKind

    settings = Settings(
        database_url=url,
        secret_key="bench",
        ingest_batch_size=1000,
        pipeline_workers=int(workers),
    )
    engine = make_engine(url)
    upgrade_to_head(engine)
    with Ingestor(settings, make_session_factory(engine)) as ingestor:
        ingestor.warm_up()  # gazetteer, taxonomy, worker start-up: not part of throughput
        started = time.perf_counter()
        report = ingestor.ingest(
            open_source(path, settings=settings),
            kind=ChannelKind.feedback,
            channel_name="bench",
            source=path,
        )
        seconds = time.perf_counter() - started
    stages = {name: round(s, 3) for name, s in report.stage_seconds.items()}
    return {"docs": report.read, "seconds": seconds, "stored": report.stored, "stages": stages}


def _segment_all(texts: list[str]) -> int:
    from opiniondesk.text.segment import segment

    for text in texts:
        segment(text)
    return len(texts)


def child_segment(path: str, processes: str = "1") -> dict[str, object]:
    import multiprocessing

    from opiniondesk.text.segment import segment

    with open(path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    segment("khởi động")
    n = int(processes)
    if n == 1:
        started = time.perf_counter()
        _segment_all(texts)
        return {"docs": len(texts), "seconds": time.perf_counter() - started}
    shares = [texts[i::n] for i in range(n)]
    with multiprocessing.get_context("spawn").Pool(n) as pool:
        pool.map(_segment_all, [["khởi động"]] * n)  # start-up is not throughput
        started = time.perf_counter()
        pool.map(_segment_all, shares)
        return {"docs": len(texts), "seconds": time.perf_counter() - started}


def run_child(*args: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(n: int, pg_url: str | None) -> list[dict[str, object]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus, n)
        seg = run_child("segment", str(corpus))
        rows.append({"what": "word segmentation alone (pyvi)", "backend": "-", "n": n, **seg})
        seg2 = run_child("segment", str(corpus), "2")
        rows.append(
            {"what": "word segmentation alone (pyvi), 2 processes", "backend": "-", "n": n, **seg2}
        )
        for workers, label in (("0", "in-process, 1 core"), ("1", "1 labelling worker, 2 cores")):
            db = f"sqlite:///{Path(tmp) / f'bench{workers}.sqlite'}"
            rows.append(
                {
                    "what": f"ingest + pipeline ({label})",
                    "backend": "SQLite",
                    "n": n,
                    **run_child("ingest", str(corpus), db, workers),
                }
            )
            if pg_url:
                rows.append(
                    {
                        "what": f"ingest + pipeline ({label})",
                        "backend": "PostgreSQL",
                        "n": n,
                        **run_child("ingest", str(corpus), fresh_pg_database(pg_url), workers),
                    }
                )
    seg_rate = float(seg["docs"]) / float(seg["seconds"])  # type: ignore[arg-type]
    for row in rows:
        row["rate"] = float(row["docs"]) / float(row["seconds"])  # type: ignore[arg-type]
        row["ratio"] = row["rate"] / seg_rate
    return rows


def fresh_pg_database(admin_url: str) -> str:
    from sqlalchemy import create_engine, make_url, text

    name = f"opiniondesk_bench_{os.getpid()}_{int(time.time())}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| documents | what | backend | docs/s | × segmentation | peak RSS (MiB) |",
        "| ---: | --- | --- | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']:,} | {r['what']} | {r['backend']} | {r['rate']:,.0f} | "
            f"{r['ratio']:.2f} | {float(r['maxrss_mb']):,.0f} |"  # type: ignore[arg-type]
        )
    return "\n".join(lines)


def write_doc(rows: list[dict[str, object]]) -> None:
    stages = [
        r.get("stages") for r in rows if r.get("backend") == "SQLite" and "in-process" in str(r)
    ][-1]
    body = (
        f"{BEGIN}\n## Ingest + pipeline vs word segmentation\n\n"
        f"Measured {datetime.now(UTC):%Y-%m-%d} on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, with `python bench/pipeline.py`. Documents come from "
        "`opiniondesk.demo.stream.iter_synthetic_items` (seed 7), read from a JSON Lines file. "
        "Each row is a fresh process; peak RSS is that process's maximum resident set plus its "
        "largest child's (the labelling worker, or one segmentation process). "
        "'× segmentation' is docs/s divided by one-process segmentation of the same documents.\n\n"
        f"{table(rows)}\n\nSeconds per stage on the largest in-process SQLite run: "
        f"`{json.dumps(stages)}`\n{END}"
    )
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    if BEGIN in text:
        head, rest = text.split(BEGIN, 1)
        text = head + body + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + body + "\n"
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs="+")
    parser.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000])
    parser.add_argument("--postgres", default=os.environ.get("OPINIONDESK_BENCH_PG_URL"))
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        result = child_ingest(*rest) if kind == "ingest" else child_segment(*rest)
        # the process's own peak plus its largest finished child's (the labelling worker)
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        result["maxrss_mb"] = (own + children) / 1024
        print(json.dumps(result))
        return
    rows = [row for n in args.sizes for row in measure(n, args.postgres)]
    print(table(rows))
    if not args.no_write:
        write_doc(rows)


if __name__ == "__main__":
    main()
