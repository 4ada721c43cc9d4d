"""The catalogue is complete in both languages; numbers are written each language's way."""

from __future__ import annotations

import string
from datetime import date
from pathlib import Path

import pytest

from opiniondesk.web.formatting import format_date, format_int, format_percent
from opiniondesk.web.i18n import CATALOGUE, EN, VI, Translator, normalise_language

TEMPLATES = Path(__file__).resolve().parents[2] / "src/opiniondesk/web/templates"


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_exists_in_both_languages() -> None:
    assert set(VI) == set(EN)


@pytest.mark.parametrize("key", sorted(VI))
def test_both_languages_use_the_same_placeholders(key: str) -> None:
    assert _placeholders(VI[key]) == _placeholders(EN[key])


def test_every_key_used_by_a_template_exists() -> None:
    import re

    used = set()
    for path in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+)["']""", path.read_text("utf-8")))
    assert used, "no t(...) calls found"
    for language, messages in CATALOGUE.items():
        assert used <= set(messages), (language, used - set(messages))


def test_translator_fills_values() -> None:
    assert Translator("vi")("suppressed_small", k=5) == "<5"
    assert Translator("en")("card_change_note", value="1,234") == "Previous period: 1,234 opinions"


def test_unknown_language_falls_back_to_vietnamese() -> None:
    assert normalise_language("fr") == "vi"
    assert normalise_language("en") == "en"
    assert normalise_language(None, "en") == "en"


class TestNumbers:
    def test_thousands(self) -> None:
        assert format_int(1234567, "vi") == "1.234.567"
        assert format_int(1234567, "en") == "1,234,567"
        assert format_int(12, "vi") == "12"

    def test_percent(self) -> None:
        assert format_percent(0.125, "vi") == "12,5%"
        assert format_percent(0.125, "en") == "12.5%"
        assert format_percent(12.345, "vi") == "1.234,5%"

    def test_signed_change(self) -> None:
        assert format_percent(0.5, "vi", signed=True) == "+50,0%"
        assert format_percent(-0.25, "en", signed=True) == "\u221225.0%"
        assert format_percent(0.0, "vi", signed=True) == "0,0%"

    def test_dates(self) -> None:
        assert format_date(date(2025, 7, 1)) == "01/07/2025"
