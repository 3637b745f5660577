"""Links from the site to the repository on GitHub: a prefilled issue form.

The form "Meld een fout" (.github/ISSUE_TEMPLATE/meld-een-fout.yml) has a
field ``pagina``; GitHub fills a form field from the query parameter with its
id, so the reader does not have to copy the address of the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote, urlencode

ERROR_FORM = "meld-een-fout.yml"
PAGE_FIELD = "pagina"


def issue_url(repository: str, template: str, title: str, fields: Mapping[str, str] | None = None) -> str:
    """The address of a new issue in ``repository`` (https://github.com/owner/name) with a form."""
    query = urlencode({"template": template, "title": title, **(fields or {})}, quote_via=quote)
    return f"{repository.rstrip('/')}/issues/new?{query}"


def error_report_url(repository: str, page: str, page_title: str) -> str:
    """'Meld een fout op deze pagina': the error form, with the page already filled in."""
    return issue_url(repository, ERROR_FORM, f"Fout: {page_title}", {PAGE_FIELD: page})
