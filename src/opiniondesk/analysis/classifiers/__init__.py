"""Trainable text classifiers for Vietnamese (topic, sentiment, any office label set).

`TextClassifier` is the one public recipe: n-gram views suited to Vietnamese (segmented words
or syllables, folded syllables, character n-grams of the folded text) and a linear SVM with
calibrated probabilities. Each `Prediction` carries the strongest terms behind it.
`LONG_DOCUMENT_PARAMS` is the preset measured for long articles (news feeds, reports).

The names are imported on first use: scikit-learn and scipy take about a second to import,
and commands that only read this package's tables should not pay for them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opiniondesk.analysis.classifiers.features import FeatureConfig
    from opiniondesk.analysis.classifiers.model import (
        ARTEFACT_FORMAT,
        Prediction,
        TextClassifier,
    )
    from opiniondesk.analysis.classifiers.params import LONG_DOCUMENT_PARAMS, ModelParams

__all__ = [
    "ARTEFACT_FORMAT",
    "LONG_DOCUMENT_PARAMS",
    "FeatureConfig",
    "ModelParams",
    "Prediction",
    "TextClassifier",
]

_HOMES = {
    "ARTEFACT_FORMAT": "model",
    "Prediction": "model",
    "TextClassifier": "model",
    "FeatureConfig": "features",
    "LONG_DOCUMENT_PARAMS": "params",
    "ModelParams": "params",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
