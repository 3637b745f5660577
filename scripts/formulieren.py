#!/usr/bin/env python3
"""Write the issue forms from the data: python scripts/formulieren.py [--controleer]
"""

import sys

from agenda.commands.formulieren import main

if __name__ == "__main__":
    sys.exit(main())
