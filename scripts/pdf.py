#!/usr/bin/env python3
"""Print the printable editions of the built site to PDF: python scripts/pdf.py SITE_DIR [--uit MAP]

Needs Chromium (Debian: apt-get install chromium; or set CHROMIUM to the program). Writes one
PDF per edition (the agenda of each period, the evaluation of each year) into MAP, by default
build/pdf. Exit 0 when every PDF was made, 1 when not, 2 on a usage error.
"""

import sys

from agenda.commands.pdf import main

if __name__ == "__main__":
    sys.exit(main())
