"""Survey pages: fill in a questionnaire on the web (a collaborator interviewing someone) with
the form's skip logic and constraints checked on the server, and the results page (weighted
shares with 95% intervals as SVG bars, small groups suppressed)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from opiniondesk.accounts import audit
from opiniondesk.accounts.access import Action, require
from opiniondesk.accounts.principal import Principal
from opiniondesk.storage.base import utcnow
from opiniondesk.surveys import analysis, fill, service
from opiniondesk.surveys import repository as repo
from opiniondesk.surveys.feed import feed_open_answers, open_answers
from opiniondesk.surveys.form import SurveyForm
from opiniondesk.web.charts import Bar, bar_chart
from opiniondesk.web.deps import SessionDep, SettingsDep, TemplatesDep, TranslatorDep
from opiniondesk.web.i18n import Translator

router = APIRouter()

Interviewer = Annotated[Principal, require(Action.field_reports_submit)]
Viewer = Annotated[Principal, require(Action.field_reports_view)]


def _label(labels: dict[str, str], language: str, fallback: str) -> str:
    return labels.get(language) or labels.get("en") or labels.get("vi") or fallback


def _fill_page(
    request: Request,
    templates: TemplatesDep,
    t: Translator,
    form: SurveyForm,
    *,
    values: dict[str, list[str]],
    errors: dict[str, str],
    status: int = 200,
) -> Response:
    questions = [
        {
            "path": q.path,
            "kind": q.kind,
            "label": _label(q.labels, t.language, q.name),
            "required": q.required,
            "relevant": q.relevant,
            "choices": [(c.name, _label(c.labels, t.language, c.name)) for c in q.choices],
            "given": values.get(q.path, []),
            "error": t(errors[q.path]) if q.path in errors else "",
        }
        for q in form.questions
    ]
    context = {
        "t": t,
        "lang": t.language,
        "form": form,
        "questions": questions,
        "instance_id": str(uuid.uuid4()),
        "done": request.query_params.get("done") == "1",
        "has_errors": bool(errors),
    }
    return templates.TemplateResponse(request, "surveys/fill.html", context, status_code=status)


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
    return _fill_page(request, templates, t, form, values={}, errors={})


def _submitted(data: FormData) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for key, value in data.multi_items():
        if isinstance(value, str) and key not in ("csrf_token", "instance_id"):
            values.setdefault(key, []).append(value)
    return values


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
    data = await request.form()
    values = _submitted(data)
    checked = fill.check(form, values)
    if checked.errors:
        return _fill_page(
            request, templates, t, form, values=values, errors=checked.errors, status=422
        )
    try:  # the page's id makes a double-submitted interview land once
        instance = str(uuid.UUID(str(data.get("instance_id", ""))))
    except ValueError:
        instance = str(uuid.uuid4())
    stored = repo.add_response_if_new(
        session,
        {
            "survey_id": survey.id,
            "instance_id": instance,
            "answers": checked.answers,
            "weight": 1.0,
            "submitted_at": utcnow(),
            "imported_at": utcnow(),
        },
    )
    if stored:
        audit.record(
            session,
            actor=interviewer,
            action="survey.response",
            object_type="survey",
            object_id=survey.id,
            request=request,
        )
        texts = [q.path for q in form.questions if q.kind == "text"]
        # after the response, hence after the commit: the pipeline has its own transactions
        background.add_task(
            feed_open_answers,
            request.app.state.settings,
            request.app.state.session_factory,
            open_answers(form_id, instance, checked.answers, texts),
            source=f"web:{form_id}",
        )
    return RedirectResponse(f"/surveys/{form_id}/fill?done=1", status_code=303)


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
            charts.append({"title": title, "svg": None})
            continue
        names = {c.name: _label(c.labels, t.language, c.name) for c in question.choices}
        bars = [
            Bar(
                label=names.get(key, key),
                value=round(figure["value"] * 1000),
                text=t(
                    "survey_share",
                    share=f"{figure['value'] * 100:.1f}",
                    low=f"{max(0.0, figure['ci_low']) * 100:.1f}",
                    high=f"{min(1.0, figure['ci_high']) * 100:.1f}",
                ),
            )
            for key, figure in overall["estimates"].items()
        ]
        chart_id = f"q-{len(charts)}"
        svg = bar_chart(bars, chart_id=chart_id, title=title, desc=t("survey_chart_desc"))
        charts.append({"title": title, "svg": svg, "n": overall["n"]})
    context = {
        "t": t,
        "lang": t.language,
        "survey": survey,
        "respondents": len(responses),
        "charts": charts,
        "min_group_size": settings.min_group_size,
    }
    return templates.TemplateResponse(request, "surveys/results.html", context)
