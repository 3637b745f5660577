"""A small git repository made by a test: a copy of the valid fixture in data/, then
commits with fixed dates (git init, commit, change, commit)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "geldig"


class GitRepo:
    def __init__(self, root: Path):
        self.root = root
        shutil.copytree(FIXTURE, root / "data")
        self.git("init", "--quiet", "--initial-branch=main")

    def git(self, *args: str, day: str = "2025-01-01") -> str:
        """Run git in the repository, as a test author, on ``day``; returns what it prints."""
        stamp = f"{day}T12:00:00+01:00"
        env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
        done = subprocess.run(
            ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
            cwd=self.root, check=True, capture_output=True, text=True, env=env,
        )
        return done.stdout

    def commit(self, message: str, day: str = "2025-01-01") -> None:
        self.git("add", "--all", day=day)
        self.git("commit", "--quiet", "--allow-empty", "-m", message, day=day)

    def edit(self, name: str, old: str, new: str) -> None:
        """Replace the one occurrence of ``old`` in the file ``name`` by ``new``."""
        path = self.root / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} not once in {name}"
        path.write_text(text.replace(old, new), encoding="utf-8")
