"""What the commands that write files of the repository share: where the project is, and its
checked model."""

from __future__ import annotations

import sys
from pathlib import Path

from ..loader import load
from ..model import Model

ROOT = Path(__file__).resolve().parents[3]  # the project folder (the package is installed editable)


def project_model() -> Model | None:
    """The model of the project's data/, or None (said on stderr) when the data has errors."""
    model = load(ROOT / "data").model
    if model is None:
        print("fout: de gegevens bevatten fouten. Controleer ze met: .venv/bin/python scripts/validate.py", file=sys.stderr)
    return model
