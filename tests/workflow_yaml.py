"""Reading the repository's GitHub files (workflows, issue forms) with the project's own YAML
reader, and asking make what a target would run. Shared by the tests of the conventions and of
the workflows.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from agenda.yamlfile import read_yaml

ROOT = Path(__file__).parents[1]
GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
FORMS = GITHUB / "ISSUE_TEMPLATE"


def read(path: Path) -> dict:
    doc, problems = read_yaml(str(path), path.read_bytes())
    assert problems == [], [p.format() for p in problems]
    return doc.data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def runs(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def uses(workflow: dict, action: str) -> dict:
    [step] = [step for step in steps(workflow) if step.get("uses", "").startswith(action + "@")]
    return step


def make_would_run(target: str) -> list[str]:
    """The commands `make TARGET` would run, in order (`make -n`: nothing runs)."""
    # outside the make that may run these tests (its MAKEFLAGS would add "Entering directory" lines)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("MAKE", "MFLAGS"))}
    done = subprocess.run(["make", "-n", target], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()
