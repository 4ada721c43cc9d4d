"""Importing a list of questions (CSV or XLSX, e.g. collected by a ward or a hotline) through
the ingest readers, which check workbooks (zip bombs, entities) and report bad rows by line.
Each row is one person unless it names an author, whose keyed pseudonym is used instead."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from opiniondesk.config import Settings
from opiniondesk.dialogue import repository as repo
from opiniondesk.dialogue.intake import Outcome, ask, clean_text, person_for_entry
from opiniondesk.dialogue.models import DialogueSession, Source
from opiniondesk.dialogue.similarity import QuestionSimilarity
from opiniondesk.errors import InputError
from opiniondesk.ingest.raw import RawItem, RowError
from opiniondesk.ingest.readers import open_source
from opiniondesk.text.pseudonym import author_key


@dataclass
class ImportReport:
    outcomes: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return sum(n for kind, n in self.outcomes.items() if kind != Outcome.duplicate)


def import_file(
    session: Session,
    dialogue: DialogueSession,
    path: Path,
    *,
    settings: Settings,
    now: datetime,
    fmt: str | None = None,
) -> ImportReport:
    """Read `path` (csv/tsv/xlsx) and ask each row's question; bad rows are listed, not fatal.

    One similarity model is fitted for the whole file (the session's questions and every row),
    so a long list costs one fit, not one per row."""
    report = ImportReport()
    rows: list[tuple[RawItem, str]] = []
    for record in open_source(path, fmt=fmt, settings=settings):
        if isinstance(record, RowError):
            report.errors.append(str(record))
            continue
        try:
            rows.append((record, clean_text(record.text)))
        except InputError as error:
            report.errors.append(f"{record.source}:{record.line}: {error.message}")
    existing = [q.text for q in repo.question_rows(session, dialogue.id)]
    similarity = QuestionSimilarity(existing + [cleaned for _, cleaned in rows])
    for record, _ in rows:
        author = (record.author or "").strip()
        person = (
            author_key(settings.secret_key, "dialogue:import", author)
            if author
            else person_for_entry()
        )
        asked = ask(
            session,
            dialogue,
            text=record.text,
            source=Source.imported,
            person_key=person,
            now=now,
            similarity=similarity,
        )
        report.outcomes[asked.outcome.value] += 1
    return report
