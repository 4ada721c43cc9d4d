"""Model parameters of the classifier recipe (the feature views have their own config)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace

__all__ = ["DEFAULT_C_GRID", "LONG_DOCUMENT_PARAMS", "ModelParams"]

# Chosen among by cross-validation on the training data when `C` is "auto".
DEFAULT_C_GRID = (0.05, 0.1, 0.2, 0.4, 0.8)

# For long articles (news, reports: thousands of characters each). Character n-grams and
# folded copies multiply the cost by the text length; in a whole article the context tells
# the words apart without their diacritics, so folded syllable 1-2-grams alone (0.2 points
# below the same n-grams with diacritics on VNTC, within noise) make the model blind to
# missing diacritics. Bigrams seen in one training article only are noise (min_df 2).
LONG_DOCUMENT_PARAMS: dict[str, object] = {
    "syllables": None,
    "words": None,
    "folded": (1, 2),
    "chars": None,
    "min_df": 2,
    "augment_folded": False,
    "c_grid": (0.5, 1.0, 2.0),
}


@dataclass(frozen=True, slots=True)
class ModelParams:
    """C ("auto" = cross-validated on the training data), class weights, calibration, seed."""

    C: float | str = "auto"
    c_grid: tuple[float, ...] = DEFAULT_C_GRID
    tuning_folds: int = 3
    class_weight: str | None = "balanced"
    calibration_folds: int = 3
    augment_folded: bool = True
    seed: int = 0
    n_terms: int = 5

    @classmethod
    def from_mapping(cls, params: Mapping[str, object]) -> ModelParams:
        """Parameters named in `params`; keys that belong to the feature config are skipped."""
        known = {f.name for f in fields(cls)}
        values: dict[str, object] = {}
        for key, value in params.items():
            if key not in known:
                continue
            if key == "c_grid" and isinstance(value, list | tuple):
                value = tuple(float(v) for v in value)
            elif key == "C" and value != "auto":
                value = float(value)  # type: ignore[arg-type]
            values[key] = value
        if values.get("C", "auto") != "auto" and float(values["C"]) <= 0:  # type: ignore[arg-type]
            raise ValueError("C must be positive or 'auto' / C phải dương hoặc 'auto'")
        return replace(cls(), **values)  # type: ignore[arg-type]

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
