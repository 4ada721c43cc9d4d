"""Accounts and security of the desk: users, roles scoped to administrative units, web sessions,
CSRF, login throttling, API tokens and the append-only audit log.

The pieces other areas use:
- `access.require(Action.X)` — the FastAPI dependency every route declares; it returns the
  signed-in `Principal` (or refuses), and `access.can` / `access.scope_for` answer "may this
  person do X at unit U?" and "which units' rows may they see for X?";
- `repository.unit_condition(scope, province=..., commune=...)` — the SQL filter for a scope;
- `audit.record(session, actor=..., action=..., object_type=..., object_id=..., request=...)` —
  one call after every write.
"""
