#!/usr/bin/env python3
"""Check the links of the built site: python scripts/check_links.py SITE_DIR [--extern]

Without --extern: every internal link and anchor (offline, after `mkdocs build`).
With --extern: every link to another host, over the network (for a scheduled CI job).
Exit 0 when every link works, 1 when not, 2 on a usage error.
"""

import sys

from agenda.commands.check_links import main

if __name__ == "__main__":
    sys.exit(main())
