"""Survey pages: fill in a questionnaire on the web — a collaborator interviewing someone
(recorded as assisted) or anyone through the survey's public link `/khao-sat/{token}` — with
the form's skip logic and constraints live in the browser and checked again on the server;
the results page (weighted shares with 95% CI whiskers as SVG, small groups suppressed), its
CSV/XLSX export, and opening or closing the public link."""

from __future__ import annotations

import re
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from opiniondesk.accounts import audit
from opiniondesk.accounts.access import Action, require
from opiniondesk.accounts.principal import Principal
from opiniondesk.errors import InputError
from opiniondesk.storage.base import utcnow
from opiniondesk.surveys import analysis, export, fill, service
from opiniondesk.surveys import repository as repo
from opiniondesk.surveys.charts import ShareBar, share_chart
from opiniondesk.surveys.feed import feed_open_answers, open_answers
from opiniondesk.surveys.form import SurveyForm
from opiniondesk.surveys.models import ResponseMode, Survey
from opiniondesk.web.deps import SessionDep, SettingsDep, TemplatesDep, TranslatorDep
from opiniondesk.web.i18n import Translator

router = APIRouter()

Interviewer = Annotated[Principal, require(Action.field_reports_submit)]
Viewer = Annotated[Principal, require(Action.field_reports_view)]
Manager = Annotated[Principal, require(Action.surveys_manage)]
Visitor = Annotated[Principal | None, require(Action.public)]


def _label(labels: dict[str, str], language: str, fallback: str) -> str:
    return labels.get(language) or labels.get("en") or labels.get("vi") or fallback


def _fill_page(
    request: Request,
    templates: TemplatesDep,
    t: Translator,
    form: SurveyForm,
    *,
    action: str,
    public: bool,
    values: dict[str, list[str]],
    errors: dict[str, str],
    status: int = 200,
    limited: bool = False,
) -> Response:
    questions = [
        {
            "path": q.path,
            "kind": q.kind,
            "label": _label(q.labels, t.language, q.name),
            "hint": _label(q.hint, t.language, "") if q.hint else "",
            "required": q.required,
            "relevant": " and ".join(r for r in [*q.group_relevant, q.relevant] if r),
            "choices": [(c.name, _label(c.labels, t.language, c.name)) for c in q.choices],
            "given": values.get(q.path, []),
            "error": fill.message_for(q, errors[q.path], t.language, t) if q.path in errors else "",
        }
        for q in form.questions
    ]
    context = {
        "t": t,
        "lang": t.language,
        "form": form,
        "questions": questions,
        "rules": fill.client_rules(form, t.language, t),
        "action": action,
        "public": public,
        # a re-rendered page keeps its id, so fixing an error and sending again lands once
        "instance_id": _instance(values.get("instance_id", [""])[0]) or str(uuid.uuid4()),
        "done": request.query_params.get("done") == "1",
        "has_errors": bool(errors),
        "limited": limited,
    }
    return templates.TemplateResponse(request, "surveys/fill.html", context, status_code=status)


def _instance(text: str) -> str | None:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return None


def _submitted(data: FormData) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for key, value in data.multi_items():
        if isinstance(value, str) and key != "csrf_token":
            values.setdefault(key, []).append(value)
    return values


def _feed_later(
    request: Request,
    background: BackgroundTasks,
    survey: Survey,
    form: SurveyForm,
    instance: str,
    answers: dict[str, Any],
    source: str,
) -> None:
    texts = [q.path for q in form.questions if q.kind == "text"]
    # after the response, hence after the commit: the pipeline has its own transactions
    background.add_task(
        feed_open_answers,
        request.app.state.settings,
        request.app.state.session_factory,
        open_answers(survey.form_id, instance, answers, texts),
        source=source,
    )


