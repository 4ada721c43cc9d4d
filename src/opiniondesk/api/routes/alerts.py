"""/api/v1/alerts: emerging issues in the caller's units, and their status (acknowledge, close,
reopen). Alerts below the minimum group size are never listed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from opiniondesk.accounts import audit
from opiniondesk.accounts.access import Action, can, require, scope_for
from opiniondesk.accounts.principal import Principal
from opiniondesk.alerts import repository as alerts_repo
from opiniondesk.alerts import service
from opiniondesk.alerts.models import Alert, AlertStatus
from opiniondesk.api.errors import ApiRoute
from opiniondesk.api.pagination import PageDep
from opiniondesk.api.schemas import AlertPage, AlertPublic, AlertUpdate, PageMeta
from opiniondesk.errors import InputError, NotFoundError
from opiniondesk.web.deps import SessionDep, SettingsDep

router = APIRouter(tags=["alerts"], route_class=ApiRoute)

Watcher = Annotated[Principal, require(Action.alerts_view)]
MAX_SCANNED = 5000  # alerts read before the unit filter; far above what a desk keeps open


def _public(alert: Alert) -> AlertPublic:
    return AlertPublic(
        id=alert.id,
        topic_code=alert.topic_code,
        province_code=alert.province_code,
        commune_code=alert.commune_code,
        window_start=alert.window_start,
        window_end=alert.window_end,
        detected_on=alert.detected_on,
        observed=alert.observed,
        expected=alert.expected,
        probability=alert.probability,
        score=alert.score,
        method=alert.method,
        status=alert.status,
        evidence_document_ids=list(alert.evidence),
    )


def _statuses(values: list[str] | None) -> list[AlertStatus]:
    if not values:
        return [AlertStatus.new, AlertStatus.acknowledged]
    try:
        return [AlertStatus(value) for value in values]
    except ValueError:
        choices = ", ".join(s.value for s in AlertStatus)
        raise InputError(
            f"Trạng thái không hợp lệ; chọn: {choices}. / Unknown status; choose: {choices}."
        ) from None


@router.get("/alerts", response_model=AlertPage)
def list_alerts(
    watcher: Watcher,
    session: SessionDep,
    settings: SettingsDep,
    page: PageDep,
    status: Annotated[list[str] | None, Query(description="new, acknowledged, closed")] = None,
) -> AlertPage:
    """Cảnh báo trong đơn vị của bạn, mới nhất trước / Alerts of your units, newest first."""
    scope = scope_for(watcher, Action.alerts_view)
    alerts = [
        alert
        for alert in service.list_alerts(
            session,
            statuses=_statuses(status),
            min_group_size=settings.min_group_size,
            limit=MAX_SCANNED,
        )
        if scope.allows(alert.province_code, alert.commune_code)
    ]
    chosen = alerts[page.offset : page.offset + page.limit]
    return AlertPage(
        page=PageMeta(total=len(alerts), limit=page.limit, offset=page.offset),
        items=[_public(alert) for alert in chosen],
    )


@router.patch("/alerts/{alert_id}", response_model=AlertPublic)
def update_alert(
    alert_id: int, body: AlertUpdate, request: Request, watcher: Watcher, session: SessionDep
) -> AlertPublic:
    """Ghi nhận, đóng hoặc mở lại cảnh báo / Acknowledge, close or reopen an alert."""
    (status,) = _statuses([body.status])
    alert = alerts_repo.get_alert(session, alert_id)
    if alert is None or not can(
        watcher, Action.alerts_view, alert.commune_code or alert.province_code
    ):
        raise NotFoundError(f"Không có cảnh báo số {alert_id}. / No alert with id {alert_id}.")
    previous = alert.status
    changed = service.change_status(session, alert_id, status)
    audit.record(
        session,
        actor=watcher,
        action="alert.status",
        object_type="alert",
        object_id=alert_id,
        request=request,
        details={"from": str(previous), "to": status.value},
    )
    return _public(changed)
