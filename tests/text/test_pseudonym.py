from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest

from opiniondesk.text.pseudonym import author_key


def test_shape_and_stability() -> None:
    key = author_key("secret", "facebook", "Nguyễn Văn A")
    assert len(key) == 32 and all(c in "0123456789abcdef" for c in key)
    assert key == author_key("secret", "facebook", "Nguyễn Văn A")


def test_stable_across_processes() -> None:
    code = (
        "from opiniondesk.text.pseudonym import author_key;"
        "print(author_key('secret', 'facebook', 'Nguyễn Văn A'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == author_key("secret", "facebook", "Nguyễn Văn A")


def test_keyed_and_per_channel() -> None:
    base = author_key("secret", "facebook", "user1")
    assert author_key("other-secret", "facebook", "user1") != base
    assert author_key("secret", "zalo", "user1") != base
    assert author_key("secret", "facebook", "user2") != base
    assert author_key("secret", "ab", "c") != author_key("secret", "a", "bc")


def test_handle_normalised() -> None:
    nfd = unicodedata.normalize("NFD", "  NGUYỄN Văn A ")
    assert author_key("k", "c", nfd) == author_key("k", "c", "nguyễn văn a")


def test_empty_key_refused() -> None:
    with pytest.raises(ValueError):
        author_key("", "c", "a")
