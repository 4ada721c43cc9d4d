"""Loading and validating the topic taxonomy."""

from __future__ import annotations

from pathlib import Path

import pytest

from opiniondesk.analysis.taxonomy import TaxonomyError, load_taxonomy, parse_taxonomy
from opiniondesk.errors import NotFoundError


def test_packaged_taxonomy_loads_with_enough_topics() -> None:
    taxonomy = load_taxonomy()
    with_query = [t for t in taxonomy if t.query is not None]
    assert len(with_query) >= 16
    for topic in with_query:
        assert topic.query is not None
        assert len(topic.query.positive_phrases) >= 20, topic.code
        assert topic.label_vi and topic.label_en


def test_labels_and_hierarchy() -> None:
    taxonomy = load_taxonomy()
    assert taxonomy.label("disaster") == "Thiên tai, lũ lụt, sạt lở"
    assert taxonomy.label("disaster", "en") == "Floods, landslides and natural disasters"
    assert taxonomy.label("other", "en") == "Other"
    assert taxonomy.ancestors("online_scams") == ["security"]
    assert {t.code for t in taxonomy.children("admin_services")} >= {"admin_reorg"}
    with pytest.raises(NotFoundError):
        taxonomy.label("no_such_topic")


def test_other_has_a_label_even_when_not_listed() -> None:
    taxonomy = parse_taxonomy("topics:\n  - {code: a, label_vi: A, label_en: A, query: x}\n")
    assert taxonomy.label("other") == "Khác"


def test_load_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(
        "topics:\n  - code: flood\n    label_vi: Lũ\n    label_en: Flood\n"
        '    query: >-\n      "lũ lụt" OR\n      "ngập úng"\n',
        encoding="utf-8",
    )
    taxonomy = load_taxonomy(path)
    assert taxonomy.get("flood").query_source == '"lũ lụt" OR "ngập úng"'


def _topic(code: str, extra: str = "", query: str = "x") -> str:
    return f"  - {{code: {code}, label_vi: V, label_en: E, query: '{query}'{extra}}}\n"


@pytest.mark.parametrize(
    ("body", "code", "problem"),
    [
        (_topic("a") + _topic("a"), "a", "duplicate"),
        (_topic("a", ", parent: nowhere"), "a", "unknown parent 'nowhere'"),
        (_topic("a", ", parent: b") + _topic("b", ", parent: a"), "a", "cycle"),
        (_topic("a", query='("lũ" OR'), "a", "character 9"),
        (_topic("a", query='NOT "phim"'), "a", "empty document"),
        (_topic("a", ", colour: red"), "a", "unknown keys: colour"),
        ("  - {code: a, label_vi: V}\n", "a", "missing 'label_en'"),
    ],
)
def test_validation_names_the_topic_and_the_problem(body: str, code: str, problem: str) -> None:
    with pytest.raises(TaxonomyError) as caught:
        parse_taxonomy("topics:\n" + body, "my.yaml")
    assert caught.value.code == code
    assert f"'{code}'" in caught.value.message
    assert problem in caught.value.message
    assert "my.yaml" in caught.value.message


@pytest.mark.parametrize("text", ["topics: 3", "- a\n- b", "topics: [\n", ""])
def test_bad_files_are_refused_clearly(text: str) -> None:
    with pytest.raises(TaxonomyError):
        parse_taxonomy(text)


def test_bad_code_is_reported_by_position() -> None:
    with pytest.raises(TaxonomyError, match="topic #2"):
        parse_taxonomy("topics:\n" + _topic("ok") + _topic("Bad Code"))
