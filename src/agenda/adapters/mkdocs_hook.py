"""MkDocs adapter (``hooks:`` in mkdocs.yml). Thin: all rendering is in agenda.render.

- on_config: load and check the data (the build stops with the validator's messages),
  take the site name from regio.yaml, explain every abbreviation site-wide (with
  agenda.render.abbreviations in place of Python-Markdown's abbr), set the edit link.
- on_env: keep the theme's compiled templates in build/jinja-cache, so that a rebuild under
  `mkdocs serve` does not compile them again (Jinja checks each template's source).
- on_files: add a page per opgave, pilot and evaluation year, outside the navigation, each with
  an edit link to its YAML file (and a board per thema when the agenda has too many opgaven);
  the printable editions, and the open data, feed and calendar files.
- on_page_markdown, on_page_content: the finished HTML in those pages skips Markdown
  (agenda.adapters.raw_html).
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from agenda.adapters import raw_html
from agenda.adapters.site import DataError, Loaded, load_site, repository_path
from agenda.export.published import published
from agenda.render import abbreviations
from agenda.render.context import glossary
from agenda.render.generated import generated_pages

log = logging.getLogger("mkdocs.hooks.agenda")

_TOKEN = raw_html.new_token()
_generated: set[str] = set()  # the pages made from the data in this build
_hidden: dict[str, raw_html.Hidden] = {}  # their HTML, between Markdown's start and end


def _loaded(config: MkDocsConfig) -> Loaded:
    try:
        return load_site(Path(config.config_file_path).parent, config.use_directory_urls)
    except DataError as error:
        raise PluginError(str(error)) from None


@event_priority(100)  # before the macros plugin, so that data errors are reported as such
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    loaded = _loaded(config)
    for note in loaded.notes:
        log.info(note)
    regio = loaded.site.regio
    # The theme prints it as it is, and with |e in the logo's tooltip: escaped once, as Markup.
    config.site_name = escape(regio.titel)
    # by its module's name: each page gets its own, so a page's own abbreviations stay on it
    extensions = config.markdown_extensions
    extensions[extensions.index("abbr")] = abbreviations.__name__
    config.mdx_configs[abbreviations.__name__] = {"glossary": glossary(loaded.site.model)}
    # No repo_url: the theme would then fetch facts from the GitHub API in the reader's browser.
    config.edit_uri = f"{regio.repository}/{config.edit_uri}" if regio.repository and config.edit_uri else None
    if str(loaded.data_dir) not in config.watch:
        config.watch.append(str(loaded.data_dir))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    loaded = _loaded(config)
    docs_dir = repository_path(loaded, config.docs_dir)
    _generated.clear()
    _hidden.clear()  # left over when a build stopped half-way
    for file in files.documentation_pages():
        file.edit_uri = f"{docs_dir}/{file.src_uri}" if docs_dir else None
    for page in generated_pages(loaded.site):
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(
                f"{page.data_file or 'regio.yaml'}: de pagina {page.src_uri} bestaat al in {config.docs_dir}. "
                "Kies een andere code (bestandsnaam)."
            )
        file = File.generated(config, page.src_uri, content=page.content, inclusion=InclusionLevel.NOT_IN_NAV)
        file.edit_uri = repository_path(loaded, page.data_file) if page.data_file else None
        files.append(file)
        _generated.add(page.src_uri)
    extra = published(loaded.site, loaded.data_dir, config.site_url)  # open data, feed, printable editions
    for page in extra.pages:
        files.append(File.generated(config, page.src_uri, content=page.content, inclusion=InclusionLevel.NOT_IN_NAV))
        _generated.add(page.src_uri)
    for download in extra.downloads:
        files.append(File.generated(config, download.path, content=download.content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri not in _generated:
        return markdown
    hidden = _hidden[page.file.src_uri] = raw_html.hide(markdown, _TOKEN)
    return hidden.markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    hidden = _hidden.pop(page.file.src_uri, None)
    if hidden is None:
        return html
    page.present_anchor_ids = (page.present_anchor_ids or set()) | hidden.anchors()
    return hidden.restore(html, _TOKEN)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    cache = Path(config.config_file_path).parent / "build" / "jinja-cache"
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    return env
