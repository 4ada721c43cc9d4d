"""Issue discovery: cluster recent documents no topic covers, label the clusters with their
distinctive terms (c-TF-IDF) and representative documents, store each result as an immutable
run, and let an analyst promote a cluster to a topic (a rule and/or training labels).

Public API: `service.discover`, `service.report`, `service.list_runs`, `service.promote`;
`clustering.ClusterParams`; `window.resolve_window`. CLI: `opiniondesk discover`.
"""
