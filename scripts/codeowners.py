#!/usr/bin/env python3
"""Write .github/CODEOWNERS from the data: python scripts/codeowners.py [--controleer]

With --controleer nothing is written: exit 1 when the file does not match the data.
Exit 2 when the data has errors (check them with scripts/validate.py).
"""

import sys

from agenda.commands.codeowners import main

if __name__ == "__main__":
    sys.exit(main())
