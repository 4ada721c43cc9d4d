"""`forecast_series`: the weekly forecast of one topic × province, ready to show.

The numbers are computed from exact rollup counts; what leaves this module is suppressed the
dashboard's way (web/suppression.py, rule 1): a week, or a forecast week, below the minimum
group size — zero included — is shown as "<k", never as a number. A negative share is shown
only when both its negative and its other documents reach k, since share × volume would give
the small count away.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Final

import numpy as np
from sqlalchemy.orm import Session

from opiniondesk.config import Settings
from opiniondesk.errors import InputError
from opiniondesk.forecasts import MAX_HORIZON, MIN_HORIZON, repository, share, texts
from opiniondesk.forecasts.backtest import BacktestResult, backtest
from opiniondesk.forecasts.forecaster import (
    MIN_WEEKS,
    Choice,
    Reason,
    choose,
    forecast_share,
    forecast_share_auto,
    forecast_volume,
    forecast_volume_auto,
)
from opiniondesk.forecasts.prediction import Prediction
from opiniondesk.forecasts.series import WeeklySeries, load_series
from opiniondesk.text.normalize import fold

# the forecast's own backtest: a few origins a month apart, from half a year of history
OWN_ORIGINS: Final = 4
OWN_STEP: Final = 4
OWN_MIN_TRAIN: Final = 26


@dataclass(frozen=True, slots=True)
class HistoryPoint:
    week: date  # Monday of the local week
    volume: int | None  # None: fewer than min_group_size documents
    negative_share: float | None  # None: hidden, or no documents


@dataclass(frozen=True, slots=True)
class ForecastPoint:
    week: date
    mean: float | None  # None (with every bound): hidden, the cell would be below k
    lower_80: float | None = None
    upper_80: float | None = None
    lower_95: float | None = None
    upper_95: float | None = None

    @property
    def hidden(self) -> bool:
        return self.mean is None


@dataclass(frozen=True, slots=True)
class MetricForecast:
    """The forecast of one measure (volume or negative share) and how its method did."""

    metric: str  # "volume" | "negative_share"
    method: str  # key of texts "method_<method>"
    points: tuple[ForecastPoint, ...]
    mase: float | None  # own rolling-origin backtest; None without enough history
    coverage_80: float | None
    coverage_95: float | None
    backtest_origins: int


@dataclass(frozen=True, slots=True)
class Forecast:
    topic_code: str | None  # None: every document
    province_code: str | None  # None: every place
    horizon: int
    min_group_size: int
    reason: Reason
    weeks_of_history: int
    yearly_explained: float | None
    history: tuple[HistoryPoint, ...]
    volume: MetricForecast
    negative_share: MetricForecast

    def explanation(self, language: str = "vi") -> str:
        return texts.text(
            f"reason_{self.reason.value}",
            language,
            weeks=self.weeks_of_history,
            min_weeks=MIN_WEEKS,
            explained=self.yearly_explained or 0.0,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "topic_code": self.topic_code,
            "province_code": self.province_code,
            "weeks": self.horizon,
            "min_group_size": self.min_group_size,
            "reason": self.reason.value,
            "explanation": {lang: self.explanation(lang) for lang in texts.LANGUAGES},
            "weeks_of_history": self.weeks_of_history,
            "history": [
                {
                    "week": p.week.isoformat(),
                    "volume": p.volume,
                    "volume_suppressed": p.volume is None,
                    "negative_share": _round(p.negative_share, 3),
                }
                for p in self.history
            ],
            "volume": _metric_json(self.volume, digits=1),
            "negative_share": _metric_json(self.negative_share, digits=3),
        }


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _metric_json(metric: MetricForecast, *, digits: int) -> dict[str, Any]:
    return {
        "method": metric.method,
        "method_label": {
            lang: texts.text(f"method_{metric.method}", lang) for lang in texts.LANGUAGES
        },
        "mase": _round(metric.mase, 3),
        "coverage_80": _round(metric.coverage_80, 3),
        "coverage_95": _round(metric.coverage_95, 3),
        "backtest_origins": metric.backtest_origins,
        "points": [
            {
                "week": p.week.isoformat(),
                "mean": _round(p.mean, digits),
                "lower_80": _round(p.lower_80, digits),
                "upper_80": _round(p.upper_80, digits),
                "lower_95": _round(p.lower_95, digits),
                "upper_95": _round(p.upper_95, digits),
                "suppressed": p.hidden,
            }
            for p in metric.points
        ],
    }


def forecast_series(
    session: Session,
    *,
    topic_code: str | None,
    province_code: str | None,
    weeks: int,
    settings: Settings,
    as_of: date | None = None,
) -> Forecast:
    """Forecast the next `weeks` weeks of volume and negative share of one topic × province.

    `topic_code=None` forecasts every document, `province_code=None` the whole country. Only
    complete weeks up to `as_of` (default: the last counted day) are used. Raises InputError
    for an unknown topic or province, or a horizon outside 1–12 weeks.
    """
    if not MIN_HORIZON <= weeks <= MAX_HORIZON:
        raise InputError(texts.both("error_weeks", low=MIN_HORIZON, high=MAX_HORIZON, value=weeks))
    _check_topic(session, topic_code)
    _check_province(session, province_code)
    series = load_series(session, topic_code=topic_code, province_code=province_code, as_of=as_of)
    k = settings.min_group_size
    computed = _compute(series.volume, series.negative, weeks, k)
    return _publish(series, computed, weeks, k)


@dataclass(frozen=True, slots=True)
class _Computed:
    """Exact, unsuppressed results: never returned to callers as such."""

    choice: Choice
    volume: Prediction | None
    share: Prediction | None
    volume_backtest: BacktestResult | None
    share_backtest: BacktestResult | None


@lru_cache(maxsize=256)
def _compute(
    volume: tuple[int, ...], negative: tuple[int, ...], horizon: int, min_group_size: int
) -> _Computed:
    # cached on the counts themselves: a dashboard asking again for unchanged data refits nothing
    y = np.asarray(volume, dtype=np.float64)
    neg = np.asarray(negative, dtype=np.float64)
    choice = choose(y)
    if choice.reason is Reason.no_history:
        return _Computed(choice, None, None, None, None)
    volume_prediction, choice = forecast_volume(y, horizon, choice)
    share_prediction = forecast_share(
        y, neg, horizon, choice, expected_volume=volume_prediction.mean
    )
    options = {"horizon": horizon, "count": OWN_ORIGINS, "step": OWN_STEP}
    volume_backtest = backtest(
        y,
        lambda cut, h: forecast_volume_auto(y[:cut], h),
        min_train=OWN_MIN_TRAIN,
        method="desk",
        **options,
    )
    share_backtest = backtest(
        share.observed_share(y, neg, min_volume=min_group_size),
        lambda cut, h: forecast_share_auto(y[:cut], neg[:cut], h),
        min_train=OWN_MIN_TRAIN,
        method="desk",
        **options,
    )
    return _Computed(choice, volume_prediction, share_prediction, volume_backtest, share_backtest)


def _publish(series: WeeklySeries, computed: _Computed, horizon: int, k: int) -> Forecast:
    history = tuple(
        HistoryPoint(week, n if n >= k else None, _visible_share(n, neg, k))
        for week, n, neg in zip(series.weeks, series.volume, series.negative, strict=True)
    )
    last = series.weeks[-1] if series.weeks else None
    future = [last + timedelta(weeks=h + 1) for h in range(horizon)] if last else []
    volume_points: list[ForecastPoint] = []
    share_points: list[ForecastPoint] = []
    if computed.volume is not None and computed.share is not None:
        for h, week in enumerate(future):
            expected = float(computed.volume.mean[h])
            negative_share = float(computed.share.mean[h])
            volume_points.append(_point(week, computed.volume, h, visible=expected >= k))
            share_visible = min(expected * negative_share, expected * (1 - negative_share)) >= k
            share_points.append(_point(week, computed.share, h, visible=share_visible))
    choice = computed.choice
    return Forecast(
        topic_code=series.topic_code,
        province_code=series.province_code,
        horizon=horizon,
        min_group_size=k,
        reason=choice.reason,
        weeks_of_history=len(series.weeks),
        yearly_explained=choice.yearly_explained,
        history=history,
        volume=_metric("volume", computed.volume, volume_points, computed.volume_backtest),
        negative_share=_metric(
            "negative_share", computed.share, share_points, computed.share_backtest
        ),
    )


def _visible_share(volume: int, negative: int, k: int) -> float | None:
    if negative < k or volume - negative < k:
        return None
    return negative / volume


def _point(week: date, prediction: Prediction, h: int, *, visible: bool) -> ForecastPoint:
    if not visible:
        return ForecastPoint(week, None)
    return ForecastPoint(
        week,
        float(prediction.mean[h]),
        float(prediction.lower[80][h]),
        float(prediction.upper[80][h]),
        float(prediction.lower[95][h]),
        float(prediction.upper[95][h]),
    )


def _metric(
    metric: str,
    prediction: Prediction | None,
    points: list[ForecastPoint],
    result: BacktestResult | None,
) -> MetricForecast:
    return MetricForecast(
        metric=metric,
        method=prediction.method if prediction else "none",
        points=tuple(points),
        mase=result.mase if result else None,
        coverage_80=result.coverage(80) if result else None,
        coverage_95=result.coverage(95) if result else None,
        backtest_origins=result.origins if result else 0,
    )


def _check_topic(session: Session, topic_code: str | None) -> None:
    if topic_code is None:
        return
    known = repository.topic_codes(session)
    if topic_code not in known:
        listing = ", ".join(sorted(known)) or "—"
        raise InputError(texts.both("error_topic", code=topic_code, known=listing))


def _check_province(session: Session, province_code: str | None) -> None:
    if province_code is None:
        return
    known = {code for code, _, _ in repository.provinces(session)}
    if province_code not in known | repository.counted_province_codes(session):
        raise InputError(_province_error(session, province_code))


def resolve_province(session: Session, text: str) -> str:
    """The code of the province named or coded by `text` ("01", "Hà Nội", "ha noi",
    "Thành phố Hà Nội"); InputError when none matches."""
    wanted = fold(text.strip())
    for code, name, short_name in repository.provinces(session):
        if wanted in {fold(code), fold(name), fold(short_name)}:
            return code
    if text.strip() in repository.counted_province_codes(session):
        return text.strip()
    raise InputError(_province_error(session, text))


def _province_error(session: Session, text: str) -> str:
    names = [f"{code} {short}" for code, _, short in repository.provinces(session)]
    listing = ", ".join(names) or ", ".join(sorted(repository.counted_province_codes(session)))
    return texts.both("error_province", code=text, known=listing or "—")


def scope_label(
    session: Session, *, topic_code: str | None, province_code: str | None, language: str = "vi"
) -> str:
    """ "Topic — Place" in `language`, for headings and chart titles."""
    if topic_code is None:
        topic = texts.text("all_topics", language)
    else:
        labels = repository.topic_labels(session).get(topic_code)
        topic = (labels[0] if language == "vi" else labels[1]) if labels else topic_code
    if province_code is None:
        place = texts.text("all_provinces", language)
    else:
        names = {code: name for code, name, _ in repository.provinces(session)}
        place = names.get(province_code, province_code)
    return f"{topic} — {place}"
