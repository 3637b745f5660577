#!/usr/bin/env python3
"""Start a new data file: python scripts/nieuw.py opgave|pilot|evaluatie [opties]

Asks for the required fields when run in a terminal, or takes them as options
(see --help). Exit 0 when the file was made, 1 when not, 2 on a usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from agenda.scaffold import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
