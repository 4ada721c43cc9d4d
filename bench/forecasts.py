"""Benchmark: rolling-origin backtest of the weekly forecasts against naive baselines.

Usage: python bench/forecasts.py [--documents 20000] [--months 24] [--database URL] [--no-write]

1. The demo corpus (`generate_demo_corpus`, seed 2025, ending 2026-10-31 so the figures repeat)
   is ingested through the whole pipeline into a temporary SQLite database, unless `--database`
   names an existing one.
2. Every topic × province series (with the all-topics and all-provinces margins) that has at
   least one document a week on average is backtested at `--origins` rolling origins, `--step`
   weeks apart, each forecasting `--horizon` weeks from at least a year of history.
3. Volume: the desk's policy (forecasts/forecaster.py, re-choosing its method at every origin),
   plain ETS, the recent mean, naive and seasonal naive. Negative share: the policy, logit ETS,
   the pooled share, naive and seasonal naive, scored on weeks with at least `min_group_size`
   documents (a share of fewer is not shown anywhere).
4. Because the demo corpus has no yearly pattern (its events happen once), a second table runs
   the same backtest on synthetic weekly counts with a known yearly pattern (three years), and
   on counts whose level wanders for months (two years).

Results are printed and written to docs/evaluation.md between the forecasts markers.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np

from opiniondesk.forecasts import forecaster, share, volume
from opiniondesk.forecasts.backtest import BacktestResult, Summary, backtest, summarise
from opiniondesk.forecasts.prediction import FloatArray, Prediction
from opiniondesk.forecasts.series import WeeklySeries, load_all_series

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "evaluation.md"
BEGIN, END = "<!-- eval:forecasts:begin -->", "<!-- eval:forecasts:end -->"
MIN_TRAIN = volume.YEAR  # every origin has at least a year behind it (seasonal naive needs it)
MIN_GROUP_SIZE = 5

VolumeMethod = Callable[[FloatArray, int], Prediction]
ShareMethod = Callable[[FloatArray, FloatArray, int], Prediction]

VOLUME_METHODS: dict[str, VolumeMethod] = {
    "desk policy": forecaster.forecast_volume_auto,
    "ETS (log)": volume.ets,
    "harmonics + ETS (log)": volume.seasonal_ets,
    "recent mean (NB)": volume.recent_mean,
    "naive": volume.naive,
    "seasonal naive": volume.seasonal_naive,
}


def _pooled(volumes: FloatArray, negatives: FloatArray, horizon: int) -> Prediction:
    expected = volume.recent_mean(volumes, horizon).mean
    return share.pooled(volumes, negatives, horizon, expected_volume=expected)


SHARE_METHODS: dict[str, ShareMethod] = {
    "desk policy": forecaster.forecast_share_auto,
    "logit ETS": share.logit_ets,
    "pooled share (beta-binomial)": _pooled,
    "naive": share.naive,
    "seasonal naive": share.seasonal_naive,
}


@dataclass(frozen=True)
class Config:
    horizon: int
    origins: int
    step: int


def build_demo_database(home: Path, *, documents: int, months: int, seed: int, end: date) -> str:
    from opiniondesk.config import Settings
    from opiniondesk.demo.corpus import generate_demo_corpus
    from opiniondesk.ingest.readers import open_source
    from opiniondesk.pipeline.ingestion import Ingestor
    from opiniondesk.storage.engine import make_engine, make_session_factory
    from opiniondesk.storage.migrate import upgrade_to_head
    from opiniondesk.storage.models import ChannelKind

    url = f"sqlite:///{home / 'demo.sqlite'}"
    engine = make_engine(url)
    upgrade_to_head(engine)
    settings = Settings(home=home, database_url=url, secret_key="bench", ingest_batch_size=1000)
    manifest = generate_demo_corpus(
        home / "corpus", seed=seed, documents=documents, months=months, end=end
    )
    ingestor = Ingestor(settings, make_session_factory(engine))
    for entry in manifest.entries:
        ingestor.ingest(
            open_source(home / "corpus" / entry.path, settings=settings),
            kind=ChannelKind(entry.channel_kind),
            channel_name=entry.channel_name,
            source=entry.path,
        )
    engine.dispose()
    return url


def load_series(url: str) -> list[WeeklySeries]:
    from opiniondesk.storage.engine import make_engine, make_session_factory

    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        series = load_all_series(session)
    engine.dispose()
    return series


def policy_group(series: WeeklySeries, cfg: Config) -> str:
    """What the policy makes of the series at the first origin: modelled or sparse."""
    first_cut = len(series.volume) - cfg.horizon - (cfg.origins - 1) * cfg.step
    choice = forecaster.choose(series.volume_array()[:first_cut])
    return "modelled" if choice.share_method == "logit_ets" else "sparse"


def backtest_volume(y: FloatArray, cfg: Config) -> dict[str, BacktestResult]:
    results = {}
    for name, method in VOLUME_METHODS.items():
        result = backtest(
            y,
            lambda cut, h, m=method: m(y[:cut], h),
            horizon=cfg.horizon,
            count=cfg.origins,
            step=cfg.step,
            min_train=MIN_TRAIN,
            method=name,
        )
        if result is not None:
            results[name] = result
    return results


def backtest_share(series: WeeklySeries, cfg: Config) -> dict[str, BacktestResult]:
    vol, neg = series.volume_array(), series.negative_array()
    actual = share.observed_share(vol, neg, min_volume=MIN_GROUP_SIZE)
    results = {}
    for name, method in SHARE_METHODS.items():
        result = backtest(
            actual,
            lambda cut, h, m=method: m(vol[:cut], neg[:cut], h),
            horizon=cfg.horizon,
            count=cfg.origins,
            step=cfg.step,
            min_train=MIN_TRAIN,
            method=name,
        )
        if result is not None and result.points >= cfg.horizon:
            results[name] = result
    return results


def seasonal_series(count: int, weeks: int, seed: int) -> list[FloatArray]:
    """Weekly counts with a yearly pattern (peak at a random week), a drift and NB noise."""
    rng = np.random.default_rng(seed)
    t = np.arange(weeks)
    out = []
    for _ in range(count):
        level = rng.uniform(8, 80)
        amplitude = rng.uniform(0.2, 0.6)
        peak = rng.uniform(0, volume.YEAR)
        drift = rng.uniform(-0.003, 0.006)
        mean = level * (1 + amplitude * np.cos(2 * np.pi * (t - peak) / volume.YEAR))
        mean *= np.exp(drift * t)
        out.append(_negative_binomial(rng, mean))
    return out


def wandering_series(count: int, weeks: int, seed: int) -> list[FloatArray]:
    """Weekly counts whose level wanders (a random walk of log-level, sd 0.08 a week): a
    topic that heats up or cools down for months, which a long average cannot follow."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(count):
        log_level = np.log(rng.uniform(10, 80)) + np.cumsum(rng.normal(0, 0.08, weeks))
        out.append(_negative_binomial(rng, np.exp(np.clip(log_level, 0, 7))))
    return out


