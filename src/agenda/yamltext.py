"""Write one value as YAML text, quoted exactly where the YAML reader needs it."""

from __future__ import annotations

import re

import yaml

_NO_WRAP = 2**31
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def inline(value: str | int | float | bool | list) -> str:
    """``value`` as it would follow ``veld: `` on one line (a list in [a, b] form).

    A date stays unquoted, as people write it: the reader keeps dates as text.
    """
    if isinstance(value, str) and _DATE.fullmatch(value):
        return value
    text = yaml.safe_dump(
        value, default_flow_style=True, allow_unicode=True, width=_NO_WRAP, sort_keys=False
    )
    return text.removesuffix("\n...\n").removesuffix("\n")
