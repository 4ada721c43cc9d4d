"""Import every `opiniondesk.<area>.models` module so all tables are on `Base.metadata`.

Each area keeps its tables next to its code; migrations and tests see all of them through here.
"""

from __future__ import annotations

import importlib
import pkgutil

import opiniondesk
from opiniondesk.storage import models as _core  # noqa: F401  (the foundation's tables)


def import_all_models() -> None:
    for info in pkgutil.iter_modules(opiniondesk.__path__):
        if not info.ispkg:
            continue
        try:
            importlib.import_module(f"opiniondesk.{info.name}.models")
        except ModuleNotFoundError as exc:
            if exc.name != f"opiniondesk.{info.name}.models":
                raise


import_all_models()
