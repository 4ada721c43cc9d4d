"""Keyed pseudonyms for authors from public sources (DESIGN §4.1: counted, never traced).

HMAC-SHA256 with the deployment's secret key: stable across processes and machines (unlike
Python's salted `hash()`), useless for re-identification without the key, and different per
channel so one person's handles on two channels cannot be joined.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata

__all__ = ["author_key"]

_LENGTH = 32  # hex characters = 128 bits, ample against collisions in one deployment


def _normalise_handle(author: str) -> str:
    return unicodedata.normalize("NFC", author).strip().casefold()


def author_key(secret_key: str, channel: str, author: str) -> str:
    """32-hex-character pseudonym of `author` on `channel` under `secret_key`.

    The handle is normalised (NFC, surrounding spaces, case) so "Nguyễn A " and "nguyễn a"
    are one author. The channel and handle are length-prefixed so ("ab", "c") and ("a", "bc")
    cannot collide."""
    if not secret_key:
        raise ValueError("author_key needs a non-empty secret key")
    handle = _normalise_handle(author).encode("utf-8")
    chan = channel.strip().casefold().encode("utf-8")
    message = len(chan).to_bytes(4, "big") + chan + handle
    digest = hmac.new(secret_key.encode("utf-8"), message, hashlib.sha256).hexdigest()
    return digest[:_LENGTH]
