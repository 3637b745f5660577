#!/usr/bin/env python3
"""Start a new data file: python scripts/nieuw.py opgave|pilot|evaluatie [opties]

Asks for the required fields when run in a terminal, reads the answers one a line when they
are piped in, or takes them as options (see --help). Exit 0 when the file was made, 1 when
not, 2 on a usage error.
"""

import sys

from agenda.commands.nieuw import main

if __name__ == "__main__":
    sys.exit(main())
