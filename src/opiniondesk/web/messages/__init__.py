"""Feature message catalogues: one module per feature, each with a `VI` and an `EN` dict.

They are merged into `opiniondesk.web.i18n` at import, so a new feature adds its strings in its
own file instead of every feature editing one long catalogue. A key defined twice is an error.
"""
