"""A command-line parser that speaks Dutch: help, usage and argparse's own error messages."""

from __future__ import annotations

import argparse
import re
import sys

# argparse's messages, in Dutch
_MESSAGES = (
    (r"^the following arguments are required: (.*)", r"geef ook op: \1."),
    (r"^argument (.*): invalid choice: '(.*?)' \(choose from (.*)\)", r"'\2' kan niet bij \1; kies uit: \3."),
    (r"^unrecognized arguments: (.*)", r"niet begrepen: \1. Zie --help voor wat kan."),
    (r"^argument (\S+): expected one argument", r"na \1 hoort een waarde."),
    (r"^argument (\S+): invalid \w+ value: '(.*)'", r"'\2' is geen geldige waarde voor \1."),
)


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001 - argparse's signature
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchParser(argparse.ArgumentParser):
    """Usage errors exit 2 with 'fout in de opdracht: ...'; --help is in Dutch."""

    def __init__(self, **kwargs):
        super().__init__(formatter_class=_Formatter, add_help=False, **kwargs)
        self._optionals.title = "opties"
        self._positionals.title = "argumenten"
        self.add_argument("-h", "--help", action="help", help="toon deze uitleg en stop")

    def error(self, message: str) -> None:
        for english, dutch in _MESSAGES:
            message = re.sub(english, dutch, message)
        self.print_usage(sys.stderr)
        print(f"fout in de opdracht: {message}", file=sys.stderr)
        sys.exit(2)
