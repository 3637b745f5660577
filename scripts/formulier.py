#!/usr/bin/env python3
"""Apply a submitted issue form to the data: python scripts/formulier.py BODY_FILE [--data DIR]
"""

import sys

from agenda.commands.formulier import main

if __name__ == "__main__":
    sys.exit(main())
