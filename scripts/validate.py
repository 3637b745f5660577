#!/usr/bin/env python3
"""Check every data file: python scripts/validate.py [DATA_DIR]

Exit 0 when the data is valid (warnings allowed), 1 when not, 2 on a usage error.
"""

import sys

from agenda.commands.validate import run

if __name__ == "__main__":
    sys.exit(run())
