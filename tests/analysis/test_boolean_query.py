"""The query language: parsing, precedence, errors, and phrase matching semantics."""

from __future__ import annotations

import pytest

from opiniondesk.analysis.boolean_query import (
    And,
    Not,
    Or,
    Phrase,
    PhraseMatcher,
    QuerySyntaxError,
    fold,
    parse_query,
)
from opiniondesk.errors import InputError


def test_precedence_not_binds_tighter_than_and_than_or() -> None:
    q = parse_query("a OR b AND NOT c")
    assert q.root == Or((Phrase("a"), And((Phrase("b"), Not(Phrase("c"))))))


def test_parentheses_and_quoted_phrases() -> None:
    q = parse_query('("sạt lở" OR "lở đất" OR "sụt lún") AND NOT "phim"')
    assert q.root == And(
        (Or((Phrase("sạt lở"), Phrase("lở đất"), Phrase("sụt lún"))), Not(Phrase("phim")))
    )
    assert q.positive_phrases == {"sạt lở", "lở đất", "sụt lún"}


def test_implicit_and_between_adjacent_terms() -> None:
    assert parse_query('"bờ sông" sạt').root == And((Phrase("bờ sông"), Phrase("sạt")))
    assert parse_query("a NOT b").root == And((Phrase("a"), Not(Phrase("b"))))


def test_lower_case_operators_are_ordinary_words() -> None:
    assert parse_query("a or b").root == And((Phrase("a"), Phrase("or"), Phrase("b")))


def test_phrases_are_canonical_lower_case_and_typographic_quotes_work() -> None:
    q = parse_query("“Giá  Điện” OR (tiền-điện AND tăng)")
    assert q.phrases == ("giá điện", "tiền điện", "tăng")


def test_nested_example_from_the_design() -> None:
    q = parse_query('"giá điện" OR ("tiền điện" AND (tăng OR cao))')
    assert q.matches({"tiền điện", "cao"})
    assert q.matches({"giá điện"})
    assert not q.matches({"tiền điện"})


@pytest.mark.parametrize(
    ("query", "position", "expected"),
    [
        ("", 0, "a phrase"),
        ("a AND", 5, "a phrase"),
        ("(a OR b", 7, "closing ')'"),
        ("a)", 1, "AND/OR"),
        ('a "sạt lở', 2, "closing quote"),
        ("OR a", 0, "a phrase"),
        ("a AND OR b", 6, "a phrase"),
        ('a "!!"', 2, "phrase with words"),
        ("a ()", 3, "a phrase"),
        ("NOT", 3, "a phrase"),
    ],
)
def test_syntax_errors_say_where_and_what(query: str, position: int, expected: str) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query(query)
    error = caught.value
    assert isinstance(error, InputError)
    assert error.position == position
    assert expected in error.expected
    assert f"ký tự {position + 1}" in error.message  # Vietnamese
    assert f"character {position + 1}" in error.message  # and English


def _find(phrases: list[str], text: str) -> set[str]:
    return PhraseMatcher(phrases).find(text, fold(text))


def test_diacritic_phrase_matches_case_insensitively() -> None:
    assert _find(["sạt lở"], "SẠT LỞ bờ sông Tiền") == {"sạt lở"}


def test_diacritic_text_does_not_match_other_tones() -> None:
    assert _find(["sạt lở"], "Thanh sắt lỡ rơi xuống đường") == set()


def test_text_without_diacritics_matches_folded() -> None:
    assert _find(["sạt lở", "bờ sông"], "sat lo bo song nghiem trong qua") == {"sạt lở", "bờ sông"}


def test_single_accented_word_is_not_used_on_folded_text() -> None:
    # "chùa" folded is "chua", which in such a text is nearly always "chưa".
    assert _find(["chùa"], "van chua sua duong") == set()
    assert _find(["chùa"], "Chùa Một Cột đông khách") == {"chùa"}


def test_whole_words_only() -> None:
    assert _find(["lở"], "Đá lởm chởm trên đường") == set()
    assert _find(["lo"], "toi rat long nhieu") == set()
    assert _find(["lở"], "sạt lở") == {"lở"}


def test_overlapping_and_nested_phrases_are_all_found() -> None:
    found = _find(["tiền điện", "điện tăng", "điện", "giá"], "Tiền điện tăng quá")
    assert found == {"tiền điện", "điện tăng", "điện"}


def test_punctuation_breaks_a_phrase_but_symbols_do_not() -> None:
    assert _find(["lở đất"], "bị sạt lở. Đất đá tràn ra") == set()
    assert _find(["covid 19"], "Ca mắc COVID-19 tăng") == {"covid 19"}


def test_tone_placement_and_i_y_variants() -> None:
    assert _find(["hòa giải"], "tổ hoà giải cơ sở") == {"hòa giải"}
    assert _find(["thuỷ lợi"], "kênh thủy lợi") == {"thuỷ lợi"}
    assert _find(["kỹ thuật"], "lỗi kĩ thuật") == {"kỹ thuật"}


def test_mostly_accented_text_with_one_plain_word_stays_accented() -> None:
    # One unaccented loan word does not switch the document to folded matching.
    assert _find(["sắt"], "Giá sắt thép tăng mạnh trong tháng này, app báo giá") == {"sắt"}
    assert _find(["sạt lở"], "Giá sắt thép tăng mạnh trong tháng này") == set()
