"""The targets `make bench` checks its figures against (set for the engine at scale in issue 7).

Each is a maximum; the table of ``benchmarks/bench.py`` says per target what was measured and
whether it is met.
"""

from __future__ import annotations

# `mkdocs build --strict` of our site over that of a plain Material site with as many pages, in
# processor time, at these sizes
MAX_BUILD_VS_PLAIN_SITE = 1.3
BUILD_SIZES = (1000, 5000)
# the build time per extra record, from the first step in size to the last: our reading of "grows
# linearly"
MAX_GROWTH_PER_RECORD = 1.3
# the size at which validation and page size are judged
LARGE_SIZE = 5000
MAX_VALIDATION_VS_PARSING = 2.0  # agenda.loader.load over PyYAML's C loader alone
MAX_PAGE_KB = 100
MAX_PEAK_MEMORY_MB = 1024  # of the build, at every size
# from saving a data file under `mkdocs serve` until the page shows it, on the real data
MAX_SERVE_SECONDS = 2.0
