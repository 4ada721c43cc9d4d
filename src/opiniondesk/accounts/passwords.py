"""Password rules and argon2id hashes."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from opiniondesk.errors import InputError

MIN_LENGTH = 12
MAX_LENGTH = 1024  # hashing a megabyte on every login attempt would be a denial of service

# argon2id with 19 MiB and 2 passes (OWASP's password-storage baseline): about 110 ms a
# verification on the 2-core reference machine, where argon2-cffi's 64 MiB default takes
# 550 ms and would let a burst of sign-in attempts occupy the server. A hash records its own
# parameters, and `needs_rehash` upgrades old hashes at the next sign-in if these change.
# Tests swap in a cheaper hasher.
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def check_password_rules(password: str, *, username: str) -> None:
    """Refuse a password that is too short, too long, or the username itself."""
    if len(password) < MIN_LENGTH:
        raise InputError(
            f"Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự (hiện có {len(password)}). / "
            f"A password needs at least {MIN_LENGTH} characters (this one has {len(password)})."
        )
    if len(password) > MAX_LENGTH:
        raise InputError(
            f"Mật khẩu dài quá {MAX_LENGTH} ký tự. / A password can be at most {MAX_LENGTH} "
            "characters."
        )
    if password.strip().casefold() == username.strip().casefold():
        raise InputError(
            "Mật khẩu không được trùng tên đăng nhập. / The password must not be the username."
        )


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when `password` matches; argon2 compares in constant time."""
    try:
        return HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with other parameters than today's (rehash on login)."""
    try:
        return HASHER.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


@cache
def _dummy_hash() -> str:
    return HASHER.hash("not-a-password-of-anyone")


def spend_verification_time(password: str) -> None:
    """Verify against a throwaway hash, so an unknown username takes as long as a known one
    and response times do not reveal which usernames exist."""
    verify_password(_dummy_hash(), password)
