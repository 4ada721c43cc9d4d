"""Password rules and hashes."""

from __future__ import annotations

import pytest

from opiniondesk.accounts import passwords
from opiniondesk.accounts.passwords import (
    MIN_LENGTH,
    check_password_rules,
    hash_password,
    needs_rehash,
    verify_password,
)
from opiniondesk.errors import InputError


class TestRules:
    def test_minimum_length_is_twelve(self) -> None:
        assert MIN_LENGTH == 12
        check_password_rules("x" * 12, username="lan")
        with pytest.raises(InputError, match="12"):
            check_password_rules("x" * 11, username="lan")

    @pytest.mark.parametrize("password", ["nguyenvanlan", "  NguyenVanLan ", "NGUYENVANLAN"])
    def test_username_is_refused_as_password(self, password: str) -> None:
        with pytest.raises(InputError, match="username"):
            check_password_rules(password, username="nguyenvanlan")

    def test_absurdly_long_password_is_refused(self) -> None:
        with pytest.raises(InputError):
            check_password_rules("x" * 5000, username="lan")

    def test_vietnamese_passphrase_is_fine(self) -> None:
        check_password_rules("mưa rào tháng sáu ở Huế", username="lan")


class TestHashes:
    def test_argon2id_hash_verifies(self) -> None:
        stored = hash_password("mưa rào tháng sáu")
        assert stored.startswith("$argon2id$")
        assert "mưa" not in stored
        assert verify_password(stored, "mưa rào tháng sáu")
        assert not verify_password(stored, "mua rao thang sau")

    def test_same_password_hashes_differently(self) -> None:
        assert hash_password("a long passphrase") != hash_password("a long passphrase")

    def test_garbage_hash_does_not_verify(self) -> None:
        assert not verify_password("not a hash", "anything at all")

    def test_hash_with_other_parameters_needs_rehash(self, monkeypatch) -> None:
        old = hash_password("a long passphrase")  # the tests' cheap parameters
        monkeypatch.setattr(passwords, "HASHER", passwords.PasswordHasher(time_cost=2))
        assert needs_rehash(old)
        assert verify_password(old, "a long passphrase")  # still verifies meanwhile
        assert not needs_rehash(hash_password("a long passphrase"))
