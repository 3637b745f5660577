"""Exports: the loaded model as open data (JSON, CSV), an Atom feed and an iCalendar file, and
the history of the data folder in git. Pure functions, except ``git_history`` which asks git."""
