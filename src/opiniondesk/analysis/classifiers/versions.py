"""Versions of the libraries a fitted classifier depends on, recorded with every artefact."""

from __future__ import annotations

from importlib import metadata

__all__ = ["library_versions"]

_LIBRARIES = ("scikit-learn", "numpy", "scipy", "pyvi")


def library_versions() -> dict[str, str]:
    """Installed version of each library, or "absent"."""
    out: dict[str, str] = {}
    for name in _LIBRARIES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "absent"
    return out
