"""The figures flattened into named tables of plain cells: the XLSX annex and the CSV exports
are written from these, so both carry every figure behind the report."""

from __future__ import annotations

from typing import Any

Cell = str | int | float | None
NamedTable = tuple[str, list[str], list[list[Cell]]]


def _suppressed(value: int | None, k: int) -> Cell:
    return f"<{k}" if value is None else value


def figure_tables(figures: dict[str, Any]) -> list[NamedTable]:
    k = figures["min_group_size"]
    o, p = figures["overview"], figures["period"]
    tables: list[NamedTable] = [
        (
            "period",
            ["field", "value"],
            [
                ["kind", p["kind"]],
                ["period", p["label"]],
                ["start", p["start"]],
                ["end", p["end"]],
                ["unit", figures["unit"]["code"] or "*"],
                ["min_group_size", k],
                ["total", _suppressed(o["total"], k)],
                ["previous_total", _suppressed(o["previous_total"], k)],
                ["change", o["change"]],
            ],
        ),
        (
            "channels",
            ["channel", "count", "previous", "change"],
            [
                [
                    c["channel"],
                    _suppressed(c["count"], k),
                    _suppressed(c["previous"], k),
                    c["change"],
                ]
                for c in o["by_channel"]
            ],
        ),
        (
            "sentiment",
            ["sentiment", "count"],
            [[s["sentiment"], _suppressed(s["count"], k)] for s in o["by_sentiment"]],
        ),
        (
            "issues",
            ["topic", "label_vi", "count", "previous", "change", "negative", "negative_share"],
            [
                [
                    i["topic"],
                    i["label_vi"],
                    i["count"],
                    _suppressed(i["previous"], k),
                    i["change"],
                    _suppressed(i["negative"], k),
                    i["negative_share"],
                ]
                for i in figures["issues"]
            ],
        ),
        (
            "issue_places",
            ["topic", "place_code", "place", "count"],
            [
                [i["topic"], pl["code"], pl["name"], pl["count"]]
                for i in figures["issues"]
                for pl in i["places"]
            ],
        ),
        (
            "places",
            ["place_code", "place", "count"],
            [[pl["code"], pl["name"], pl["count"]] for pl in figures["places"]],
        ),
        (
            "alerts",
            ["topic", "place", "window_start", "window_end", "observed", "expected", "status"],
            [
                [
                    a["topic"],
                    a["place"],
                    a["window_start"],
                    a["window_end"],
                    a["observed"],
                    a["expected"],
                    a["status"],
                ]
                for a in figures["alerts"]["items"]
            ],
        ),
        (
            "agencies",
            [
                "agency",
                "received",
                "answered",
                "answered_on_time",
                "overdue",
                "median_working_days",
            ],
            [
                [
                    a["name"],
                    a["received"],
                    a["answered"],
                    a["answered_on_time"],
                    a["overdue"],
                    a["median_working_days"],
                ]
                for a in figures["cases"]["agencies"]
            ],
        ),
        (
            "outlook",
            ["week", "mean", "lower_80", "upper_80"],
            [
                [pt["week"], pt["mean"], pt["lower_80"], pt["upper_80"]]
                for pt in figures["outlook"].get("points", [])
            ],
        ),
    ]
    cases = figures["cases"]
    tables.append(
        (
            "cases",
            ["field", "value"],
            [
                [key, cases[key]]
                for key in (
                    "opened",
                    "received",
                    "answered",
                    "answered_on_time",
                    "overdue",
                    "published",
                )
            ],
        )
    )
    if figures.get("surveys"):
        tables.append(
            (
                "surveys",
                ["survey", "responses"],
                [[i["title"], _suppressed(i["responses"], k)] for i in figures["surveys"]["items"]],
            )
        )
    network = figures.get("collaborators")
    if network:
        tables.append(
            (
                "collaborators",
                ["field", "value"],
                [
                    ["reports", _suppressed(network["reports"], k)],
                    ["collaborators", _suppressed(network["collaborators"], k)],
                    ["units", _suppressed(network["units"], k)],
                    *[
                        [f"mood:{m['mood']}", _suppressed(m["count"], k)]
                        for m in network["by_mood"]
                    ],
                ],
            )
        )
    if figures.get("claims"):
        tables.append(
            (
                "claims",
                ["claim", "repeats", "rating", "clarified_on"],
                [
                    [c["text"], _suppressed(c["repeats"], k), c["rating"], c["clarified_on"]]
                    for c in figures["claims"]["items"]
                ],
            )
        )
    return tables
