"""Every check of a data folder's documents, and the one entry point the loader calls.

Each check reads the same :class:`~.documents.Documents`. First each document is checked against
its schema (:mod:`.schema`); the documents that pass go on to the other checks, in this order: the
codes (:mod:`.codes`: file names, unique codes, references, the gremium hierarchy), the status
histories, the privacy guard, invisible characters, the limits on Markdown texts, Markdown in
plain texts and the review dates. Each check yields problems with the line of the offending value.

The comparison with another git revision of the data (``validate.py --base``) is
:mod:`.changes_since`; it reads the files at that revision itself.
"""

from __future__ import annotations

import functools
from datetime import date

from ..problems import Problem
from .codes import check_file_names, check_hierarchy, check_references, check_unique_ids
from .documents import Documents
from .invisible_characters import check_invisible_characters
from .markdown_limits import check_markdown
from .plain_text import check_plain_text
from .privacy import check_privacy
from .review_dates import check_review_dates
from .schema import check_schemas
from .status_order import check_histories


def check_all(docs: Documents, today: date) -> list[Problem]:
    """Every problem of ``docs``, check by check; ``today`` decides which herzieningen are due."""
    problems, valid = check_schemas(docs)
    for check in (
        check_file_names,
        check_unique_ids,
        check_references,
        check_hierarchy,
        check_histories,
        check_privacy,
        check_invisible_characters,
        check_markdown,
        check_plain_text,
        functools.partial(check_review_dates, today=today),
    ):
        problems.extend(check(valid))
    return problems


__all__ = ["Documents", "check_all"]
