"""Exports: the loaded model as open data (JSON, CSV), an Atom feed and an iCalendar file.
Pure functions: model in, text out."""