def _negative_binomial(
    rng: np.random.Generator, mean: FloatArray, size: float = 20.0
) -> FloatArray:
    return rng.negative_binomial(size, size / (size + mean)).astype(np.float64)


def summaries(results: list[dict[str, BacktestResult]], names: list[str]) -> list[Summary]:
    by_method: dict[str, list[BacktestResult]] = defaultdict(list)
    for per_series in results:
        for name, result in per_series.items():
            by_method[name].append(result)
    return [summarise(name, by_method[name]) for name in names if by_method[name]]


def wins_over(results: list[dict[str, BacktestResult]], name: str, baseline: str) -> str:
    pairs = [
        (r[name].mase, r[baseline].mase)
        for r in results
        if name in r and baseline in r and r[name].mase is not None and r[baseline].mase is not None
    ]
    if not pairs:
        return "–"
    better = sum(1 for a, b in pairs if a is not None and b is not None and a < b)
    return f"{100 * better / len(pairs):.0f} %"


def _fmt(value: float | None, spec: str) -> str:
    return "–" if value is None else format(value, spec)


def table(results: list[dict[str, BacktestResult]], names: list[str]) -> str:
    lines = [
        "| method | series | mean MASE | median MASE | beats seasonal naive | "
        "80 % coverage | 95 % coverage | scored weeks |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in summaries(results, names):
        beats = (
            "–" if s.method == "seasonal naive" else wins_over(results, s.method, "seasonal naive")
        )
        lines.append(
            f"| {s.method} | {s.series} | {_fmt(s.mean_mase, '.3f')} | "
            f"{_fmt(s.median_mase, '.3f')} | {beats} | {_fmt(s.coverage[80], '.1%')} | "
            f"{_fmt(s.coverage[95], '.1%')} | {s.points:,} |"
        )
    return "\n".join(lines)


@dataclass
class Outcome:
    series: WeeklySeries
    group: str
    volume: dict[str, BacktestResult]
    share: dict[str, BacktestResult]


def run(args: argparse.Namespace) -> str:
    cfg = Config(args.horizon, args.origins, args.step)
    clock = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database or build_demo_database(
            Path(tmp),
            documents=args.documents,
            months=args.months,
            seed=args.seed,
            end=date.fromisoformat(args.end),
        )
        all_series = load_series(url)
    built = time.perf_counter() - clock
    weeks = len(all_series[0].weeks) if all_series else 0
    needed = MIN_TRAIN + cfg.horizon + (cfg.origins - 1) * cfg.step
    eligible = [s for s in all_series if weeks >= needed and s.total >= weeks]
    clock = time.perf_counter()
    outcomes = [
        Outcome(
            s, policy_group(s, cfg), backtest_volume(s.volume_array(), cfg), backtest_share(s, cfg)
        )
        for s in eligible
    ]
    fitted = time.perf_counter() - clock
    synthetic = {
        "seasonal": [backtest_volume(y, cfg) for y in seasonal_series(40, 156, seed=7)],
        "wandering": [backtest_volume(y, cfg) for y in wandering_series(40, 104, seed=11)],
    }
    facts = {
        "series": len(all_series),
        "eligible": len(eligible),
        "weeks": weeks,
        "needed": needed,
        "built": built,
        "fitted": fitted,
    }
    return report(args, cfg, facts, outcomes, synthetic)


def _groups(outcomes: list[Outcome]) -> list[tuple[str, list[Outcome]]]:
    return [
        ("all eligible series", outcomes),
        ("series the policy models (ETS)", [o for o in outcomes if o.group == "modelled"]),
        (
            "sparse series (recent mean / pooled share)",
            [o for o in outcomes if o.group == "sparse"],
        ),
    ]


def report(
    args: argparse.Namespace,
    cfg: Config,
    facts: dict[str, float],
    outcomes: list[Outcome],
    synthetic: dict[str, list[dict[str, BacktestResult]]],
) -> str:
    volume_names, share_names = list(VOLUME_METHODS), list(SHARE_METHODS)
    parts = [
        "## Forecasts: rolling-origin backtest\n",
        f"Measured {datetime.now(UTC):%Y-%m-%d} on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, with `{_command(args)}`.\n",
        f"Demo corpus: {args.documents:,} documents over {args.months} months (seed {args.seed}, "
        f"ending {args.end}), ingested through the whole pipeline into SQLite; "
        f"{int(facts['weeks'])} complete local weeks (Monday start). Of {int(facts['series'])} "
        "topic × province series (with the all-topics and all-provinces margins), "
        f"{int(facts['eligible'])} have at least one document a week on average and are "
        f"backtested: {cfg.origins} origins {cfg.step} weeks apart, each forecasting "
        f"{cfg.horizon} weeks from at least {MIN_TRAIN} weeks of history. MASE is scaled by the "
        "in-sample one-step naive error (M4 convention for weekly data), averaged over origins "
        "per series, then over series; coverage is pooled over every scored week. The policy "
        "column re-chooses its method at every origin from the history it had then, and "
        "widens model intervals to at least the Poisson (count) or binomial (share) noise of "
        "one week; the other rows are the bare methods. Groups are by the policy's choice at "
        "the first origin.\n",
    ]
    parts.append(findings(outcomes, synthetic) + "\n")
    for title, group in _groups(outcomes):
        if not group:
            continue
        parts.append(f"### Weekly volume — {title}\n")
        parts.append(table([o.volume for o in group], volume_names) + "\n")
    for title, group in _groups(outcomes):
        share_group = [o.share for o in group if o.share]
        if not share_group:
            continue
        parts.append(f"### Negative share — {title} (weeks with ≥ {MIN_GROUP_SIZE} documents)\n")
        parts.append(table(share_group, share_names) + "\n")
    parts.append(
        "### Weekly volume — synthetic series with a yearly pattern\n\n"
        "40 series of 156 weeks: level 8–80 a week, yearly cosine of ±20–60 %, drift, "
        "negative-binomial noise (size 20), seed 7. Same origins and horizon.\n"
    )
    parts.append(table(synthetic["seasonal"], volume_names) + "\n")
    parts.append(
        "### Weekly volume — synthetic series with a wandering level\n\n"
        "40 series of 104 weeks: log-level a random walk (sd 0.08 a week) from 10–80 a week, "
        "negative-binomial noise (size 20), seed 11. Same origins and horizon.\n"
    )
    parts.append(table(synthetic["wandering"], volume_names) + "\n")
    parts.append(
        f"Time: building the demo database {facts['built']:.0f} s; backtesting every method on "
        f"the demo series {facts['fitted']:.0f} s.\n"
    )
    return "\n".join(parts)


def _by_method(results: list[dict[str, BacktestResult]]) -> dict[str, Summary]:
    names = sorted({name for r in results for name in r})
    return {s.method: s for s in summaries(results, names)}


def findings(outcomes: list[Outcome], synthetic: dict[str, list[dict[str, BacktestResult]]]) -> str:
    """The headline figures in words, computed from the same results as the tables."""
    volume_all = _by_method([o.volume for o in outcomes])
    share_all = _by_method([o.share for o in outcomes if o.share])
    seasonal = _by_method(synthetic["seasonal"])
    wandering = _by_method(synthetic["wandering"])

    def mase(summaries: dict[str, Summary], name: str) -> str:
        return _fmt(summaries[name].mean_mase, ".2f") if name in summaries else "–"

    def cover(summaries: dict[str, Summary], name: str) -> str:
        s = summaries.get(name)
        if s is None:
            return "–"
        return f"{_fmt(s.coverage[80], '.0%')} / {_fmt(s.coverage[95], '.0%')}"

    policy = "desk policy"
    return (
        "**Reading.** On the demo series the policy's weekly-volume forecasts have a mean MASE "
        f"of {mase(volume_all, policy)} against {mase(volume_all, 'seasonal naive')} for "
        f"seasonal naive and {mase(volume_all, 'naive')} for naive; its 80 % / 95 % intervals "
        f"cover {cover(volume_all, policy)} of the weeks. Negative share: "
        f"{mase(share_all, policy)} against {mase(share_all, 'seasonal naive')} (seasonal "
        f"naive), coverage {cover(share_all, policy)}. The demo corpus has a slow rise, the "
        "Tết lull and one-off bursts but no repeating yearly pattern, so a 26-week mean is as "
        "good as ETS there; on series whose level wanders for months ETS is better "
        f"({mase(wandering, 'ETS (log)')} vs {mase(wandering, 'recent mean (NB)')}), and on "
        "series with a yearly pattern the harmonics + ETS the policy switches to after two "
        f"years reach {mase(seasonal, policy)} against {mase(seasonal, 'seasonal naive')} for "
        f"seasonal naive, coverage {cover(seasonal, policy)}. Bursts (storms, price rises, the "
        "planted issues) are by nature not forecastable from the past: they are what the "
        "alerts are for."
    )


def _command(args: argparse.Namespace) -> str:
    command = "python bench/forecasts.py"
    defaults = build_parser().parse_args([])
    for name in ("documents", "months", "seed", "end", "database", "horizon", "origins", "step"):
        if getattr(args, name) != getattr(defaults, name):
            command += f" --{name} {getattr(args, name)}"
    return command


def write_doc(body: str) -> None:
    section = f"{BEGIN}\n{body.rstrip()}\n{END}"
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Evaluation / Đánh giá\n"
    if BEGIN in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(text, encoding="utf-8")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--end", default="2026-10-31", help="last day of the demo corpus")
    parser.add_argument("--database", help="backtest this database instead of a new demo one")
    parser.add_argument("--horizon", type=int, default=8)
    parser.add_argument("--origins", type=int, default=6)
    parser.add_argument("--step", type=int, default=4)
    parser.add_argument("--no-write", action="store_true", help="print only")
    return parser


def main() -> None:
    args = build_parser().parse_args()
    body = run(args)
    print(body)
    if not args.no_write:
        write_doc(body)


if __name__ == "__main__":
    main()
