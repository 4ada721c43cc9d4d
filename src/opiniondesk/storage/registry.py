"""Import every `opiniondesk.<area>.models` module so all tables are on `Base.metadata`.

Each area keeps its tables next to its code; migrations and tests see all of them through here.
"""

from __future__ import annotations

import importlib
import pkgutil

import opiniondesk
from opiniondesk.storage import models as _core  # noqa: F401  (the foundation's tables)


def import_all_models() -> None:
    """Every module named `models` in any (sub)package, e.g. analysis/classifiers/models.py."""
    for info in pkgutil.walk_packages(opiniondesk.__path__, prefix="opiniondesk."):
        if info.name.rsplit(".", 1)[-1] == "models" and not info.ispkg:
            importlib.import_module(info.name)


import_all_models()
