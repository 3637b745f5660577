"""The YAML text of the issue forms in .github/ISSUE_TEMPLATE/, made from the data and the schemas.

Every text, a name from the data included, goes through a YAML emitter (PyYAML's safe dumper):
whatever a name holds, it is one quoted or plain string in the file, never YAML syntax. A form
with a required dropdown that has no options (no indicators yet, no open mijlpaal) is left out:
GitHub refuses an empty dropdown.
"""

from __future__ import annotations

import yaml

from ..model import Model
from .definitions import Field, Form, forms

FOLDER = ".github/ISSUE_TEMPLATE"
HEADER = """\
# Gemaakt met: .venv/bin/python scripts/formulieren.py (uit de gegevens en de schema's).
# Pas dit bestand niet met de hand aan: een test controleert dat het bij de gegevens past.
"""
_NO_WRAP = 2**31


class _Dumper(yaml.SafeDumper):
    """Text of several lines as a block (|), the rest as PyYAML chooses; lists indented."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def _element(item: Field) -> dict:
    attributes: dict = {"label": item.label}
    if item.description:
        attributes["description"] = item.description
    if item.type == "dropdown":
        attributes["options"] = list(item.options)
    if item.type == "checkboxes":
        option = {"label": item.checkbox, "required": True} if item.tick_required else {"label": item.checkbox}
        attributes["options"] = [option]
    element: dict = {"type": item.type, "id": item.id, "attributes": attributes}
    if item.required:
        element["validations"] = {"required": True}
    return element


def template(form: Form) -> dict:
    """The form definition GitHub reads (its syntax for issue forms)."""
    intro = {"type": "markdown", "attributes": {"value": form.intro + "\n"}}
    return {
        "name": form.name,
        "description": form.description,
        "title": form.title,
        "labels": list(form.labels),
        "body": [intro, *(_element(item) for item in form.fields)],
    }


def offered(form: Form) -> bool:
    """Whether every required dropdown has something to choose."""
    return all(item.options for item in form.fields if item.type == "dropdown" and item.required)


def render(model: Model) -> dict[str, str]:
    """File name -> text of each generated form."""
    return {
        form.file: HEADER
        + yaml.dump(template(form), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=_NO_WRAP)
        for form in forms(model)
        if offered(form)
    }
