from tests.api.conftest import (
    api,
    app,
    cheap_passwords,
    engine,
    office,
    seeded_engine,
    sessions,
    settings,
)

__all__ = [
    "api",
    "app",
    "cheap_passwords",
    "engine",
    "office",
    "seeded_engine",
    "sessions",
    "settings",
]
