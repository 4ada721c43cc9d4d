"""Surveys: XLSForm import, response import/export, weighting and estimates with CIs."""
