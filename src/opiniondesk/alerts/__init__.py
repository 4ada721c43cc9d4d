"""Emerging-issue alerts: a topic rising in a province or commune, detected from the rollups.

`service.detect_alerts` is the entry point (CLI `opiniondesk alerts detect`, scheduled jobs);
the method, its parameters and its false-alarm rate are described in `detector.py`.
"""
