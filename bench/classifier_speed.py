"""Benchmark: text-classifier prediction throughput on one core, after word segmentation.

Usage: python bench/classifier_speed.py [--repeat 5] [--copies 20] [--no-write]

Trains the recipe (default parameters, C fixed at 0.2 to skip tuning) on UIT-VSFC train
topics, then predicts the dev sentences (1,583 real student comments, ~56 characters each)
repeated `--copies` times in one batch, with the pyvi tokens computed beforehand (the pipeline
segments once for all stages). The process is pinned to one core with BLAS threads at 1; the
figure is the best of `--repeat` runs in CPU time of this process, so other jobs on a shared
machine slow the wall clock but not the figure. Writes docs/benchmarks.md between
`<!-- bench:classifier:begin -->` and `<!-- bench:classifier:end -->`.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora  # noqa: E402
from opiniondesk.analysis.classifiers import TextClassifier  # noqa: E402
from opiniondesk.text.segment import segment_many  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:classifier:begin -->", "<!-- bench:classifier:end -->"


def best_rate(run: Callable[[], object], n_docs: int, repeat: int) -> tuple[float, float]:
    """Best documents per CPU-second and per wall-second over `repeat` runs."""
    cpu_best = wall_best = 0.0
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        run()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        cpu_best, wall_best = max(cpu_best, n_docs / cpu), max(wall_best, n_docs / wall)
    return cpu_best, wall_best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    try:
        train = corpora.uit_vsfc("train", "topic")
        dev = corpora.uit_vsfc("dev", "topic")
    except corpora.CorpusMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    model = TextClassifier(task="topic", params={"C": 0.2})
    model.fit(train.texts, train.labels, segment_many(train.texts))
    texts = dev.texts * args.copies
    started = time.process_time()
    tokens = segment_many(texts)
    segment_rate = len(texts) / (time.process_time() - started)
    rows = [
        ("pyvi segmentation alone (reference)", segment_rate, float("nan")),
        (
            "`predict_proba` (labels + calibrated probabilities)",
            *best_rate(lambda: model.predict_proba(texts, tokens), len(texts), args.repeat),
        ),
        (
            "`predict` (+ explanation: strongest terms)",
            *best_rate(lambda: model.predict(texts, tokens), len(texts), args.repeat),
        ),
    ]
    for name, cpu, wall in rows:
        print(f"{name:55s} {cpu:10,.0f} docs/CPU-s {wall:10,.0f} docs/wall-s")
    if not args.no_write:
        write_doc(rows, len(dev.texts), args.copies, model.metadata)
        print(f"wrote {DOC}")
    return 0


def write_doc(
    rows: list[tuple[str, float, float]], n_dev: int, copies: int, meta: dict[str, object]
) -> None:
    fit = meta.get("fit", {})
    features = fit.get("n_features", 0) if isinstance(fit, dict) else 0
    views = ", ".join(fit.get("views", [])) if isinstance(fit, dict) else "?"
    lines = [
        BEGIN,
        "## Text-classifier prediction speed / Tốc độ phân loại",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d} on {platform.machine()}, one core "
        f"(process pinned, BLAS threads 1), Python {platform.python_version()}, with "
        f"`python bench/classifier_speed.py`. Batch: the {n_dev:,} UIT-VSFC "
        "dev sentences repeated to "
        f"{n_dev * copies:,} documents, pyvi tokens computed beforehand; model: the default "
        f"recipe with C fixed at 0.2 (views: {views}; {features:,} features; 4 topic classes). "
        "Best of 5 runs, CPU time of the process (the machine was shared, so wall-clock figures "
        "are lower bounds).",
        "",
        "| step | documents / CPU-second | documents / wall-second |",
        "|---|---|---|",
    ]
    for name, cpu, wall in rows:
        wall_text = "–" if wall != wall else f"{wall:,.0f}"
        lines.append(f"| {name} | {cpu:,.0f} | {wall_text} |")
    lines += [
        "",
        "Target: ≥ 20,000 short documents per second on one core after segmentation.",
        END,
    ]
    section = "\n".join(lines)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
