"""The alerts pages: emerging issues inside the reader's units, one alert with its trend and
evidence, and the acknowledge / close / reopen buttons (audit-logged)."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from opiniondesk.accounts import audit
from opiniondesk.accounts.access import Action, can, require, scope_for
from opiniondesk.accounts.principal import Principal
from opiniondesk.alerts import service as alerts
from opiniondesk.alerts.models import Alert, AlertStatus
from opiniondesk.alerts.repository import get_alert, topic_labels, unit_names
from opiniondesk.errors import InputError, NotFoundError
from opiniondesk.explorer import repository as docs
from opiniondesk.web.charts import Point, line_chart
from opiniondesk.web.deps import SessionDep, SettingsDep, TemplatesDep, TranslatorDep
from opiniondesk.web.formatting import format_int
from opiniondesk.web.i18n import Translator

router = APIRouter()

Watcher = Annotated[Principal, require(Action.alerts_view)]
TREND_DAYS_BEFORE = 28
STATUS_CHANGES = {s.value for s in AlertStatus}


def _row(
    alert: Alert, topics: dict[str, tuple[str, str]], names: dict[str, str], lang: str
) -> dict[str, Any]:
    vi, en = topics.get(alert.topic_code, (alert.topic_code, alert.topic_code))
    place = names.get(
        alert.commune_code or alert.province_code, alert.commune_code or alert.province_code
    )
    return {
        "id": alert.id,
        "topic": vi if lang == "vi" else en,
        "place": place,
        "window_start": alert.window_start.isoformat(),
        "window_end": alert.window_end.isoformat(),
        "observed": format_int(alert.observed, lang),
        "expected": f"{alert.expected:.1f}",
        "score": f"{alert.score:.1f}",
        "status": alert.status,
    }


def _visible(principal: Principal, alert: Alert) -> bool:
    return scope_for(principal, Action.alerts_view).allows(alert.province_code, alert.commune_code)


def _alert_for(
    session: Session, alert_id: int, principal: Principal, k: int, t: Translator
) -> Alert:
    """The alert if it exists, is large enough to show and lies inside the reader's units."""
    alert = get_alert(session, alert_id)
    if alert is None or alert.observed < k or not _visible(principal, alert):
        raise NotFoundError(t("alert_not_found", id=alert_id))
    return alert


@router.get("/alerts", response_class=HTMLResponse)
def alert_list(
    request: Request,
    watcher: Watcher,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    found = [
        a
        for a in alerts.list_alerts(session, min_group_size=settings.min_group_size, limit=500)
        if _visible(watcher, a)
    ]
    names = unit_names(session, {a.commune_code or a.province_code for a in found})
    topics = topic_labels(session)
    rows = [_row(a, topics, names, t.language) for a in found]
    context = {"t": t, "lang": t.language, "rows": rows}
    return templates.TemplateResponse(request, "alerts/list.html", context)


@router.get("/alerts/{alert_id}", response_class=HTMLResponse)
def alert_page(
    request: Request,
    alert_id: int,
    watcher: Watcher,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    k = settings.min_group_size
    alert = _alert_for(session, alert_id, watcher, k, t)
    names = unit_names(session, {alert.commune_code or alert.province_code})
    row = _row(alert, topic_labels(session), names, t.language)
    first = alert.window_start - timedelta(days=TREND_DAYS_BEFORE)
    counts = docs.daily_topic_counts(
        session,
        topic=alert.topic_code,
        province=alert.province_code,
        commune=alert.commune_code,
        first=first,
        last=alert.window_end,
    )
    days = [first + timedelta(days=i) for i in range((alert.window_end - first).days + 1)]
    points = [Point(d, c if (c := counts.get(d, 0)) >= k else None) for d in days]
    chart = line_chart(
        points,
        chart_id="alert-trend",
        title=t("alert_trend_title"),
        desc=t("alert_trend_desc", topic=row["topic"], place=row["place"]),
        x_label=t("alert_trend_x"),
        y_label=t("alert_trend_y"),
        format_value=lambda v: format_int(v, t.language),
        hidden_text=f"<{k}",
    )
    scope = scope_for(watcher, Action.documents_view)
    evidence = [
        d
        for doc_id in alert.evidence
        if (d := docs.get_document(session, doc_id))
        and scope.allows(d.province_code, d.commune_code)
    ]
    context = {
        "t": t,
        "lang": t.language,
        "alert": row,
        "chart": chart,
        "evidence": evidence,
        "may_open_case": can(watcher, Action.cases_open),
        "may_read_documents": can(watcher, Action.documents_view),
        "statuses": [s.value for s in AlertStatus if s.value != alert.status],
    }
    return templates.TemplateResponse(request, "alerts/detail.html", context)


@router.post("/alerts/{alert_id}/status")
def change_alert_status(
    request: Request,
    alert_id: int,
    watcher: Watcher,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    status: Annotated[str, Form(max_length=20)],
) -> Response:
    if status not in STATUS_CHANGES:
        raise InputError(t("invalid_filter_value", field="status"))
    alert = _alert_for(session, alert_id, watcher, settings.min_group_size, t)
    before = alert.status
    alerts.change_status(session, alert.id, AlertStatus(status))
    audit.record(
        session,
        actor=watcher,
        action="alert.status",
        object_type="alert",
        object_id=alert.id,
        request=request,
        details={"from": str(before), "to": status},
    )
    return RedirectResponse(f"/alerts/{alert.id}", status_code=303)
