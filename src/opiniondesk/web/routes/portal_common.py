"""What the portal's route modules share: the visitor dependency and how a day is written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Query

from opiniondesk.accounts.access import Action, require
from opiniondesk.accounts.principal import Principal
from opiniondesk.web.i18n import Translator

# every portal page is public: signed in or not, the reader sees the same page
Visitor = Annotated[Principal | None, require(Action.public)]


def public_day(day: date, t: Translator) -> str:
    """ "thứ Hai, 24/11/2026" / "Monday, 24/11/2026"."""
    return t("case_day", weekday=t(f"weekday_{day.weekday()}"), day=f"{day:%d/%m/%Y}")


# ?trang=2 — "page" in Vietnamese, as the portal's addresses are
PageQuery = Annotated[int, Query(ge=1, le=1000, alias="trang")]


@dataclass(frozen=True, slots=True)
class Pager:
    """One page of a newest-first list."""

    page: int
    per_page: int
    has_older: bool

    @property
    def start(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def end(self) -> int:
        return self.page * self.per_page
