"""Every figure a report uses, computed from the desk and already small-cell suppressed.

The result is plain JSON (stored with the report), so a final report is rebuilt from it alone.
Counts below `min_group_size` are None ("<k" in the documents); a breakdown shown next to its
exact total also gets complementary suppression (opiniondesk.web.suppression).
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from opiniondesk.analysis.taxonomy import OTHER_CODE
from opiniondesk.cases.holidays import default_calendar
from opiniondesk.config import Settings
from opiniondesk.geo.gazetteer import get_gazetteer
from opiniondesk.reports import repository
from opiniondesk.reports.period import Period
from opiniondesk.web.suppression import protect_breakdown

TOP_TOPICS = 8
TOP_PLACES = 10
PLACES_PER_TOPIC = 3
QUOTES_PER_TOPIC = 2
QUOTE_WORDS = 25
TOP_ALERTS = 10
FORECAST_WEEKS = 13  # one quarter ahead
_BRACKETED = re.compile(r"\s+")

Figures = dict[str, Any]


def _visible(n: int, k: int) -> int | None:
    return n if n >= k else None


def _protected(counts: dict[str, int], k: int) -> dict[str, int | None]:
    breakdown = protect_breakdown(counts, k)
    return {cell.key: cell.count for cell in breakdown.cells}


def _change(now: int | None, before: int | None) -> float | None:
    if now is None or not before:
        return None
    return (now - before) / before


def place_name(code: str) -> str:
    gazetteer = get_gazetteer()
    unit = gazetteer.province(code) or gazetteer.commune(code) if code else None
    return unit.name if unit else "Chưa xác định"


def _excerpt(text: str) -> str:
    """A short excerpt: the first words of the (already redacted) text."""
    words = _BRACKETED.sub(" ", text).strip().split(" ")
    short = " ".join(words[:QUOTE_WORDS])
    return short + ("…" if len(words) > QUOTE_WORDS else "")


def overview(session: Session, period: Period, unit: str, k: int) -> Figures:
    prev = period.previous()
    now = repository.rollup_sums(
        session, start=period.start, end=period.end, unit_code=unit, group_by=["channel_kind"]
    )
    before = repository.rollup_sums(
        session, start=prev.start, end=prev.end, unit_code=unit, group_by=["channel_kind"]
    )
    total, previous_total = sum(now.values()), sum(before.values())
    shown_now = _protected({key[0]: n for key, n in now.items()}, k)
    shown_before = _protected({key[0]: n for key, n in before.items()}, k)
    channels = sorted(set(shown_now) | set(shown_before))
    by_channel = [
        {
            "channel": c,
            "count": shown_now.get(c),
            "previous": shown_before.get(c),
            "change": _change(shown_now.get(c), shown_before.get(c)),
        }
        for c in sorted(channels, key=lambda c: (-(shown_now.get(c) or 0), c))
    ]
    sentiment = repository.rollup_sums(
        session, start=period.start, end=period.end, unit_code=unit, group_by=["sentiment"]
    )
    shown_sentiment = _protected({(key[0] or "unknown"): n for key, n in sentiment.items()}, k)
    return {
        "total": _visible(total, k),
        "previous_total": _visible(previous_total, k),
        "change": _change(_visible(total, k), _visible(previous_total, k)),
        "by_channel": by_channel,
        "by_sentiment": [{"sentiment": s, "count": n} for s, n in shown_sentiment.items()],
    }


def main_issues(session: Session, period: Period, unit: str, k: int) -> list[Figures]:
    """Top topics with trend, negative share, their top places and a few short excerpts."""
    prev = period.previous()
    cells = repository.rollup_sums(
        session,
        start=period.start,
        end=period.end,
        unit_code=unit,
        group_by=["topic_code", "province_code", "sentiment"],
        topics=True,
    )
    before = repository.rollup_sums(
        session,
        start=prev.start,
        end=prev.end,
        unit_code=unit,
        group_by=["topic_code"],
        topics=True,
    )
    totals: dict[str, int] = defaultdict(int)
    negative: dict[str, int] = defaultdict(int)
    places: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (topic, province, sentiment), n in cells.items():
        totals[topic] += n
        places[topic][province] += n
        if sentiment == "negative":
            negative[topic] += n
    labels = repository.topic_labels(session)
    # "other" is what no rule recognised: not an issue people raised as such
    named = (t for t, n in totals.items() if n >= k and t != OTHER_CODE)
    ranked = sorted(named, key=lambda t: (-totals[t], t))
    issues = []
    for topic in ranked[:TOP_TOPICS]:
        n, prev_n = totals[topic], before.get((topic,), 0)
        top_places = sorted(
            ((p, c) for p, c in places[topic].items() if c >= k and p),
            key=lambda pc: (-pc[1], pc[0]),
        )[:PLACES_PER_TOPIC]
        quotes = repository.example_texts(
            session,
            topic_code=topic,
            start=period.start,
            end=period.end,
            unit_code=unit,
            limit=QUOTES_PER_TOPIC,
        )
        label_vi, label_en = labels.get(topic, (topic, topic))
        issues.append(
            {
                "topic": topic,
                "label_vi": label_vi,
                "label_en": label_en,
                "count": n,
                "previous": _visible(prev_n, k),
                "change": _change(n, _visible(prev_n, k)),
                "negative": _visible(negative[topic], k),
                "negative_share": negative[topic] / n if negative[topic] >= k else None,
                "places": [{"code": p, "name": place_name(p), "count": c} for p, c in top_places],
                "quotes": [_excerpt(q) for q in quotes],
            }
        )
    return issues


def places(session: Session, period: Period, unit: str, k: int) -> list[Figures]:
    column = "commune_code" if unit and get_gazetteer().province(unit) else "province_code"
    sums = repository.rollup_sums(
        session, start=period.start, end=period.end, unit_code=unit, group_by=[column]
    )
    shown = _protected({key[0]: n for key, n in sums.items()}, k)
    ranked = [(code, n) for code, n in shown.items() if n is not None and code]
    ranked.sort(key=lambda cn: (-cn[1], cn[0]))
    return [{"code": c, "name": place_name(c), "count": n} for c, n in ranked[:TOP_PLACES]]


def alerts(session: Session, period: Period, unit: str, k: int) -> Figures:
    rows = [
        a
        for a in repository.alerts_in_period(
            session, start=period.start, end=period.end, unit_code=unit
        )
        if a.observed >= k
    ]
    labels = repository.topic_labels(session)
    return {
        "count": len(rows),
        "items": [
            {
                "topic": a.topic_code,
                "label_vi": labels.get(a.topic_code, (a.topic_code, a.topic_code))[0],
                "label_en": labels.get(a.topic_code, (a.topic_code, a.topic_code))[1],
                "place": place_name(a.commune_code or a.province_code),
                "window_start": a.window_start.isoformat(),
                "window_end": a.window_end.isoformat(),
                "observed": a.observed,
                "expected": round(a.expected, 1),
                "status": str(a.status),
            }
            for a in rows[:TOP_ALERTS]
        ],
    }


def cases(session: Session, period: Period, unit: str) -> Figures:
    """Figures about institutions, shown exactly (see cases.performance)."""
    from opiniondesk.cases import repository as case_repository
    from opiniondesk.cases import service as case_service

    condition = repository.case_condition(start=period.start, end=period.end, unit_code=unit)
    as_of = datetime.combine(period.end + timedelta(days=1), time(), UTC)
    rows = case_service.agency_performance(
        session,
        now=as_of,
        calendar=default_calendar(),
        where=condition,
        assigned_from=period.start,
        assigned_to=period.end,
    )
    rows = [r for r in rows if r.received]
    views = case_service.views_of(session, case_repository.cases(session, where=condition))
    published = sum(1 for v in views if v.state.published_at is not None)
    return {
        "opened": len(views),
        "published": published,
        "received": sum(r.received for r in rows),
        "answered": sum(r.answered for r in rows),
        "answered_on_time": sum(r.answered_on_time for r in rows),
        "overdue": sum(r.overdue_now for r in rows),
        "agencies": [
            {
                "name": r.name,
                "received": r.received,
                "answered": r.answered,
                "answered_on_time": r.answered_on_time,
                "overdue": r.overdue_now,
                "median_working_days": r.median_working_days,
            }
            for r in rows
        ],
    }


def claims(session: Session, period: Period, k: int) -> Figures:
    from opiniondesk.claims.service import list_claims

    start, end = period.start.isoformat(), period.end.isoformat()
    items = [
        c
        for c in list_claims(session, min_group_size=k)
        if c["first_seen"] and c["first_seen"] <= end and (c["last_seen"] or "") >= start
    ]
    return {
        "count": len(items),
        "clarified": sum(1 for c in items if c["clarified_on"]),
        "items": [
            {
                "text": _excerpt(c["text"]),
                "repeats": c["repeats"],
                "rating": c["rating"],
                "clarified_on": c["clarified_on"],
            }
            for c in items[:TOP_ALERTS]
        ],
    }


def outlook(session: Session, period: Period, unit: str, settings: Settings) -> Figures:
    from opiniondesk.errors import DeskError
    from opiniondesk.forecasts.service import forecast_series

    province = unit if unit and get_gazetteer().province(unit) else None
    try:
        forecast = forecast_series(
            session,
            topic_code=None,
            province_code=province,
            weeks=min(FORECAST_WEEKS, 12),
            settings=settings,
            as_of=period.end,
        )
    except DeskError as exc:
        return {"available": False, "explanation_vi": exc.message, "explanation_en": exc.message}
    points = [p for p in forecast.volume.points if not p.hidden]
    return {
        "available": bool(points),
        "method": forecast.volume.method,
        "weeks": len(points),
        "total": round(sum(p.mean or 0.0 for p in points), 1) if points else None,
        "lower_80": round(sum(p.lower_80 or 0.0 for p in points), 1) if points else None,
        "upper_80": round(sum(p.upper_80 or 0.0 for p in points), 1) if points else None,
        "points": [
            {
                "week": p.week.isoformat(),
                "mean": None if p.mean is None else round(p.mean, 1),
                "lower_80": None if p.lower_80 is None else round(p.lower_80, 1),
                "upper_80": None if p.upper_80 is None else round(p.upper_80, 1),
            }
            for p in forecast.volume.points
        ],
        "explanation_vi": forecast.explanation("vi"),
        "explanation_en": forecast.explanation("en"),
    }


def collaborators(session: Session, period: Period, unit: str, k: int) -> Figures:
    """Network activity in aggregate: how much was reported, by how many, where; never who."""
    reports, people, units, moods = repository.field_report_activity(
        session, start=period.start, end=period.end, unit_code=unit
    )
    return {
        "reports": _visible(reports, k),
        "collaborators": _visible(people, k),
        "units": units if reports >= k else None,
        "by_mood": [{"mood": m, "count": n} for m, n in _protected(moods, k).items()],
    }


def surveys(session: Session, period: Period, k: int) -> Figures:
    """Surveys with responses in the period (desk-wide: survey responses carry no unit), each
    with its key estimate: the leading answer of its first single-choice question, weighted,
    with the 95% confidence interval and the Kish design effect."""
    rows = repository.survey_responses_in(session, start=period.start, end=period.end)
    return {
        "items": [
            {
                "title": survey.title,
                "responses": _visible(len(responses), k),
                "key": _key_estimate(survey, responses, k),
            }
            for survey, responses in rows
        ]
    }


def _key_estimate(survey: Any, responses: list[Any], k: int) -> Figures | None:
    from opiniondesk.surveys.analysis import estimate
    from opiniondesk.surveys.service import form_of

    if not survey.definition.get("questions") or len(responses) < k:
        return None  # no readable form stored, or too few answers to say anything
    form = form_of(survey)
    question = next((q for q in form.questions if q.kind == "select_one"), None)
    if question is None:
        return None
    overall = estimate(form, responses, question=question.path, min_group_size=k)["groups"][0]
    if overall["suppressed"] or not overall["estimates"]:
        return None
    answer, figures = max(overall["estimates"].items(), key=lambda kv: kv[1]["value"])
    choice = next((c for c in question.choices if c.name == answer), None)
    labels = choice.labels if choice else {}
    return {
        "question_vi": question.labels.get("vi") or question.labels.get("en") or question.name,
        "question_en": question.labels.get("en") or question.labels.get("vi") or question.name,
        "answer_vi": labels.get("vi") or labels.get("en") or answer,
        "answer_en": labels.get("en") or labels.get("vi") or answer,
        "share": figures["value"],
        "ci_low": figures["ci_low"],
        "ci_high": figures["ci_high"],
        "deff": figures["deff_kish"],
        "n": overall["n"],
    }


def module_present(name: str) -> bool:
    """Surveys and fieldwork land in their own packages; until then the section says no data."""
    import importlib.util

    return importlib.util.find_spec(f"opiniondesk.{name}") is not None


def compute_figures(
    session: Session, *, period: Period, unit_code: str, settings: Settings
) -> Figures:
    """Everything the report is written from, as JSON-ready data."""
    k = settings.min_group_size
    prev = period.previous()
    return {
        "period": {
            "kind": period.kind.value,
            "label": period.label,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "name_vi": period.name("vi"),
            "name_en": period.name("en"),
            "previous_name_vi": prev.name("vi"),
            "previous_name_en": prev.name("en"),
        },
        "unit": {"code": unit_code, "name": place_name(unit_code) if unit_code else ""},
        "min_group_size": k,
        "overview": overview(session, period, unit_code, k),
        "issues": main_issues(session, period, unit_code, k),
        "places": places(session, period, unit_code, k),
        "alerts": alerts(session, period, unit_code, k),
        "cases": cases(session, period, unit_code),
        "claims": claims(session, period, k) if module_present("claims") else None,
        "surveys": surveys(session, period, k) if module_present("surveys") else None,
        "collaborators": (
            collaborators(session, period, unit_code, k) if module_present("fieldwork") else None
        ),
        "outlook": outlook(session, period, unit_code, settings),
    }
