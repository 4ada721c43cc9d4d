"""What every command needs: settings, an engine on a migrated database, a session factory."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from rich.console import Console
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.config import Settings, get_settings
from opiniondesk.storage.engine import make_engine, make_session_factory
from opiniondesk.storage.migrate import upgrade_to_head

console = Console()
err_console = Console(stderr=True)


@dataclass
class Desk:
    settings: Settings

    @cached_property
    def engine(self) -> Engine:
        if not self.settings.database_url:
            self.settings.ensure_home()
        engine = make_engine(self.settings.resolved_database_url)
        upgrade_to_head(engine)  # idempotent: a fresh folder just works
        return engine

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        return make_session_factory(self.engine)


def desk() -> Desk:
    return Desk(get_settings())
