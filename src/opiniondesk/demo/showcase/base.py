"""What every showcase step receives and what it hands back for the console."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from opiniondesk.config import Settings
from opiniondesk.demo.manifest import DemoManifest

# every showcase e-mail address is in a reserved domain (RFC 2606): nothing can ever be
# delivered there, even on a desk with SMTP configured
DEMO_MAIL_DOMAIN = "demo.invalid"


@dataclass(frozen=True, slots=True)
class ShowcaseContext:
    settings: Settings
    manifest: DemoManifest
    folder: Path  # the demo corpus folder: files the showcase imports are written there
    password: str  # the demo accounts' password, also given to the demo collaborators
    now: datetime  # UTC; the showcase's past is measured back from it
    seed: int

    def stable_id(self, *parts: object) -> uuid.UUID:
        """A UUID that is the same on every run with the same seed: the natural key that
        makes a second `opiniondesk demo` add nothing."""
        name = "/".join(str(p) for p in ("opiniondesk-demo", self.seed, *parts))
        return uuid.uuid5(uuid.NAMESPACE_URL, name)


@dataclass(frozen=True, slots=True)
class Seeded:
    """One console line: what a feature now holds and how much of it this run added."""

    feature_vi: str
    feature_en: str
    summary_vi: str
    summary_en: str
    added: int
    url: str = ""  # the page worth opening for this feature, if any

    def __str__(self) -> str:
        return (
            f"{self.feature_vi} / {self.feature_en}: {self.summary_vi} / {self.summary_en} "
            f"(mới / new: {self.added})"
        )
