"""The public answers page (/cong-khai, also /public): published answers, readable without
signing in. It shows only what a leader approved for publication; see `cases.public`."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from opiniondesk.accounts.access import Action, require
from opiniondesk.accounts.principal import Principal
from opiniondesk.cases import repository as repo
from opiniondesk.cases.public import PublicCase, published_case, published_cases
from opiniondesk.web.deps import SessionDep, SettingsDep, TemplatesDep, TranslatorDep
from opiniondesk.web.i18n import Translator

router = APIRouter()

Visitor = Annotated[Principal | None, require(Action.public)]


def _day(day: date, t: Translator) -> str:
    return t("case_day", weekday=t(f"weekday_{day.weekday()}"), day=f"{day:%d/%m/%Y}")


def _context(
    cases: list[PublicCase], t: Translator, topics: dict[str, str], k: int
) -> dict[str, Any]:
    return {
        "t": t,
        "lang": t.language,
        "k": k,
        "cases": [
            {
                "id": c.id,
                "title": c.title,
                "summary": c.summary,
                "unit": c.unit,
                "topic": topics.get(c.topic_code, ""),
                "published": _day(c.published_on, t),
                "related": c.related_opinions,
                "answers": [
                    {"agency": a.agency_name, "day": _day(a.answered_on, t), "text": a.text}
                    for a in c.answers
                ],
            }
            for c in cases
        ],
    }


@router.get("/cong-khai", response_class=HTMLResponse)
def public_list(
    request: Request,
    _visitor: Visitor,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    cases = published_cases(session, min_group_size=settings.min_group_size)
    topics = repo.topic_labels(session, {c.topic_code for c in cases}, t.language)
    context = _context(cases, t, topics, settings.min_group_size)
    return templates.TemplateResponse(request, "public/list.html", context)


@router.get("/cong-khai/{case_id}", response_class=HTMLResponse)
def public_case(
    request: Request,
    case_id: int,
    _visitor: Visitor,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    case = published_case(session, case_id, min_group_size=settings.min_group_size)
    topics = repo.topic_labels(session, {case.topic_code}, t.language)
    context = _context([case], t, topics, settings.min_group_size)
    return templates.TemplateResponse(
        request, "public/detail.html", context | {"case": context["cases"][0]}
    )


@router.get("/public")
def public_alias(_visitor: Visitor) -> Response:
    return RedirectResponse("/cong-khai", status_code=308)


@router.get("/public/{case_id}")
def public_case_alias(case_id: int, _visitor: Visitor) -> Response:
    return RedirectResponse(f"/cong-khai/{case_id}", status_code=308)
