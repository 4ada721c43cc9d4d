"""A seeded generator of a realistic Vietnamese demo corpus, as files per channel or a stream.

manifest = generate_demo_corpus(Path("demo"), seed=2025, documents=6000)
for item in iter_synthetic_items(100_000, seed=1): ...
"""

from opiniondesk.demo.corpus import generate_demo_corpus
from opiniondesk.demo.manifest import DemoManifest, ManifestEntry, PlantedIssue
from opiniondesk.demo.stream import iter_synthetic_items

__all__ = [
    "DemoManifest",
    "ManifestEntry",
    "PlantedIssue",
    "generate_demo_corpus",
    "iter_synthetic_items",
]
