"""Benchmark: place resolution against pyvi word segmentation on the same texts.

Usage: python bench/places_speed.py [--n 5000] [--rounds 7] [--warm-on 10000] [--profile]

The texts are built exactly as the pipeline sees them (normalise → redact → analysis form) from
the seeded synthetic stream, with each item's structured `location` as the hint. The machine
may be shared with other work, so absolute times drift; what counts is the ratio of
`PlaceMatcher.resolve` to `segment` measured in the same process, alternating the two and
keeping the best (lowest CPU time, `time.process_time`) of several rounds of each.

The matcher remembers what recurs in a stream (readings of names, place fields, whole
resolutions), so two figures are printed, each timed on a matcher built for that round:
"new matcher" starts with empty memos, as the first documents of a process do, and fills them
from the timed documents only; "seasoned" has first resolved `--warm-on` documents of another
stream (another seed), as in a long ingest run, so it knows the usual names but not the timed
documents' own combinations of them. Each round reads what the places stage reads (codes and
explanation). The labelled set's precision and recall come from the evaluation in
tests/geo/test_matching.py.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pipeline_texts(n: int, seed: int = 7) -> tuple[list[str], list[str | None]]:
    from opiniondesk.demo.stream import iter_synthetic_items
    from opiniondesk.pipeline.stages.normalise import analysis_forms
    from opiniondesk.text.normalize import normalize_text
    from opiniondesk.text.pii import redact

    items = list(iter_synthetic_items(n, seed=seed))
    texts = [
        analysis_forms(
            redact(normalize_text(i.title)).text if i.title else None,
            redact(normalize_text(i.text)).text,
        )[0]
        for i in items
    ]
    hints = [i.location for i in items]
    return texts, hints


def _cpu(run: Callable[[], object]) -> float:
    # Start from a clean heap: otherwise a full collection of the garbage and survivors left by
    # building a matcher (or by the previous round) lands inside whichever run comes next.
    # The collector stays on while timing: what the runs themselves allocate is their cost.
    gc.collect()
    start = time.process_time()
    run()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5000, help="documents (default 5000)")
    parser.add_argument("--rounds", type=int, default=7, help="rounds of each (default 7)")
    parser.add_argument(
        "--warm-on",
        type=int,
        default=10_000,
        help="documents of another stream a long-running matcher has seen (default 10000)",
    )
    parser.add_argument("--profile", action="store_true", help="print a cProfile of resolve")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))  # for tests.geo.test_matching
    from tests.geo.test_matching import evaluate

    import opiniondesk.geo
    from opiniondesk.geo.gazetteer import get_gazetteer
    from opiniondesk.geo.matcher import PlaceMatcher
    from opiniondesk.text.segment import segment

    print(f"place matcher from {Path(opiniondesk.geo.__file__).parent}")
    texts, hints = pipeline_texts(args.n)
    pairs = list(zip(texts, hints, strict=True))
    get_gazetteer()
    segment("khởi động pyvi")  # load the CRF model outside the timings

    def run_segment() -> None:
        for text in texts:
            segment(text)

    # Documents of another stream (another seed) for a matcher to have seen before: its memos
    # then hold the usual names, but not the timed documents' own combinations of them.
    earlier = list(zip(*pipeline_texts(args.warm_on, seed=8), strict=True))

    def seasoned() -> PlaceMatcher:
        fresh = PlaceMatcher()
        for text, hint in earlier:
            fresh.resolve(text, hint)
        return fresh

    matcher = PlaceMatcher()

    def run_resolve() -> None:
        resolve = matcher.resolve
        kept: list[tuple[str, str]] = []  # what the places stage keeps of each resolution
        for text, hint in pairs:
            place = resolve(text, hint)
            if place.province_code:
                kept.append((place.commune_code or place.province_code, place.explanation))

    seg_times: list[float] = []
    res_times: list[float] = []
    seasoned_times: list[float] = []
    for _ in range(args.rounds):
        seg_times.append(_cpu(run_segment))
        matcher = PlaceMatcher()  # memos empty: every round pays for filling them
        res_times.append(_cpu(run_resolve))
        matcher = seasoned()  # as in a long ingest run
        seasoned_times.append(_cpu(run_resolve))
    seg, res, warm = min(seg_times), min(res_times), min(seasoned_times)

    def per_doc(seconds: float) -> str:
        return f"{seconds / len(texts) * 1e6:8.1f} µs/doc"

    found = sum(1 for text, hint in pairs if matcher.resolve(text, hint).province_code)
    print(f"{len(texts)} documents, mean {sum(map(len, texts)) / len(texts):.0f} characters,")
    print(f"{sum(h is not None for h in hints)} with a hint, {found} resolved to a province")
    print(f"segment (pyvi)        {per_doc(seg)}")
    print(f"resolve, new matcher  {per_doc(res)}   ratio {res / seg:.3f}")
    print(f"resolve, seasoned     {per_doc(warm)}   ratio {warm / seg:.3f}")

    provinces, communes, misses = evaluate(PlaceMatcher())
    print(
        f"labelled set: province P={provinces.precision:.3f} R={provinces.recall:.3f}"
        f" | commune P={communes.precision:.3f} R={communes.recall:.3f}"
        f" | {len(misses)} not exact"
    )

    if args.profile:
        matcher = PlaceMatcher()
        profiler = cProfile.Profile()
        profiler.runcall(run_resolve)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