@router.get("/surveys/{form_id}/fill")
def fill_page(
    form_id: str,
    request: Request,
    session: SessionDep,
    interviewer: Interviewer,
    templates: TemplatesDep,
    t: TranslatorDep,
) -> Response:
    form = service.form_of(service.get_survey(session, form_id))
    action = f"/surveys/{form_id}/fill"
    return _fill_page(
        request, templates, t, form, action=action, public=False, values={}, errors={}
    )


@router.post("/surveys/{form_id}/fill")
async def submit_fill(
    form_id: str,
    request: Request,
    session: SessionDep,
    interviewer: Interviewer,
    templates: TemplatesDep,
    t: TranslatorDep,
    background: BackgroundTasks,
) -> Response:
    survey = service.get_survey(session, form_id)
    form = service.form_of(survey)
    values = _submitted(await request.form())
    checked = fill.check(form, values)
    action = f"/surveys/{form_id}/fill"
    if checked.errors:
        return _fill_page(
            request,
            templates,
            t,
            form,
            action=action,
            public=False,
            values=values,
            errors=checked.errors,
            status=422,
        )
    instance = _instance(values.get("instance_id", [""])[0]) or str(uuid.uuid4())
    stored = service.store_filled_in(
        session, survey, checked.answers, instance_id=instance, mode=ResponseMode.assisted
    )
    if stored is not None:
        audit.record(
            session,
            actor=interviewer,
            action="survey.response",
            object_type="survey",
            object_id=survey.id,
            request=request,
        )
        _feed_later(request, background, survey, form, instance, stored, f"web:{form_id}")
    return RedirectResponse(f"{action}?done=1", status_code=303)


@router.get("/khao-sat/{token}")
def public_fill_page(
    token: str,
    request: Request,
    session: SessionDep,
    _visitor: Visitor,
    templates: TemplatesDep,
    t: TranslatorDep,
) -> Response:
    survey, _ = service.public_survey(session, token)
    return _fill_page(
        request,
        templates,
        t,
        service.form_of(survey),
        action=f"/khao-sat/{token}",
        public=True,
        values={},
        errors={},
    )


@router.post("/khao-sat/{token}")
async def public_submit(
    token: str,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    _visitor: Visitor,
    templates: TemplatesDep,
    t: TranslatorDep,
    background: BackgroundTasks,
) -> Response:
    survey, link = service.public_survey(session, token)
    form = service.form_of(survey)
    values = _submitted(await request.form())
    checked = fill.check(form, values)
    action = f"/khao-sat/{token}"
    if checked.errors:
        return _fill_page(
            request,
            templates,
            t,
            form,
            action=action,
            public=True,
            values=values,
            errors=checked.errors,
            status=422,
        )
    instance = _instance(values.get("instance_id", [""])[0])
    if instance is None:  # the page always sends one; without it a retry could not be matched
        raise InputError(t("surveys_public_no_instance"))
    if repo.has_response(session, survey.id, instance):  # a retry: already counted, land once
        return RedirectResponse(f"{action}?done=1", status_code=303)
    address = request.client.host if request.client else "unknown"
    key = service.client_key(settings.secret_key, address)
    if not service.admit_public_response(session, link, key=key, now=utcnow()):
        return _fill_page(
            request,
            templates,
            t,
            form,
            action=action,
            public=True,
            values=values,
            errors={},
            status=429,
            limited=True,
        )
    stored = service.store_filled_in(
        session, survey, checked.answers, instance_id=instance, mode=ResponseMode.self_completed
    )
    if stored is not None:
        _feed_later(request, background, survey, form, instance, stored, f"link:{survey.form_id}")
    return RedirectResponse(f"{action}?done=1", status_code=303)


@router.post("/surveys/{form_id}/link")
def open_public_link(
    form_id: str, request: Request, session: SessionDep, manager: Manager
) -> Response:
    survey = service.get_survey(session, form_id)
    link = service.open_link(session, survey)
    audit.record(
        session,
        actor=manager,
        action="survey.link_open",
        object_type="survey",
        object_id=survey.id,
        request=request,
        details={"link_id": link.id},
    )
    return RedirectResponse(f"/surveys/{form_id}", status_code=303)


