"""The demo showcase: after the demo corpus is ingested, give every newer feature realistic
Vietnamese content through its own service layer (cases, claims, field work, surveys,
consultations, dialogue sessions), so a newcomer sees each page at work.

Every step looks its content up by a natural key before writing (a title, a username, a
seed-derived instance id), so running `opiniondesk demo` again adds nothing. Each step runs
in its own transaction, so a step that fails rolls back only its own writes."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.demo.showcase.base import Seeded, ShowcaseContext
from opiniondesk.demo.showcase.cases import seed_cases
from opiniondesk.demo.showcase.claims import seed_claims
from opiniondesk.demo.showcase.consultations import seed_consultation
from opiniondesk.demo.showcase.dialogue import feed_questions, seed_dialogue
from opiniondesk.demo.showcase.fieldwork import seed_fieldwork
from opiniondesk.demo.showcase.survey_form import FORM_ID
from opiniondesk.demo.showcase.surveys import seed_survey

Step = Callable[[Session, ShowcaseContext], Seeded]
STEPS: tuple[Step, ...] = (
    seed_cases,
    seed_claims,
    seed_fieldwork,
    seed_survey,
    seed_consultation,
    seed_dialogue,
)

# staff pages (sign in with a demo account); the public pages come from the steps themselves
STAFF_PAGES = (
    ("/cases", "Vấn đề / Cases"),
    ("/field-reports", "Báo cáo thực địa / Field reports"),
    (f"/surveys/{FORM_ID}", "Ước lượng khảo sát / Survey estimates"),
    ("/tham-van", "Tham vấn / Consultations"),
)

__all__ = ["STEPS", "Seeded", "ShowcaseContext", "run_showcase", "showcase_pages"]


def run_showcase(
    sessions: sessionmaker[Session],
    ctx: ShowcaseContext,
    *,
    on_step: Callable[[Seeded], None] | None = None,
) -> list[Seeded]:
    """Run every showcase step, each in its own transaction; returns what each seeded."""
    done: list[Seeded] = []
    for step in STEPS:
        with sessions.begin() as session:
            seeded = step(session, ctx)
        done.append(seeded)
        if on_step is not None:
            on_step(seeded)
    feed_questions(sessions, ctx)  # after the dialogue step's commit: it writes on its own
    return done


def showcase_pages(seeded: list[Seeded]) -> list[tuple[str, str]]:
    """(path, label) of the pages worth opening after the showcase: the public portal, each
    step's public page (consultation, survey link, …), then the staff pages."""
    pages = [("/cong-khai", "Cổng công khai / Public portal")]
    pages += [(s.url, f"{s.feature_vi} / {s.feature_en}") for s in seeded if s.url]
    pages += STAFF_PAGES
    first: dict[str, str] = {}
    for path, label in pages:
        first.setdefault(path, label)  # one line per page, with its first label
    return list(first.items())
