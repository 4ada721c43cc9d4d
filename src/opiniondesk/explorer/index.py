"""The full-text index: derived from `document`, built on first use, then kept in step.

SQLite: a contentless FTS5 table with the `unicode61 remove_diacritics 2` tokenizer, fed by
triggers on `document`. That tokenizer folds every Vietnamese tone and vowel mark but not
đ (a letter of its own), so the triggers index the text with đ/Đ already turned into d/D.
PostgreSQL: a GIN index on `to_tsvector('simple', opiniondesk_fold(title || text))`, where
`opiniondesk_fold` is an immutable wrapper around the `unaccent` extension (migration 0008).

Both live outside the models on purpose: they are derived, rebuildable data, and the
migrations-match-models check compares tables and indexes the models declare. `ensure_index`
is idempotent and cheap after the first call on an engine.
"""

from __future__ import annotations

import threading
import weakref

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from opiniondesk.text.normalize import fold

FTS_TABLE = "document_fts"
PG_INDEX = "ix_document_fulltext"
# the indexed form of one row; kept identical in the insert and delete triggers
_SQLITE_BODY = "replace(replace(coalesce({r}.title, '') || ' ' || {r}.text, 'đ', 'd'), 'Đ', 'D')"
# written as PostgreSQL prints it back, so the migrations-match-models check sees no change
PG_VECTOR = (
    "to_tsvector('simple'::regconfig, "
    "opiniondesk_fold((COALESCE(title, ''::text) || ' '::text) || text))"
)
_FOLD_HEAD = (
    "CREATE OR REPLACE FUNCTION opiniondesk_fold(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT "
)
PG_FOLD_UNACCENT = _FOLD_HEAD + "lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$"


def _translate_fold() -> str:
    """Without the unaccent extension: the same folding for Vietnamese letters by translate()."""
    letters = "".join(
        ch
        for cp in range(0xC0, 0x1F00)
        if not (ch := chr(cp)).isascii()
        and len(f := fold(ch)) == 1
        and f.isascii()
        and ch.islower()
    )
    target = "".join(fold(ch) for ch in letters)
    return _FOLD_HEAD + f"translate(lower($1), '{letters}', '{target}') $$"


def create_fold_function(connection: Connection) -> None:
    """`opiniondesk_fold(text)`: unaccent when the extension can be had, else translate()."""
    try:
        with connection.begin_nested():
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
            connection.exec_driver_sql(PG_FOLD_UNACCENT)
    except DBAPIError:
        connection.exec_driver_sql(_translate_fold())


_ready: weakref.WeakSet[Engine] = weakref.WeakSet()
_lock = threading.Lock()


def ensure_index(engine: Engine) -> None:
    """Create the index (and back-fill it) unless this engine's database already has it."""
    if engine in _ready:
        return
    with _lock, engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            _ensure_sqlite(connection)
        else:
            _ensure_postgresql(connection)
    _ready.add(engine)


def _ensure_sqlite(connection: Connection) -> None:
    exists = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": FTS_TABLE},
    ).first()
    if exists:
        return
    new, old = _SQLITE_BODY.format(r="new"), _SQLITE_BODY.format(r="old")
    statements = [
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(body, content='', "
        "tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {FTS_TABLE}_ai AFTER INSERT ON document BEGIN "
        f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER {FTS_TABLE}_ad AFTER DELETE ON document BEGIN "
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, body) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER {FTS_TABLE}_au AFTER UPDATE OF title, text ON document BEGIN "
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, body) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (new.id, {new}); END",
        f"INSERT INTO {FTS_TABLE}(rowid, body) SELECT id, {_SQLITE_BODY.format(r='document')} "
        "FROM document",
    ]
    for statement in statements:
        connection.exec_driver_sql(statement)


def _ensure_postgresql(connection: Connection) -> None:
    # migration 0008 made both; only a `create_all` database can lack them. Checked first
    # because CREATE INDEX locks the table even when the index already exists.
    found = connection.execute(
        text(
            "SELECT (SELECT count(*) FROM pg_proc WHERE proname = 'opiniondesk_fold'), "
            "(SELECT count(*) FROM pg_indexes WHERE indexname = :index)"
        ),
        {"index": PG_INDEX},
    ).one()
    if not found[0]:
        create_fold_function(connection)
    if not found[1]:
        connection.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON document USING gin ({PG_VECTOR})"
        )
