"""MkDocs adapter (``hooks:`` in mkdocs.yml). Thin: all rendering is in agenda.render.

- on_config: start the build (agenda.adapters.build: load and check the data, and the build
  stops with the validator's messages), take the site name from regio.yaml, explain every abbreviation site-wide (with
  agenda.render.abbreviations in place of Python-Markdown's abbr), set the edit link.
- on_env: keep the theme's compiled templates in build/jinja-cache, so that a rebuild under
  `mkdocs serve` does not compile them again (Jinja checks each template's source).
- on_files: add a page per opgave, pilot and evaluation year, outside the navigation, each with
  an edit link to its YAML file (and a board per thema when the agenda has too many opgaven);
  the printable editions, and the open data, feed and calendar files.
- on_page_markdown, on_page_content: the finished HTML in those pages skips Markdown
  (agenda.adapters.raw_html).
- on_post_build, after the search plugin: the search index finds the agenda's own words
  (agenda.render.search_index).

Every event finds the state of its build on the configuration (Build.of); the hook keeps none.
"""

from __future__ import annotations

import json
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
from agenda.adapters.build import Build, DataError
from agenda.render import abbreviations, search_index
from agenda.site import glossary

log = logging.getLogger("mkdocs.hooks.agenda")

_TOKEN = raw_html.new_token()


@event_priority(100)  # before the macros plugin, so that data errors are reported as such
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        build = Build.start(config)
    except DataError as error:
        raise PluginError(str(error)) from None
    for note in build.notes:
        log.info(note)
    regio = build.site.regio
    # The theme prints it as it is, and with |e in the logo's tooltip: escaped once, as Markup.
    config.site_name = escape(regio.titel)
    # by its module's name: each page gets its own, so a page's own abbreviations stay on it
    extensions = config.markdown_extensions
    extensions[extensions.index("abbr")] = abbreviations.__name__
    config.mdx_configs[abbreviations.__name__] = {"glossary": glossary(build.site.model)}
    # No repo_url: the theme would then fetch facts from the GitHub API in the reader's browser.
    config.edit_uri = f"{regio.repository}/{config.edit_uri}" if regio.repository and config.edit_uri else None
    if str(build.data_dir) not in config.watch:
        config.watch.append(str(build.data_dir))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = Build.of(config)
    docs_dir = build.repository_path(config.docs_dir)
    for file in files.documentation_pages():
        file.edit_uri = f"{docs_dir}/{file.src_uri}" if docs_dir else None
    extra = build.published  # the pages made from the data, open data, feed, printable editions
    for page in extra.generated:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(
                f"{page.data_file or 'regio.yaml'}: de pagina {page.src_uri} bestaat al in {config.docs_dir}. "
                "Kies een andere code (bestandsnaam)."
            )
        file = File.generated(config, page.src_uri, content=page.content, inclusion=InclusionLevel.NOT_IN_NAV)
        file.edit_uri = build.repository_path(page.data_file) if page.data_file else None
        files.append(file)
        build.generated.add(page.src_uri)
    for page in extra.editions:
        files.append(File.generated(config, page.src_uri, content=page.content, inclusion=InclusionLevel.NOT_IN_NAV))
        build.generated.add(page.src_uri)
    for download in extra.downloads:
        files.append(File.generated(config, download.path, content=download.content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = Build.of(config)
    if page.file.src_uri not in build.generated:
        return markdown
    hidden = build.hidden[page.file.src_uri] = raw_html.hide(markdown, _TOKEN)
    return hidden.markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    hidden = Build.of(config).hidden.pop(page.file.src_uri, None)
    if hidden is None:
        return html
    page.present_anchor_ids = (page.present_anchor_ids or set()) | hidden.anchors()
    return hidden.restore(html, _TOKEN)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    cache = Path(config.config_file_path).parent / "build" / "jinja-cache"
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    return env


@event_priority(-100)  # after the search plugin has written the index
def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / search_index.INDEX
    if path.is_file():
        index = search_index.improve(json.loads(path.read_text(encoding="utf-8")), glossary(Build.of(config).site.model))
        path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
