"""mkdocs-macros adapter (``module_name`` in mkdocs.yml). Thin: ``define_env``, which is also
all that Zensical runs, and ``on_pre_page_macros``.

Each macro returns finished text from agenda.render for the hand-written page it is called on,
as :class:`Html`; mkdocs-macros inserts it as it is and does not run it as Jinja again, so text
from the data is never executed. A hand-written page prints nothing else: ``{{ }}`` with any
other value, such as ``{{ config.site_name }}`` (text from regio.yaml, which Markdown and
attr_list would read as markup), stops the build.
"""

from __future__ import annotations

from markupsafe import Markup

from agenda.adapters.build import Build
from agenda.render import (
    besluiten,
    boards,
    bronnen,
    glossary,
    groupings,
    hoofdstuk,
    home,
    open_data,
    organisatie,
    print_edition,
    schema_versions,
    veranderingen,
    visie,
)
from agenda.render.code_lists import code_lists
from agenda.render.evaluatie import evaluaties_index
from agenda.render.field_reference import field_reference
from agenda.render.markup import md_text


class Html(Markup):
    """A macro's finished text: escaped HTML blocks and Markdown headings, or inline text in which
    every character that means something to Markdown or HTML is a character reference."""


def _printed(value: object) -> Html:
    """What ``{{ }}`` on a hand-written page prints (Jinja's finalize): only a macro's text."""
    if isinstance(value, Html):
        return value
    raise TypeError(
        f"{{{{ ... }}}} geeft {str(value)[:80]!r}: op een pagina in docs/ komt tekst alleen uit een macro "
        "(src/agenda/adapters/macros.py), zoals {{ site_naam() }}. Een macro maakt tekst uit de gegevens "
        "veilig voor Markdown en HTML. Gebruik een macro, of voeg er een toe."
    )


def on_pre_page_macros(env) -> None:
    env.env.finalize = _printed  # set before the page's template is made from its text


def define_env(env) -> None:
    build = Build.of(env.conf)  # the hook's, or a new one where no hook runs
    site = build.site

    def here() -> str:
        return env.page.file.src_uri

    macros = {
        "site_naam": lambda: md_text(site.regio.titel),
        "home_titel": lambda: home.title(site),
        "home_inleiding": lambda: home.inleiding(site, here()),
        "home_visie": lambda: home.visie(site, here()),
        "home_principes": lambda: home.principes(site, here()),
        "home_hoofdstukken": lambda: hoofdstuk.hoofdstukken_list(site, here()),
        "home_telling": lambda: home.status_counts(site, here()),
        "home_evaluatie": lambda: home.laatste_evaluatie(site, here()),
        "home_recent": lambda: home.recent(site, here()),
        "visie": lambda: visie.visie(site, here()),
        "agenda_wegwijzer": lambda: groupings.agenda_intro(site, here()),
        "statusbord": lambda: boards.statusbord(site, here()),
        "open_vragen": lambda: boards.open_vragen(site, here()),
        "pilotbord": lambda: boards.pilotbord(site, here()),
        "evaluaties": lambda: evaluaties_index(site, here()),
        "organisatie": lambda: organisatie.organisatie(site, here()),
        "begrippen": lambda: glossary.begrippen(site, here()),
        "bronnen": lambda: bronnen.bronnen(site, here()),
        "veldenreferentie": lambda: field_reference(site, here()),
        "codes": lambda: code_lists(site, here()),
        "open_data": lambda: open_data.open_data(site, here(), build.published.downloads, site.history.data_date),
        "schemaversies": schema_versions.schema_versions,
        "afdrukken": lambda: print_edition.afdrukken(site, here(), site.history.data_date),
        "veranderingen": lambda: veranderingen.veranderingen(site, here()),
        "besluiten": lambda: besluiten.besluiten(site, here()),
    }
    for name, function in macros.items():
        env.macro(lambda function=function: Html(function()), name)
