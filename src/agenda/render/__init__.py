"""Pure renderers: a Site (agenda.site) -> Markdown/HTML text of the pages."""
