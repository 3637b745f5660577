"""The repository's conventions: workflows, issue forms, pull request template, pre-commit,
CODEOWNERS and the links into them. Every YAML file is read with the project's own reader.
"""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from agenda.annotations import github_annotation
from agenda.codeowners import PATH as CODEOWNERS
from agenda.codeowners import owning_team, render
from agenda.loader import load
from agenda.problems import Problem
from agenda.render.links import ERROR_FORM, PAGE_FIELD, error_report_url
from agenda.schema_fields import schema_field
from workflow_yaml import FORMS, GITHUB, ROOT, make_would_run, read, runs, uses

FIXTURE = Path(__file__).parent / "fixtures" / "geldig"


@pytest.mark.parametrize(
    "path",
    sorted([*GITHUB.glob("workflows/*.yml"), *FORMS.glob("*.yml"), ROOT / ".pre-commit-config.yaml"]),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_yaml_files_are_valid(path: Path) -> None:
    assert isinstance(read(path), dict)


def test_pull_requests_run_make_test_and_the_base_checks() -> None:
    ci = read(GITHUB / "workflows" / "ci.yml")
    assert "pull_request" in ci["on"] and ci["on"]["push"] == {"branches-ignore": ["main"]}  # main: pages.yml
    controle = {"jobs": {"controle": ci["jobs"]["controle"]}}
    assert ci["jobs"]["controle"]["permissions"] == {"contents": "read"}
    assert uses(controle, "actions/checkout")["with"]["fetch-depth"] == 0
    commands = runs(controle)
    # .ci/run installs the browser tests' tools and calls make test (see the test below)
    assert "./.ci/run" in commands.splitlines()
    assert 'git merge-base "origin/$BASE_REF" HEAD' in commands
    assert 'scripts/validate.py --format github --base "$base"' in commands
    # the site is built by 'make test' into site/, after validation (pages.yml publishes it)
    commands = make_would_run("test")
    [build] = [n for n, command in enumerate(commands) if "/mkdocs build " in command]
    assert "--site-dir site" in commands[build]
    assert any("scripts/validate.py" in command for command in commands[:build])


def test_main_is_published_on_github_pages_beside_the_previews() -> None:
    pages = read(GITHUB / "workflows" / "pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"]
    assert pages["jobs"]["bouwen"]["permissions"] == {"contents": "read"}
    assert "make test" in runs(pages).splitlines()
    assert uses(pages, "actions/upload-artifact")["with"]["path"] == "site/"
    deploy = pages["jobs"]["publiceren"]
    assert deploy["needs"] == "bouwen"
    assert deploy["permissions"] == {"contents": "write"}
    assert all("run" not in step for step in deploy["steps"])
    publish = uses(pages, "JamesIves/github-pages-deploy-action")["with"]
    # the whole site is replaced, except the previews of pull requests (samenvatting.yml)
    assert (publish["branch"], publish["folder"], publish["clean"]) == ("gh-pages", "site", True)
    assert publish["clean-exclude"].split() == ["pr-*"]
    assert "target-folder" not in publish
    assert pages["concurrency"]["group"] == "gh-pages"


@pytest.mark.parametrize("path", sorted(GITHUB.glob("workflows/*.yml")), ids=lambda p: p.name)
def test_workflows_give_no_job_that_runs_project_code_a_write_permission(path: Path) -> None:
    workflow = read(path)
    for name, job in workflow["jobs"].items():
        # a job's own permissions replace the workflow's; without either, the repository's default
        # applies, which may be write access to everything
        permissions = job.get("permissions", workflow.get("permissions"))
        assert isinstance(permissions, dict), f"{name}: no explicit permissions"
        job_steps = job.get("steps", [])
        if any("run" in step for step in job_steps):
            writes = {scope: level for scope, level in permissions.items() if level not in ("read", "none")}
            assert writes == {}, f"{name} runs project code"
        for step in job_steps:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, f"{name}: {step['name']}"
            # an expression in a script is pasted into it before the shell reads it: pass it through env
            assert "${{" not in step.get("run", ""), f"{name}: {step['name']}"


def test_ci_entry_point_still_calls_make_test(tmp_path: Path) -> None:
    # .ci/run with stand-ins for every tool it calls, which only note how they were called
    log = tmp_path / "calls"
    for tool in ("chromium", "npm", "pdftotext", "make", "sudo", "apt-get"):
        stand_in = tmp_path / tool
        note = f'echo "{tool} $* (AGENDA_REQUIRE_BROWSER=$AGENDA_REQUIRE_BROWSER)" >> "{log}"'
        stand_in.write_text(f"#!/bin/sh\n{note}\n")
        stand_in.chmod(0o755)
    done = subprocess.run(
        [str(ROOT / ".ci" / "run")], env={"PATH": f"{tmp_path}:/usr/bin:/bin"}, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert log.read_text(encoding="utf-8").splitlines()[-1] == "make test (AGENDA_REQUIRE_BROWSER=1)"


def test_pre_commit_runs_the_validator_locally() -> None:
    config = read(ROOT / ".pre-commit-config.yaml")
    assert [repo["repo"] for repo in config["repos"]] == ["local"]  # nothing to download
    hooks = {hook["id"]: hook for hook in config["repos"][0]["hooks"]}
    assert hooks["gegevens"]["entry"].startswith(".venv/bin/python scripts/validate.py")
    assert "codeowners.py --controleer" in hooks["codeowners"]["entry"]
    assert "formulieren.py --controleer" in hooks["formulieren"]["entry"]
    for hook in hooks.values():
        assert hook["language"] == "system"
        assert hook["pass_filenames"] is False
        assert "additional_dependencies" not in hook
        assert (ROOT / hook["entry"].split()[1]).is_file()


def test_issue_forms() -> None:
    forms = {path.name: read(path) for path in FORMS.glob("*.yml") if path.name != "config.yml"}
    assert sorted(form["name"] for form in forms.values()) == [
        "Meld een fout",
        "Mijlpaal bereikt",
        "Nieuw brondocument",
        "Nieuwe meting",
        "Nieuwe opgave",
        "Statuswijziging",
    ]
    for name, form in forms.items():
        assert form["description"] and form["title"], name
        fields = [item for item in form["body"] if item["type"] != "markdown"]
        ids = [item["id"] for item in fields]
        assert len(ids) == len(set(ids)), name
        for item in fields:
            assert item["attributes"]["label"], (name, item["id"])
    assert read(FORMS / "config.yml") == {"blank_issues_enabled": False}


def test_status_form_offers_exactly_the_statuses_of_the_schema() -> None:
    form = read(FORMS / "statuswijziging.yml")
    [dropdown] = [item for item in form["body"] if item.get("id") == "status"]
    # every status but 'onbekend': a besluit never makes a status unknown
    assert dropdown["attributes"]["options"] == [s for s in schema_field("opgave", "status").schema["enum"] if s != "onbekend"]
    required = {item["id"] for item in form["body"] if item.get("validations", {}).get("required")}
    assert {"status", "datum", "gremium"} <= required


def test_proposal_form_asks_for_a_source() -> None:
    form = read(FORMS / "nieuwe-opgave.yml")
    fields = {item["id"]: item for item in form["body"] if item["type"] != "markdown"}
    assert fields["bron"]["validations"]["required"] is True
    for name in ("titel", "samenvatting", "trekker"):
        assert fields[name]["attributes"]["label"] == schema_field("opgave", name).title


def test_error_link_opens_the_form_with_the_page_filled_in() -> None:
    form = read(FORMS / ERROR_FORM)
    assert PAGE_FIELD in [item.get("id") for item in form["body"]]
    url = error_report_url("https://github.com/voorbeeld/agenda", "https://example.org/agenda/x/", "Een & ander")
    parts = urlsplit(url)
    assert (parts.netloc, parts.path) == ("github.com", "/voorbeeld/agenda/issues/new")
    assert parse_qs(parts.query) == {
        "template": [ERROR_FORM],
        "title": ["Fout: Een & ander"],
        PAGE_FIELD: ["https://example.org/agenda/x/"],
    }


def test_pull_request_template_is_a_dutch_checklist() -> None:
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    checks = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(checks) >= 5
    for word in ("bronnen:", "onbekend", "statushistorie", "besluit:", "gestopt", "herziening", "Persoonsgegevens"):
        assert word.lower() in text.lower(), word


def test_codeowners_matches_the_data() -> None:
    result = load(ROOT / "data")
    assert result.model is not None, [p.format() for p in result.errors]
    assert (ROOT / CODEOWNERS).read_text(encoding="utf-8") == render(result.model), (
        "CODEOWNERS past niet bij de gegevens: python scripts/codeowners.py"
    )


def test_codeowners_follows_the_trekker_and_the_gremia_above_it() -> None:
    model = load(FIXTURE).model
    opgave, pilot = model.opgaven[0], model.pilots[0]
    top = next(g for g in model.organisatie.gremia if g.valt_onder is None)
    below = next(g for g in model.organisatie.gremia if g.valt_onder == top.id)
    gremia = [
        dataclasses.replace(g, github_team="@voorbeeld/bestuur" if g.id == top.id else None)
        for g in model.organisatie.gremia
    ]
    model = dataclasses.replace(
        model,
        organisatie=dataclasses.replace(model.organisatie, gremia=tuple(gremia)),
        opgaven=(dataclasses.replace(opgave, trekker=below.id),),
        pilots=(dataclasses.replace(pilot, trekker="onbekend"),),
    )
    assert owning_team(below.id, {g.id: g for g in gremia}) == (top.id, "@voorbeeld/bestuur")
    text = render(model)
    assert f"/data/agenda/{opgave.id}.yaml @voorbeeld/bestuur\n" in text
    assert f"# opgave '{opgave.id}': trekker {below.id}, beoordeeld door {top.id}\n" in text
    assert pilot.id not in text  # unknown trekker: no owner is guessed
    own_team = [dataclasses.replace(g, github_team=f"@voorbeeld/{g.id}") for g in gremia]
    assert owning_team(below.id, {g.id: g for g in own_team}) == (below.id, f"@voorbeeld/{below.id}")
    no_teams = {g.id: dataclasses.replace(g, github_team=None) for g in gremia}
    assert owning_team(below.id, no_teams) is None


def test_github_annotations_are_escaped() -> None:
    problem = Problem(path="data/a,b.yaml", line=3, field="titel", message="100% fout:\nregel twee")
    assert github_annotation(problem) == (
        "::error file=data/a%2Cb.yaml,line=3,title=titel::titel: 100%25 fout:%0Aregel twee"
    )
    warning = dataclasses.replace(problem, severity="waarschuwing", field="")
    assert github_annotation(warning).startswith("::warning file=data/a%2Cb.yaml,line=3,title=(bestand)::")