@router.post("/surveys/{form_id}/link/close")
def close_public_link(
    form_id: str, request: Request, session: SessionDep, manager: Manager
) -> Response:
    survey = service.get_survey(session, form_id)
    link = service.close_link(session, survey)
    if link is not None:
        audit.record(
            session,
            actor=manager,
            action="survey.link_close",
            object_type="survey",
            object_id=survey.id,
            request=request,
            details={"link_id": link.id},
        )
    return RedirectResponse(f"/surveys/{form_id}", status_code=303)


def _share_chart(
    question: Any, overall: dict[str, Any], t: Translator, chart_id: str, title: str
) -> Any:
    names = {c.name: _label(c.labels, t.language, c.name) for c in question.choices}
    bars = []
    for key, figure in overall["estimates"].items():
        low, high = max(0.0, figure["ci_low"]), min(1.0, figure["ci_high"])
        bars.append(
            ShareBar(
                label=names.get(key, key),
                share=figure["value"],
                low=low,
                high=high,
                text=t(
                    "survey_share",
                    share=f"{figure['value'] * 100:.1f}",
                    low=f"{low * 100:.1f}",
                    high=f"{high * 100:.1f}",
                ),
            )
        )
    return share_chart(bars, chart_id=chart_id, title=title, desc=t("survey_chart_desc"))


@router.get("/surveys/{form_id}")
def results_page(
    form_id: str,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    viewer: Viewer,
    templates: TemplatesDep,
    t: TranslatorDep,
) -> Response:
    survey = service.get_survey(session, form_id)
    form = service.form_of(survey)
    responses = repo.responses_of(session, survey.id)
    charts: list[dict[str, Any]] = []
    for question in form.questions:
        if question.kind not in ("select_one", "select_multiple"):
            continue
        figures = analysis.estimate(
            form, responses, question=question.path, min_group_size=settings.min_group_size
        )
        overall = figures["groups"][0]
        title = _label(question.labels, t.language, question.name)
        if overall["suppressed"]:
            charts.append({"title": title, "svg": None, "n": None})
            continue
        svg = _share_chart(question, overall, t, f"q-{len(charts)}", title)
        charts.append({"title": title, "svg": svg, "n": overall["n"]})
    link = repo.open_link_of(session, survey.id)
    context = {
        "t": t,
        "lang": t.language,
        "survey": survey,
        "respondents": len(responses),
        "modes": repo.count_by_mode(session, survey.id),
        "charts": charts,
        "min_group_size": settings.min_group_size,
        "link": link,
        "link_url": f"{str(request.base_url).rstrip('/')}/khao-sat/{link.token}" if link else "",
        "may_manage": viewer.may(Action.surveys_manage.value),
    }
    return templates.TemplateResponse(request, "surveys/results.html", context)


@router.get("/surveys/{form_id}/estimates.{extension}")
def export_estimates(
    form_id: str,
    extension: str,
    session: SessionDep,
    settings: SettingsDep,
    viewer: Viewer,
    t: TranslatorDep,
) -> Response:
    if extension not in ("csv", "xlsx"):
        raise InputError(t("surveys_export_format", extension=extension[:10]))
    survey = service.get_survey(session, form_id)
    rows = export.estimate_rows(
        service.form_of(survey),
        repo.responses_of(session, survey.id),
        language=t.language,
        min_group_size=settings.min_group_size,
    )
    if extension == "csv":
        body, media = export.to_csv(rows, t.language), "text/csv; charset=utf-8"
    else:
        body = export.to_xlsx(rows, t.language)
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    safe_id = re.sub(r"[^A-Za-z0-9_.-]", "_", survey.form_id)[:80]
    filename = f"{safe_id}-estimates.{extension}"
    return Response(
        body,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
