#!/usr/bin/env python3
"""What a change means for the agenda, in Markdown: python scripts/wijzigingen.py --base REF [DATA_DIR]

Exit 0 with the summary, 1 when the data has errors (they are listed), 2 on a usage error.
"""

import sys

from agenda.commands.wijzigingen import main

if __name__ == "__main__":
    sys.exit(main())
