"""Loaders for the shared evaluation corpora (VNTC, UIT-VSFC) — bench/evaluation only.

These corpora are real public data used to measure the classifiers; the product never reads
them at run time, never ships them, and never depends on them. The root folder defaults to
`../shared/data` next to the checkout and can be moved with OPINIONDESK_SHARED_DATA.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SENTIMENT_LABELS = {"0": "negative", "1": "neutral", "2": "positive"}
TOPIC_LABELS = {"0": "lecturer", "1": "training_program", "2": "facility", "3": "others"}

# UIT-VSFC replaced emoticons and a few symbols by letter-only tokens (see its README);
# mapping them back gives the text the desk will really see ("giảng hay :)").
UIT_SYMBOLS = {
    "colonsmile": ":)",
    "colonsad": ":(",
    "colonsurprise": "@@",
    "colonlove": "<3",
    "colonsmilesmile": ":D",
    "coloncontemn": ":3",
    "colonbigsmile": ":v",
    "coloncc": ":_",
    "colonsmallsmile": ":p",
    "coloncolon": ">>",
    "colonlovelove": ':">',
    "colonhihi": "^^",
    "doubledot": ":",
    "colonsadcolon": ":'(",
    "colondoublesurprise": ":@",
    "vdotv": "v.v",
    "dotdotdot": "...",
    "fraction": "/",
    "csharp": "c#",
}


@dataclass(frozen=True, slots=True)
class Corpus:
    """Parallel texts and labels with a short note on where they came from."""

    name: str
    texts: list[str]
    labels: list[str]
    note: str


def shared_data() -> Path:
    override = os.environ.get("OPINIONDESK_SHARED_DATA")
    return Path(override) if override else ROOT.parent / "shared" / "data"


class CorpusMissing(FileNotFoundError):
    """The shared corpus folder is absent (a user's checkout has no ../shared)."""


def _require(path: Path) -> Path:
    if not path.exists():
        raise CorpusMissing(
            f"{path} not found; set OPINIONDESK_SHARED_DATA to the folder that holds "
            "vntc/ and uit_vsfc/ / không thấy dữ liệu đánh giá"
        )
    return path


def _lines(path: Path) -> list[str]:
    # The last line may lack a trailing newline; empty trailing lines are not records.
    lines = _require(path).read_text(encoding="utf-8").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def uit_vsfc(split: str, task: str, *, restore_symbols: bool = False) -> Corpus:
    """UIT-VSFC `split` (train/dev) for `task` (sentiment/topic)."""
    folder = shared_data() / "uit_vsfc" / split
    texts = _lines(folder / "sents.txt")
    codes = _lines(folder / ("sentiments.txt" if task == "sentiment" else "topics.txt"))
    if len(texts) != len(codes):
        raise ValueError(f"{folder}: {len(texts)} sentences but {len(codes)} labels")
    names = SENTIMENT_LABELS if task == "sentiment" else TOPIC_LABELS
    if restore_symbols:
        texts = [" ".join(UIT_SYMBOLS.get(w, w) for w in t.split()) for t in texts]
    return Corpus(
        name=f"uit-{task}",
        texts=texts,
        labels=[names[c.strip()] for c in codes],
        note=f"UIT-VSFC {split} ({len(texts)} sentences)",
    )


def _vntc_rows() -> Iterator[dict[str, str]]:
    path = _require(shared_data() / "vntc" / "train.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def vntc_key(text: str) -> str:
    """Duplicate key: the text after case and whitespace folding."""
    folded = " ".join(text.lower().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def vntc(*, dedupe: bool = True) -> Corpus:
    """VNTC train split; with `dedupe`, only the first of texts equal after folding is kept."""
    texts: list[str] = []
    labels: list[str] = []
    seen: set[str] = set()
    dropped = 0
    for row in _vntc_rows():
        key = vntc_key(row["text"])
        if dedupe and key in seen:
            dropped += 1
            continue
        seen.add(key)
        texts.append(row["text"])
        labels.append(row["label"])
    note = f"VNTC train, {len(texts)} articles"
    if dedupe:
        note += f" ({dropped} duplicates removed)"
    return Corpus(name="vntc", texts=texts, labels=labels, note=note)
